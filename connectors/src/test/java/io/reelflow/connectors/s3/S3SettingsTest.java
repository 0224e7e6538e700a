package io.reelflow.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link S3Settings}. */
class S3SettingsTest {

    @Test
    void shouldAcceptCompatibleServerSettings() {
        S3Settings settings =
                new S3Settings("http://127.0.0.1:9000", "us-east-1", "reelflow", "ak", "sk", true);

        assertThat(settings.hasStaticCredentials()).isTrue();
        assertThat(settings.pathStyle()).isTrue();
    }

    @Test
    void shouldUseDefaultCredentialsChainForAws() {
        S3Settings settings = S3Settings.aws("eu-central-1", "reelflow-media");

        assertThat(settings.endpoint()).isNull();
        assertThat(settings.hasStaticCredentials()).isFalse();
    }

    @Test
    void shouldRequireBothKeysOrNeither() {
        assertThatThrownBy(() -> new S3Settings(null, "us-east-1", "reelflow", "ak", null, false))
                .hasMessageContaining("accessKey and secretKey");
    }

    @Test
    void shouldRejectInvalidBucketAndEndpoint() {
        assertThatThrownBy(() -> S3Settings.aws("us-east-1", "Reelflow_Bucket"))
                .hasMessageContaining("S3 bucket");
        assertThatThrownBy(
                        () ->
                                new S3Settings(
                                        "ftp://host", "us-east-1", "reelflow", null, null, true))
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> S3Settings.aws(" ", "reelflow")).hasMessageContaining("S3 region");
    }

    @Test
    void shouldHideSecretKeyInToString() {
        S3Settings settings =
                new S3Settings(
                        "http://127.0.0.1:9000", "us-east-1", "reelflow", "ak", "s3cr3t", true);

        assertThat(settings.toString()).doesNotContain("s3cr3t").contains("ak");
    }
}

package io.reelflow.connectors.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link S3Location}. */
class S3LocationTest {

    @Test
    void shouldRoundTripUriWithNestedKey() {
        S3Location location = S3Location.parse("s3://reelflow/videos/run-1/req 1.mp4");

        assertThat(location.bucket()).isEqualTo("reelflow");
        assertThat(location.key()).isEqualTo("videos/run-1/req 1.mp4");
        assertThat(location.uri()).isEqualTo("s3://reelflow/videos/run-1/req 1.mp4");
    }

    @Test
    void shouldRejectUrisThatAreNotObjects() {
        assertThatThrownBy(() -> S3Location.parse("file:///tmp/x"))
                .hasMessageContaining("Not an s3://");
        assertThatThrownBy(() -> S3Location.parse("s3://reelflow"))
                .hasMessageContaining("no object key");
        assertThatThrownBy(() -> S3Location.parse("s3://reelflow/"))
                .hasMessageContaining("no object key");
    }

    @Test
    void shouldRejectKeyWithLeadingSlash() {
        assertThatThrownBy(() -> new S3Location("reelflow", "/videos/a.mp4"))
                .hasMessageContaining("must not start with '/'");
    }
}

package io.reelflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tests for {@link ServicesOptions}. */
class ServicesOptionsTest {

    @Test
    void shouldUseFreePortsTemporaryDataAndReelflowBucketByDefault() {
        ServicesOptions options =
                ServicesOptions.builder().backend(ServicesBackend.EMBEDDED).build();

        assertThat(options.kafkaPort()).isZero();
        assertThat(options.postgresPort()).isZero();
        assertThat(options.s3Port()).isZero();
        assertThat(options.dataDirectory()).isNull();
        assertThat(options.persistent()).isFalse();
        assertThat(options.bucket()).isEqualTo("reelflow");
    }

    @Test
    void shouldUseFixedPortsAndKeptDataForLocalMode() {
        ServicesOptions options = ServicesOptions.local(Path.of("reelflow-data"));

        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.postgresPort()).isEqualTo(5433);
        assertThat(options.s3Port()).isEqualTo(9000);
        assertThat(options.dataDirectory()).isEqualTo(Path.of("reelflow-data"));
        assertThat(options.persistent()).isTrue();
    }

    @Test
    void shouldTakeDefaultBackendFromSystemProperty() {
        String previous = System.getProperty(ServicesBackend.PROPERTY);
        try {
            System.setProperty(ServicesBackend.PROPERTY, "testcontainers");
            assertThat(ServicesOptions.defaults().backend())
                    .isEqualTo(ServicesBackend.TESTCONTAINERS);

            System.clearProperty(ServicesBackend.PROPERTY);
            assertThat(ServicesOptions.defaults().backend()).isEqualTo(ServicesBackend.EMBEDDED);
        } finally {
            if (previous == null) {
                System.clearProperty(ServicesBackend.PROPERTY);
            } else {
                System.setProperty(ServicesBackend.PROPERTY, previous);
            }
        }
    }

    @Test
    void shouldKeepOtherSettingsInWithers() {
        ServicesOptions options =
                ServicesOptions.builder()
                        .kafkaPort(19092)
                        .bucket("videos")
                        .backend(ServicesBackend.EMBEDDED)
                        .build();

        ServicesOptions changed =
                options.withDataDirectory(Path.of("data"))
                        .withBackend(ServicesBackend.TESTCONTAINERS);

        assertThat(changed.kafkaPort()).isEqualTo(19092);
        assertThat(changed.bucket()).isEqualTo("videos");
        assertThat(changed.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(changed.backend()).isEqualTo(ServicesBackend.TESTCONTAINERS);
    }

    @Test
    void shouldNameTheInvalidSetting() {
        assertThatThrownBy(() -> ServicesOptions.builder().kafkaPort(70000).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafkaPort");
        assertThatThrownBy(() -> ServicesOptions.builder().s3Port(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3Port");
        assertThatThrownBy(() -> ServicesOptions.builder().bucket("Not_A_Bucket").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucket");
        assertThatThrownBy(() -> ServicesOptions.local(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dataDirectory");
    }
}

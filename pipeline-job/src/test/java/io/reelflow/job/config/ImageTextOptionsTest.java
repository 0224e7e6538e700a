package io.reelflow.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.connectors.imagetext.OpenInferenceSettings;
import io.reelflow.operators.quality.RelevanceThresholds;
import java.net.URI;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Tests for {@link ImageTextOptions}. */
class ImageTextOptionsTest {

    @Test
    void shouldHaveNoImageTextModelUnlessAUrlIsSet() {
        Configuration config = new Configuration();

        assertThat(ImageTextOptions.settings(config)).isEmpty();
        assertThat(ImageTextOptions.scorer(config)).isEmpty();
        assertThat(ImageTextOptions.thresholds(config)).isEqualTo(RelevanceThresholds.defaults());
    }

    @Test
    void shouldReadTheEndpointTensorsAndThresholds() {
        Configuration config = new Configuration();
        config.setString("reelflow.quality.image-text.url", "http://clip:8080");
        config.setString("reelflow.quality.image-text.model", "clip-vit-b32");
        config.setString("reelflow.quality.image-text.model-version", "3");
        config.setString("reelflow.quality.image-text.output", "similarity");
        config.setString("reelflow.quality.image-text.request-timeout", "20 s");
        config.setString("reelflow.quality.image-text.min-score", "0.22");
        config.setString("reelflow.quality.relevance.min-similarity", "0.3");

        OpenInferenceSettings settings = ImageTextOptions.settings(config).orElseThrow();

        assertThat(settings.baseUri()).isEqualTo(URI.create("http://clip:8080"));
        assertThat(settings.model()).isEqualTo("clip-vit-b32");
        assertThat(settings.version()).isEqualTo("3");
        assertThat(settings.imageInput()).isEqualTo("image");
        assertThat(settings.textInput()).isEqualTo("text");
        assertThat(settings.output()).isEqualTo("similarity");
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(ImageTextOptions.scorer(config)).isPresent();
        assertThat(ImageTextOptions.thresholds(config))
                .isEqualTo(new RelevanceThresholds(0.3, 0.22));
    }

    @Test
    void shouldNameTheOptionsWhenTheUrlIsWrong() {
        Configuration config = new Configuration();
        config.setString("reelflow.quality.image-text.url", "ftp://clip");

        assertThatThrownBy(() -> ImageTextOptions.settings(config))
                .hasMessageContaining("reelflow.quality.image-text.")
                .hasMessageContaining("http or https");
    }
}

package io.reelflow.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.connectors.s3.S3Retry;
import io.reelflow.job.config.GenerationOptions;
import io.reelflow.job.config.KafkaOptions;
import io.reelflow.job.config.PipelineOptions;
import io.reelflow.job.config.PromptOptions;
import io.reelflow.job.config.StorageOptions;
import io.reelflow.operators.quality.QualityConfig;
import io.reelflow.operators.render.ImageLimits;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.request.RequestLimits;
import io.reelflow.operators.scene.PromptLimit;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

/** Tests for {@link PipelineSettings} and {@link ConnectorSettings}. */
class PipelineSettingsTest {
    @Test
    void shouldReadDefaults() {
        PipelineSettings settings = PipelineSettings.from(new Configuration());
        ConnectorSettings connectors = ConnectorSettings.from(new Configuration());

        assertThat(settings.runId()).isEqualTo("live");
        assertThat(settings.requestRules().maxTextChars()).isEqualTo(20_000);
        assertThat(settings.requestRules().limits()).isEqualTo(RequestLimits.defaults());
        assertThat(settings.requestRules().limits().maxPayloadBytes()).isEqualTo(64 * 1024);
        assertThat(settings.requestRules().limits().deadLetterPrefixBytes()).isEqualTo(4 * 1024);
        assertThat(settings.generation().maxAttempts()).isEqualTo(3);
        assertThat(connectors.requests().topic()).isEqualTo("reelflow.requests");
        assertThat(connectors.storage().endpoint()).isNull();
        assertThat(connectors.storage().pathStyle()).isFalse();
        assertThat(connectors.storage().retry()).isEqualTo(S3Retry.DEFAULT);
    }

    @Test
    void shouldSizeStagesFromTheClustersTaskManagersUnlessTheOptionsSay() {
        Configuration cluster = new Configuration();
        cluster.setString("kubernetes.taskmanager.cpu.amount", "16");
        cluster.setString("taskmanager.numberOfTaskSlots", "2");

        PipelineSettings derived = PipelineSettings.from(new Configuration(), cluster);

        assertThat(derived.renderThreads()).isEqualTo(2);
        assertThat(derived.sizing().renderCapacity()).isEqualTo(4);
        // The reference model's 2 slots shared by 2 task slots, 20 min / 10 min: 1 x 3.
        assertThat(derived.generation().capacity()).isEqualTo(3);
        assertThat(derived.sizing().generationCapacity()).isEqualTo(3);
        assertThat(derived.sizing().reasons().get(2))
                .startsWith("generation: 3 scene(s)")
                .contains("not by cores");

        Configuration options = new Configuration();
        options.set(PipelineOptions.RENDER_THREADS, 1);
        options.set(GenerationOptions.CAPACITY, 64);
        PipelineSettings explicit = PipelineSettings.from(options, cluster);

        assertThat(explicit.renderThreads()).isEqualTo(1);
        assertThat(explicit.sizing().renderCapacity()).isEqualTo(2);
        assertThat(explicit.generation().capacity()).isEqualTo(64);
        assertThat(explicit.sizing().reasons().get(2))
                .startsWith("generation: 64 scene(s)")
                .contains("set by reelflow.generation.capacity");
    }

    @Test
    void shouldReadThePromptLimitAndTheOptionalChatModels() {
        Configuration config = new Configuration();
        config.set(PromptOptions.MAX_CLIP_TOKENS, 0);
        config.set(PromptOptions.MAX_CHARS, 400);
        config.set(PromptOptions.TRANSLATOR_URL, "http://127.0.0.1:8000");
        config.set(PromptOptions.TRANSLATOR_MODEL, "qwen2.5-7b-instruct");

        assertThat(PipelineSettings.from(new Configuration()).promptLimit())
                .isEqualTo(PromptLimit.CLIP);
        assertThat(PipelineSettings.from(config).promptLimit())
                .isEqualTo(PromptLimit.characters(400));
        assertThat(ChatModelSettings.translator(new Configuration())).isEmpty();
        assertThat(ChatModelSettings.scenePlanner(config)).isEmpty();
        assertThat(ChatModelSettings.translator(config))
                .hasValueSatisfying(
                        chat -> {
                            assertThat(chat.model()).isEqualTo("qwen2.5-7b-instruct");
                            assertThat(chat.baseUri().getPort()).isEqualTo(8000);
                        });
    }

    @Test
    void shouldReadTheImageLimitsOfRenders() {
        Configuration config = new Configuration();
        config.setString("reelflow.render.max-image-bytes", "8 mb");
        config.setString("reelflow.render.max-image-pixels", "1000000");

        assertThat(PipelineSettings.from(new Configuration()).render().imageLimits())
                .isEqualTo(ImageLimits.defaults());
        assertThat(PipelineSettings.from(config).render().imageLimits())
                .isEqualTo(new ImageLimits(8L * 1024 * 1024, 1_000_000));
    }

    @Test
    void shouldReadTheEncoderPresetAndCrfAndRefuseAnUnknownPreset() {
        Configuration fast = new Configuration();
        fast.setString("reelflow.render.x264-preset", "veryfast");
        fast.setString("reelflow.render.crf", "25");
        Configuration unknown = new Configuration();
        unknown.setString("reelflow.render.x264-preset", "warp");

        RenderConfig defaults = PipelineSettings.from(new Configuration()).render();
        assertThat(defaults.x264Preset()).isEqualTo("superfast");
        assertThat(defaults.x264Params()).isEqualTo("mbtree=1:rc-lookahead=10");
        assertThat(PipelineSettings.from(fast).render().x264Preset()).isEqualTo("veryfast");
        assertThat(PipelineSettings.from(fast).render().x264Params()).isEmpty();
        assertThat(PipelineSettings.from(fast).render().crf()).isEqualTo(25);
        assertThatThrownBy(() -> PipelineSettings.from(unknown))
                .hasMessageContaining("x264Preset must be one of");
    }

    @Test
    void shouldApplyX264OptionsToTheDefaultOrAChosenPreset() {
        Configuration options = new Configuration();
        options.setString("reelflow.render.x264-params", "ref=2");
        Configuration both = new Configuration();
        both.setString("reelflow.render.x264-preset", "faster");
        both.setString("reelflow.render.x264-params", "subme=1");
        Configuration malformed = new Configuration();
        malformed.setString("reelflow.render.x264-params", "mbtree");

        assertThat(PipelineSettings.from(options).render().x264Preset()).isEqualTo("superfast");
        assertThat(PipelineSettings.from(options).render().x264Params()).isEqualTo("ref=2");
        assertThat(PipelineSettings.from(both).render().x264Preset()).isEqualTo("faster");
        assertThat(PipelineSettings.from(both).render().x264Params()).isEqualTo("subme=1");
        assertThatThrownBy(() -> PipelineSettings.from(malformed))
                .hasMessageContaining("x264Params must be key=value pairs");
    }

    @Test
    void shouldReadTheQualityPreset() {
        Configuration strict = new Configuration();
        strict.setString("reelflow.quality.preset", "strict");
        Configuration unknown = new Configuration();
        unknown.setString("reelflow.quality.preset", "perfect");

        assertThat(PipelineSettings.from(new Configuration()).quality())
                .isEqualTo(QualityConfig.defaults());
        assertThat(PipelineSettings.from(strict).quality())
                .isEqualTo(QualityConfig.preset("strict"));
        assertThatThrownBy(() -> PipelineSettings.from(unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reelflow.quality.preset")
                .hasMessageContaining("use one of draft, standard, strict");
    }

    @Test
    void shouldApplyOptions() {
        Configuration config = new Configuration();
        config.set(PipelineOptions.RUN_ID, "replay-1");
        config.set(PipelineOptions.DEFAULT_RESOLUTION, "360p");
        config.set(GenerationOptions.MAX_ATTEMPTS, 2);
        config.set(GenerationOptions.INITIAL_BACKOFF, Duration.ofMillis(10));
        config.set(KafkaOptions.RESULTS_TOPIC, "out");
        config.set(StorageOptions.ENDPOINT, "http://127.0.0.1:9000");
        config.set(StorageOptions.RETRY_MAX_ATTEMPTS, 4);
        config.set(StorageOptions.RETRY_BASE_DELAY, Duration.ofMillis(50));
        config.set(StorageOptions.RETRY_MAX_BACKOFF, Duration.ofSeconds(1));

        PipelineSettings settings = PipelineSettings.from(config);
        ConnectorSettings connectors = ConnectorSettings.from(config);

        assertThat(settings.runId()).isEqualTo("replay-1");
        assertThat(settings.requestRules().defaultResolution()).isEqualTo("360p");
        assertThat(settings.generation().maxAttempts()).isEqualTo(2);
        assertThat(settings.generation().initialBackoff()).isEqualTo(Duration.ofMillis(10));
        assertThat(connectors.results().topic()).isEqualTo("out");
        assertThat(connectors.storage().pathStyle()).isTrue();
        assertThat(connectors.storage().retry())
                .isEqualTo(new S3Retry(4, Duration.ofMillis(50), Duration.ofSeconds(1)));
    }

    @Test
    void shouldNameTheBadOption() {
        Configuration config = new Configuration();
        config.set(KafkaOptions.STARTING_OFFSETS, "yesterday");

        assertThatThrownBy(() -> ConnectorSettings.from(config))
                .hasMessageContaining(
                        "reelflow.kafka.starting-offsets must be committed, earliest or latest");
        Configuration badResolution = new Configuration();
        badResolution.set(PipelineOptions.DEFAULT_RESOLUTION, "8k");
        assertThatThrownBy(() -> PipelineSettings.from(badResolution))
                .hasMessageContaining("unsupported resolution '8k'");
    }

    @Test
    void shouldRefuseADeadLetterPrefixThatCouldOverflowAKafkaRecord() {
        Configuration config = new Configuration();
        config.set(PipelineOptions.DEAD_LETTER_PREFIX_SIZE, MemorySize.parse("1mb"));
        config.set(PipelineOptions.MAX_PAYLOAD_SIZE, MemorySize.parse("128kb"));

        assertThatThrownBy(() -> PipelineSettings.from(config))
                .hasMessageContaining(
                        "reelflow.dead-letter.payload-prefix-size must be 1 byte to 256 kb");
        config.set(PipelineOptions.DEAD_LETTER_PREFIX_SIZE, MemorySize.parse("8kb"));
        assertThat(PipelineSettings.from(config).requestRules().limits().maxPayloadBytes())
                .isEqualTo(128 * 1024);
    }
}

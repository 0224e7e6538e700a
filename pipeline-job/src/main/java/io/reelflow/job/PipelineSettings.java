package io.reelflow.job;

import io.reelflow.job.config.CatalogOptions;
import io.reelflow.job.config.ControlOptions;
import io.reelflow.job.config.GenerationOptions;
import io.reelflow.job.config.ImageTextOptions;
import io.reelflow.job.config.NarrationOptions;
import io.reelflow.job.config.PipelineOptions;
import io.reelflow.job.config.PlannerOptions;
import io.reelflow.job.config.PromptOptions;
import io.reelflow.job.sizing.StageSizing;
import io.reelflow.job.sizing.TaskManagerResources;
import io.reelflow.operators.asset.AssetRetrieverConfig;
import io.reelflow.operators.gather.SceneGathering;
import io.reelflow.operators.generation.GenerationConfig;
import io.reelflow.operators.language.LanguageDetectorConfig;
import io.reelflow.operators.narration.NarrationConfig;
import io.reelflow.operators.quality.QualityConfig;
import io.reelflow.operators.quality.VideoScorerFactory;
import io.reelflow.operators.render.ImageLimits;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.VideoEncoder;
import io.reelflow.operators.request.RequestLimits;
import io.reelflow.operators.request.RequestRules;
import io.reelflow.operators.scene.PromptLimit;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;

/** Every stage's settings, read once from the typed configuration. */
public record PipelineSettings(
        String runId,
        RequestRules requestRules,
        Duration dedupTtl,
        LanguageDetectorConfig language,
        SceneAnalyzerConfig scenes,
        PromptLimit promptLimit,
        int promptCacheSize,
        int planThreads,
        AssetRetrieverConfig assets,
        GenerationConfig generation,
        Duration gatherTimeout,
        RenderConfig render,
        int renderThreads,
        Duration renderTimeout,
        QualityConfig quality,
        VideoScorerFactory scorer,
        NarrationConfig narration,
        int narrationThreads,
        Duration narrationTimeout,
        Duration cancelTtl,
        StageSizing sizing) {

    /**
     * Reads the settings, failing with the option's key when a value is out of range; pool sizes
     * and capacities the options leave open are derived from the task manager resources {@code
     * config} names (see {@link #from(ReadableConfig, ReadableConfig)}).
     */
    public static PipelineSettings from(ReadableConfig config) {
        return from(config, config);
    }

    /**
     * Reads the settings from the job's options ({@code config}); the task manager resources that
     * size the stages come from {@code config} first, then from {@code cluster} (the environment's
     * configuration, where a cluster's {@code taskmanager.*} settings are).
     */
    public static PipelineSettings from(ReadableConfig config, ReadableConfig cluster) {
        RequestRules defaults = RequestRules.defaults();
        RequestRules rules =
                new RequestRules(
                        config.get(PipelineOptions.MAX_TEXT_CHARS),
                        config.get(PipelineOptions.DEFAULT_DURATION_SECONDS),
                        defaults.minDurationSeconds(),
                        defaults.maxDurationSeconds(),
                        config.get(PipelineOptions.DEFAULT_RESOLUTION),
                        defaults.defaultAspectRatio(),
                        config.get(PipelineOptions.FPS),
                        defaults.defaultSubtitles(),
                        limitsOf(config));
        LanguageDetectorConfig languageDefaults = LanguageDetectorConfig.defaults();
        LanguageDetectorConfig language =
                new LanguageDetectorConfig(
                        Set.of(),
                        config.get(PipelineOptions.LANGUAGE_LOW_ACCURACY),
                        languageDefaults.minConfidence(),
                        languageDefaults.fallbackLanguage());
        GenerationConfig.Builder unsizedGeneration = GenerationOptions.read(config);
        RenderConfig render =
                withEncoderOptions(
                        RenderConfig.defaults()
                                .withFonts(
                                        config.get(PipelineOptions.FONT_PATHS),
                                        config.get(PipelineOptions.FONT_FAMILIES))
                                .withEncoder(
                                        VideoEncoder.valueOf(
                                                config.get(PipelineOptions.ENCODER)
                                                        .toUpperCase(Locale.ROOT)))
                                .withCrf(config.get(PipelineOptions.CRF))
                                .withImageLimits(
                                        new ImageLimits(
                                                config.get(PipelineOptions.MAX_IMAGE_BYTES)
                                                        .getBytes(),
                                                config.get(PipelineOptions.MAX_IMAGE_PIXELS))),
                        config);
        StageSizing sizing =
                StageSizing.derive(
                        TaskManagerResources.of(List.of(config, cluster)),
                        render,
                        unsizedGeneration,
                        config.getOptional(PipelineOptions.RENDER_THREADS),
                        config.getOptional(GenerationOptions.CAPACITY));
        GenerationConfig generation =
                unsizedGeneration.capacity(sizing.generationCapacity()).build();
        Duration gatherTimeout = config.get(PipelineOptions.GATHER_TIMEOUT);
        SceneGathering.requireTimeoutCovers(gatherTimeout, generation.operatorTimeout());
        return new PipelineSettings(
                config.get(PipelineOptions.RUN_ID),
                rules,
                config.get(PipelineOptions.DEDUP_TTL),
                language,
                SceneAnalyzerConfig.defaults(),
                new PromptLimit(
                        config.get(PromptOptions.MAX_CLIP_TOKENS),
                        config.get(PromptOptions.MAX_CHARS)),
                config.get(PromptOptions.CACHE_SIZE),
                config.get(PlannerOptions.THREADS),
                AssetRetrieverConfig.defaults()
                        .withMinScore(config.get(PipelineOptions.ASSET_MIN_SCORE))
                        .withDenseWeight(config.get(PipelineOptions.ASSET_DENSE_WEIGHT))
                        .withRefreshInterval(config.get(CatalogOptions.REFRESH_INTERVAL)),
                generation,
                gatherTimeout,
                render,
                sizing.renderThreads(),
                config.get(PipelineOptions.RENDER_TIMEOUT),
                qualityOf(config),
                config.getOptional(PipelineOptions.QUALITY_SCORER_FACTORY)
                        .map(VideoScorerFactory::named)
                        .orElseGet(
                                () ->
                                        VideoScorerFactory.of(
                                                qualityOf(config),
                                                render,
                                                ImageTextOptions.thresholds(config),
                                                ImageTextOptions.scorer(config).orElse(null))),
                NarrationOptions.read(config, rules),
                config.get(NarrationOptions.THREADS),
                config.get(NarrationOptions.TIMEOUT),
                config.get(ControlOptions.CANCEL_TTL),
                sizing);
    }

    /**
     * The default x264 options belong to the default preset, so a preset set here comes alone
     * unless x264-params is set too.
     */
    private static RenderConfig withEncoderOptions(RenderConfig render, ReadableConfig config) {
        RenderConfig preset =
                config.getOptional(PipelineOptions.X264_PRESET)
                        .map(render::withX264Preset)
                        .orElse(render);
        return config.getOptional(PipelineOptions.X264_PARAMS)
                .map(preset::withX264Params)
                .orElse(preset);
    }

    private static QualityConfig qualityOf(ReadableConfig config) {
        try {
            return QualityConfig.preset(config.get(PipelineOptions.QUALITY_PRESET));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PipelineOptions.QUALITY_PRESET.key() + ": " + e.getMessage(), e);
        }
    }

    private static RequestLimits limitsOf(ReadableConfig config) {
        RequestLimits defaults = RequestLimits.defaults();
        int prefix = bytes(config, PipelineOptions.DEAD_LETTER_PREFIX_SIZE);
        if (prefix < 1 || prefix > RequestLimits.MAX_DEAD_LETTER_PREFIX_BYTES) {
            throw new IllegalArgumentException(
                    PipelineOptions.DEAD_LETTER_PREFIX_SIZE.key()
                            + " must be 1 byte to 256 kb, so a dead letter fits Kafka's 1 MB"
                            + " record limit: "
                            + config.get(PipelineOptions.DEAD_LETTER_PREFIX_SIZE));
        }
        return new RequestLimits(
                bytes(config, PipelineOptions.MAX_PAYLOAD_SIZE),
                prefix,
                config.get(PipelineOptions.MAX_ATTRIBUTES),
                defaults.maxAttributeKeyChars(),
                defaults.maxAttributeValueChars(),
                config.get(PipelineOptions.MAX_STYLE_CHARS),
                config.get(PipelineOptions.MAX_WORK_PIXEL_FRAMES));
    }

    private static int bytes(ReadableConfig config, ConfigOption<MemorySize> option) {
        long bytes = config.get(option).getBytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option.key() + " is too large: " + bytes);
        }
        return (int) bytes;
    }
}

package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.reelflow.operators.asset.AssetRetrieverConfig;
import io.reelflow.operators.gather.SceneGathering;
import io.reelflow.operators.quality.QualityConfig;
import io.reelflow.operators.render.ImageLimits;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.request.RequestLimits;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/** Tunables of the pipeline's own stages. */
public final class PipelineOptions {
    public static final ConfigOption<String> RUN_ID =
            key("reelflow.run-id")
                    .stringType()
                    .defaultValue("live")
                    .withDescription(
                            "Names this run; replays use their own so live results stay untouched.");

    public static final ConfigOption<Integer> MAX_TEXT_CHARS =
            key("reelflow.request.max-text-chars")
                    .intType()
                    .defaultValue(20_000)
                    .withDescription("Longer texts go to the dead-letter topic.");

    public static final ConfigOption<MemorySize> MAX_PAYLOAD_SIZE =
            key("reelflow.request.max-payload-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("64kb"))
                    .withDescription("Record values above this are dead-lettered before parsing.");

    public static final ConfigOption<MemorySize> DEAD_LETTER_PREFIX_SIZE =
            key("reelflow.dead-letter.payload-prefix-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("4kb"))
                    .withDescription(
                            "Bytes of a refused value its dead letter carries (at most 256 kb, so a"
                                    + " dead letter fits Kafka's 1 MB record limit); longer values"
                                    + " are stored whole under dead-letters/<sha256> in the bucket.");

    public static final ConfigOption<Integer> MAX_ATTRIBUTES =
            key("reelflow.request.max-attributes")
                    .intType()
                    .defaultValue(RequestLimits.defaults().maxAttributes())
                    .withDescription(
                            "Entries a request's attributes may have (keys up to "
                                    + RequestLimits.defaults().maxAttributeKeyChars()
                                    + " characters, values up to "
                                    + RequestLimits.defaults().maxAttributeValueChars()
                                    + ").");

    public static final ConfigOption<Integer> MAX_STYLE_CHARS =
            key("reelflow.request.max-style-chars")
                    .intType()
                    .defaultValue(RequestLimits.defaults().maxStyleChars())
                    .withDescription("Longer styles are rejected.");

    public static final ConfigOption<Long> MAX_WORK_PIXEL_FRAMES =
            key("reelflow.request.max-work-pixel-frames")
                    .longType()
                    .defaultValue(RequestLimits.DEFAULT_MAX_WORK_PIXEL_FRAMES)
                    .withDescription(
                            "Work budget of one request: seconds x width x height x fps. The"
                                    + " default, 60 G, is the 20-minute render timeout at a quarter"
                                    + " of the render rate measured on 2 cores (about 220 M"
                                    + " pixel-frames/s, benchmarks/README.md): 60 s at 1080p/30"
                                    + " (3.7 G) passes, 600 s at 2160p/30 (149 G) does not.");

    public static final ConfigOption<Double> DEFAULT_DURATION_SECONDS =
            key("reelflow.request.default-duration-seconds")
                    .doubleType()
                    .defaultValue(15.0)
                    .withDescription("Video length when a request does not say.");

    public static final ConfigOption<String> DEFAULT_RESOLUTION =
            key("reelflow.request.default-resolution")
                    .stringType()
                    .defaultValue("720p")
                    .withDescription("Resolution when a request does not say (240p..2160p).");

    public static final ConfigOption<Integer> FPS =
            key("reelflow.render.fps")
                    .intType()
                    .defaultValue(25)
                    .withDescription("Output frame rate.");

    public static final ConfigOption<Duration> DEDUP_TTL =
            key("reelflow.dedup.ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "How long a request id is remembered: a re-send within it gets a DUPLICATE"
                                    + " status instead of being processed again.");

    public static final ConfigOption<Duration> GATHER_TIMEOUT =
            key("reelflow.gather.timeout")
                    .durationType()
                    .defaultValue(SceneGathering.DEFAULT_TIMEOUT)
                    .withDescription(
                            "A request fails when this long passes without any of its scenes"
                                    + " coming back (each scene renews it). Must exceed the"
                                    + " generation operator's timeout, which is checked at start.");

    public static final ConfigOption<Double> ASSET_MIN_SCORE =
            key("reelflow.assets.min-score")
                    .doubleType()
                    .defaultValue(0.25)
                    .withDescription("Below this retrieval score a scene is generated instead.");

    public static final ConfigOption<Double> ASSET_DENSE_WEIGHT =
            key("reelflow.assets.dense-weight")
                    .doubleType()
                    .defaultValue(AssetRetrieverConfig.DEFAULT_DENSE_WEIGHT)
                    .withDescription(
                            "Share of the dense signal (sentence-embedding similarity of a scene's"
                                    + " English prompt and an asset's description) in retrieval"
                                    + " relevance, beside BM25; 0 is BM25 alone and never loads"
                                    + " the embedding model.");

    public static final ConfigOption<Integer> RENDER_THREADS =
            key("reelflow.render.threads")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            "Videos rendered (and scored) at once per subtask; each render keeps"
                                    + " encoder + compose threads (2 + 2) busy. Unset: derived from"
                                    + " the task manager, renders x threads per render ~ cores per"
                                    + " slot, at least 1 (README, Sizing a cluster).");

    public static final ConfigOption<Duration> RENDER_TIMEOUT =
            key("reelflow.render.timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(20))
                    .withDescription("A render that takes longer fails the request.");

    public static final ConfigOption<String> QUALITY_SCORER_FACTORY =
            key("reelflow.quality.scorer-factory")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Class name of a VideoScorerFactory (public, no-argument constructor)"
                                    + " that replaces the built-in quality scorer in scoring and"
                                    + " repair, e.g. a plug-in model's; unset: the built-in one.");

    public static final ConfigOption<String> QUALITY_PRESET =
            key("reelflow.quality.preset")
                    .stringType()
                    .defaultValue(QualityConfig.STANDARD)
                    .withDescription(
                            "Thresholds finished videos are judged against when a request names no"
                                    + " qualityPreset: draft, standard or strict.");

    public static final ConfigOption<MemorySize> MAX_IMAGE_BYTES =
            key("reelflow.render.max-image-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse(ImageLimits.DEFAULT_MAX_BYTES + "b"))
                    .withDescription(
                            "Largest photo file a render decodes (stock or generated); a bigger one"
                                    + " becomes a title card with the reason.");

    public static final ConfigOption<Long> MAX_IMAGE_PIXELS =
            key("reelflow.render.max-image-pixels")
                    .longType()
                    .defaultValue(ImageLimits.DEFAULT_MAX_PIXELS)
                    .withDescription(
                            "Most pixels (width x height, read from the header before decoding) of"
                                    + " a photo a render decodes; protects against decompression"
                                    + " bombs.");

    public static final ConfigOption<String> ENCODER =
            key("reelflow.render.encoder")
                    .stringType()
                    .defaultValue("auto")
                    .withDescription(
                            "auto (NVENC when a GPU is there, else libx264), nvenc or libx264.");

    public static final ConfigOption<String> X264_PRESET =
            key("reelflow.render.x264-preset")
                    .stringType()
                    .defaultValue(RenderConfig.DEFAULT_X264_PRESET)
                    .withDescription(
                            "libx264 preset of renders without NVENC: the trade between render"
                                    + " time and file size at the same CRF. The default, with"
                                    + " reelflow.render.x264-params' default, encodes a 60 s 720p"
                                    + " video with 40 % less CPU than veryfast for files about"
                                    + " 5 % larger. Setting a preset drops that default of"
                                    + " x264-params (benchmarks/README.md, \"Choosing the encoder"
                                    + " settings\").");

    public static final ConfigOption<String> X264_PARAMS =
            key("reelflow.render.x264-params")
                    .stringType()
                    .defaultValue(RenderConfig.DEFAULT_X264_PARAMS)
                    .withDescription(
                            "libx264 options on top of the preset, as FFmpeg's x264-params takes"
                                    + " them (key=value:key=value; empty for none). The default"
                                    + " gives the default preset veryfast's rate control back"
                                    + " (macroblock tree, 10-frame lookahead) and applies only"
                                    + " while reelflow.render.x264-preset is not set.");

    public static final ConfigOption<Integer> CRF =
            key("reelflow.render.crf")
                    .intType()
                    .defaultValue(RenderConfig.defaults().crf())
                    .withDescription(
                            "Constant rate factor of the video (libx264 crf, NVENC cq): lower is"
                                    + " better quality and larger files; 23 is x264's default.");

    public static final ConfigOption<List<String>> FONT_PATHS =
            key("reelflow.render.font-paths")
                    .stringType()
                    .asList()
                    .defaultValues(RenderConfig.defaults().fontPaths().toArray(new String[0]))
                    .withDescription(
                            "Your own font files or directories for subtitles and title cards,"
                                    + " tried before the bundled fonts (Roboto, Noto for each"
                                    + " script, Noto Sans CJK), which are always there; missing"
                                    + " paths are skipped. Text in a script no font has is left"
                                    + " out of the picture (SRT and WebVTT keep it) and the video"
                                    + " is DEGRADED, naming the script.");

    public static final ConfigOption<List<String>> FONT_FAMILIES =
            key("reelflow.render.font-families")
                    .stringType()
                    .asList()
                    .defaultValues(RenderConfig.defaults().fontFamilies().toArray(new String[0]))
                    .withDescription(
                            "Preferred font families, first first, matched against font file"
                                    + " names (e.g. 'Noto Sans' matches NotoSans-Bold.ttf); each"
                                    + " character is drawn with the first font that has it.");

    public static final ConfigOption<Boolean> LANGUAGE_LOW_ACCURACY =
            key("reelflow.language.low-accuracy")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Lingua's low-accuracy mode: far less memory, slightly worse on short text.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            key("reelflow.checkpoint.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "Checkpoint interval (exactly-once); results become visible on Kafka at"
                                    + " each checkpoint, on average half an interval plus the"
                                    + " checkpoint's duration after the status topic's terminal"
                                    + " event. Overrides execution.checkpointing.interval.");

    private PipelineOptions() {}
}

package io.reelflow.operators.render;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the {@link Renderer}. Immutable and serializable so a Flink function can carry it;
 * start from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * RenderConfig config = RenderConfig.defaults().withEncoder(VideoEncoder.LIBX264).withCrf(20);
 * }</pre>
 *
 * @param workDirectory where per-render temporary directories are created; {@code null} means
 *     {@code <java.io.tmpdir>/reelflow-render} of the machine that renders
 * @param encoder which H.264 encoder to use
 * @param x264Preset libx264 speed/size preset, e.g. {@code veryfast}
 * @param crf constant rate factor, 0 (lossless) to 51 (worst); also the NVENC quality target
 * @param encoderThreads threads one encode may use (renders run in parallel on an executor)
 * @param subtitleFontFamily font family of burned-in subtitles and title cards
 * @param subtitleSizeRatio subtitle font size as a fraction of the video height
 */
public record RenderConfig(
        String workDirectory,
        VideoEncoder encoder,
        String x264Preset,
        int crf,
        int encoderThreads,
        String subtitleFontFamily,
        double subtitleSizeRatio)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The presets libx264 accepts. */
    public static final Set<String> X264_PRESETS =
            Set.of(
                    "ultrafast",
                    "superfast",
                    "veryfast",
                    "faster",
                    "fast",
                    "medium",
                    "slow",
                    "slower",
                    "veryslow",
                    "placebo");

    public RenderConfig {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(x264Preset, "x264Preset");
        Objects.requireNonNull(subtitleFontFamily, "subtitleFontFamily");
        if (workDirectory != null && workDirectory.isBlank()) {
            throw new IllegalArgumentException(
                    "workDirectory must not be blank (use null for the default)");
        }
        if (!X264_PRESETS.contains(x264Preset)) {
            throw new IllegalArgumentException(
                    "x264Preset must be one of " + X264_PRESETS + ", was " + x264Preset);
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be within 0..51, was " + crf);
        }
        if (encoderThreads < 1 || encoderThreads > 64) {
            throw new IllegalArgumentException(
                    "encoderThreads must be within 1..64, was " + encoderThreads);
        }
        if (subtitleFontFamily.isBlank()) {
            throw new IllegalArgumentException("subtitleFontFamily must not be blank");
        }
        if (!(subtitleSizeRatio > 0 && subtitleSizeRatio <= 0.2)) {
            throw new IllegalArgumentException(
                    "subtitleSizeRatio must be within (0, 0.2], was " + subtitleSizeRatio);
        }
    }

    /** AUTO encoder, x264 {@code veryfast}, crf 23, 2 threads, SansSerif at 5% of the height. */
    public static RenderConfig defaults() {
        return new RenderConfig(null, VideoEncoder.AUTO, "veryfast", 23, 2, "SansSerif", 0.05);
    }

    /** The directory renders create their temporary directories in. */
    public Path resolveWorkDirectory() {
        return workDirectory != null
                ? Path.of(workDirectory)
                : Path.of(System.getProperty("java.io.tmpdir"), "reelflow-render");
    }

    public RenderConfig withWorkDirectory(Path directory) {
        return new RenderConfig(
                directory.toString(),
                encoder,
                x264Preset,
                crf,
                encoderThreads,
                subtitleFontFamily,
                subtitleSizeRatio);
    }

    public RenderConfig withEncoder(VideoEncoder newEncoder) {
        return new RenderConfig(
                workDirectory,
                newEncoder,
                x264Preset,
                crf,
                encoderThreads,
                subtitleFontFamily,
                subtitleSizeRatio);
    }

    public RenderConfig withX264Preset(String preset) {
        return new RenderConfig(
                workDirectory,
                encoder,
                preset,
                crf,
                encoderThreads,
                subtitleFontFamily,
                subtitleSizeRatio);
    }

    public RenderConfig withCrf(int newCrf) {
        return new RenderConfig(
                workDirectory,
                encoder,
                x264Preset,
                newCrf,
                encoderThreads,
                subtitleFontFamily,
                subtitleSizeRatio);
    }

    public RenderConfig withEncoderThreads(int threads) {
        return new RenderConfig(
                workDirectory,
                encoder,
                x264Preset,
                crf,
                threads,
                subtitleFontFamily,
                subtitleSizeRatio);
    }

    public RenderConfig withSubtitleFont(String family, double sizeRatio) {
        return new RenderConfig(
                workDirectory, encoder, x264Preset, crf, encoderThreads, family, sizeRatio);
    }
}

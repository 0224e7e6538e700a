package io.reelflow.operators.render;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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
 * @param x264Params libx264 options applied on top of the preset, as FFmpeg's {@code x264-params}
 *     takes them ({@code key=value:key=value}); empty for the preset alone
 * @param crf constant rate factor, 0 (lossless) to 51 (worst); also the NVENC quality target
 * @param encoderThreads threads one encode may use (renders run in parallel on an executor)
 * @param subtitleSizeRatio subtitle font size as a fraction of the video height
 * @param fontPaths your own font files or directories for subtitles and title cards, tried before
 *     the bundled fonts (see {@link RenderFonts}); {@code ${java.home}} is replaced by the
 *     rendering JVM's home; none by default
 * @param fontFamilies preferred font families, first first (matched against file names such as
 *     {@code NotoSans-Bold.ttf}); each character is drawn with the first font that has it
 * @param framesInFlight composed frames waiting for or in the encoder (each one frame of memory)
 * @param composeThreads threads composing one frame (the render's own thread and helpers); more
 *     than one uses cores the encoder leaves idle
 * @param contactSheetColumns tiles per row of the contact sheet
 * @param contactSheetTileWidth width in pixels of one contact sheet tile
 * @param imageLimits the largest photo (bytes, pixels) a render decodes; a bigger one, checked from
 *     its header before decoding, becomes a title card with the reason
 */
public record RenderConfig(
        String workDirectory,
        VideoEncoder encoder,
        String x264Preset,
        String x264Params,
        int crf,
        int encoderThreads,
        double subtitleSizeRatio,
        List<String> fontPaths,
        List<String> fontFamilies,
        int framesInFlight,
        int composeThreads,
        int contactSheetColumns,
        int contactSheetTileWidth,
        ImageLimits imageLimits)
        implements Serializable {

    private static final long serialVersionUID = 5L;

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

    /**
     * {@code superfast}'s motion search with {@code veryfast}'s rate control: the macroblock tree
     * over a 10-frame lookahead, which {@code superfast} turns off. On a 60 s 720p slideshow it
     * costs 40 % less encoding CPU than {@code veryfast} for files 5 % larger at the same CRF (SSIM
     * 0.9775 against 0.9777); {@code superfast} alone writes files 44 % larger
     * (benchmarks/README.md, "Choosing the encoder settings").
     */
    public static final String DEFAULT_X264_PRESET = "superfast";

    /** The options that give {@link #DEFAULT_X264_PRESET} back its rate control. */
    public static final String DEFAULT_X264_PARAMS = "mbtree=1:rc-lookahead=10";

    /**
     * {@code key=value} pairs joined by {@code :}, as FFmpeg splits {@code x264-params}; the values
     * may hold commas (e.g. {@code partitions=i8x8,i4x4}).
     */
    private static final Pattern X264_PARAMS =
            Pattern.compile("[a-z0-9_-]+=[^:=\\s]+(:[a-z0-9_-]+=[^:=\\s]+)*");

    /**
     * None: the bundled fonts cover the common scripts, and renders look the same on every machine
     * whatever fonts it has installed.
     */
    public static final List<String> DEFAULT_FONT_PATHS = List.of();

    /**
     * Roboto (bundled) for Latin, Greek and Cyrillic, then Noto Sans when you add it; the other
     * bundled Noto fonts each cover their own scripts and follow by name.
     */
    public static final List<String> DEFAULT_FONT_FAMILIES = List.of("Roboto", "Noto Sans");

    public RenderConfig {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(x264Preset, "x264Preset");
        Objects.requireNonNull(x264Params, "x264Params");
        Objects.requireNonNull(fontPaths, "fontPaths");
        Objects.requireNonNull(fontFamilies, "fontFamilies");
        Objects.requireNonNull(imageLimits, "imageLimits");
        fontPaths = List.copyOf(fontPaths);
        fontFamilies = List.copyOf(fontFamilies);
        if (workDirectory != null && workDirectory.isBlank()) {
            throw new IllegalArgumentException(
                    "workDirectory must not be blank (use null for the default)");
        }
        if (!X264_PRESETS.contains(x264Preset)) {
            throw new IllegalArgumentException(
                    "x264Preset must be one of " + X264_PRESETS + ", was " + x264Preset);
        }
        if (!x264Params.isEmpty() && !X264_PARAMS.matcher(x264Params).matches()) {
            throw new IllegalArgumentException(
                    "x264Params must be key=value pairs joined by ':' (or empty), was "
                            + x264Params);
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be within 0..51, was " + crf);
        }
        if (encoderThreads < 1 || encoderThreads > 64) {
            throw new IllegalArgumentException(
                    "encoderThreads must be within 1..64, was " + encoderThreads);
        }
        if (!(subtitleSizeRatio > 0 && subtitleSizeRatio <= 0.2)) {
            throw new IllegalArgumentException(
                    "subtitleSizeRatio must be within (0, 0.2], was " + subtitleSizeRatio);
        }
        if (fontPaths.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                    "fontPaths must not contain blank entries, was " + fontPaths);
        }
        if (fontFamilies.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                    "fontFamilies must not contain blank entries, was " + fontFamilies);
        }
        if (framesInFlight < 1 || framesInFlight > 16) {
            throw new IllegalArgumentException(
                    "framesInFlight must be within 1..16, was " + framesInFlight);
        }
        if (composeThreads < 1 || composeThreads > 16) {
            throw new IllegalArgumentException(
                    "composeThreads must be within 1..16, was " + composeThreads);
        }
        if (contactSheetColumns < 1 || contactSheetColumns > 16) {
            throw new IllegalArgumentException(
                    "contactSheetColumns must be within 1..16, was " + contactSheetColumns);
        }
        if (contactSheetTileWidth < 16 || contactSheetTileWidth > 1920) {
            throw new IllegalArgumentException(
                    "contactSheetTileWidth must be within 16..1920, was " + contactSheetTileWidth);
        }
    }

    /**
     * AUTO encoder, x264 {@link #DEFAULT_X264_PRESET superfast} with {@link #DEFAULT_X264_PARAMS
     * veryfast's rate control}, crf 23, 2 threads, subtitles at 5% of the height, the bundled fonts
     * only ({@link #DEFAULT_FONT_FAMILIES}), 3 frames in flight, 2 compose threads, contact sheets
     * of 4 columns of 320 px tiles, {@link ImageLimits#defaults() photos} up to 64 MiB and 64
     * megapixels.
     */
    public static RenderConfig defaults() {
        return new RenderConfig(
                null,
                VideoEncoder.AUTO,
                DEFAULT_X264_PRESET,
                DEFAULT_X264_PARAMS,
                23,
                2,
                0.05,
                DEFAULT_FONT_PATHS,
                DEFAULT_FONT_FAMILIES,
                3,
                2,
                4,
                320,
                ImageLimits.defaults());
    }

    /** The directory renders create their temporary directories in. */
    public Path resolveWorkDirectory() {
        return workDirectory != null
                ? Path.of(workDirectory)
                : Path.of(System.getProperty("java.io.tmpdir"), "reelflow-render");
    }

    /** The fonts to draw text with: {@link #fontPaths} and the bundled fonts. */
    public RenderFonts fonts() {
        return new RenderFonts(fontPaths, fontFamilies);
    }

    /** {@link #fontPaths} on this machine. */
    public List<Path> resolveFontPaths() {
        return fonts().resolvePaths();
    }

    public RenderConfig withWorkDirectory(Path directory) {
        return new Builder(this).workDirectory(directory.toString()).build();
    }

    public RenderConfig withEncoder(VideoEncoder newEncoder) {
        return new Builder(this).encoder(newEncoder).build();
    }

    /**
     * The preset alone: the default's {@link #x264Params} belong to the default preset, so they are
     * dropped; add options for this preset with {@link #withX264Params}.
     */
    public RenderConfig withX264Preset(String preset) {
        return new Builder(this).x264Preset(preset).x264Params("").build();
    }

    public RenderConfig withX264Params(String params) {
        return new Builder(this).x264Params(params).build();
    }

    public RenderConfig withCrf(int newCrf) {
        return new Builder(this).crf(newCrf).build();
    }

    public RenderConfig withEncoderThreads(int threads) {
        return new Builder(this).encoderThreads(threads).build();
    }

    public RenderConfig withSubtitleSizeRatio(double ratio) {
        return new Builder(this).subtitleSizeRatio(ratio).build();
    }

    /**
     * Adds {@code paths} to the bundled fonts, tried before them, preferring {@code families} in
     * this order.
     */
    public RenderConfig withFonts(List<String> paths, List<String> families) {
        return new Builder(this).fonts(paths, families).build();
    }

    public RenderConfig withFramesInFlight(int frames) {
        return new Builder(this).framesInFlight(frames).build();
    }

    public RenderConfig withComposeThreads(int threads) {
        return new Builder(this).composeThreads(threads).build();
    }

    public RenderConfig withContactSheet(int columns, int tileWidth) {
        return new Builder(this).contactSheet(columns, tileWidth).build();
    }

    public RenderConfig withImageLimits(ImageLimits limits) {
        return new Builder(this).imageLimits(limits).build();
    }

    /** Copies a config with one change; the record constructor validates. */
    private static final class Builder {
        private String workDirectory;
        private VideoEncoder encoder;
        private String x264Preset;
        private String x264Params;
        private int crf;
        private int encoderThreads;
        private double subtitleSizeRatio;
        private List<String> fontPaths;
        private List<String> fontFamilies;
        private int framesInFlight;
        private int composeThreads;
        private int contactSheetColumns;
        private int contactSheetTileWidth;
        private ImageLimits imageLimits;

        Builder(RenderConfig c) {
            workDirectory = c.workDirectory;
            encoder = c.encoder;
            x264Preset = c.x264Preset;
            x264Params = c.x264Params;
            crf = c.crf;
            encoderThreads = c.encoderThreads;
            subtitleSizeRatio = c.subtitleSizeRatio;
            fontPaths = c.fontPaths;
            fontFamilies = c.fontFamilies;
            framesInFlight = c.framesInFlight;
            composeThreads = c.composeThreads;
            contactSheetColumns = c.contactSheetColumns;
            contactSheetTileWidth = c.contactSheetTileWidth;
            imageLimits = c.imageLimits;
        }

        Builder workDirectory(String value) {
            workDirectory = value;
            return this;
        }

        Builder encoder(VideoEncoder value) {
            encoder = value;
            return this;
        }

        Builder x264Preset(String value) {
            x264Preset = value;
            return this;
        }

        Builder x264Params(String value) {
            x264Params = value;
            return this;
        }

        Builder crf(int value) {
            crf = value;
            return this;
        }

        Builder encoderThreads(int value) {
            encoderThreads = value;
            return this;
        }

        Builder subtitleSizeRatio(double value) {
            subtitleSizeRatio = value;
            return this;
        }

        Builder fonts(List<String> paths, List<String> families) {
            fontPaths = paths;
            fontFamilies = families;
            return this;
        }

        Builder framesInFlight(int value) {
            framesInFlight = value;
            return this;
        }

        Builder composeThreads(int value) {
            composeThreads = value;
            return this;
        }

        Builder contactSheet(int columns, int tileWidth) {
            contactSheetColumns = columns;
            contactSheetTileWidth = tileWidth;
            return this;
        }

        Builder imageLimits(ImageLimits value) {
            imageLimits = value;
            return this;
        }

        RenderConfig build() {
            return new RenderConfig(
                    workDirectory,
                    encoder,
                    x264Preset,
                    x264Params,
                    crf,
                    encoderThreads,
                    subtitleSizeRatio,
                    fontPaths,
                    fontFamilies,
                    framesInFlight,
                    composeThreads,
                    contactSheetColumns,
                    contactSheetTileWidth,
                    imageLimits);
        }
    }
}

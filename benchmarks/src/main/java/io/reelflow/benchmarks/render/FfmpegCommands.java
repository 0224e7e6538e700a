package io.reelflow.benchmarks.render;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Argument lists for the Debian {@code ffmpeg} CLI: the reference slideshow of issue 5, the SSIM
 * comparison, and the raw-frame encode used as the encode-only baseline.
 *
 * <p>Each photo is scaled to cover twice the output size and cropped to it (2560x1440 for 720p),
 * then {@code zoompan} zooms in about its centre by 0.0015 per frame ({@link #ZOOM}, up to 1.273
 * after 183 frames), and the clips are joined by {@code xfade=transition=fade} at offsets {@code k
 * × 4.9 s}; libx264 {@code ultrafast}, CRF 23, 2 threads, yuv420p.
 */
public final class FfmpegCommands {

    /** The zoompan zoom expression: +0.15 % per frame, capped at 1.5 (never reached). */
    public static final String ZOOM = "min(zoom+0.0015,1.5)";

    /** Keeps the zoom centred; zoompan's default origin is the top-left corner. */
    public static final String ZOOM_X = "iw/2-(iw/zoom/2)";

    public static final String ZOOM_Y = "ih/2-(ih/zoom/2)";

    /** The CLI's encoder settings, which our renderer is configured to match. */
    public static final String PRESET = "ultrafast";

    public static final int CRF = 23;
    public static final int THREADS = 2;

    private static final String FFMPEG = "ffmpeg";

    private FfmpegCommands() {}

    /**
     * The {@code -filter_complex} graph of {@code show} over its inputs {@code 0..sceneCount-1}.
     */
    public static String filterGraph(Slideshow show) {
        int coverWidth = 2 * show.width();
        int coverHeight = 2 * show.height();
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < show.sceneCount(); i++) {
            graph.append('[')
                    .append(i)
                    .append(":v]scale=")
                    .append(coverWidth)
                    .append(':')
                    .append(coverHeight)
                    .append(":force_original_aspect_ratio=increase,crop=")
                    .append(coverWidth)
                    .append(':')
                    .append(coverHeight)
                    .append(",format=yuv420p,zoompan=z='")
                    .append(ZOOM)
                    .append("':x='")
                    .append(ZOOM_X)
                    .append("':y='")
                    .append(ZOOM_Y)
                    .append("':d=")
                    .append(show.clipFrames())
                    .append(":s=")
                    .append(show.width())
                    .append('x')
                    .append(show.height())
                    .append(":fps=")
                    .append(show.fps())
                    .append(",setsar=1[v")
                    .append(i)
                    .append("];");
        }
        String previous = "v0";
        for (int k = 1; k < show.sceneCount(); k++) {
            String label = k == show.sceneCount() - 1 ? "out" : "x" + k;
            graph.append('[')
                    .append(previous)
                    .append("][v")
                    .append(k)
                    .append("]xfade=transition=fade:duration=")
                    .append(show.secondsText(show.transitionFrames()))
                    .append(":offset=")
                    .append(show.secondsText(show.xfadeOffsetFrame(k)))
                    .append('[')
                    .append(label)
                    .append("];");
            previous = label;
        }
        graph.setLength(graph.length() - 1);
        return graph.toString();
    }

    /** The label of the graph's output pad. */
    public static String outputLabel(Slideshow show) {
        return show.sceneCount() == 1 ? "[v0]" : "[out]";
    }

    /**
     * The reference command: one still input per scene ({@code photos} cycled), the {@link
     * #filterGraph}, libx264 at {@code crf} ({@code 0} is lossless).
     */
    public static List<String> slideshow(Slideshow show, List<Path> photos, int crf, Path output) {
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("a slideshow needs at least one photo");
        }
        List<String> command = quietPrefix();
        for (int i = 0; i < show.sceneCount(); i++) {
            command.add("-i");
            command.add(photos.get(i % photos.size()).toString());
        }
        command.addAll(
                List.of("-filter_complex", filterGraph(show), "-map", outputLabel(show), "-an"));
        command.addAll(x264(crf));
        command.add(output.toString());
        return command;
    }

    /**
     * Compares {@code distorted} with {@code reference} frame by frame; the mean over all frames
     * and planes is the {@code All:} figure of the filter's summary line on stderr.
     */
    public static List<String> ssim(Path distorted, Path reference) {
        return List.of(
                FFMPEG,
                "-hide_banner",
                "-nostdin",
                "-nostats",
                "-i",
                distorted.toString(),
                "-i",
                reference.toString(),
                "-lavfi",
                "[0:v][1:v]ssim",
                "-f",
                "null",
                "-");
    }

    /** Decodes {@code video} to raw yuv420p frames, the input of the encode-only baseline. */
    public static List<String> decodeToRaw(Path video, Path raw) {
        List<String> command = quietPrefix();
        command.addAll(
                List.of(
                        "-i",
                        video.toString(),
                        "-f",
                        "rawvideo",
                        "-pix_fmt",
                        "yuv420p",
                        raw.toString()));
        return command;
    }

    /**
     * Encodes raw yuv420p frames with the CLI's encoder settings and the renderer's GOP (two
     * seconds) and faststart, for comparison with the JavaCV encode-only baseline.
     */
    public static List<String> encodeRaw(Path raw, Slideshow show, int crf, Path output) {
        List<String> command = quietPrefix();
        command.addAll(
                List.of(
                        "-f",
                        "rawvideo",
                        "-pix_fmt",
                        "yuv420p",
                        "-s",
                        show.width() + "x" + show.height(),
                        "-framerate",
                        Integer.toString(show.fps()),
                        "-i",
                        raw.toString(),
                        "-an"));
        command.addAll(x264(crf));
        command.addAll(List.of("-g", Integer.toString(2 * show.fps()), "-movflags", "+faststart"));
        command.add(output.toString());
        return command;
    }

    /**
     * Where {@code program} is on {@code pathVariable} (a {@code PATH}-style list), if anywhere.
     */
    public static Optional<Path> findOnPath(String program, String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String directory : pathVariable.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks that {@code ffmpeg} and {@code ffprobe} are on this process's {@code PATH}.
     *
     * @throws IllegalStateException naming the Debian package when one is missing
     */
    public static void requireFfmpeg() {
        for (String program : List.of(FFMPEG, "ffprobe")) {
            if (findOnPath(program, System.getenv("PATH")).isEmpty()) {
                throw new IllegalStateException(
                        program
                                + " is not on PATH; the reference needs the ffmpeg CLI:"
                                + " apt-get install -y ffmpeg");
            }
        }
    }

    private static List<String> quietPrefix() {
        return new ArrayList<>(
                List.of(
                        FFMPEG,
                        "-hide_banner",
                        "-nostdin",
                        "-nostats",
                        "-loglevel",
                        "error",
                        "-y"));
    }

    private static List<String> x264(int crf) {
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be within 0..51, was " + crf);
        }
        return List.of(
                "-c:v",
                "libx264",
                "-preset",
                PRESET,
                "-crf",
                Integer.toString(crf),
                "-threads",
                Integer.toString(THREADS),
                "-pix_fmt",
                "yuv420p");
    }
}

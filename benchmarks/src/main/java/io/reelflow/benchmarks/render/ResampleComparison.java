package io.reelflow.benchmarks.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.benchmarks.common.Options;
import io.reelflow.operators.render.internal.Canvas;
import io.reelflow.operators.render.internal.CoverCrop;
import io.reelflow.operators.render.internal.KenBurns;
import io.reelflow.operators.render.internal.Resampler;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Resamples the Ken Burns frames of one real still (the slideshow's close-up zoom with a drift)
 * with {@link Resampler} and prints one JSON object: CPU time per output frame (this thread's,
 * median of the rounds after a warm-up round) and the difference from a plain double-precision
 * bilinear reference (max and mean per sample). Run it twice: with {@code --add-modules
 * jdk.incubator.vector} the rows are interpolated with the Vector API, without it by the scalar
 * loop ({@code vectorApi} says which). The swscale alternative measured against these is in the
 * render section of {@code benchmarks/README.md}.
 *
 * <pre>
 * --photo FILE    the still (required)
 * --size WxH      output size (default 1280x720)
 * --frames N      frames of the move (default 183, one slideshow clip)
 * --rounds N      measured rounds after the warm-up (default 5)
 * --out FILE      also write the JSON there
 * </pre>
 */
public final class ResampleComparison {

    private static final Set<String> OPTIONS = Set.of("photo", "size", "frames", "rounds", "out");

    /** The slideshow's camera cue: zoom in to 1.3 with a drift. */
    private static final KenBurns MOVE = new KenBurns(1, 1.3, 0.5, 0.5, 0.53, 0.48);

    private ResampleComparison() {}

    /** One way of painting a frame's window of the still into a canvas. */
    private interface Method extends AutoCloseable {
        void paint(KenBurns.Window window, Canvas target);

        @Override
        default void close() {}
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, OPTIONS, Set.of());
        String[] size = options.get("size", "1280x720").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        int frames = options.getInt("frames", 183);
        int rounds = options.getInt("rounds", 5);
        Canvas still = still(Path.of(options.require("photo")), width, height);

        List<KenBurns.Window> windows = new ArrayList<>();
        for (int frame = 0; frame < frames; frame++) {
            windows.add(MOVE.window((double) frame / (frames - 1), still.width(), still.height()));
        }
        List<Canvas> exact = new ArrayList<>();
        for (KenBurns.Window window : windows) {
            Canvas canvas = new Canvas(width, height);
            exactBilinear(still, window, canvas);
            exact.add(canvas);
        }

        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("photo", options.require("photo"));
        report.put("still", still.width() + "x" + still.height());
        report.put("output", width + "x" + height);
        report.put("frames", frames);
        report.put("rounds", rounds);
        ArrayNode methods = report.putArray("methods");
        // The Resampler interpolates rows with the Vector API when this JVM has the module: run
        // once with and once without --add-modules jdk.incubator.vector.
        String resampler = Resampler.vectorised() ? "vector-api-bilinear" : "scalar-bilinear";
        report.put("vectorApi", Resampler.vectorised());
        methods.add(measure(json, resampler, () -> scalar(still), windows, exact, rounds));
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        System.out.println(text);
        if (options.get("out", null) != null) {
            Files.writeString(Path.of(options.get("out", null)), text);
        }
    }

    private interface MethodFactory {
        Method open();
    }

    private static ObjectNode measure(
            ObjectMapper json,
            String name,
            MethodFactory factory,
            List<KenBurns.Window> windows,
            List<Canvas> exact,
            int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Canvas canvas = new Canvas(exact.get(0).width(), exact.get(0).height());
        long[] nanosPerFrame = new long[rounds];
        long maxDifference = 0;
        long sumDifference = 0;
        long samples = 0;
        try (Method method = factory.open()) {
            for (int round = -1; round < rounds; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (KenBurns.Window window : windows) {
                    method.paint(window, canvas);
                }
                long spent = threads.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    nanosPerFrame[round] = spent / windows.size();
                }
            }
            for (int i = 0; i < windows.size(); i++) {
                method.paint(windows.get(i), canvas);
                byte[] got = canvas.data();
                byte[] want = exact.get(i).data();
                for (int b = 0; b < got.length; b++) {
                    int difference = Math.abs((got[b] & 0xff) - (want[b] & 0xff));
                    maxDifference = Math.max(maxDifference, difference);
                    sumDifference += difference;
                }
                samples += got.length;
            }
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed", e);
        }
        Arrays.sort(nanosPerFrame);
        ObjectNode node = json.createObjectNode();
        node.put("method", name);
        node.put("cpuMicrosPerFrame", nanosPerFrame[rounds / 2] / 1000.0);
        node.put("maxDifference", maxDifference);
        node.put("meanDifference", (double) sumDifference / samples);
        return node;
    }

    /** Bilinear interpolation in doubles, rounded once: what the resampler approximates. */
    private static void exactBilinear(Canvas still, KenBurns.Window window, Canvas target) {
        plane(
                still.data(),
                0,
                still.width(),
                still.height(),
                target.data(),
                0,
                target.width(),
                target.height(),
                window.left(),
                window.top(),
                window.width(),
                window.height());
        for (int[] offsets :
                new int[][] {
                    {still.uOffset(), target.uOffset()}, {still.vOffset(), target.vOffset()}
                }) {
            plane(
                    still.data(),
                    offsets[0],
                    still.chromaWidth(),
                    still.chromaHeight(),
                    target.data(),
                    offsets[1],
                    target.chromaWidth(),
                    target.chromaHeight(),
                    window.left() / 2,
                    window.top() / 2,
                    window.width() / 2,
                    window.height() / 2);
        }
    }

    private static void plane(
            byte[] source,
            int from,
            int sourceWidth,
            int sourceHeight,
            byte[] target,
            int to,
            int targetWidth,
            int targetHeight,
            double left,
            double top,
            double width,
            double height) {
        for (int y = 0; y < targetHeight; y++) {
            double sy = clamp(top + (y + 0.5) * height / targetHeight - 0.5, sourceHeight);
            int y0 = (int) sy;
            int y1 = Math.min(sourceHeight - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < targetWidth; x++) {
                double sx = clamp(left + (x + 0.5) * width / targetWidth - 0.5, sourceWidth);
                int x0 = (int) sx;
                int x1 = Math.min(sourceWidth - 1, x0 + 1);
                double fx = sx - x0;
                double top0 =
                        at(source, from, sourceWidth, x0, y0) * (1 - fx)
                                + at(source, from, sourceWidth, x1, y0) * fx;
                double bottom =
                        at(source, from, sourceWidth, x0, y1) * (1 - fx)
                                + at(source, from, sourceWidth, x1, y1) * fx;
                target[to + y * targetWidth + x] = (byte) Math.round(top0 * (1 - fy) + bottom * fy);
            }
        }
    }

    private static double clamp(double at, int size) {
        return Math.max(0, Math.min(size - 1, at));
    }

    private static int at(byte[] plane, int from, int width, int x, int y) {
        return plane[from + y * width + x] & 0xff;
    }

    private static Method scalar(Canvas still) {
        Resampler resampler = new Resampler();
        return (window, target) -> {
            Resampler.Grid luma =
                    new Resampler.Grid(
                            still.width(),
                            still.height(),
                            target.width(),
                            target.height(),
                            window.left(),
                            window.top(),
                            window.width(),
                            window.height());
            Resampler.Grid chroma =
                    new Resampler.Grid(
                            still.chromaWidth(),
                            still.chromaHeight(),
                            target.chromaWidth(),
                            target.chromaHeight(),
                            window.left() / 2,
                            window.top() / 2,
                            window.width() / 2,
                            window.height() / 2);
            resampler.sample(
                    luma, still.data(), 0, target.data(), 0, target.width(), 0, target.height());
            resampler.samplePair(
                    chroma,
                    still.data(),
                    still.uOffset(),
                    still.vOffset(),
                    target.data(),
                    target.uOffset(),
                    target.vOffset(),
                    target.chromaWidth(),
                    0,
                    target.chromaHeight());
        };
    }

    /**
     * The photo covering a still of the size the strongest zoom needs, as PhotoSource made it
     * before JPEGs went through FFmpeg and swscale (Java2D bicubic); the resampling is the same.
     */
    private static Canvas still(Path photo, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(photo.toFile());
        int stillWidth = even(width * MOVE.maxZoom());
        int stillHeight = even(height * MOVE.maxZoom());
        BufferedImage fitted =
                new BufferedImage(stillWidth, stillHeight, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = fitted.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        CoverCrop cover =
                CoverCrop.of(image.getWidth(), image.getHeight(), stillWidth, stillHeight);
        g.drawImage(
                image,
                -cover.cropX(),
                -cover.cropY(),
                cover.scaledWidth(),
                cover.scaledHeight(),
                null);
        g.dispose();
        Canvas still = new Canvas(stillWidth, stillHeight);
        still.setImage(fitted);
        return still;
    }

    private static int even(double size) {
        int rounded = (int) Math.ceil(size);
        return rounded + (rounded & 1);
    }
}

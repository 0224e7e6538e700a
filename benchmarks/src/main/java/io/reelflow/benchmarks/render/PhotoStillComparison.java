package io.reelflow.benchmarks.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.ThreadMXBean;
import io.reelflow.benchmarks.common.Options;
import io.reelflow.operators.render.internal.Canvas;
import io.reelflow.operators.render.internal.KenBurns;
import io.reelflow.operators.render.internal.PhotoSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens the slideshow's photos the way a render's scene opener does ({@link PhotoSource#open}, a
 * still for the close-up zoom) and prints one JSON object: this thread's CPU time and Java heap
 * allocation per round over all photos. With {@code --stills DIR} it also writes each still as raw
 * yuv420p ({@code NAME.WxH.FIT.yuv}) for comparing fits with ffmpeg's {@code ssim} filter (render
 * section of {@code benchmarks/README.md}). Run it on two commits to compare photo paths.
 *
 * <pre>
 * --photos DIR    the photos, the first --count by file name (required)
 * --count N       photos (default 12, the slideshow's)
 * --size WxH      frame size (default 1280x720)
 * --rounds N      rounds in this JVM (default 3; the first includes class loading and JIT)
 * --stills DIR    also write the stills there
 * </pre>
 */
public final class PhotoStillComparison {

    private static final Set<String> OPTIONS =
            Set.of("photos", "count", "size", "rounds", "stills");

    /** The slideshow's cue (close-up): its still is the frame at 1.3x. */
    private static final double ZOOM = 1.3;

    private PhotoStillComparison() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, OPTIONS, Set.of());
        String[] size = options.get("size", "1280x720").split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        int rounds = options.getInt("rounds", 3);
        List<Path> photos;
        try (Stream<Path> files = Files.list(Path.of(options.require("photos")))) {
            photos =
                    files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".jpg"))
                            .sorted()
                            .limit(options.getInt("count", 12))
                            .collect(Collectors.toList());
        }
        // A still of the close-up's size, opened at that size with no zoom: frame 0 is the still.
        int stillWidth = even(width * ZOOM);
        int stillHeight = even(height * ZOOM);
        KenBurns none = new KenBurns(1, 1, 0.5, 0.5, 0.5, 0.5);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        String stills = options.get("stills", null);

        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("photos", photos.size());
        report.put("still", stillWidth + "x" + stillHeight);
        ArrayNode results = report.putArray("rounds");
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            for (Path photo : photos) {
                PhotoSource source = PhotoSource.open(photo, stillWidth, stillHeight, none);
                if (round == 0 && stills != null) {
                    Canvas still = new Canvas(stillWidth, stillHeight);
                    source.paint(still, 0, 1);
                    Path directory = Files.createDirectories(Path.of(stills));
                    String name =
                            photo.getFileName()
                                    + "."
                                    + stillWidth
                                    + "x"
                                    + stillHeight
                                    + "."
                                    + source.fit()
                                    + ".yuv";
                    Files.write(directory.resolve(name), still.data());
                }
            }
            ObjectNode result = results.addObject();
            result.put("cpuMillis", (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            result.put(
                    "allocatedMb",
                    (threads.getCurrentThreadAllocatedBytes() - allocated) / (1024 * 1024));
        }
        System.out.println(json.writeValueAsString(report));
    }

    private static int even(double size) {
        int rounded = (int) Math.ceil(size);
        return rounded + (rounded & 1);
    }
}

package io.reelflow.benchmarks.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.benchmarks.common.Medians;
import io.reelflow.benchmarks.common.Options;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.Renderer;
import io.reelflow.operators.render.VideoEncoder;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders one benchmark slideshow with {@link Renderer} in this JVM and prints one JSON line, so a
 * parent process can measure this process's wall time, CPU time and peak RSS alone. Photos are put
 * into a {@link DirectoryObjectStore} first; the render time covers {@link Renderer#render} only
 * (fetching the photos from the store, composing, encoding, storing the video, thumbnail and
 * subtitles).
 *
 * <pre>
 * --photos DIR       photo directory; the first 12 by name are used (required)
 * --store DIR        directory of the object store; the video lands under videos/ (required)
 * --variant NAME     720p, 1080p, 9x16 or memory-1080p (default 720p)
 * --crf N            libx264 CRF, 0 = lossless (default 23)
 * --preset NAME      libx264 preset (default ultrafast)
 * --x264-params P    libx264 options on top of the preset, key=value:key=value (default none)
 * --threads N        encoder threads (default 2)
 * --camera-cue CUE   camera cue of every scene, "" for none (default close-up)
 * --request-id ID    request id, the video's file name (default slideshow-VARIANT-crfN)
 * --renders N        renders in this JVM, one after the other (default 1); the later ones show
 *                    the speed of a task manager that has rendered before (compiled code)
 * </pre>
 *
 * <p>Output fields: {@code variant}, {@code crf}, {@code renderMillis}, {@code jvmStartMillis} (JVM
 * uptime when main began), {@code frames} and {@code durationSeconds} of the written file, {@code
 * heapPeakMb}, {@code output} (path of the MP4), {@code notes}; with {@code --renders N > 1} also
 * {@code warmRenderMillis} (median of renders 2..N) and {@code renderMillisEach}. {@code
 * renderMillis} is always the first render's.
 */
public final class SlideshowRenderMain {

    private static final Set<String> OPTIONS =
            Set.of(
                    "photos",
                    "store",
                    "variant",
                    "crf",
                    "preset",
                    "threads",
                    "camera-cue",
                    "request-id",
                    "renders",
                    "x264-params");

    private SlideshowRenderMain() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getUptime();
        Options options = Options.parse(args, OPTIONS, Set.of());
        Slideshow show = Slideshow.named(options.get("variant", "720p"));
        int crf = options.getInt("crf", FfmpegCommands.CRF);
        String requestId = options.get("request-id", "slideshow-" + show.name() + "-crf" + crf);
        String cameraCue = options.get("camera-cue", SlideshowJob.DEFAULT_CAMERA_CUE);
        List<Path> photos =
                SlideshowPhotos.firstByName(
                        Path.of(options.require("photos")), SlideshowPhotos.COUNT);
        av_log_set_level(AV_LOG_ERROR);
        // The render job carries Avro enums (moods, camera cues): trust our schema classes.
        AvroClassTrust.install();

        try (DirectoryObjectStore store =
                new DirectoryObjectStore(Path.of(options.require("store")))) {
            RenderConfig config =
                    RenderConfig.defaults()
                            .withEncoder(VideoEncoder.LIBX264)
                            .withX264Preset(options.get("preset", FfmpegCommands.PRESET))
                            .withX264Params(options.get("x264-params", ""))
                            .withCrf(crf)
                            .withEncoderThreads(options.getInt("threads", FfmpegCommands.THREADS))
                            .withWorkDirectory(store.root().resolve("work"));
            // Made before the photos go into the store, as a task manager makes its renderer when
            // the job starts: the renderer's warm-up runs meanwhile.
            Renderer renderer = new Renderer(store, config);
            List<String> uris = new ArrayList<>();
            for (Path photo : photos) {
                uris.add(store.put("photos/" + photo.getFileName(), photo, "image/jpeg"));
            }
            int renders = options.getInt("renders", 1);
            List<Long> millis = new ArrayList<>();
            RenderedVideo video = null;
            for (int i = 0; i < renders; i++) {
                // Later renders get their own id: the store keeps each video under its request id.
                String id = i == 0 ? requestId : requestId + "-" + (i + 1);
                RenderJob job = SlideshowJob.of(show, uris, cameraCue, id);
                long start = System.nanoTime();
                RenderedVideo rendered = renderer.render(job);
                millis.add((System.nanoTime() - start) / 1_000_000);
                if (i == 0) {
                    video = rendered;
                }
            }
            long renderMillis = millis.get(0);

            ObjectNode line = new ObjectMapper().createObjectNode();
            line.put("variant", show.name());
            line.put("crf", crf);
            line.put("renderMillis", renderMillis);
            if (renders > 1) {
                line.put("warmRenderMillis", Medians.of(millis.subList(1, renders)));
                line.putPOJO("renderMillisEach", millis);
            }
            line.put("jvmStartMillis", jvmStart);
            line.put("frames", Math.round(video.getDurationSeconds() * show.fps()));
            line.put("expectedFrames", show.totalFrames());
            line.put("durationSeconds", video.getDurationSeconds());
            line.put("width", video.getWidth());
            line.put("height", video.getHeight());
            line.put("heapPeakMb", heapPeakMb());
            line.put("output", store.fileOf(video.getVideoUri()).toString());
            line.putPOJO("notes", video.getNotes());
            System.out.println(line);
        }
    }

    /** Sum of the heap pools' peak usage: an upper bound of the live heap at any time. */
    private static double heapPeakMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}

package io.reelflow.benchmarks.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.benchmarks.common.Machine;
import io.reelflow.benchmarks.common.Medians;
import io.reelflow.benchmarks.common.Options;
import io.reelflow.benchmarks.common.ProcessMemory;
import io.reelflow.benchmarks.render.DirectoryObjectStore;
import io.reelflow.benchmarks.render.Slideshow;
import io.reelflow.benchmarks.render.SlideshowJob;
import io.reelflow.benchmarks.render.SlideshowPhotos;
import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.quality.QualityConfig;
import io.reelflow.operators.quality.QualityScorer;
import io.reelflow.operators.quality.RelevanceThresholds;
import io.reelflow.operators.quality.VideoScorer;
import io.reelflow.operators.quality.VideoScorerFactory;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.Renderer;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.codec.AvroClassTrust;
import io.reelflow.schemas.text.CleanText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Issue 13: the CPU and wall time of scoring a 60 s 1280x720 video with the job's {@link
 * QualityScorer} (picture checks on DJL NDArrays), median of several runs after a warm-up, and the
 * process's resident memory after each run (it must not grow). The video is rendered by our {@link
 * Renderer} first: the 720p reference slideshow (12 photo scenes with Ken Burns moves and
 * crossfades, 30 fps), over photos the benchmark draws itself or over {@code --photos}. Writes one
 * JSON file; see {@code benchmarks/README.md}, "Quality scoring".
 *
 * <pre>
 * --out FILE       JSON result (default benchmark-results/quality-benchmark.json)
 * --work DIR       photos, store and video (default: quality-benchmark-work next to --out)
 * --photos DIR     real photos (the first 12 by name) instead of drawn ones
 * --video FILE     score this video (with the slideshow's job) instead of rendering one
 * --runs N         measured runs after one warm-up (default 7)
 * --preset NAME    quality preset (default standard)
 * --sound          burned-in subtitles, a music bed and a narration, so the sound and subtitle
 *                  checks measure too (without it: picture only)
 * </pre>
 */
public final class QualityBenchmark {

    /** Issue 13: at most 2 s of CPU per 60 s of 720p video. */
    static final double TARGET_CPU_SECONDS = 2.0;

    private static final Set<String> OPTIONS =
            Set.of("out", "work", "photos", "video", "runs", "preset");

    private QualityBenchmark() {}

    public static void main(String[] args) throws Exception {
        AvroClassTrust.install();
        Options options = Options.parse(args, OPTIONS, Set.of("sound"));
        Path out = Path.of(options.get("out", "benchmark-results/quality-benchmark.json"));
        Path work = options.work(out, "quality-benchmark-work");
        int runs = options.getInt("runs", 7);
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        QualityConfig config = QualityConfig.preset(options.get("preset", QualityConfig.STANDARD));
        Files.createDirectories(work);

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode result = mapper.createObjectNode();
        result.put("startedAt", Instant.now().toString());
        result.putPOJO("machine", Machine.describe());
        ObjectNode settings = result.putObject("settings");
        settings.put("preset", config.preset());
        settings.put("analysisHeight", config.analysisHeight());
        settings.put("runs", runs);
        settings.put("targetCpuSeconds", TARGET_CPU_SECONDS);

        Slideshow show = Slideshow.P720;
        DirectoryObjectStore store = new DirectoryObjectStore(work.resolve("store"));
        List<String> photoUris = new ArrayList<>();
        for (Path photo : photos(options.get("photos", null), work)) {
            photoUris.add(store.put("catalog/" + photo.getFileName(), photo, "image/jpeg"));
        }
        RenderJob job = SlideshowJob.of(show, photoUris);
        boolean sound = options.flag("sound");
        if (sound) {
            job = SoundedSlideshow.of(job, store, work);
        }
        settings.put("soundAndSubtitles", sound);
        Path video;
        RenderedVideo rendered;
        if (options.get("video", null) != null) {
            video = Path.of(options.get("video", null)).toAbsolutePath();
            rendered = probeOnly(job, show);
            settings.put("video", video.toString());
        } else {
            long start = System.nanoTime();
            rendered =
                    new Renderer(
                                    store,
                                    RenderConfig.defaults().withWorkDirectory(work.resolve("tmp")))
                            .render(job);
            video = store.pathOf(Renderer.videoKey(job.getRunId(), job.getRequestId()));
            settings.put("renderWallSeconds", seconds(System.nanoTime() - start));
            settings.put("video", "rendered: " + show.name() + " slideshow");
            settings.putPOJO("renderDegradedReasons", List.copyOf(rendered.getDegradedReasons()));
        }
        RenderedVideo scored = RenderedVideo.newBuilder(rendered).setJob(job).build();
        settings.put("width", show.width());
        settings.put("height", show.height());
        settings.put("fps", show.fps());
        settings.put("durationSeconds", show.durationSeconds());
        settings.put("scenes", show.sceneCount());
        settings.put("photos", options.get("photos", "drawn by the benchmark"));

        // The job's own scorer: picture, sound, subtitle and relevance checks, as the job runs it.
        VideoScorer scorer =
                VideoScorerFactory.of(
                                config,
                                RenderConfig.defaults(),
                                RelevanceThresholds.defaults(),
                                null)
                        .create();
        settings.put("analyzers", "picture, sound, subtitles, relevance (the job's scorer)");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        ArrayNode runNodes = result.putArray("runs");
        List<Double> cpu = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        QualityReport report = null;
        for (int i = 0; i <= runs; i++) {
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            report = scorer.score(video, scored, Cancellation.none());
            double cpuSeconds = seconds(os.getProcessCpuTime() - cpuBefore);
            double wallSeconds = seconds(System.nanoTime() - wallBefore);
            long rssKb = ProcessMemory.selfRssKb();
            long heapKb = Runtime.getRuntime().totalMemory() / 1024;
            ObjectNode run = runNodes.addObject();
            run.put("run", i);
            run.put("warmUp", i == 0);
            run.put("processCpuSeconds", cpuSeconds);
            run.put("wallSeconds", wallSeconds);
            run.put("rssMbAfter", rssKb / 1024.0);
            // RSS less the committed heap: native memory (FFmpeg, PyTorch, direct buffers).
            run.put("rssOutsideHeapMbAfter", (rssKb - heapKb) / 1024.0);
            run.put("loadAverage", os.getSystemLoadAverage());
            System.err.printf(
                    "run %d%s: %.3f s CPU, %.3f s wall, RSS %.0f MB (outside the heap %.0f MB)%n",
                    i,
                    i == 0 ? " (warm-up)" : "",
                    cpuSeconds,
                    wallSeconds,
                    rssKb / 1024.0,
                    (rssKb - heapKb) / 1024.0);
            if (i > 0) {
                cpu.add(cpuSeconds);
                wall.add(wallSeconds);
                rss.add(rssKb - heapKb);
            }
        }
        ObjectNode medians = result.putObject("medians");
        double medianCpu = Medians.of(cpu);
        medians.put("processCpuSeconds", medianCpu);
        medians.put("wallSeconds", Medians.of(wall));
        medians.put("cpuSecondsPer60sOf720p", medianCpu * 60 / show.durationSeconds());
        result.put("meetsTarget", medianCpu * 60 / show.durationSeconds() <= TARGET_CPU_SECONDS);
        ObjectNode memory = result.putObject("memory");
        memory.put("rssOutsideHeapMbAfterFirstMeasuredRun", rss.get(0) / 1024.0);
        memory.put("rssOutsideHeapMbAfterLastRun", rss.get(rss.size() - 1) / 1024.0);
        memory.put("rssOutsideHeapGrowthMb", (rss.get(rss.size() - 1) - rss.get(0)) / 1024.0);
        ObjectNode verdict = result.putObject("report");
        verdict.put("score", report.getScore());
        verdict.put("passed", report.getPassed());
        verdict.putPOJO("reasons", List.copyOf(report.getReasons()));
        ArrayNode scenes = verdict.putArray("scenes");
        report.getScenes()
                .forEach(
                        scene -> {
                            ObjectNode node = scenes.addObject();
                            node.put("index", scene.getIndex());
                            node.put("score", scene.getScore());
                            node.putPOJO("defects", List.copyOf(scene.getDefects()));
                            node.putPOJO("signals", Map.copyOf(scene.getSignals()));
                        });
        result.put("finishedAt", Instant.now().toString());
        Files.createDirectories(out.toAbsolutePath().getParent());
        mapper.writeValue(out.toFile(), result);
        System.err.printf(
                "median %.3f s CPU, %.3f s wall (target %.1f s CPU); score %.1f %s%n",
                medianCpu,
                Medians.of(wall),
                TARGET_CPU_SECONDS,
                report.getScore(),
                CleanText.forSink(String.join("; ", report.getReasons()), 500));
        System.err.println("Results written to " + out.toAbsolutePath());
    }

    /** A rendered-video record for a video made elsewhere: the slideshow's spec and size. */
    private static RenderedVideo probeOnly(RenderJob job, Slideshow show) {
        return RenderedVideo.newBuilder()
                .setRequestId(job.getRequestId())
                .setRunId(job.getRunId())
                .setLanguage(job.getLanguage())
                .setSpec(job.getSpec())
                .setDurationSeconds(show.durationSeconds())
                .setWidth(show.width())
                .setHeight(show.height())
                .setSceneCount(show.sceneCount())
                .build();
    }

    /** The first 12 photos of {@code directory}, or 12 drawn into {@code work}. */
    private static List<Path> photos(String directory, Path work) throws IOException {
        List<Path> files;
        if (directory != null) {
            files = SlideshowPhotos.firstByName(Path.of(directory), SlideshowPhotos.COUNT);
        } else {
            Path drawn = Files.createDirectories(work.resolve("photos"));
            files = new ArrayList<>();
            for (int i = 0; i < SlideshowPhotos.COUNT; i++) {
                Path file = drawn.resolve(String.format("drawn-%02d.jpg", i));
                if (!Files.exists(file)) {
                    ImageIO.write(drawn(i), "jpg", file.toFile());
                }
                files.add(file);
            }
        }
        return files;
    }

    /** A detailed 1920x1080 picture: a gradient under shapes, lines and fine stripes. */
    static BufferedImage drawn(int seed) {
        int width = 1920;
        int height = 1080;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random random = new Random(seed);
        g.setPaint(
                new GradientPaint(
                        0,
                        0,
                        new Color(
                                random.nextInt(120), random.nextInt(120), 60 + random.nextInt(120)),
                        width,
                        height,
                        new Color(
                                120 + random.nextInt(136),
                                120 + random.nextInt(136),
                                random.nextInt(200))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 300; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int size = 20 + random.nextInt(220);
            switch (i % 3) {
                case 0 -> g.fillOval(x, y, size, size);
                case 1 -> g.fillRect(x, y, size, size / 2);
                default -> {
                    g.setStroke(new BasicStroke(1 + random.nextInt(4)));
                    g.drawLine(x, y, random.nextInt(width), random.nextInt(height));
                }
            }
        }
        g.dispose();
        return image;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }
}

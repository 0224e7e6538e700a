package io.reelflow.benchmarks.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.benchmarks.common.JavaClassPath;
import io.reelflow.benchmarks.common.Medians;
import io.reelflow.benchmarks.common.Options;
import io.reelflow.benchmarks.render.internal.MeasuredProcess;
import io.reelflow.benchmarks.render.internal.MeasuredProcess.RssSample;
import io.reelflow.benchmarks.render.internal.ProcessUsage;
import io.reelflow.benchmarks.render.internal.RenderClassPath;
import io.reelflow.benchmarks.render.internal.SsimLog;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Our renderer against the ffmpeg CLI on the reference slideshow of issue 5, each in its own
 * process, alternating per pair, with wall time, CPU time and peak RSS per run; for the quality
 * variants also the SSIM of each pipeline's CRF-23 output against its own lossless render and the
 * encode-only baseline (our lossless frames, as raw yuv420p, encoded by the renderer's FFmpeg
 * build). Writes one JSON file. See {@code benchmarks/README.md}, "Renderer".
 *
 * <pre>
 * --photos DIR            photo directory; the first 12 by name are used (required)
 * --out FILE              JSON result (default benchmark-results/render-benchmark.json)
 * --work DIR              videos and logs (default: render-benchmark-work next to --out)
 * --variants LIST         of 720p, 1080p, 9x16 (default 720p,1080p,9x16)
 * --pairs N               ours/CLI pairs of the first variant (default 3)
 * --variant-pairs N       pairs of each further variant (default 1)
 * --quality-variants LIST variants with SSIM and encode-only baseline (default: the first;
 *                         none for none)
 * --camera-cue CUE        camera cue of our scenes (default close-up)
 * --jvm-args ARGS         JVM options of our render processes (default -Xms128m -Xmx1g
 *                         --add-modules jdk.incubator.vector: the renderer's Vector API)
 * --render-class-path K   job (default): our render processes load the pipeline job's shaded
 *                         jar and Flink's logging jars, as a task manager does; full: the
 *                         benchmark's own class path (some 300 jars)
 * --warm-renders N        per variant, one more process renders 1 + N times; the median of
 *                         its last N is the warm figure (a task manager past its first video)
 * --memory                also render the 10-minute 1080p slideshow and report its peak RSS
 * --keep-lossless         keep the lossless reference videos (large)
 * </pre>
 */
public final class RenderBenchmark {

    /** Issue 5: the CLI takes at least 1.5 times as long as our renderer. */
    static final double TARGET_SPEEDUP = 1.5;

    /** Issue 5: our render takes at most 1.3 times as long as encoding its frames alone. */
    static final double TARGET_OVER_ENCODE_ONLY = 1.3;

    private static final Set<String> OPTIONS =
            Set.of(
                    "photos",
                    "out",
                    "work",
                    "variants",
                    "pairs",
                    "variant-pairs",
                    "quality-variants",
                    "camera-cue",
                    "jvm-args",
                    "render-class-path",
                    "warm-renders");
    private static final Set<String> FLAGS = Set.of("memory", "keep-lossless");

    /** RSS samples kept in the JSON of a run that reports its memory over time. */
    private static final int RSS_POINTS = 40;

    /**
     * Our render processes: a heap that starts small and is bounded, and the module the renderer
     * resamples with. Without {@code -Xms} G1 starts at 1/64 of the machine's memory (384 MB on 24
     * GiB) and lets eden fill it, so peak RSS would measure the machine, not the render.
     */
    private static final String DEFAULT_JVM_ARGS =
            "-Xms128m -Xmx1g --add-modules jdk.incubator.vector";

    private final ObjectMapper mapper = new ObjectMapper();
    private final MeasuredProcess measured = MeasuredProcess.detect();
    private final Path photoDirectory;
    private final List<Path> photos;
    private final Path work;
    private final String cameraCue;
    private final List<String> java;
    private final boolean keepLossless;
    private final int warmRenders;
    private final String renderClassPath;

    private RenderBenchmark(
            Path photoDirectory,
            List<Path> photos,
            Path work,
            String cameraCue,
            List<String> jvmArgs,
            boolean keepLossless,
            int warmRenders,
            String renderClassPath) {
        this.photoDirectory = photoDirectory;
        this.warmRenders = warmRenders;
        this.photos = photos;
        this.work = work;
        this.cameraCue = cameraCue;
        this.keepLossless = keepLossless;
        this.renderClassPath = renderClassPath;
        List<String> command = new ArrayList<>();
        command.add(JavaClassPath.javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(renderClassPath);
        this.java = List.copyOf(command);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, OPTIONS, FLAGS);
        Path photoDirectory = Path.of(options.require("photos")).toAbsolutePath().normalize();
        Path out = Path.of(options.get("out", "benchmark-results/render-benchmark.json"));
        Path work = options.work(out, "render-benchmark-work");
        List<Slideshow> variants =
                options.list("variants", "720p,1080p,9x16").stream().map(Slideshow::named).toList();
        if (variants.isEmpty() || variants.contains(Slideshow.MEMORY)) {
            throw new IllegalArgumentException(
                    "--variants takes 720p, 1080p and 9x16; use --memory for the long render");
        }
        List<Slideshow> quality =
                options.list("quality-variants", variants.get(0).name()).stream()
                        .filter(name -> !name.equalsIgnoreCase("none"))
                        .map(Slideshow::named)
                        .toList();
        int pairs = options.getInt("pairs", 3);
        int variantPairs = options.getInt("variant-pairs", 1);
        if (pairs < 1 || variantPairs < 1) {
            throw new IllegalArgumentException("--pairs and --variant-pairs must be at least 1");
        }
        FfmpegCommands.requireFfmpeg();
        List<Path> photos = SlideshowPhotos.firstByName(photoDirectory, SlideshowPhotos.COUNT);
        RenderBenchmark benchmark =
                new RenderBenchmark(
                        photoDirectory,
                        photos,
                        work,
                        options.get("camera-cue", SlideshowJob.DEFAULT_CAMERA_CUE),
                        Arrays.stream(
                                        options.get("jvm-args", DEFAULT_JVM_ARGS)
                                                .trim()
                                                .split("\\s+"))
                                .filter(arg -> !arg.isEmpty())
                                .toList(),
                        options.flag("keep-lossless"),
                        options.getInt("warm-renders", 0),
                        renderClassPath(options.get("render-class-path", "job")));

        ObjectNode result = benchmark.header();
        ArrayNode results = result.putArray("variants");
        for (int i = 0; i < variants.size(); i++) {
            Slideshow show = variants.get(i);
            results.add(
                    benchmark.variant(show, i == 0 ? pairs : variantPairs, quality.contains(show)));
            benchmark.write(result, out);
        }
        if (options.flag("memory")) {
            result.set("memory", benchmark.memory(results));
        }
        result.put("finishedAt", Instant.now().toString());
        result.put("loadAverageAtEnd", loadAverage());
        benchmark.write(result, out);
        System.err.println("Results written to " + out.toAbsolutePath());
    }

    private static String renderClassPath(String kind) throws URISyntaxException {
        String full = JavaClassPath.of(RenderBenchmark.class);
        if (kind.equals("full")) {
            return full;
        }
        if (!kind.equals("job")) {
            throw new IllegalArgumentException(
                    "--render-class-path takes job or full, was " + kind);
        }
        Path own =
                Path.of(
                        RenderBenchmark.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        return RenderClassPath.taskManagerLike(full, own)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "no pipeline job jar (pipeline-job/target/*-job.jar) next"
                                                + " to the class path's pipeline-job entry: build"
                                                + " it with package -pl benchmarks -am, or pass"
                                                + " --render-class-path full"));
    }

    private ObjectNode header() throws IOException, InterruptedException {
        ObjectNode header = mapper.createObjectNode();
        header.put("startedAt", Instant.now().toString());
        header.put(
                "note",
                "Wall times depend on what else runs on the machine; compare runs on an idle"
                        + " machine. CPU time is less sensitive to contention.");
        ObjectNode machine = header.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("loadAverageAtStart", loadAverage());
        machine.put("java", System.getProperty("java.version"));
        machine.put("ffmpegCli", ffmpegVersion());
        machine.put("usageSource", measured.source());
        ObjectNode settings = header.putObject("settings");
        settings.put("photoDirectory", photoDirectory.toString());
        ArrayNode names = settings.putArray("photos");
        photos.forEach(photo -> names.add(photo.getFileName().toString()));
        List<String> classPathEntries = List.of(renderClassPath.split(File.pathSeparator));
        settings.put("renderClassPathEntries", classPathEntries.size());
        ArrayNode classPath = settings.putArray("renderClassPath");
        classPathEntries.stream()
                .limit(8)
                .forEach(entry -> classPath.add(Path.of(entry).getFileName().toString()));
        settings.put("encoder", "libx264");
        settings.put("preset", FfmpegCommands.PRESET);
        settings.put("crf", FfmpegCommands.CRF);
        settings.put("encoderThreads", FfmpegCommands.THREADS);
        settings.put("cliZoom", FfmpegCommands.ZOOM);
        settings.put("cliZoomX", FfmpegCommands.ZOOM_X);
        settings.put("cliZoomY", FfmpegCommands.ZOOM_Y);
        settings.put("ourCameraCue", cameraCue);
        settings.putPOJO("ourJvm", java.subList(1, java.indexOf("-cp")));
        ObjectNode targets = header.putObject("targets");
        targets.put("cliOverOursWall", TARGET_SPEEDUP);
        targets.put("oursOverEncodeOnly", TARGET_OVER_ENCODE_ONLY);
        targets.put("ssim", "ours >= cli, each against its own lossless render");
        return header;
    }

    /** One variant: lossless references and raw frames if asked, the pairs, the summary. */
    private ObjectNode variant(Slideshow show, int pairs, boolean quality)
            throws IOException, InterruptedException {
        Path directory = work.resolve(show.name());
        Files.createDirectories(directory);
        Path store = directory.resolve("store");
        Path cliVideo = directory.resolve("cli.mp4");
        ObjectNode node = mapper.createObjectNode();
        node.put("name", show.name());
        node.put("width", show.width());
        node.put("height", show.height());
        node.put("fps", show.fps());
        node.put("frames", show.totalFrames());
        node.put("durationSeconds", show.durationSeconds());
        node.put("filterGraph", FfmpegCommands.filterGraph(show));

        Path ourLossless = null;
        Path cliLossless = directory.resolve("cli-lossless.mp4");
        Path raw = directory.resolve("ours-lossless.yuv");
        if (quality) {
            log(show, "lossless references");
            ourLossless =
                    Path.of(ours(show, store, 0, "ours-lossless").child.get("output").asText());
            cli(show, 0, cliLossless, "cli-lossless");
            measured.run(FfmpegCommands.decodeToRaw(ourLossless, raw), logs(show), "decode-raw");
        }

        List<Run> runs = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            // Alternate who goes first, so a drift in machine load does not favour one side.
            if (pair % 2 == 1) {
                runs.add(ours(show, store, FfmpegCommands.CRF, "ours").inPair(pair));
                runs.add(cli(show, FfmpegCommands.CRF, cliVideo, "cli").inPair(pair));
            } else {
                runs.add(cli(show, FfmpegCommands.CRF, cliVideo, "cli").inPair(pair));
                runs.add(ours(show, store, FfmpegCommands.CRF, "ours").inPair(pair));
            }
            if (quality) {
                runs.add(encodeOnly(show, raw, directory.resolve("encode-only.mp4")).inPair(pair));
            }
        }
        ArrayNode runNodes = node.putArray("runs");
        runs.forEach(run -> runNodes.add(run.toJson(mapper, false)));

        Path ourVideo = Path.of(last(runs, "ours").child.get("output").asText());
        node.put("ourVideo", ourVideo.toString());
        node.set("ourRenderNotes", last(runs, "ours").child.get("notes"));
        node.put("cliVideo", cliVideo.toString());
        node.put("ourFrames", frameCount(ourVideo, show));
        node.put("cliFrames", frameCount(cliVideo, show));
        ObjectNode medians = node.putObject("medians");
        for (String pipeline : List.of("ours", "cli", "encode-only")) {
            List<Run> of = runs.stream().filter(run -> run.pipeline.equals(pipeline)).toList();
            if (!of.isEmpty()) {
                medians.set(pipeline, summary(of));
            }
        }
        double oursWall = median(runs, "ours", run -> run.usage.wallMillis());
        double cliWall = median(runs, "cli", run -> run.usage.wallMillis());
        ObjectNode speed = node.putObject("speed");
        speed.put("cliOverOursWall", round(cliWall / oursWall));
        speed.put(
                "cliOverOursCpu",
                round(
                        median(runs, "cli", run -> run.usage.cpuMillis())
                                / median(runs, "ours", run -> run.usage.cpuMillis())));
        speed.put("target", TARGET_SPEEDUP);
        speed.put("meetsTarget", cliWall / oursWall >= TARGET_SPEEDUP);
        Run warm = warmRenders > 0 ? warm(show, store) : null;
        if (warm != null) {
            node.set("warm", warm.toJson(mapper, false));
            speed.put(
                    "cliOverOursWarm",
                    round(cliWall / warm.child.get("warmRenderMillis").asDouble()));
        }

        if (quality) {
            double encodeInside = median(runs, "encode-only", run -> run.innerMillis());
            double encodeWall = median(runs, "encode-only", run -> run.usage.wallMillis());
            double renderInside = median(runs, "ours", run -> run.innerMillis());
            ObjectNode encode = node.putObject("encodeOnly");
            encode.put("oursOverEncodeOnly", round(renderInside / encodeInside));
            encode.put("oursOverEncodeOnlyProcessWall", round(oursWall / encodeWall));
            if (warm != null) {
                encode.put(
                        "warmOursOverEncodeOnly",
                        round(warm.child.get("warmRenderMillis").asDouble() / encodeInside));
            }
            encode.put("target", TARGET_OVER_ENCODE_ONLY);
            encode.put("meetsTarget", renderInside / encodeInside <= TARGET_OVER_ENCODE_ONLY);
            Run cliEncode =
                    measure(
                            "cli-encode-only",
                            FfmpegCommands.encodeRaw(
                                    raw,
                                    show,
                                    FfmpegCommands.CRF,
                                    directory.resolve("cli-encode-only.mp4")),
                            show,
                            null);
            encode.set("cliEncodeOfSameFrames", cliEncode.toJson(mapper, false));

            log(show, "SSIM");
            double ourSsim = ssim(show, ourVideo, ourLossless, "ssim-ours");
            double cliSsim = ssim(show, cliVideo, cliLossless, "ssim-cli");
            ObjectNode ssim = node.putObject("ssim");
            ssim.put("ours", ourSsim);
            ssim.put("cli", cliSsim);
            ssim.put("oursMinusCli", Math.round((ourSsim - cliSsim) * 1e6) / 1e6);
            ssim.put("reference", "each pipeline's own lossless render (CRF 0)");
            ssim.put("meetsTarget", ourSsim >= cliSsim);
            node.put(
                    "meetsAllTargets",
                    speed.get("meetsTarget").asBoolean()
                            && encode.get("meetsTarget").asBoolean()
                            && ssim.get("meetsTarget").asBoolean());
            Files.deleteIfExists(raw);
            if (!keepLossless) {
                Files.deleteIfExists(ourLossless);
                Files.deleteIfExists(cliLossless);
            }
        }
        return node;
    }

    /** The long 1080p render: peak RSS and RSS over time, beside the 60 s 1080p run if any. */
    private ObjectNode memory(ArrayNode variants) throws IOException, InterruptedException {
        Slideshow show = Slideshow.MEMORY;
        Path store = work.resolve(show.name()).resolve("store");
        Run run = ours(show, store, FfmpegCommands.CRF, "ours");
        ObjectNode node = mapper.createObjectNode();
        node.put("name", show.name());
        node.put("width", show.width());
        node.put("height", show.height());
        node.put("scenes", show.sceneCount());
        node.put("frames", show.totalFrames());
        node.put("durationSeconds", show.durationSeconds());
        node.set("run", run.toJson(mapper, true));
        node.put("peakRssMb", round(run.usage.peakRssMb()));
        node.put("heapPeakMb", round(run.child.get("heapPeakMb").asDouble()));
        List<RssSample> samples = run.samples;
        if (!samples.isEmpty()) {
            ObjectNode quarters = node.putObject("rssMbAtFractionOfRun");
            for (int quarter = 1; quarter <= 4; quarter++) {
                RssSample sample =
                        samples.get(Math.min(samples.size() - 1, samples.size() * quarter / 4));
                quarters.put(Integer.toString(quarter * 25) + "%", round(sample.rssKb() / 1024.0));
            }
        }
        for (JsonNode variant : variants) {
            if (variant.get("name").asText().equals(Slideshow.P1080.name())) {
                node.put(
                        "peakRssOf60sRenderMb",
                        variant.get("medians").get("ours").get("peakRssMb").asDouble());
            }
        }
        Files.deleteIfExists(Path.of(run.child.get("output").asText()));
        return node;
    }

    private Run ours(Slideshow show, Path store, int crf, String name)
            throws IOException, InterruptedException {
        // The request id seeds the Ken Burns moves, so the lossless reference keeps it and goes
        // to a store of its own instead.
        Path into = crf == 0 ? store.resolve("lossless") : store;
        return measure(name, renderCommand(show, into, crf), show, "renderMillis");
    }

    /**
     * One process rendering the slideshow {@code 1 + warmRenders} times: the renders after the
     * first run compiled code, as a task manager does from its second video on.
     */
    private Run warm(Slideshow show, Path store) throws IOException, InterruptedException {
        List<String> command = renderCommand(show, store.resolve("warm"), FfmpegCommands.CRF);
        command.addAll(List.of("--renders", Integer.toString(1 + warmRenders)));
        return measure("ours-warm", command, show, "warmRenderMillis");
    }

    private List<String> renderCommand(Slideshow show, Path store, int crf) {
        List<String> command = new ArrayList<>(java);
        command.addAll(
                List.of(
                        SlideshowRenderMain.class.getName(),
                        "--photos",
                        photoDirectory.toString(),
                        "--store",
                        store.toString(),
                        "--variant",
                        show.name(),
                        "--crf",
                        Integer.toString(crf),
                        "--camera-cue",
                        cameraCue,
                        "--request-id",
                        "slideshow-" + show.name()));
        return command;
    }

    private Run cli(Slideshow show, int crf, Path output, String name)
            throws IOException, InterruptedException {
        return measure(name, FfmpegCommands.slideshow(show, photos, crf, output), show, null);
    }

    private Run encodeOnly(Slideshow show, Path raw, Path output)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java);
        command.addAll(
                List.of(
                        EncodeOnlyMain.class.getName(),
                        "--raw",
                        raw.toString(),
                        "--variant",
                        show.name(),
                        "--out",
                        output.toString()));
        return measure("encode-only", command, show, "encodeMillis");
    }

    /** Runs and measures one process; {@code innerField} names its own timing in its JSON line. */
    private Run measure(String name, List<String> command, Slideshow show, String innerField)
            throws IOException, InterruptedException {
        MeasuredProcess.Result result = measured.run(command, logs(show), name);
        JsonNode child = null;
        if (innerField != null) {
            String[] lines = result.stdout().strip().split("\\R");
            child = mapper.readTree(lines[lines.length - 1]);
        }
        Run run = new Run(name, 0, result.usage(), child, innerField, result.rssSamples());
        log(
                show,
                String.format(
                        Locale.ROOT,
                        "%-16s %6.1f s wall, %6.1f s CPU, %6.0f MB peak RSS%s",
                        name,
                        run.usage.wallMillis() / 1000.0,
                        run.usage.cpuMillis() / 1000.0,
                        run.usage.peakRssMb(),
                        innerField == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " (%.1f s inside)",
                                        run.innerMillis() / 1000.0)));
        return run;
    }

    private double ssim(Slideshow show, Path distorted, Path reference, String name)
            throws IOException, InterruptedException {
        MeasuredProcess.Result result =
                measured.run(FfmpegCommands.ssim(distorted, reference), logs(show), name);
        return SsimLog.mean(result.stderr());
    }

    /** Frames of the video stream as the MP4 index counts them. */
    private long frameCount(Path video, Slideshow show) throws IOException, InterruptedException {
        MeasuredProcess.Result result =
                measured.run(
                        List.of(
                                "ffprobe",
                                "-v",
                                "error",
                                "-select_streams",
                                "v:0",
                                "-show_entries",
                                "stream=nb_frames",
                                "-of",
                                "csv=p=0",
                                video.toString()),
                        logs(show),
                        "probe");
        return Long.parseLong(result.stdout().strip());
    }

    private Path logs(Slideshow show) {
        return work.resolve(show.name()).resolve("logs");
    }

    private ObjectNode summary(List<Run> runs) {
        ObjectNode node = mapper.createObjectNode();
        node.put("runs", runs.size());
        node.put(
                "wallMillis",
                Medians.of(runs.stream().map(run -> run.usage.wallMillis()).toList()));
        node.put("cpuMillis", Medians.of(runs.stream().map(run -> run.usage.cpuMillis()).toList()));
        node.put(
                "peakRssMb",
                round(Medians.of(runs.stream().map(run -> run.usage.peakRssMb()).toList())));
        if (runs.get(0).innerField != null) {
            node.put(
                    runs.get(0).innerField,
                    Medians.of(runs.stream().map(Run::innerMillis).toList()));
        }
        return node;
    }

    private static double median(List<Run> runs, String pipeline, ToDoubleFunction<Run> figure) {
        return Medians.of(
                runs.stream()
                        .filter(run -> run.pipeline.equals(pipeline))
                        .map(run -> figure.applyAsDouble(run))
                        .toList());
    }

    private static Run last(List<Run> runs, String pipeline) {
        Run found = null;
        for (Run run : runs) {
            if (run.pipeline.equals(pipeline)) {
                found = run;
            }
        }
        return found;
    }

    private void write(ObjectNode result, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    }

    private String ffmpegVersion() throws IOException, InterruptedException {
        MeasuredProcess.Result result =
                measured.run(
                        List.of("ffmpeg", "-hide_banner", "-version"),
                        work.resolve("logs"),
                        "version");
        return result.stdout().lines().findFirst().orElse("unknown");
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void log(Slideshow show, String message) {
        System.err.printf(Locale.ROOT, "[%s] %s%n", show.name(), message);
    }

    /** One measured process of a pair. */
    private static final class Run {
        final String pipeline;
        final int pair;
        final ProcessUsage usage;
        final JsonNode child;
        final String innerField;
        final List<RssSample> samples;

        Run(
                String pipeline,
                int pair,
                ProcessUsage usage,
                JsonNode child,
                String innerField,
                List<RssSample> samples) {
            this.pipeline = pipeline;
            this.pair = pair;
            this.usage = usage;
            this.child = child;
            this.innerField = innerField;
            this.samples = samples;
        }

        Run inPair(int number) {
            return new Run(pipeline, number, usage, child, innerField, samples);
        }

        /** The program's own timing of its work, without JVM start; wall time for the CLI. */
        double innerMillis() {
            return innerField != null ? child.get(innerField).asDouble() : usage.wallMillis();
        }

        ObjectNode toJson(ObjectMapper mapper, boolean withSamples) {
            ObjectNode node = mapper.createObjectNode();
            node.put("pipeline", pipeline);
            if (pair > 0) {
                node.put("pair", pair);
            }
            node.put("wallMillis", usage.wallMillis());
            node.put("cpuMillis", usage.cpuMillis());
            node.put("peakRssMb", round(usage.peakRssMb()));
            if (innerField != null) {
                node.put(innerField, child.get(innerField).asLong());
                if (child.has("heapPeakMb")) {
                    node.put("heapPeakMb", round(child.get("heapPeakMb").asDouble()));
                }
            }
            if (withSamples && !samples.isEmpty()) {
                ArrayNode points = node.putArray("rssMbOverTime");
                int step = Math.max(1, samples.size() / RSS_POINTS);
                for (int i = 0; i < samples.size(); i += step) {
                    RssSample sample = samples.get(i);
                    ArrayNode point = points.addArray();
                    point.add(round(sample.atMillis() / 1000.0));
                    point.add(round(sample.rssKb() / 1024.0));
                }
            }
            return node;
        }
    }
}

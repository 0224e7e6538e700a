package io.reelflow.benchmarks.render;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.benchmarks.common.CpuTicks;
import io.reelflow.benchmarks.common.Machine;
import io.reelflow.benchmarks.common.Medians;
import io.reelflow.benchmarks.common.Options;
import io.reelflow.benchmarks.quality.SoundedSlideshow;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.Renderer;
import io.reelflow.operators.render.audio.AudioMixResult;
import io.reelflow.operators.render.audio.AudioMixer;
import io.reelflow.operators.render.audio.AudioPlan;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Where a pipeline-like render's CPU goes, thread by thread: the 720p slideshow with burned-in
 * subtitles, a music bed and a narration ({@link SoundedSlideshow}) rendered with the pipeline's
 * {@code RenderConfig.defaults()} several times in this JVM, each thread's CPU read from {@code
 * /proc/self/task/*}/stat every 20 ms. Then the parts beside x264 alone, on this thread: the sound
 * mix ({@link AudioMixer}, with a digest of the WAV it writes, so a change can show the track is
 * unchanged) and the AAC encoding of that track.
 *
 * <pre>
 * --photos DIR    photo directory; the first 12 by name (required)
 * --out FILE      JSON results (default benchmark-results/render-threads.json)
 * --work DIR      store and temporary files (default render-threads-work next to --out)
 * --warmup N      renders not counted, for the JIT (default 1)
 * --runs N        renders counted (default 3)
 * --mixes N       mixes (and AAC encodings) counted, after one not counted (default 5)
 * --music FILE    the music bed of the mixes alone (default the slideshow's synthetic WAV), e.g.
 *                 a catalog Ogg Vorbis file at 44.1 kHz, as the pipeline's beds are
 * </pre>
 */
public final class RenderThreadsBenchmark {

    private static final Set<String> OPTIONS =
            Set.of("photos", "out", "work", "warmup", "runs", "mixes", "music");

    /** The name the render's thread, and so x264's native frame threads, carry. */
    private static final String RENDER_THREAD = "render-caller";

    private static final long SAMPLE_MILLIS = 20;

    private static final double SECONDS_PER_TICK = 0.01;

    private RenderThreadsBenchmark() {}

    public static void main(String[] args) throws Exception {
        AvroClassTrust.install();
        Options options = Options.parse(args, OPTIONS, Set.of());
        Path out = Path.of(options.get("out", "benchmark-results/render-threads.json"));
        Path work = options.work(out, "render-threads-work");
        int warmup = options.getInt("warmup", 1);
        int runs = options.getInt("runs", 3);
        int mixes = options.getInt("mixes", 5);
        Files.createDirectories(work);
        Files.createDirectories(out.toAbsolutePath().getParent());

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode result = mapper.createObjectNode();
        result.putPOJO("machine", Machine.describe());

        DirectoryObjectStore store = new DirectoryObjectStore(work.resolve("store"));
        List<String> photoUris = new ArrayList<>();
        for (Path photo :
                SlideshowPhotos.firstByName(
                        Path.of(options.require("photos")), SlideshowPhotos.COUNT)) {
            photoUris.add(store.put("catalog/" + photo.getFileName(), photo, "image/jpeg"));
        }
        RenderJob job =
                SoundedSlideshow.of(SlideshowJob.of(Slideshow.P720, photoUris), store, work);
        Renderer renderer =
                new Renderer(store, RenderConfig.defaults().withWorkDirectory(work.resolve("tmp")));

        ArrayNode renders = result.putArray("renders");
        Map<String, List<Double>> perThread = new TreeMap<>();
        List<Double> processCpu = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            ObjectNode render = measureRender(renderer, job, mapper);
            render.put("counted", i >= warmup);
            renders.add(render);
            System.out.println(render.toString());
            if (i >= warmup) {
                processCpu.add(render.get("processCpuSeconds").asDouble());
                render.get("threadCpuSeconds")
                        .fields()
                        .forEachRemaining(
                                e ->
                                        perThread
                                                .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                                .add(e.getValue().asDouble()));
            }
        }
        if (!processCpu.isEmpty()) {
            ObjectNode medians = result.putObject("renderMedians");
            medians.put("processCpuSeconds", round(Medians.of(processCpu)));
            ObjectNode threads = medians.putObject("threadCpuSeconds");
            perThread.forEach((name, values) -> threads.put(name, round(Medians.of(values))));
        }

        Path music = Path.of(options.get("music", work.resolve("music.wav").toString()));
        result.set("mix", measureMixes(work, music, mixes, mapper));
        result.put(
                "loadAverageAtEnd",
                round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        mapper.writeValue(out.toFile(), result);
        System.out.println(mapper.writeValueAsString(result));
    }

    private static ObjectNode measureRender(Renderer renderer, RenderJob job, ObjectMapper mapper)
            throws Exception {
        ObjectNode render = mapper.createObjectNode();
        render.put("loadAverage", round(load()));
        Map<Integer, String> names = new ConcurrentHashMap<>();
        Map<Integer, Long> baseline = new ConcurrentHashMap<>();
        Map<Integer, Long> latest = new ConcurrentHashMap<>();
        sample(names, baseline);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] callerCpu = new long[1];
        long[] callerAllocated = new long[1];
        Thread caller =
                new Thread(
                        () -> {
                            com.sun.management.ThreadMXBean bean =
                                    (com.sun.management.ThreadMXBean)
                                            ManagementFactory.getThreadMXBean();
                            long start = bean.getCurrentThreadCpuTime();
                            long allocatedBefore = bean.getCurrentThreadAllocatedBytes();
                            try {
                                renderer.render(job);
                            } catch (Throwable e) {
                                failure.set(e);
                            } finally {
                                callerCpu[0] = bean.getCurrentThreadCpuTime() - start;
                                callerAllocated[0] =
                                        bean.getCurrentThreadAllocatedBytes() - allocatedBefore;
                            }
                        },
                        RENDER_THREAD);
        double cpuBefore = CpuTicks.processCpuNanos() / 1e9;
        long wallStart = System.nanoTime();
        caller.start();
        while (caller.isAlive()) {
            sample(names, latest);
            caller.join(SAMPLE_MILLIS);
        }
        sample(names, latest);
        long wall = System.nanoTime() - wallStart;
        double cpu = CpuTicks.processCpuNanos() / 1e9 - cpuBefore;
        if (failure.get() != null) {
            throw new IllegalStateException("render failed", failure.get());
        }
        Map<String, Double> byName = new TreeMap<>();
        latest.forEach(
                (tid, ticks) -> {
                    long spent = ticks - baseline.getOrDefault(tid, 0L);
                    if (spent > 0) {
                        byName.merge(names.get(tid), spent * SECONDS_PER_TICK, Double::sum);
                    }
                });
        // x264's frame threads are named after the thread that opened the encoder: the caller.
        double callerSeconds = callerCpu[0] / 1e9;
        byName.computeIfPresent(RENDER_THREAD, (k, v) -> v - callerSeconds);
        byName.put(RENDER_THREAD + " (Java: composing, uploads)", callerSeconds);
        render.put("wallSeconds", round(wall / 1e9));
        render.put("processCpuSeconds", round(cpu));
        // Gigabytes here would mean the Vector API loops run boxed (see VectorRows).
        render.put("renderThreadAllocatedMb", callerAllocated[0] >> 20);
        ObjectNode threads = render.putObject("threadCpuSeconds");
        byName.forEach(
                (name, seconds) ->
                        threads.put(
                                name.equals(RENDER_THREAD) ? "x264 frame threads" : name,
                                round(seconds)));
        return render;
    }

    /** Reads utime + stime of every thread of this process into {@code ticks}. */
    private static void sample(Map<Integer, String> names, Map<Integer, Long> ticks) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String[] fields = stat.substring(close + 2).split(" ");
                int tid = Integer.parseInt(task.getFileName().toString());
                names.put(tid, stat.substring(open + 1, close));
                // Fields 14 and 15 of stat (utime, stime), counted from the state field (3).
                ticks.put(tid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/task", e);
        }
    }

    private static ObjectNode measureMixes(Path work, Path music, int mixes, ObjectMapper mapper)
            throws Exception {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        AudioPlan plan =
                AudioPlan.of(Slideshow.P720.durationSeconds())
                        .withMusic(music)
                        .withNarration(work.resolve("narration.wav"));
        Path wav = work.resolve("mix.wav");
        Path aac = work.resolve("mix.m4a");
        List<Double> mixCpu = new ArrayList<>();
        List<Double> aacCpu = new ArrayList<>();
        AudioMixResult mixed = null;
        for (int i = 0; i <= mixes; i++) {
            long start = bean.getCurrentThreadCpuTime();
            mixed = new AudioMixer().mix(plan, wav);
            long mixNanos = bean.getCurrentThreadCpuTime() - start;
            start = bean.getCurrentThreadCpuTime();
            encodeAac(wav, aac);
            long aacNanos = bean.getCurrentThreadCpuTime() - start;
            if (i > 0) {
                mixCpu.add(mixNanos / 1e9);
                aacCpu.add(aacNanos / 1e9);
            }
        }
        ObjectNode mix = mapper.createObjectNode();
        mix.put("loadAverage", round(load()));
        mix.put("music", music.getFileName().toString());
        mix.put("mixCpuSecondsMedian", round(Medians.of(mixCpu)));
        mix.putPOJO("mixCpuSeconds", mixCpu.stream().map(RenderThreadsBenchmark::round).toList());
        mix.put("aacCpuSecondsMedian", round(Medians.of(aacCpu)));
        mix.putPOJO("aacCpuSeconds", aacCpu.stream().map(RenderThreadsBenchmark::round).toList());
        mix.put("integratedLufs", mixed.integratedLufs());
        mix.put("truePeakDbtp", mixed.truePeakDbtp());
        mix.putPOJO("notes", mixed.notes());
        mix.put("wavSha256", sha256(wav));
        return mix;
    }

    /** The mixed track as AAC at the settings of the renderer's video writer, audio only. */
    private static void encodeAac(Path wav, Path aac) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(wav.toFile());
                FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(aac.toFile(), 2)) {
            grabber.start();
            recorder.setFormat("mp4");
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(AudioMixer.SAMPLE_RATE);
            recorder.setAudioChannels(AudioMixer.CHANNELS);
            recorder.setAudioBitrate(192_000);
            recorder.start();
            Frame samples;
            while ((samples = grabber.grabSamples()) != null) {
                recorder.record(samples);
            }
            recorder.stop();
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

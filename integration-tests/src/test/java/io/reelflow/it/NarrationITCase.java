package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.reelflow.connectors.catalog.AssetDescription;
import io.reelflow.connectors.catalog.AssetDescriptions;
import io.reelflow.connectors.catalog.AssetImporter;
import io.reelflow.connectors.catalog.ImportReport;
import io.reelflow.connectors.catalog.JdbcAssetCatalog;
import io.reelflow.job.config.CatalogOptions;
import io.reelflow.job.config.NarrationOptions;
import io.reelflow.operators.narration.NarrationConfig;
import io.reelflow.operators.narration.Narrator;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.SpeechRequest;
import io.reelflow.operators.render.audio.AudioClips;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.VideoRequestCodec;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarOptions;
import io.reelflow.sidecar.SpeechEngine;
import java.io.ByteArrayInputStream;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for the narration stage ({@link Narrator}) in the whole job: real speech from the reference
 * sidecar's espeak-ng, mixed under a music bed, with subtitles following the spoken sentences; and
 * a speech server without its engine, which makes the video DEGRADED without narration.
 */
class NarrationITCase {
    private static final int PARALLELISM = 2;
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(4);
    private static final int FPS = 25;

    /** Long enough breathing room that the music is heard alone between scenes. */
    private static final double LEAD_IN = 0.5;

    private static final double TAIL = 1.5;

    /** The music bed: a steady low tone, far below the voice's fundamental, so it is told apart. */
    private static final double MUSIC_HZ = 55;

    private static final String TEXT =
            "A lighthouse stands on a cliff at night. Waves crash on the rocks below."
                    + " At dawn the fishing boats sail out to sea.";

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    @RegisterExtension
    static final EmbeddedServers SERVERS =
            EmbeddedServers.withSidecar(SidecarOptions.defaults().withPort(0).withSlots(2));

    @TempDir Path workDir;

    @Test
    void shouldSpeakTheTextAndLetTheSpeechSetTheScenesAndSubtitles() throws Exception {
        assumeSpeechEngine(SERVERS.sidecar());
        ReelflowStack stack = SERVERS.stack("it-narration");
        stack.prepare(workDir);
        importMusic(stack);
        Configuration config = narrated(stack, SERVERS.sidecar());
        VideoRequest first = request("narrated-1");
        VideoRequest second = request("narrated-2");

        long[] speechBefore = new long[1];
        runJobUntil(
                config,
                stack,
                first,
                () -> {
                    if (CommittedResults.onTopic(stack).size() == 1 && speechBefore[0] == 0) {
                        speechBefore[0] = speechSubmissions();
                        stack.kafka.send(
                                stack.requestsTopic(),
                                second.getRequestId(),
                                VideoRequestCodec.toJson(second));
                    }
                    return CommittedResults.onTopic(stack).size() == 2;
                });

        assertThat(speechBefore[0]).as("sentences spoken for the first request").isEqualTo(3);
        assertThat(speechSubmissions())
                .as("an identical second request synthesises nothing new")
                .isEqualTo(speechBefore[0]);
        VideoResult result = resultOf(stack, first.getRequestId());
        assertThat(result.getStatus())
                .as("error: %s", result.getError())
                .isEqualTo(ResultStatus.COMPLETED);

        try (ObjectStore store = stack.objectStore()) {
            Expected expected = expected(store);
            Path video = workDir.resolve("narrated.mp4");
            store.get(result.getVideoUri(), video);
            assertThat(VideoProbe.of(video).durationSeconds())
                    .as("the video lasts its speech")
                    .isBetween(
                            expected.totalSeconds - 1.0 / FPS, expected.totalSeconds + 1.5 / FPS);
            assertThat(result.getDurationSeconds())
                    .isBetween(expected.totalSeconds - 1e-6, expected.totalSeconds + 1.0 / FPS);
            assertThat(result.getTargetDurationSeconds())
                    .as("the length asked for")
                    .isEqualTo(first.getTargetDurationSeconds());
            assertThat(result.getNotes())
                    .anySatisfy(
                            note ->
                                    assertThat(note)
                                            .startsWith("narration sets the length: ")
                                            .endsWith("instead of the 8.0 s asked"));

            Path srt = workDir.resolve("narrated.srt");
            store.get(result.getSubtitlesUri(), srt);
            List<double[]> cues = cues(Files.readString(srt, StandardCharsets.UTF_8));
            assertThat(cues).isNotEmpty();
            for (double[] cue : cues) {
                assertThat(expected.spans)
                        .as("a spoken span holding the cue %s..%s", cue[0], cue[1])
                        .anySatisfy(
                                span -> {
                                    assertThat(cue[0]).isGreaterThanOrEqualTo(span[0] - 0.0005);
                                    assertThat(cue[1]).isLessThanOrEqualTo(span[1] + 0.0005);
                                });
            }
            // Each scene's first cue starts with its speech: the scene began lead-in before it.
            for (double sceneStart : expected.sceneStarts) {
                assertThat(cues)
                        .anySatisfy(
                                cue ->
                                        assertThat(cue[0])
                                                .isCloseTo(
                                                        sceneStart + LEAD_IN,
                                                        org.assertj.core.api.Assertions.within(
                                                                0.0015)));
            }

            // Kept for a look (and the closing note's frame): target/narration-it/.
            Path kept = Files.createDirectories(Path.of("target", "narration-it"));
            Files.copy(
                    video,
                    kept.resolve("narrated.mp4"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(
                    srt,
                    kept.resolve("narrated.srt"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Levels levels = levels(video, expected);
            System.out.printf(
                    Locale.ROOT,
                    "Narration levels: speech %.1f LUFS; music alone %.1f LUFS; music tone under"
                            + " speech %.1f dB, away from it %.1f dB%n",
                    levels.speechLufs,
                    levels.musicAloneLufs,
                    levels.musicUnderSpeechDb,
                    levels.musicAwayDb);
            assertThat(levels.speechLufs).as("speech is loud").isGreaterThan(-24);
            assertThat(levels.musicAloneLufs)
                    .as("the music is heard between scenes")
                    .isGreaterThan(-50);
            assertThat(levels.musicUnderSpeechDb)
                    .as("music ducked under the speech")
                    .isLessThan(levels.musicAwayDb - 3);
        }
    }

    @Test
    void shouldMakeTheVideoWithoutNarrationDegradedWhenTheSpeechServerCannotSpeak()
            throws Exception {
        try (ReferenceSidecarServer mute =
                ReferenceSidecarServer.start(
                        SidecarOptions.defaults()
                                .withPort(0)
                                .withSpeechEngine(workDir.resolve("no-espeak-ng").toString()))) {
            ReelflowStack stack = SERVERS.stack("it-narration-mute");
            stack.prepare(workDir);
            Configuration config = narrated(stack, mute);
            // Asks Kokoro's captioned route first: the sidecar answers 404, then 503 for the plain.
            config.set(NarrationOptions.WORD_TIMESTAMPS, true);
            VideoRequest request = request("mute-1");

            runJobUntil(config, stack, request, () -> CommittedResults.onTopic(stack).size() == 1);

            VideoResult result = resultOf(stack, request.getRequestId());
            assertThat(result.getStatus()).isEqualTo(ResultStatus.DEGRADED);
            assertThat(result.getError())
                    .startsWith("narration skipped: speech server: ")
                    .contains("espeak-ng is not installed", "apt-get install espeak-ng");
            assertThat(result.getDurationSeconds())
                    .as("the planned timing is kept")
                    .isEqualTo(request.getTargetDurationSeconds());
            assertThat(result.getVideoUri()).isNotNull();
            assertThat(((Map<?, ?>) mute.stats().get("speech")).get("engineUnavailable"))
                    .as("a missing engine is not asked again")
                    .isEqualTo(1L);
        }
    }

    private static VideoRequest request(String id) {
        return VideoRequest.newBuilder()
                .setRequestId(id)
                .setText(TEXT)
                .setLanguageHint("en")
                .setTargetDurationSeconds(8.0)
                .setResolution("240p")
                .setAspectRatio("16:9")
                .setFps(FPS)
                .setSubtitles(true)
                .setNarration(true)
                .setMusic(true)
                .setTransition("cut")
                .build();
    }

    private static Configuration narrated(ReelflowStack stack, ReferenceSidecarServer speech) {
        Configuration config = stack.jobConfiguration(SERVERS.sidecar().baseUri().toString());
        // The asset index is shared per JVM and catalog; its own refresh interval gives this test a
        // fresh one that holds the music bed imported just before.
        config.set(CatalogOptions.REFRESH_INTERVAL, Duration.ofMillis(1_234));
        config.set(NarrationOptions.URL, List.of(speech.baseUri().toString()));
        config.set(NarrationOptions.LEAD_IN, Duration.ofMillis(Math.round(LEAD_IN * 1000)));
        config.set(NarrationOptions.TAIL, Duration.ofMillis(Math.round(TAIL * 1000)));
        config.set(NarrationOptions.INITIAL_BACKOFF, Duration.ofMillis(100));
        config.set(NarrationOptions.MAX_BACKOFF, Duration.ofMillis(200));
        return config;
    }

    /** Real speech needs espeak-ng: skipped without it, failed when the environment demands it. */
    private static void assumeSpeechEngine(ReferenceSidecarServer server) {
        SpeechEngine.Status status = server.speechEngine().status();
        if (status.available()) {
            return;
        }
        if ("1".equals(System.getenv(SpeechEngine.REQUIRE_ENV))) {
            fail(SpeechEngine.REQUIRE_ENV + "=1 but " + status.problem());
        }
        Assumptions.abort(status.problem());
    }

    private static long speechSubmissions() {
        return SERVERS.sidecar().speechSubmissionsByKey().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static VideoResult resultOf(ReelflowStack stack, String requestId) throws Exception {
        return CommittedResults.onTopic(stack).stream()
                .filter(r -> r.getRequestId().equals(requestId))
                .findFirst()
                .orElseThrow();
    }

    /** Publishes {@code request}, runs the job until {@code done}, then cancels it. */
    private static void runJobUntil(
            Configuration config, ReelflowStack stack, VideoRequest request, Callable<Boolean> done)
            throws Exception {
        stack.kafka.send(
                stack.requestsTopic(), request.getRequestId(), VideoRequestCodec.toJson(request));
        ReelflowStack.runJobUntil(config, PARALLELISM, JOB_DEADLINE, done);
    }

    /** A music bed in the catalog: the steady tone, 20 s, so the retrieval stage picks it. */
    private void importMusic(ReelflowStack stack) throws Exception {
        Path folder = Files.createDirectories(workDir.resolve("music"));
        int rate = 48_000;
        int frames = rate * 20;
        byte[] pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            short sample = (short) Math.round(8000 * Math.sin(2 * Math.PI * MUSIC_HZ * i / rate));
            for (int channel = 0; channel < 2; channel++) {
                pcm[i * 4 + channel * 2] = (byte) sample;
                pcm[i * 4 + channel * 2 + 1] = (byte) (sample >> 8);
            }
        }
        try (AudioInputStream stream =
                new AudioInputStream(
                        new ByteArrayInputStream(pcm),
                        new AudioFormat(rate, 16, 2, true, false),
                        frames)) {
            AudioSystem.write(
                    stream, AudioFileFormat.Type.WAVE, folder.resolve("bed.wav").toFile());
        }
        try (ObjectStore store = stack.objectStore()) {
            ImportReport report =
                    AssetImporter.builder()
                            .catalog(new JdbcAssetCatalog(stack.database()))
                            .objectStore(store)
                            .descriptions(
                                    AssetDescriptions.of(
                                            Map.of(
                                                    "bed.wav",
                                                    new AssetDescription(
                                                            "test-bed",
                                                            "Test bed",
                                                            "A calm low drone",
                                                            List.of("music", "calm", "night"),
                                                            "en",
                                                            "CC0-1.0",
                                                            "Test Author",
                                                            null))))
                            .build()
                            .importFolder(folder);
            assertThat(report.hasRejections()).as(report.summary()).isFalse();
        }
    }

    /** Where the speech is, as the job must have laid it out: computed from the stored speech. */
    private record Expected(List<double[]> spans, List<Double> sceneStarts, double totalSeconds) {}

    /**
     * The scenes the job plans for {@link #TEXT} (the same analyzer and defaults), their sentences'
     * speech as stored in S3 under its content key, laid out by the rules: each scene starts on a
     * frame, speaks after the lead-in, and ends on the first frame after its speech and the tail.
     */
    private Expected expected(ObjectStore store) throws Exception {
        SceneAnalyzer analyzer = new SceneAnalyzer(SceneAnalyzerConfig.defaults());
        List<Scene> scenes = analyzer.analyze(TEXT, "en", 8.0);
        assertThat(scenes).as("the text makes several scenes").hasSizeGreaterThan(1);
        NarrationConfig defaults = NarrationConfig.defaults(List.of());
        List<double[]> spans = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        long frame = 0;
        int piece = 0;
        for (Scene scene : scenes) {
            starts.add(frame / (double) FPS);
            double at = frame / (double) FPS + LEAD_IN;
            for (String sentence : analyzer.sentences(scene.getText(), "en", 4096)) {
                SpeechRequest spoken =
                        new SpeechRequest(
                                defaults.model(), defaults.voiceFor("en"), 1.0, "wav", sentence);
                Path file = workDir.resolve("piece-" + piece++ + ".wav");
                store.get(store.uriOf(Narrator.speechKey(spoken)), file);
                double seconds = AudioClips.samples(file) / (double) AudioClips.SAMPLE_RATE;
                spans.add(new double[] {at, at + seconds});
                at += seconds;
            }
            frame = (long) Math.ceil((at + TAIL) * FPS - 1e-6);
        }
        return new Expected(spans, starts, frame / (double) FPS);
    }

    /** Loudness of the mix in the spoken spans and between scenes, and the music tone's level. */
    private record Levels(
            double speechLufs,
            double musicAloneLufs,
            double musicUnderSpeechDb,
            double musicAwayDb) {}

    private Levels levels(Path video, Expected expected) throws Exception {
        short[] stereo = decodeStereo(video);
        System.out.printf(
                Locale.ROOT,
                "Narration audio: %.3f s decoded; spans %s%n",
                stereo.length / 2.0 / AudioClips.SAMPLE_RATE,
                expected.spans.stream()
                        .map(span -> String.format(Locale.ROOT, "%.3f-%.3f", span[0], span[1]))
                        .toList());
        double speechLufs = Double.POSITIVE_INFINITY;
        double under = Double.NEGATIVE_INFINITY;
        for (double[] span : expected.spans) {
            double lufs = lufs(stereo, span[0], span[1]);
            double tone = toneDb(stereo, span[0] + 0.1, span[1] - 0.1);
            System.out.printf(
                    Locale.ROOT,
                    "  span %.3f-%.3f: %.1f LUFS, tone %.1f dB%n",
                    span[0],
                    span[1],
                    lufs,
                    tone);
            speechLufs = Math.min(speechLufs, lufs);
            under = Math.max(under, tone);
        }
        double alone = Double.NEGATIVE_INFINITY;
        double away = Double.POSITIVE_INFINITY;
        for (int i = 1; i < expected.spans.size(); i++) {
            double from = expected.spans.get(i - 1)[1] + 0.6;
            double to = expected.spans.get(i)[0] - 0.05;
            if (to - from >= 0.8) {
                double lufs = lufs(stereo, from, to);
                double tone = toneDb(stereo, from, to);
                System.out.printf(
                        Locale.ROOT,
                        "  gap %.3f-%.3f: %.1f LUFS, tone %.1f dB%n",
                        from,
                        to,
                        lufs,
                        tone);
                alone = Math.max(alone, lufs);
                away = Math.min(away, tone);
            }
        }
        assertThat(away).as("a gap between scenes long enough to hear the music alone").isFinite();
        return new Levels(speechLufs, alone, under, away);
    }

    /**
     * Integrated loudness (ebur128, {@link AudioClips#loudnessLufs}) of a window of the video's
     * sound, cut out sample-exact into a WAV of its own.
     */
    private double lufs(short[] stereo, double from, double to) throws Exception {
        int a = 2 * (int) Math.round(from * AudioClips.SAMPLE_RATE);
        int b = Math.min(stereo.length, 2 * (int) Math.round(to * AudioClips.SAMPLE_RATE));
        byte[] pcm = new byte[(b - a) * 2];
        for (int i = a; i < b; i++) {
            pcm[(i - a) * 2] = (byte) stereo[i];
            pcm[(i - a) * 2 + 1] = (byte) (stereo[i] >> 8);
        }
        Path window = Files.createTempFile(workDir, "window-", ".wav");
        try (AudioInputStream stream =
                new AudioInputStream(
                        new ByteArrayInputStream(pcm),
                        new AudioFormat(AudioClips.SAMPLE_RATE, 16, 2, true, false),
                        (b - a) / 2)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, window.toFile());
        }
        return AudioClips.loudnessLufs(window, 0, (b - a) / 2.0 / AudioClips.SAMPLE_RATE);
    }

    /** The video's sound at 48 kHz, interleaved 16-bit stereo. */
    private static short[] decodeStereo(Path video) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.setSampleFormat(org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16);
            grabber.setSampleRate(AudioClips.SAMPLE_RATE);
            grabber.setAudioChannels(2);
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                ShortBuffer buffer = (ShortBuffer) frame.samples[0];
                for (int i = buffer.position(); i < buffer.limit(); i++) {
                    short sample = buffer.get(i);
                    bytes.write(sample & 0xff);
                    bytes.write((sample >> 8) & 0xff);
                }
            }
        }
        byte[] raw = bytes.toByteArray();
        short[] stereo = new short[raw.length / 2];
        for (int i = 0; i < stereo.length; i++) {
            stereo[i] = (short) ((raw[2 * i] & 0xff) | (raw[2 * i + 1] << 8));
        }
        return stereo;
    }

    /** Amplitude of the music tone between two times (Goertzel), in dB of full scale. */
    private static double toneDb(short[] stereo, double from, double to) {
        int a = (int) Math.round(from * AudioClips.SAMPLE_RATE);
        int b = Math.min(stereo.length / 2, (int) Math.round(to * AudioClips.SAMPLE_RATE));
        double coefficient = 2 * Math.cos(2 * Math.PI * MUSIC_HZ / AudioClips.SAMPLE_RATE);
        double s1 = 0;
        double s2 = 0;
        for (int i = a; i < b; i++) {
            double next = (stereo[2 * i] + stereo[2 * i + 1]) / 65536.0 + coefficient * s1 - s2;
            s2 = s1;
            s1 = next;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 20 * Math.log10(2 * Math.sqrt(Math.max(power, 0)) / Math.max(1, b - a) + 1e-12);
    }

    private static final Pattern SRT_TIME =
            Pattern.compile(
                    "(\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d) --> (\\d\\d):(\\d\\d):(\\d\\d),(\\d\\d\\d)");

    /** The cues' start and end of an SRT file, in seconds. */
    private static List<double[]> cues(String srt) {
        List<double[]> cues = new ArrayList<>();
        Matcher m = SRT_TIME.matcher(srt);
        while (m.find()) {
            cues.add(new double[] {seconds(m, 1), seconds(m, 5)});
        }
        return cues;
    }

    private static double seconds(Matcher m, int group) {
        return Integer.parseInt(m.group(group)) * 3600
                + Integer.parseInt(m.group(group + 1)) * 60
                + Integer.parseInt(m.group(group + 2))
                + Integer.parseInt(m.group(group + 3)) / 1000.0;
    }
}

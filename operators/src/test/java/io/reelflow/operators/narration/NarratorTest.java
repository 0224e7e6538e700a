package io.reelflow.operators.narration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import io.reelflow.operators.port.SpeechClient;
import io.reelflow.operators.port.SpeechRequest;
import io.reelflow.operators.port.SynthesizedSpeech;
import io.reelflow.operators.render.audio.TestAudio;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.operators.scene.SubtitleConfig;
import io.reelflow.operators.scene.SubtitleCue;
import io.reelflow.operators.scene.SubtitleCues;
import io.reelflow.operators.testing.DirectoryObjectStore;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SpokenSpan;
import io.reelflow.schemas.SpokenWord;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link Narrator}. */
class NarratorTest {

    private static final int FPS = 25;
    private static final double LEAD_IN = 0.3;
    private static final double TAIL = 0.5;

    /** Seconds of fake speech per character: a 40-character sentence speaks for 1.2 s. */
    private static final double SECONDS_PER_CHAR = 0.03;

    @TempDir Path dir;

    private final List<SpeechRequest> calls = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    /** Speaks every text as a 1 kHz tone as long as the text asks, at 48 kHz mono. */
    private final SpeechClient tones =
            new SpeechClient() {
                @Override
                public CompletableFuture<SynthesizedSpeech> synthesize(
                        SpeechRequest request, Path target) {
                    calls.add(request);
                    try {
                        double seconds =
                                request.text().length() * SECONDS_PER_CHAR / request.speed();
                        TestAudio.tone(target, 1000, 0.5, TestAudio.RATE, 1, seconds);
                        return CompletableFuture.completedFuture(
                                new SynthesizedSpeech("audio/wav", 1, List.of()));
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                }

                @Override
                public void close() {}
            };

    /** As {@link #tones}, with each word timed from 0.1 s into the audio, as Kokoro gives them. */
    private final SpeechClient timedTones =
            new SpeechClient() {
                @Override
                public CompletableFuture<SynthesizedSpeech> synthesize(
                        SpeechRequest request, Path target) {
                    calls.add(request);
                    try {
                        double seconds = request.text().length() * SECONDS_PER_CHAR;
                        TestAudio.tone(target, 1000, 0.5, TestAudio.RATE, 1, seconds);
                        String[] tokens = request.text().split(" ");
                        double each = (seconds - 0.2) / tokens.length;
                        List<SynthesizedSpeech.WordTiming> words = new ArrayList<>();
                        for (int i = 0; i < tokens.length; i++) {
                            double start = 0.1 + i * each;
                            words.add(
                                    new SynthesizedSpeech.WordTiming(
                                            tokens[i], start, start + 0.8 * each));
                        }
                        return CompletableFuture.completedFuture(
                                new SynthesizedSpeech("audio/wav", 1, words));
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                }

                @Override
                public void close() {}
            };

    private SpeechClient failing(Cause cause, String message) {
        return new SpeechClient() {
            @Override
            public CompletableFuture<SynthesizedSpeech> synthesize(
                    SpeechRequest request, Path target) {
                calls.add(request);
                return CompletableFuture.failedFuture(
                        new GenerationException(message, cause, Duration.ofSeconds(2), null));
            }

            @Override
            public void close() {}
        };
    }

    private NarrationConfig config() {
        return NarrationConfig.defaults(
                        List.of(
                                new io.reelflow.operators.port.ModelEndpoint(
                                        "tts",
                                        URI.create("http://tts:8880"),
                                        "openai-speech",
                                        1,
                                        java.util.Map.of())))
                .withBreathing(LEAD_IN, TAIL)
                .withRetries(3, Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    private Narrator narrator(NarrationConfig config, SpeechClient client) {
        return new Narrator(
                config,
                List.of(client),
                new DirectoryObjectStore(dir.resolve("store")),
                new SceneAnalyzer(SceneAnalyzerConfig.defaults()),
                dir.resolve("work"),
                waits::add);
    }

    private static ScenePlan plan(boolean narration, String... texts) {
        List<Scene> scenes = new ArrayList<>();
        double each = 30.0 / texts.length;
        for (int i = 0; i < texts.length; i++) {
            scenes.add(
                    Scene.newBuilder()
                            .setIndex(i)
                            .setText(texts[i])
                            .setStartSeconds(i * each)
                            .setEndSeconds((i + 1) * each)
                            .setPrompt("a scene")
                            .build());
        }
        return ScenePlan.newBuilder()
                .setRequestId("req-1")
                .setRunId("run-1")
                .setLanguage("en")
                .setLanguageConfidence(1.0)
                .setSpec(
                        RenderSpec.newBuilder()
                                .setWidth(320)
                                .setHeight(180)
                                .setFps(FPS)
                                .setTargetDurationSeconds(30.0)
                                .setNarration(narration)
                                .build())
                .setScenes(scenes)
                .build();
    }

    private static final String FIRST = "A lighthouse stands on a cliff at night.";
    private static final String SECOND = "Waves crash far below.";
    private static final String THIRD = "Morning comes, and the fishing boats go out.";

    @Test
    void shouldPassAPlanWithoutNarrationUntouched() throws IOException {
        ScenePlan plan = plan(false, FIRST + " " + SECOND, THIRD);

        ScenePlan narrated = narrator(config(), tones).narrate(plan, Cancellation.none());

        assertThat(narrated).isEqualTo(plan(false, FIRST + " " + SECOND, THIRD));
        assertThat(calls).isEmpty();
    }

    @Test
    void shouldLetEachSceneLastItsSpeechPlusBreathingRoom() throws IOException {
        ScenePlan narrated =
                narrator(config(), tones)
                        .narrate(plan(true, FIRST + " " + SECOND, THIRD), Cancellation.none());

        assertThat(calls).extracting(SpeechRequest::text).containsExactly(FIRST, SECOND, THIRD);
        assertThat(calls).allSatisfy(call -> assertThat(call.voice()).isEqualTo("en-us"));
        List<Scene> scenes = narrated.getScenes();
        double[] speech = {
            (FIRST.length() + SECOND.length()) * SECONDS_PER_CHAR, THIRD.length() * SECONDS_PER_CHAR
        };
        double start = 0;
        for (int i = 0; i < scenes.size(); i++) {
            Scene scene = scenes.get(i);
            double duration = scene.getEndSeconds() - scene.getStartSeconds();
            assertThat(scene.getStartSeconds()).isEqualTo(start);
            assertThat(scene.getStartSeconds() * FPS)
                    .isCloseTo(Math.rint(scene.getStartSeconds() * FPS), within(1e-9));
            // within one frame above the speech and its breathing room
            assertThat(duration)
                    .isBetween(
                            speech[i] + LEAD_IN + TAIL - 1e-9,
                            speech[i] + LEAD_IN + TAIL + 1.0 / FPS);
            start = scene.getEndSeconds();
        }
        double total = scenes.get(1).getEndSeconds();
        assertThat(narrated.getSpec().getTargetDurationSeconds()).isEqualTo(total);
        assertThat(narrated.getNarrationUri()).startsWith("file:").contains("speech/tracks/");
        assertThat(narrated.getSpec().getRequestedDurationSeconds()).isEqualTo(30.0);
        assertThat(narrated.getWarnings())
                .anySatisfy(
                        w ->
                                assertThat(w)
                                        .startsWith("narration sets the length: ")
                                        .endsWith("instead of the 30.0 s asked"));
        assertThat(narrated.getDegradedReasons()).isEmpty();
    }

    @Test
    void shouldPutSpeechInTheTrackWhereTheSpokenSpansSay() throws Exception {
        ScenePlan narrated =
                narrator(config(), tones)
                        .narrate(plan(true, FIRST + " " + SECOND, THIRD), Cancellation.none());

        short[] track = readMono(Path.of(URI.create(narrated.getNarrationUri())));
        assertThat(track.length / (double) TestAudio.RATE)
                .isCloseTo(narrated.getSpec().getTargetDurationSeconds(), within(1e-6));
        List<SpokenSpan> spans = new ArrayList<>();
        narrated.getScenes().forEach(scene -> spans.addAll(scene.getSpokenSpans()));
        assertThat(spans).extracting(SpokenSpan::getText).containsExactly(FIRST, SECOND, THIRD);
        for (SpokenSpan span : spans) {
            assertThat(rmsDb(track, span.getStartSeconds() + 0.01, span.getEndSeconds() - 0.01))
                    .as("speech in %s", span.getText())
                    // the tone's -9 dBFS, less the 3 dB FFmpeg's mono-to-stereo pan takes
                    .isGreaterThan(-13);
        }
        // the lead-in of the first scene and the gap between the scenes are silent
        assertThat(rmsDb(track, 0.0, LEAD_IN - 0.01)).isLessThan(-80);
        Scene first = narrated.getScenes().get(0);
        assertThat(rmsDb(track, spans.get(1).getEndSeconds() + 0.01, first.getEndSeconds()))
                .isLessThan(-80);
    }

    @Test
    void shouldPlaceEverySubtitleCueInsideTheSpanItsSentenceIsSpokenIn() throws IOException {
        String longSentence =
                "The old keeper climbs the winding stairs every evening, lights the great lamp, and"
                        + " watches the ships pass safely through the narrow channel below.";
        ScenePlan narrated =
                narrator(config(), tones)
                        .narrate(
                                plan(true, FIRST + " " + longSentence, THIRD), Cancellation.none());

        List<SpokenSpan> spans = new ArrayList<>();
        narrated.getScenes().forEach(scene -> spans.addAll(scene.getSpokenSpans()));
        List<SubtitleCue> cues =
                new SubtitleCues(SubtitleConfig.defaults()).cues(narrated.getScenes(), "en");

        assertThat(cues.size()).isGreaterThan(spans.size());
        for (SubtitleCue cue : cues) {
            assertThat(cue.lines()).hasSizeLessThanOrEqualTo(2);
            cue.lines().forEach(line -> assertThat(line.length()).isLessThanOrEqualTo(42));
            assertThat(spans)
                    .as("a span holding cue %s", cue)
                    .anySatisfy(
                            span -> {
                                assertThat(cue.startSeconds())
                                        .isGreaterThanOrEqualTo(span.getStartSeconds());
                                assertThat(cue.endSeconds())
                                        .isLessThanOrEqualTo(span.getEndSeconds());
                                assertThat(span.getText()).contains(cue.lines().get(0));
                            });
        }
    }

    @Test
    void shouldGiveSpokenSpansTheServersWordTimesAlsoWhenSpeechComesFromTheStore()
            throws IOException {
        ScenePlan plan = plan(true, FIRST + " " + SECOND, THIRD);

        ScenePlan made = narrator(config(), timedTones).narrate(plan, Cancellation.none());
        ScenePlan stored = narrator(config(), timedTones).narrate(plan, Cancellation.none());

        SpokenSpan first = made.getScenes().get(0).getSpokenSpans().get(0);
        assertThat(first.getWords())
                .extracting(SpokenWord::getText)
                .containsExactly(FIRST.split(" "));
        assertThat(first.getStartSeconds())
                .isEqualTo(first.getWords().get(0).getStartSeconds())
                .isCloseTo(LEAD_IN + 0.1, within(1e-4));
        assertThat(first.getEndSeconds())
                .isEqualTo(first.getWords().get(first.getWords().size() - 1).getEndSeconds());
        assertThat(calls).hasSize(3);
        assertThat(stored).isEqualTo(made);
    }

    @Test
    void shouldKeepSpokenSpansAndTheirWordsThroughFlinksSerializer() throws Exception {
        TypeSerializer<ScenePlan> serializer =
                new AvroTypeInfo<>(ScenePlan.class).createSerializer(new SerializerConfigImpl());
        for (SpeechClient client : List.of(tones, timedTones)) {
            ScenePlan narrated =
                    narrator(config(), client).narrate(plan(true, FIRST), Cancellation.none());
            DataOutputSerializer out = new DataOutputSerializer(256);

            serializer.serialize(narrated, out);
            ScenePlan copied = serializer.copy(narrated);
            ScenePlan read =
                    serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

            assertThat(read).isEqualTo(narrated);
            assertThat(copied).isEqualTo(narrated);
            assertThat(read.getScenes().get(0).getSpokenSpans().get(0).getWords()).isNotNull();
        }
    }

    @Test
    void shouldNotAskTheServerAgainForSpeechItAlreadyMade() throws IOException {
        ScenePlan plan = plan(true, FIRST + " " + SECOND, THIRD);
        ScenePlan first = narrator(config(), tones).narrate(plan, Cancellation.none());
        int callsBefore = calls.size();

        ScenePlan second = narrator(config(), tones).narrate(plan, Cancellation.none());

        assertThat(callsBefore).isEqualTo(3);
        assertThat(calls).hasSize(callsBefore);
        assertThat(second).isEqualTo(first);
        assertThat(dir.resolve("store/speech/" + calls.get(0).contentKey() + ".wav")).exists();
    }

    @Test
    void shouldGoOnWithoutNarrationDegradedWhenTheServerIsUnavailable() throws IOException {
        ScenePlan plan = plan(true, FIRST, THIRD);

        ScenePlan narrated =
                narrator(
                                config(),
                                failing(
                                        Cause.OVERLOADED,
                                        "endpoint 'tts' POST /v1/audio/speech answered 503:"
                                                + " all workers busy"))
                        .narrate(plan, Cancellation.none());

        assertThat(calls).hasSize(3);
        assertThat(waits).hasSize(2);
        assertThat(narrated.getScenes()).isEqualTo(plan.getScenes());
        assertThat(narrated.getSpec()).isEqualTo(plan.getSpec());
        assertThat(narrated.getNarrationUri()).isNull();
        assertThat(narrated.getDegradedReasons())
                .singleElement()
                .asString()
                .startsWith("narration skipped: speech server: ")
                .endsWith("answered 503: all workers busy");
    }

    @Test
    void shouldNotRetryAServerWhoseSynthesiserIsNotInstalled() throws IOException {
        ScenePlan plan = plan(true, FIRST, THIRD);

        ScenePlan narrated =
                narrator(
                                config(),
                                failing(
                                        Cause.OVERLOADED,
                                        "endpoint 'tts' POST /v1/audio/speech answered 503:"
                                                + " espeak-ng is not installed; install it with:"
                                                + " apt-get install espeak-ng"))
                        .narrate(plan, Cancellation.none());

        assertThat(calls).hasSize(1);
        assertThat(waits).isEmpty();
        assertThat(narrated.getNarrationUri()).isNull();
        assertThat(narrated.getScenes()).isEqualTo(plan.getScenes());
        assertThat(narrated.getDegradedReasons())
                .singleElement()
                .asString()
                .startsWith("narration skipped: speech server: ")
                .contains("espeak-ng is not installed; install it with: apt-get install espeak-ng");
    }

    @Test
    void shouldNotRetryASpeechRequestTheServerRefused() throws IOException {
        ScenePlan narrated =
                narrator(config(), failing(Cause.REFUSED, "answered 400: unknown voice"))
                        .narrate(plan(true, FIRST), Cancellation.none());

        assertThat(calls).hasSize(1);
        assertThat(narrated.getDegradedReasons())
                .singleElement()
                .asString()
                .contains("unknown voice");
    }

    @Test
    void shouldSpeakFasterThenCutWhenSpeechIsLongerThanTheMaximum() throws IOException {
        NarrationConfig config = config().withDurationBounds(1.0, 3.0);

        ScenePlan narrated =
                narrator(config, tones)
                        .narrate(plan(true, FIRST + " " + SECOND, THIRD), Cancellation.none());

        assertThat(calls.stream().map(SpeechRequest::speed).distinct()).containsExactly(1.0, 1.5);
        assertThat(narrated.getSpec().getTargetDurationSeconds()).isLessThanOrEqualTo(3.0);
        assertThat(narrated.getWarnings())
                .anySatisfy(w -> assertThat(w).contains("spoken at speed 1.50"))
                .anySatisfy(w -> assertThat(w).contains("narration cut: "));
        Scene last = narrated.getScenes().get(narrated.getScenes().size() - 1);
        assertThat(last.getEndSeconds()).isEqualTo(narrated.getSpec().getTargetDurationSeconds());
    }

    @Test
    void shouldPickTheVoiceOfTheLanguage() {
        NarrationConfig config = config();
        assertThat(config.voiceFor("de")).isEqualTo("de");
        assertThat(config.voiceFor("zh-Hans")).isEqualTo("cmn");
        assertThat(config.voiceFor("pt")).isEqualTo("pt");
        assertThat(config.voiceFor("pt-BR")).isEqualTo("pt");
        assertThat(config.voiceFor("ja")).isEqualTo("ja");
        assertThat(config.voiceFor("und")).isEqualTo("en-us");
    }

    private static short[] readMono(Path file) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            assertThat(in.getFormat().getChannels()).isEqualTo(1);
            assertThat(in.getFormat().getSampleRate()).isEqualTo(TestAudio.RATE);
            byte[] bytes = in.readAllBytes();
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return samples;
        }
    }

    private static double rmsDb(short[] track, double from, double to) {
        int a = (int) Math.round(from * TestAudio.RATE);
        int b = (int) Math.round(to * TestAudio.RATE);
        double sum = 0;
        for (int i = a; i < b; i++) {
            double x = track[i] / 32768.0;
            sum += x * x;
        }
        return 10 * Math.log10(sum / Math.max(1, b - a) + 1e-20);
    }
}

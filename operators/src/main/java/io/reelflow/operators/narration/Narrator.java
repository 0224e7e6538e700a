package io.reelflow.operators.narration;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.ScratchDirectories;
import io.reelflow.operators.port.ContentKeys;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.SpeechClient;
import io.reelflow.operators.port.SpeechRequest;
import io.reelflow.operators.port.SynthesizedSpeech;
import io.reelflow.operators.render.audio.AudioClips;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.ScenePlan;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks a plan's scenes and lets the speech set their timing. Each scene's text is spoken a
 * sentence at a time (sentences cut to the server's input limit), each sentence stored under its
 * content key ({@code speech/<sha256(model, voice, speed, format, text)>.wav}) and looked up before
 * the server is asked, so replays and restarts never synthesise twice. A scene then lasts its
 * speech plus a lead-in and a tail, on whole video frames; the video lasts the sum, within the
 * request bounds (faster speech is asked for once when it is too long, and what still does not fit
 * is not spoken); the sentences' spans become the scenes' spoken spans, which subtitles follow. One
 * track holds the whole narration ({@code speech/tracks/<sha256>.wav}).
 *
 * <p>A plan without narration passes untouched. When the speech servers fail (after retries with
 * backoff), the plan goes on without narration and with a reason that makes the result DEGRADED.
 * Blocking: run it on a bounded executor.
 */
public final class Narrator {
    private static final Logger LOG = LoggerFactory.getLogger(Narrator.class);

    /** The format asked for; the audio is decoded whatever arrives. */
    static final String FORMAT = "wav";

    /** How a speech server says that its synthesiser is missing, a state no retry changes. */
    private static final Pattern ENGINE_MISSING =
            Pattern.compile("\\bis not installed\\b", Pattern.CASE_INSENSITIVE);

    /** A length this close to the target is not worth a word. */
    static final double TARGET_TOLERANCE_SECONDS = 1.0;

    /** How a wait between attempts is spent; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final NarrationConfig config;
    private final List<SpeechClient> clients;
    private final ObjectStore store;
    private final SceneAnalyzer sentences;
    private final Path workDirectory;
    private final Sleeper sleeper;

    /**
     * @param clients one per {@link NarrationConfig#endpoints()}, in the same order
     * @param sentences the scene analyzer whose sentence rules cut the text
     * @param workDirectory where speech is downloaded and the track written, in a directory per
     *     plan that is deleted afterwards
     */
    public Narrator(
            NarrationConfig config,
            List<SpeechClient> clients,
            ObjectStore store,
            SceneAnalyzer sentences,
            Path workDirectory,
            Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.clients = List.copyOf(clients);
        this.store = Objects.requireNonNull(store, "store");
        this.sentences = Objects.requireNonNull(sentences, "sentences");
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Object key of one spoken text. */
    public static String speechKey(SpeechRequest request) {
        return "speech/" + request.contentKey() + ".wav";
    }

    /**
     * The plan with narration: re-timed scenes with their spoken spans, the video's length, the
     * track's URI and a warning when the length is not the one asked for. A plan without narration
     * is returned as it is; one whose speech could not be made comes back {@link #skipped}.
     *
     * @throws IOException when the object store fails (the caller skips narration then)
     */
    public ScenePlan narrate(ScenePlan plan, Cancellation cancellation) throws IOException {
        if (!plan.getSpec().getNarration()) {
            return plan;
        }
        if (clients.isEmpty()) {
            return skipped(plan, "no speech server is configured (reelflow.narration.url)");
        }
        Files.createDirectories(workDirectory);
        Path temp = Files.createTempDirectory(workDirectory, "narration-");
        try {
            return narrate(plan, temp, cancellation);
        } catch (SpeechFailure failure) {
            LOG.warn("Narration of {} skipped: {}", plan.getRequestId(), failure.getMessage());
            return skipped(plan, "speech server: " + failure.getMessage());
        } finally {
            ScratchDirectories.deleteQuietly(temp);
        }
    }

    /** The plan unchanged in timing, without narration, DEGRADED for {@code why}. */
    public static ScenePlan skipped(ScenePlan plan, String why) {
        String reason = "narration skipped: " + why;
        List<String> reasons = new ArrayList<>(plan.getDegradedReasons());
        reasons.add(reason);
        List<String> warnings = new ArrayList<>(plan.getWarnings());
        warnings.add(reason);
        return ScenePlan.newBuilder(plan)
                .setNarrationUri(null)
                .setDegradedReasons(reasons)
                .setWarnings(warnings)
                .build();
    }

    private ScenePlan narrate(ScenePlan plan, Path temp, Cancellation cancellation)
            throws IOException {
        RenderSpec spec = plan.getSpec();
        String voice = config.voiceFor(plan.getLanguage());
        List<String> warnings = new ArrayList<>(plan.getWarnings());
        List<List<String>> texts = new ArrayList<>();
        for (Scene scene : plan.getScenes()) {
            texts.add(
                    sentences.sentences(
                            scene.getText(), plan.getLanguage(), config.maxInputChars()));
        }
        if (texts.stream().allMatch(List::isEmpty)) {
            warnings.add("narration: the text has nothing to speak");
            return ScenePlan.newBuilder(plan).setWarnings(warnings).build();
        }
        double speed = config.speed();
        List<List<SpokenPiece>> pieces = speak(texts, voice, speed, temp, cancellation);
        NarrationTiming timing = timing(plan, pieces);
        if (timing.overMaximum()) {
            double faster =
                    Math.min(
                            Math.min(SpeechRequest.MAX_SPEED, speed * config.maxSpeedUp()),
                            speed * timing.speechSeconds() / timing.speechBudgetSeconds());
            faster = Math.ceil(faster * 100) / 100;
            if (faster > speed) {
                warnings.add(
                        String.format(
                                Locale.ROOT,
                                "narration: speech of %.0f s is longer than the %.0f s maximum;"
                                        + " spoken at speed %.2f instead of %.2f",
                                timing.totalSeconds(),
                                config.maxDurationSeconds(),
                                faster,
                                speed));
                speed = faster;
                pieces = speak(texts, voice, speed, temp, cancellation);
                timing = timing(plan, pieces);
            }
            if (timing.overMaximum()) {
                timing = timing.cutToMaximum();
                warnings.add(
                        String.format(
                                Locale.ROOT,
                                "narration cut: %d sentences after the %.0f s maximum are not"
                                        + " spoken",
                                timing.droppedPieces(),
                                config.maxDurationSeconds()));
            }
        }
        double total = timing.totalSeconds();
        double asked =
                spec.getRequestedDurationSeconds() != null
                        ? spec.getRequestedDurationSeconds()
                        : spec.getTargetDurationSeconds();
        if (Math.abs(total - asked) > TARGET_TOLERANCE_SECONDS) {
            warnings.add(
                    String.format(
                            Locale.ROOT,
                            "narration sets the length: %.1f s, as long as its speech, instead of"
                                    + " the %.1f s asked",
                            total,
                            asked));
        }
        cancellation.throwIfCancelled();
        String trackUri = track(timing, temp);
        return ScenePlan.newBuilder(plan)
                .setScenes(timing.scenes())
                .setSpec(
                        RenderSpec.newBuilder(spec)
                                .setTargetDurationSeconds(total)
                                .setRequestedDurationSeconds(asked)
                                .build())
                .setNarrationUri(trackUri)
                .setWarnings(warnings)
                .build();
    }

    private NarrationTiming timing(ScenePlan plan, List<List<SpokenPiece>> pieces) {
        return NarrationTiming.of(
                plan.getScenes(),
                pieces,
                plan.getSpec().getFps(),
                config.leadInSeconds(),
                config.tailSeconds(),
                config.minDurationSeconds(),
                config.maxDurationSeconds());
    }

    /** Every scene's sentences as speech, from the store or the server. */
    private List<List<SpokenPiece>> speak(
            List<List<String>> texts,
            String voice,
            double speed,
            Path temp,
            Cancellation cancellation)
            throws IOException {
        List<List<SpokenPiece>> pieces = new ArrayList<>(texts.size());
        for (List<String> scene : texts) {
            List<SpokenPiece> spoken = new ArrayList<>(scene.size());
            for (String text : scene) {
                cancellation.throwIfCancelled();
                spoken.add(
                        speak(new SpeechRequest(config.model(), voice, speed, FORMAT, text), temp));
            }
            pieces.add(spoken);
        }
        return pieces;
    }

    private SpokenPiece speak(SpeechRequest request, Path temp) throws IOException {
        String key = speechKey(request);
        Path file = temp.resolve(request.contentKey() + ".wav");
        Path wordsFile = temp.resolve(request.contentKey() + ".words.json");
        if (!Files.exists(file)) {
            var cached = store.find(key);
            if (cached.isPresent()) {
                store.get(cached.get(), file);
                var cachedWords = store.find(SpeechWords.key(key));
                if (cachedWords.isPresent()) {
                    store.get(cachedWords.get(), wordsFile);
                }
            } else {
                List<SynthesizedSpeech.WordTiming> timed = synthesize(request, file).words();
                if (!timed.isEmpty()) {
                    SpeechWords.write(timed, wordsFile);
                    store.put(SpeechWords.key(key), wordsFile, "application/json");
                }
                store.put(key, file, "audio/wav");
            }
        }
        List<SynthesizedSpeech.WordTiming> words = SpeechWords.read(wordsFile);
        long samples;
        try {
            samples = AudioClips.samples(file);
        } catch (IOException e) {
            throw new SpeechFailure("its audio cannot be decoded: " + e.getMessage());
        }
        if (samples == 0) {
            throw new SpeechFailure("it answered audio without sound");
        }
        return new SpokenPiece(request.text(), key, file, samples, words);
    }

    /**
     * The speech of {@code request} from the first endpoint that gives it, each tried {@link
     * NarrationConfig#maxAttempts()} times with backoff while its failure is retryable.
     */
    private SynthesizedSpeech synthesize(SpeechRequest request, Path file) throws IOException {
        GenerationException last = null;
        for (SpeechClient client : clients) {
            Duration backoff = config.initialBackoff();
            for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
                CompletableFuture<SynthesizedSpeech> call = client.synthesize(request, file);
                try {
                    return call.get();
                } catch (InterruptedException e) {
                    call.cancel(true);
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("narration interrupted");
                } catch (ExecutionException e) {
                    last = asGenerationFailure(e.getCause());
                }
                if (!worthRetrying(last) || attempt == config.maxAttempts()) {
                    break;
                }
                // The server's Retry-After wins, within the configured limit.
                Duration wait = last.retryAfter().orElse(backoff);
                if (wait.compareTo(config.maxBackoff()) > 0) {
                    wait = config.maxBackoff();
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("narration interrupted");
                }
                backoff = backoff.multipliedBy(2);
            }
        }
        throw new SpeechFailure(last == null ? "no answer" : last.getMessage());
    }

    /**
     * Whether asking the same server again may help: not when it refused the request, nor when it
     * says its synthesiser is not installed. That comes as a 503 (the reference sidecar's
     * "espeak-ng is not installed; install it with: …", {@code SpeechEngine.INSTALL_HINT}), which
     * reads as an overload, but no wait installs the program: the next server is asked at once, and
     * without one narration is skipped with that reason.
     */
    static boolean worthRetrying(GenerationException failure) {
        return failure.retryable()
                && !(failure.getMessage() != null
                        && ENGINE_MISSING.matcher(failure.getMessage()).find());
    }

    private static GenerationException asGenerationFailure(Throwable cause) {
        if (cause instanceof GenerationException generation) {
            return generation;
        }
        return new GenerationException(
                String.valueOf(cause), GenerationException.Cause.SERVER_ERROR, null, cause);
    }

    /** Writes (or finds) the one track of the whole narration and returns its URI. */
    private String track(NarrationTiming timing, Path temp) throws IOException {
        List<String> parts = new ArrayList<>();
        parts.add("track-v1");
        parts.add(Long.toString(timing.totalSamples()));
        List<AudioClips.Placement> placements = new ArrayList<>();
        for (NarrationTiming.Placed placed : timing.placed()) {
            parts.add(placed.piece().key() + "@" + placed.offsetSamples());
            placements.add(new AudioClips.Placement(placed.piece().file(), placed.offsetSamples()));
        }
        String key = "speech/tracks/" + ContentKeys.sha256(parts.toArray(String[]::new)) + ".wav";
        var existing = store.find(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path file = temp.resolve("track.wav");
        AudioClips.place(placements, timing.totalSamples(), file);
        return store.put(key, file, "audio/wav");
    }

    /** The speech servers gave no usable speech; the message says why, for users. */
    static final class SpeechFailure extends IOException {
        SpeechFailure(String message) {
            super(message);
        }
    }
}

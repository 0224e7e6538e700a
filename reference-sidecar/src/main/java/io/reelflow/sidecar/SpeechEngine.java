package io.reelflow.sidecar;

import io.reelflow.sidecar.internal.Threads;
import io.reelflow.sidecar.internal.Wav;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real speech from Debian's {@code espeak-ng}, run as a process per request on a bounded pool: text
 * on stdin (never a shell, never an argument), {@code --stdout} WAV back, killed when it overruns
 * its time. The program is looked for once, on first use; when it is missing every call fails with
 * {@link #INSTALL_HINT} and nothing is faked.
 *
 * <pre>{@code
 * try (SpeechEngine engine = SpeechEngine.create("espeak-ng", 2, 16)) {
 *     SpeechAudio audio = engine.synthesize("Guten Tag.", "de", 1.0);
 * }
 * }</pre>
 */
public final class SpeechEngine implements AutoCloseable {

    public static final String DEFAULT_COMMAND = "espeak-ng";

    /** The reason given whenever the program cannot be found or run. */
    public static final String INSTALL_HINT =
            "espeak-ng is not installed; install it with: apt-get install espeak-ng";

    /**
     * Set to {@code 1} where real speech must be tested (CI): tests that need espeak-ng then fail
     * with {@link #INSTALL_HINT} instead of being skipped.
     */
    public static final String REQUIRE_ENV = "REELFLOW_REQUIRE_SPEECH_ENGINE";

    /** espeak-ng's own output rate. */
    public static final int SAMPLE_RATE = 22_050;

    /** What OpenAI's voice names and a request without a voice are spoken with. */
    public static final String DEFAULT_VOICE = "en-us";

    /** espeak-ng's default rate, spoken at speed 1.0. */
    public static final int WORDS_PER_MINUTE = 175;

    /** espeak-ng speaks no slower than this; slower speeds are clamped to it. */
    public static final int MIN_WORDS_PER_MINUTE = 80;

    /** How long one synthesis may take before the process is killed. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * OpenAI's built-in voices ({@code openai-python
     * src/openai/types/audio/speech_create_params.py}), accepted as Kokoro-FastAPI accepts them
     * ({@code api/src/core/openai_mappings.json}) and spoken with {@link #DEFAULT_VOICE}.
     */
    public static final Set<String> OPENAI_VOICES =
            Set.of(
                    "alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage",
                    "shimmer", "verse", "marin", "cedar");

    private static final Logger LOG = LoggerFactory.getLogger(SpeechEngine.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    // 4,096 characters at the slowest rate are about 10 minutes: 26 MB at 22,050 Hz.
    private static final int MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
    private static final Pattern VERSION = Pattern.compile("text-to-speech:\\s*(\\S+)");
    private static final Pattern VOICE_LINE =
            Pattern.compile("^\\s*\\d+\\s+(\\S+)\\s+\\S+\\s+(\\S+)\\s+(\\S+)\\s*(.*)$");
    private static final Pattern OTHER_LANGUAGE = Pattern.compile("\\(([^\\s)]+)\\s+\\d+\\)");
    private static final Set<String> MANDARIN = Set.of("cmn", "zh", "zh-cmn");
    private static final String MANDARIN_PINYIN_VOICE = "cmn-latn-pinyin";

    private final String command;
    private final ThreadPoolExecutor pool;
    private volatile Probe probe;

    private SpeechEngine(String command, int threads, int queueCapacity) {
        this.command = command;
        this.pool =
                new ThreadPoolExecutor(
                        threads,
                        threads,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(Math.max(1, queueCapacity)),
                        Threads.named("reference-sidecar-speech"),
                        new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * @param command a path to espeak-ng, or a name looked up on {@code PATH}
     * @param threads syntheses run at once
     * @param queueCapacity syntheses that may wait; more are refused
     */
    public static SpeechEngine create(String command, int threads, int queueCapacity) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        return new SpeechEngine(command, threads, queueCapacity);
    }

    /** Whether espeak-ng runs here, which version and where; found on the first call. */
    public Status status() {
        return probe().status();
    }

    /** The voices espeak-ng lists, one per language name. */
    public List<SpeechVoice> voices() throws EngineUnavailableException {
        return available().voices();
    }

    /**
     * The espeak-ng voice a request's voice name stands for: an espeak-ng language name or one of
     * its aliases (any case), optionally with a {@code +variant}; an OpenAI voice name; empty when
     * espeak-ng has no such voice.
     */
    public Optional<String> resolveVoice(String requested) throws EngineUnavailableException {
        Probe known = available();
        String name = requested.strip().toLowerCase(Locale.ROOT);
        if (OPENAI_VOICES.contains(name)) {
            name = DEFAULT_VOICE;
        }
        int plus = name.indexOf('+');
        String base = plus < 0 ? name : name.substring(0, plus);
        String variant = null;
        if (plus >= 0) {
            variant = known.variants().get(name.substring(plus + 1));
            if (variant == null) {
                return Optional.empty();
            }
        }
        if (!known.names().contains(base)) {
            return Optional.empty();
        }
        if (MANDARIN.contains(base) && known.mandarinReadsToneNumbers()) {
            base = MANDARIN_PINYIN_VOICE;
        }
        return Optional.of(variant == null ? base : base + "+" + variant);
    }

    /** espeak-ng's {@code -s} for an OpenAI {@code speed} (0.25..4.0, 1.0 is its default rate). */
    public static int wordsPerMinute(double speed) {
        return (int) Math.max(MIN_WORDS_PER_MINUTE, Math.round(WORDS_PER_MINUTE * speed));
    }

    /**
     * Speaks {@code text} (already cleaned) with the voice, waiting at most {@link #TIMEOUT}.
     *
     * @throws IllegalArgumentException for a voice espeak-ng does not have
     * @throws RejectedExecutionException when every thread is busy and the queue is full
     * @throws IOException when espeak-ng fails, overruns its time (it is killed) or writes no WAV
     */
    public SpeechAudio synthesize(String text, String voice, double speed)
            throws IOException, EngineUnavailableException, InterruptedException {
        Path binary = available().status().binary();
        Optional<String> known = resolveVoice(voice);
        if (known.isEmpty()) {
            throw new IllegalArgumentException(unknownVoice(voice));
        }
        String resolved = known.get();
        List<String> arguments =
                List.of(
                        binary.toString(),
                        "-b",
                        "1", // stdin is UTF-8
                        "-v",
                        resolved,
                        "-s",
                        Integer.toString(wordsPerMinute(speed)),
                        "--stdout");
        AtomicReference<Process> process = new AtomicReference<>();
        Future<byte[]> run = pool.submit(() -> run(arguments, text, process));
        try {
            return Wav.read(run.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new IOException("espeak-ng took longer than " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            run.cancel(true);
            Process started = process.get();
            if (started != null && started.isAlive()) {
                started.destroyForcibly();
            }
        }
    }

    /** Kokoro-FastAPI's message for an unknown voice, naming the ones there are. */
    public String unknownVoice(String voice) throws EngineUnavailableException {
        List<String> ids = new ArrayList<>();
        voices().forEach(v -> ids.add(v.id()));
        ids.sort(null);
        return "Voice '" + voice + "' not found. Available voices: " + String.join(", ", ids);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static byte[] run(List<String> arguments, String text, AtomicReference<Process> holder)
            throws IOException, InterruptedException {
        Path errors = Files.createTempFile("reelflow-espeak-ng-", ".log");
        try {
            Process process = new ProcessBuilder(arguments).redirectError(errors.toFile()).start();
            holder.set(process);
            if (Thread.currentThread().isInterrupted()) {
                process.destroyForcibly();
                throw new InterruptedException("cancelled");
            }
            // At most 4,096 characters: smaller than a pipe's buffer, so writing first cannot
            // block.
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            byte[] wav = process.getInputStream().readNBytes(MAX_OUTPUT_BYTES + 1);
            int exit = process.waitFor();
            if (exit != 0 || wav.length > MAX_OUTPUT_BYTES) {
                throw new IOException(
                        "espeak-ng failed (exit "
                                + exit
                                + ", "
                                + wav.length
                                + " bytes): "
                                + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
            return wav;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private Probe available() throws EngineUnavailableException {
        Probe known = probe();
        if (!known.status().available()) {
            throw new EngineUnavailableException(known.status().problem());
        }
        return known;
    }

    private Probe probe() {
        Probe known = probe;
        if (known == null) {
            synchronized (this) {
                if (probe == null) {
                    probe = Probe.of(command);
                    LOG.info("Speech engine: {}", probe.status().description());
                }
                known = probe;
            }
        }
        return known;
    }

    /** The program, if it is found on {@code PATH} or at the given path. */
    static Optional<Path> locate(String command) {
        if (command.contains(File.separator)) {
            Path path = Path.of(command);
            return Files.isRegularFile(path) && Files.isExecutable(path)
                    ? Optional.of(path.toAbsolutePath())
                    : Optional.empty();
        }
        String searchPath = System.getenv("PATH");
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** Runs a probe of espeak-ng and returns what it printed. */
    private static String ask(Path binary, String input, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            // Probes print a few kilobytes; reading before waiting keeps the pipe from filling.
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    || process.exitValue() != 0) {
                throw new IOException(
                        "'" + String.join(" ", command) + "' failed: " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking espeak-ng", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Whether espeak-ng runs, and where.
     *
     * @param version e.g. {@code 1.51}; null when unavailable
     * @param binary the program's absolute path; null when not found
     * @param problem why it is unavailable, with how to install it; null when available
     */
    public record Status(boolean available, String version, Path binary, String problem) {

        /** {@code espeak-ng 1.51 (/usr/bin/espeak-ng)}, or the problem. */
        public String description() {
            return available ? "espeak-ng " + version + " (" + binary + ")" : problem;
        }
    }

    /** The engine cannot run: the message says why and how to install it. */
    public static final class EngineUnavailableException extends Exception {
        EngineUnavailableException(String message) {
            super(message);
        }
    }

    /**
     * What one look at the program found.
     *
     * @param names every language name and alias, lower case
     * @param variants variant names, lower case, to the file name espeak-ng expects
     * @param mandarinReadsToneNumbers Debian's espeak-ng 1.51 speaks Han characters through the
     *     {@code cmn} voice as pinyin with the tone digits read out in English ("ni three hao
     *     three", espeak-ng issues 1028 and 1044); its {@code cmn-latn-pinyin} voice reads them as
     *     tones, so Mandarin is spoken with that voice where the bug shows
     */
    private record Probe(
            Status status,
            List<SpeechVoice> voices,
            Set<String> names,
            Map<String, String> variants,
            boolean mandarinReadsToneNumbers) {

        static Probe of(String command) {
            Optional<Path> binary = locate(command);
            if (binary.isEmpty()) {
                return unavailable(null, INSTALL_HINT + " (no '" + command + "' found)");
            }
            try {
                Matcher version = VERSION.matcher(ask(binary.get(), "", "--version"));
                List<SpeechVoice> voices = parseVoices(ask(binary.get(), "", "--voices"));
                Map<String, String> variants = new LinkedHashMap<>();
                for (SpeechVoice variant : parseVoices(ask(binary.get(), "", "--voices=variant"))) {
                    // The file column, e.g. "!v/Alex": the variant's name is its file's name.
                    variants.put(variant.name().toLowerCase(Locale.ROOT), variant.name());
                }
                Set<String> names = new java.util.HashSet<>();
                for (SpeechVoice voice : voices) {
                    names.add(voice.id().toLowerCase(Locale.ROOT));
                    voice.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
                }
                boolean toneNumbers =
                        names.contains("cmn")
                                && ask(binary.get(), "\u4f60\u597d", "-q", "-x", "-v", "cmn")
                                        .contains("(en)");
                return new Probe(
                        new Status(
                                true, version.find() ? version.group(1) : "?", binary.get(), null),
                        voices,
                        Set.copyOf(names),
                        Map.copyOf(variants),
                        toneNumbers);
            } catch (IOException e) {
                return unavailable(
                        binary.get(),
                        "espeak-ng at "
                                + binary.get()
                                + " does not run ("
                                + e.getMessage()
                                + "); "
                                + INSTALL_HINT.substring(INSTALL_HINT.indexOf("install it")));
            }
        }

        private static Probe unavailable(Path binary, String problem) {
            return new Probe(
                    new Status(false, null, binary, problem), List.of(), Set.of(), Map.of(), false);
        }

        /**
         * Lines of {@code Pty Language Age/Gender VoiceName File Other-Languages}; for variants the
         * name returned is the file's, e.g. {@code Alex} for {@code !v/Alex}.
         */
        private static List<SpeechVoice> parseVoices(String listing) {
            Map<String, SpeechVoice> voices = new LinkedHashMap<>();
            for (String line : listing.split("\n")) {
                Matcher matcher = VOICE_LINE.matcher(line);
                if (!matcher.matches() || matcher.group(1).equals("Language")) {
                    continue;
                }
                String id = matcher.group(1);
                List<String> aliases = new ArrayList<>();
                Matcher other = OTHER_LANGUAGE.matcher(matcher.group(4));
                while (other.find()) {
                    aliases.add(other.group(1));
                }
                String name =
                        id.equals("variant")
                                ? matcher.group(3).substring(matcher.group(3).lastIndexOf('/') + 1)
                                : matcher.group(2).replace('_', ' ');
                voices.putIfAbsent(
                        id.equals("variant") ? name : id, new SpeechVoice(id, name, aliases));
            }
            return List.copyOf(voices.values());
        }
    }
}

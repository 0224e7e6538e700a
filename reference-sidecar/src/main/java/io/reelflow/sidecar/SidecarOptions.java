package io.reelflow.sidecar;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ReferenceSidecarServer} runs. Port 0 picks a free port.
 *
 * <pre>{@code
 * SidecarOptions options =
 *         SidecarOptions.defaults().withPort(0).withSlots(1).withJobTime(Duration.ofMillis(200));
 * }</pre>
 *
 * @param host address to bind, {@value #DEFAULT_HOST} by default
 * @param port port to bind, 0 for a free one
 * @param mode the protocol local mode should use; the server serves all of them
 * @param slots jobs run at once (a diffusion server often runs one); the rest wait
 * @param queueCapacity jobs that may wait for a slot; more are answered 429 with Retry-After
 * @param jobTime how long every job takes at least (a prompt can ask for more, see the README)
 * @param failFirst the first N API calls fail with 503 (fault injection)
 * @param bearerToken when set, API calls need {@code Authorization: Bearer <token>}
 * @param imageUrlTtl how long an image {@code url} answer stays downloadable
 * @param speechEngine the espeak-ng program behind {@code /v1/audio/speech}: a path, or a name
 *     looked up on {@code PATH} ({@value #DEFAULT_SPEECH_ENGINE} by default)
 */
public record SidecarOptions(
        String host,
        int port,
        SidecarMode mode,
        int slots,
        int queueCapacity,
        Duration jobTime,
        int failFirst,
        String bearerToken,
        Duration imageUrlTtl,
        String speechEngine) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8090;
    public static final int DEFAULT_SLOTS = 2;
    public static final int DEFAULT_QUEUE_CAPACITY = 32;
    public static final Duration DEFAULT_IMAGE_URL_TTL = Duration.ofMinutes(10);
    public static final String DEFAULT_SPEECH_ENGINE = SpeechEngine.DEFAULT_COMMAND;

    /** The longest a job may be told to take, by option or prompt directive. */
    public static final Duration MAX_JOB_TIME = Duration.ofHours(1);

    public SidecarOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(jobTime, "jobTime");
        Objects.requireNonNull(imageUrlTtl, "imageUrlTtl");
        Objects.requireNonNull(speechEngine, "speechEngine");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 but was " + port);
        }
        if (slots < 1 || slots > 64) {
            throw new IllegalArgumentException("slots must be 1..64 but was " + slots);
        }
        if (queueCapacity < 0 || queueCapacity > 1024) {
            throw new IllegalArgumentException(
                    "queueCapacity must be 0..1024 but was " + queueCapacity);
        }
        if (jobTime.isNegative() || jobTime.compareTo(MAX_JOB_TIME) > 0) {
            throw new IllegalArgumentException(
                    "jobTime must be 0.." + MAX_JOB_TIME + " but was " + jobTime);
        }
        if (failFirst < 0) {
            throw new IllegalArgumentException("failFirst must be >= 0 but was " + failFirst);
        }
        if (bearerToken != null && bearerToken.isBlank()) {
            throw new IllegalArgumentException("bearerToken must not be blank when set");
        }
        if (speechEngine.isBlank()) {
            throw new IllegalArgumentException("speechEngine must not be blank");
        }
        if (imageUrlTtl.isNegative() || imageUrlTtl.isZero()) {
            throw new IllegalArgumentException(
                    "imageUrlTtl must be positive but was " + imageUrlTtl);
        }
    }

    /** Port {@value #DEFAULT_PORT} on {@value #DEFAULT_HOST}, video jobs, two slots, no faults. */
    public static SidecarOptions defaults() {
        return new SidecarOptions(
                DEFAULT_HOST,
                DEFAULT_PORT,
                SidecarMode.VIDEO_JOBS,
                DEFAULT_SLOTS,
                DEFAULT_QUEUE_CAPACITY,
                Duration.ZERO,
                0,
                null,
                DEFAULT_IMAGE_URL_TTL,
                DEFAULT_SPEECH_ENGINE);
    }

    /**
     * Reads {@code --host 127.0.0.1 --port 8090 --mode video-jobs --slots 2 --queue 32 --job-ms 0
     * --fail-first 0 --token-env NAME --image-url-ttl-s 600 --speech-engine espeak-ng}; options
     * left out keep their defaults. The token is read from the named environment variable, never
     * from the command line.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value, naming it
     */
    public static SidecarOptions parse(String... args) {
        SidecarOptions options = defaults();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--host" -> options = options.withHost(value);
                case "--port" -> options = options.withPort(intValue(name, value));
                case "--mode" -> options = options.withMode(SidecarMode.parse(value));
                case "--slots" -> options = options.withSlots(intValue(name, value));
                case "--queue" -> options = options.withQueueCapacity(intValue(name, value));
                case "--job-ms" ->
                        options = options.withJobTime(Duration.ofMillis(intValue(name, value)));
                case "--fail-first" -> options = options.withFailFirst(intValue(name, value));
                case "--token-env" -> {
                    String token = System.getenv(value);
                    if (token == null || token.isBlank()) {
                        throw new IllegalArgumentException(
                                "--token-env names " + value + ", which is not set");
                    }
                    options = options.withBearerToken(token);
                }
                case "--image-url-ttl-s" ->
                        options =
                                options.withImageUrlTtl(Duration.ofSeconds(intValue(name, value)));
                case "--speech-engine" -> options = options.withSpeechEngine(value);
                default ->
                        throw new IllegalArgumentException(
                                "unknown option "
                                        + name
                                        + "; use --host, --port, --mode, --slots, --queue,"
                                        + " --job-ms, --fail-first, --token-env,"
                                        + " --image-url-ttl-s, --speech-engine");
            }
        }
        return options;
    }

    public SidecarOptions withHost(String newHost) {
        return new SidecarOptions(
                newHost,
                port,
                mode,
                slots,
                queueCapacity,
                jobTime,
                failFirst,
                bearerToken,
                imageUrlTtl,
                speechEngine);
    }

    public SidecarOptions withPort(int newPort) {
        return new SidecarOptions(
                host,
                newPort,
                mode,
                slots,
                queueCapacity,
                jobTime,
                failFirst,
                bearerToken,
                imageUrlTtl,
                speechEngine);
    }

    public SidecarOptions withMode(SidecarMode newMode) {
        return new SidecarOptions(
                host,
                port,
                newMode,
                slots,
                queueCapacity,
                jobTime,
                failFirst,
                bearerToken,
                imageUrlTtl,
                speechEngine);
    }

    public SidecarOptions withSlots(int newSlots) {
        return new SidecarOptions(
                host,
                port,
                mode,
                newSlots,
                queueCapacity,
                jobTime,
                failFirst,
                bearerToken,
                imageUrlTtl,
                speechEngine);
    }

    public SidecarOptions withQueueCapacity(int newQueueCapacity) {
        return new SidecarOptions(
                host,
                port,
                mode,
                slots,
                newQueueCapacity,
                jobTime,
                failFirst,
                bearerToken,
                imageUrlTtl,
                speechEngine);
    }

    public SidecarOptions withJobTime(Duration newJobTime) {
        return new SidecarOptions(
                host,
                port,
                mode,
                slots,
                queueCapacity,
                newJobTime,
                failFirst,
                bearerToken,
                imageUrlTtl,
                speechEngine);
    }

    public SidecarOptions withFailFirst(int newFailFirst) {
        return new SidecarOptions(
                host,
                port,
                mode,
                slots,
                queueCapacity,
                jobTime,
                newFailFirst,
                bearerToken,
                imageUrlTtl,
                speechEngine);
    }

    public SidecarOptions withBearerToken(String newBearerToken) {
        return new SidecarOptions(
                host,
                port,
                mode,
                slots,
                queueCapacity,
                jobTime,
                failFirst,
                newBearerToken,
                imageUrlTtl,
                speechEngine);
    }

    public SidecarOptions withImageUrlTtl(Duration newImageUrlTtl) {
        return new SidecarOptions(
                host,
                port,
                mode,
                slots,
                queueCapacity,
                jobTime,
                failFirst,
                bearerToken,
                newImageUrlTtl,
                speechEngine);
    }

    public SidecarOptions withSpeechEngine(String newSpeechEngine) {
        return new SidecarOptions(
                host,
                port,
                mode,
                slots,
                queueCapacity,
                jobTime,
                failFirst,
                bearerToken,
                imageUrlTtl,
                newSpeechEngine);
    }

    /** Like the record's, with the token hidden. */
    @Override
    public String toString() {
        return "SidecarOptions[host="
                + host
                + ", port="
                + port
                + ", mode="
                + mode.optionValue()
                + ", slots="
                + slots
                + ", queueCapacity="
                + queueCapacity
                + ", jobTime="
                + jobTime
                + ", failFirst="
                + failFirst
                + ", bearerToken="
                + (bearerToken == null ? "none" : "******")
                + ", imageUrlTtl="
                + imageUrlTtl
                + ", speechEngine="
                + speechEngine
                + "]";
    }

    private static int intValue(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " needs a whole number but got '" + value + "'");
        }
    }
}

package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.reelflow.operators.generation.GenerationConfig;
import io.reelflow.operators.generation.ModelProfile;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.scene.PromptLimit;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The model servers that generate clips, the models they serve, and how patiently they are waited
 * for. One server needs only {@link #URL}, {@link #PROTOCOL} and {@link #MODEL}; several are named
 * in {@link #ENDPOINTS} and {@link #MODELS}, each with options under its own prefix ({@code
 * reelflow.generation.endpoint.<name>.url}, {@code reelflow.generation.model.<name>.fps}, …).
 */
public final class GenerationOptions {
    private static final String PREFIX = "reelflow.generation.";
    private static final String ENDPOINT_PREFIX = PREFIX + "endpoint.";
    private static final String MODEL_PREFIX = PREFIX + "model.";

    public static final ConfigOption<String> URL =
            key(PREFIX + "url")
                    .stringType()
                    .defaultValue("http://localhost:8090")
                    .withDeprecatedKeys("reelflow.sidecar.url")
                    .withDescription(
                            "Base URL of the one model server, when reelflow.generation.endpoints"
                                    + " is not set.");

    public static final ConfigOption<String> PROTOCOL =
            key(PREFIX + "protocol")
                    .stringType()
                    .defaultValue("openai-videos")
                    .withDescription(
                            "Protocol of the one model server: openai-videos (JSON, as SGLang),"
                                    + " openai-videos-multipart (as vLLM-Omni), openai-images or"
                                    + " comfyui.");

    public static final ConfigOption<String> MODEL =
            key(PREFIX + "model")
                    .stringType()
                    .defaultValue("reference")
                    .withDeprecatedKeys("reelflow.sidecar.model")
                    .withDescription(
                            "The one model's name, as its server knows it (vLLM-Omni: its"
                                    + " --served-model-name).");

    public static final ConfigOption<String> MODEL_VERSION =
            key(PREFIX + "model-version")
                    .stringType()
                    .defaultValue("1")
                    .withDescription(
                            "The one model's version (weights, server build); part of every clip's"
                                    + " content key, so a new version never reuses old clips.");

    public static final ConfigOption<Integer> SLOTS =
            key(PREFIX + "slots")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Jobs the one model server runs at once; the rest wait.");

    public static final ConfigOption<List<String>> ENDPOINTS =
            key(PREFIX + "endpoints")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "Names of several model servers, each configured under"
                                    + " reelflow.generation.endpoint.<name>.: url, protocol, slots,"
                                    + " and adapter options (token-env, token-file, workflow,"
                                    + " request-timeout, …).");

    public static final ConfigOption<List<String>> MODELS =
            key(PREFIX + "models")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "Models in fallback order, each configured under"
                                    + " reelflow.generation.model.<name>.: version, kind, endpoints,"
                                    + " sizes, fps, min-seconds, max-seconds, frame-step,"
                                    + " frame-offset, negative-prompt, max-prompt-tokens (CLIP"
                                    + " tokens, default 77, 0 = none), max-prompt-chars (default 0"
                                    + " = none), job-deadline, poll-interval.");

    public static final ConfigOption<Integer> CAPACITY =
            key(PREFIX + "capacity")
                    .intType()
                    .noDefaultValue()
                    .withDeprecatedKeys("reelflow.sidecar.capacity")
                    .withDescription(
                            "Scenes in flight per subtask (async I/O capacity); jobs waiting for"
                                    + " a slot count, so this is the backlog a subtask holds. Unset:"
                                    + " derived from the first model's slots, the subtask's share"
                                    + " of them times (1 + queue-allowance / job-deadline), 2..1000"
                                    + " (README, Sizing a cluster).");

    public static final ConfigOption<Integer> MAX_ATTEMPTS =
            key(PREFIX + "max-attempts")
                    .intType()
                    .defaultValue(3)
                    .withDeprecatedKeys("reelflow.sidecar.max-attempts")
                    .withDescription(
                            "Attempts per model and scene (a submission, or resuming a registered"
                                    + " job) before the next model, then a title card.");

    public static final ConfigOption<Duration> INITIAL_BACKOFF =
            key(PREFIX + "initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDeprecatedKeys("reelflow.sidecar.initial-backoff")
                    .withDescription("Wait before the second attempt; doubles up to max-backoff.");

    public static final ConfigOption<Duration> MAX_BACKOFF =
            key(PREFIX + "max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDeprecatedKeys("reelflow.sidecar.max-backoff")
                    .withDescription("Longest wait between attempts (a Retry-After may ask more).");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            key(PREFIX + "request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDeprecatedKeys("reelflow.sidecar.request-timeout")
                    .withDescription(
                            "Timeout of one HTTP call (submit, poll, cancel); a job's own deadline"
                                    + " is per model (job-deadline).");

    public static final ConfigOption<Duration> JOB_DEADLINE =
            key(PREFIX + "job-deadline")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "How long a job of the one model may run before it is cancelled;"
                                    + " per model: reelflow.generation.model.<name>.job-deadline.");

    public static final ConfigOption<Duration> POLL_INTERVAL =
            key(PREFIX + "poll-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("How often a running job is polled (per model as well).");

    public static final ConfigOption<Duration> QUEUE_ALLOWANCE =
            key(PREFIX + "queue-allowance")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(20))
                    .withDescription(
                            "How long a scene may wait for a free slot, on top of its jobs'"
                                    + " deadlines; with them it sets the operator's timeout.");

    public static final ConfigOption<Registry> REGISTRY =
            key(PREFIX + "registry")
                    .enumType(Registry.class)
                    .defaultValue(Registry.JDBC)
                    .withDescription(
                            "Where submitted jobs are remembered: JDBC (the generation_jobs table,"
                                    + " survives restarts and is shared by task managers) or MEMORY"
                                    + " (this process only).");

    /** Where the job registry lives. */
    public enum Registry {
        JDBC,
        MEMORY
    }

    private static final Set<String> ENDPOINT_KEYS = Set.of("url", "protocol", "slots");

    private GenerationOptions() {}

    /**
     * The generation stage's settings but its capacity, failing with the option's key when one is
     * wrong. The capacity ({@link #CAPACITY}, else derived from the models' slots) is the job's to
     * set before building: {@code PipelineSettings} sizes it with {@code StageSizing}.
     */
    public static GenerationConfig.Builder read(ReadableConfig config) {
        List<ModelEndpoint> endpoints = new ArrayList<>();
        List<ModelProfile> models = new ArrayList<>();
        List<String> endpointNames = config.getOptional(ENDPOINTS).orElse(List.of());
        if (endpointNames.isEmpty()) {
            endpoints.add(
                    new ModelEndpoint(
                            "default",
                            URI.create(config.get(URL)),
                            config.get(PROTOCOL),
                            config.get(SLOTS),
                            Map.of()));
        } else {
            Map<String, String> all = flat(config);
            endpointNames.forEach(name -> endpoints.add(endpoint(name, all)));
        }
        List<String> modelNames = config.getOptional(MODELS).orElse(List.of());
        if (modelNames.isEmpty()) {
            models.add(
                    ModelProfile.builder(
                                    config.get(MODEL), config.get(MODEL_VERSION), MediaKind.VIDEO)
                            .endpoints(
                                    endpoints.stream()
                                            .map(ModelEndpoint::name)
                                            .toArray(String[]::new))
                            .jobDeadline(config.get(JOB_DEADLINE))
                            .pollInterval(config.get(POLL_INTERVAL))
                            .build());
        } else {
            modelNames.forEach(name -> models.add(model(name, config, endpoints)));
        }
        return GenerationConfig.builder()
                .endpoints(endpoints)
                .models(models)
                .maxAttempts(config.get(MAX_ATTEMPTS))
                .backoff(config.get(INITIAL_BACKOFF), config.get(MAX_BACKOFF), 2.0)
                .requestTimeout(config.get(REQUEST_TIMEOUT))
                .queueAllowance(config.get(QUEUE_ALLOWANCE));
    }

    private static ModelEndpoint endpoint(String name, Map<String, String> all) {
        String prefix = ENDPOINT_PREFIX + name + ".";
        Map<String, String> options = new LinkedHashMap<>();
        all.forEach(
                (key, value) -> {
                    if (key.startsWith(prefix)) {
                        options.put(key.substring(prefix.length()), value);
                    }
                });
        String url = options.get("url");
        if (url == null) {
            throw new IllegalArgumentException(prefix + "url must be set");
        }
        String protocol = options.getOrDefault("protocol", PROTOCOL.defaultValue());
        int slots = Integer.parseInt(options.getOrDefault("slots", "1"));
        options.keySet().removeAll(ENDPOINT_KEYS);
        return new ModelEndpoint(name, URI.create(url), protocol, slots, options);
    }

    private static ModelProfile model(
            String name, ReadableConfig config, List<ModelEndpoint> endpoints) {
        String prefix = MODEL_PREFIX + name + ".";
        MediaKind kind =
                MediaKind.valueOf(
                        config.get(text(prefix + "kind", "video")).toUpperCase(Locale.ROOT));
        ModelProfile.Builder model =
                ModelProfile.builder(name, config.get(text(prefix + "version", "1")), kind);
        List<String> served =
                config.getOptional(list(prefix + "endpoints"))
                        .orElse(endpoints.stream().map(ModelEndpoint::name).toList());
        model.endpoints(served.toArray(String[]::new));
        config.getOptional(list(prefix + "sizes"))
                .ifPresent(sizes -> model.sizes(sizes.toArray(String[]::new)));
        config.getOptional(list(prefix + "fps"))
                .ifPresent(
                        fps ->
                                model.fps(
                                        fps.stream()
                                                .map(String::strip)
                                                .map(Integer::valueOf)
                                                .toArray(Integer[]::new)));
        model.seconds(
                config.get(number(prefix + "min-seconds", 1)),
                config.get(number(prefix + "max-seconds", 10)));
        model.frameRule(
                config.get(integer(prefix + "frame-step", 1)),
                config.get(integer(prefix + "frame-offset", 0)));
        model.sizeMultiple(
                config.get(integer(prefix + "size-multiple", 16)),
                config.get(integer(prefix + "max-side", 0)));
        model.negativePrompt(config.get(text(prefix + "negative-prompt", "")));
        model.promptLimit(
                new PromptLimit(
                        config.get(integer(prefix + "max-prompt-tokens", 77)),
                        config.get(integer(prefix + "max-prompt-chars", 0))));
        model.jobDeadline(config.get(duration(prefix + "job-deadline", config.get(JOB_DEADLINE))));
        model.pollInterval(
                config.get(duration(prefix + "poll-interval", config.get(POLL_INTERVAL))));
        return model.build();
    }

    /** Every key, to find an endpoint's adapter options, which only its adapter knows. */
    private static Map<String, String> flat(ReadableConfig config) {
        if (config instanceof Configuration c) {
            return c.toMap();
        }
        throw new IllegalArgumentException(
                ENDPOINTS.key() + " needs a Configuration to read the endpoints' options from");
    }

    private static ConfigOption<String> text(String key, String fallback) {
        return key(key).stringType().defaultValue(fallback);
    }

    private static ConfigOption<List<String>> list(String key) {
        return key(key).stringType().asList().noDefaultValue();
    }

    private static ConfigOption<Double> number(String key, double fallback) {
        return key(key).doubleType().defaultValue(fallback);
    }

    private static ConfigOption<Integer> integer(String key, int fallback) {
        return key(key).intType().defaultValue(fallback);
    }

    private static ConfigOption<Duration> duration(String key, Duration fallback) {
        return key(key).durationType().defaultValue(fallback);
    }
}

package io.reelflow.operators.generation;

import io.reelflow.operators.port.MediaKind;
import io.reelflow.operators.port.ModelEndpoint;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the generation stage reaches its model servers and how patiently: the models in fallback
 * order (each with its job deadline and poll interval), the endpoints, attempts and backoff per
 * model, the per-call HTTP timeout adapters use, and the breaker and health settings. The stage
 * retries by itself, so the async operator needs no retry strategy; {@link #operatorTimeout()} is
 * its timeout.
 *
 * <pre>{@code
 * GenerationConfig config = GenerationConfig.builder()
 *         .models(List.of(wan, sdxl)).endpoints(List.of(gpu0, gpu1, images))
 *         .maxAttempts(3).build();
 * }</pre>
 *
 * @param models models to try in order: the first, then fallbacks; then a title card
 * @param endpoints the model servers; each model names those that serve it
 * @param capacity scenes in flight per subtask (the async operator's capacity)
 * @param maxAttempts attempts per model (each a submission or a resumed job), at least 1
 * @param initialBackoff wait before the second attempt; multiplied by {@code backoffMultiplier} for
 *     each further one, up to {@code maxBackoff}
 * @param requestTimeout timeout of one HTTP call; given to adapters as {@link
 *     ModelEndpoint#REQUEST_TIMEOUT} where an endpoint does not set its own
 * @param queueAllowance how long a scene may wait for a slot, on top of its jobs' deadlines
 * @param healthInterval how often every endpoint's health is checked
 * @param claimStaleAfter when another task manager's claim on a content key that never became a job
 *     may be taken over
 * @param maxPollFailures polls of one job that may fail in a row before the attempt fails
 * @param breakerFailureRatePercent failure rate of an endpoint's recent calls that opens its
 *     breaker
 * @param breakerOpenFor how long an open breaker keeps new work away
 * @param ioThreads threads per task manager for blocking calls (object store, job registry)
 */
public record GenerationConfig(
        List<ModelProfile> models,
        List<ModelEndpoint> endpoints,
        int capacity,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        double backoffMultiplier,
        Duration requestTimeout,
        Duration queueAllowance,
        Duration healthInterval,
        Duration claimStaleAfter,
        int maxPollFailures,
        int breakerFailureRatePercent,
        Duration breakerOpenFor,
        int ioThreads)
        implements Serializable {

    public GenerationConfig {
        models = List.copyOf(models);
        endpoints = List.copyOf(endpoints);
        check(!models.isEmpty(), "at least one model");
        check(capacity >= 1 && maxAttempts >= 1, "capacity and maxAttempts >= 1");
        check(!initialBackoff.isNegative(), "initialBackoff >= 0");
        check(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff >= initialBackoff");
        check(backoffMultiplier >= 1.0, "backoffMultiplier >= 1");
        check(positive(requestTimeout) && positive(healthInterval), "positive timeouts");
        check(!queueAllowance.isNegative() && positive(claimStaleAfter), "positive durations");
        check(maxPollFailures >= 1 && ioThreads >= 1, "maxPollFailures and ioThreads >= 1");
        check(
                breakerFailureRatePercent >= 1 && breakerFailureRatePercent <= 100,
                "breakerFailureRatePercent in 1..100");
        checkRoutes(models, endpoints);
    }

    /** One reference model served by the reference sidecar on {@code localhost:8090}. */
    public static GenerationConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The wait before attempt {@code attempt + 1}. */
    public Duration backoff(int attempt) {
        double millis =
                initialBackoff.toMillis() * Math.pow(backoffMultiplier, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }

    /**
     * The async operator's timeout: the longest a scene can legitimately take — every model's job
     * deadline and backoff for every attempt, plus the queue allowance. It must stay below the
     * gather timeout ({@code SceneGathering.requireTimeoutCovers}).
     */
    public Duration operatorTimeout() {
        Duration backoffs = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            backoffs = backoffs.plus(backoff(attempt));
        }
        Duration total = queueAllowance;
        for (ModelProfile model : models) {
            total = total.plus(model.jobDeadline().multipliedBy(maxAttempts)).plus(backoffs);
        }
        return total;
    }

    /** The endpoint as adapters get it: with this config's request timeout unless it sets one. */
    public ModelEndpoint endpointForAdapter(ModelEndpoint endpoint) {
        return endpoint.options().containsKey(ModelEndpoint.REQUEST_TIMEOUT)
                ? endpoint
                : endpoint.withOption(ModelEndpoint.REQUEST_TIMEOUT, requestTimeout.toString());
    }

    private static void checkRoutes(List<ModelProfile> models, List<ModelEndpoint> endpoints) {
        Set<String> names = new HashSet<>();
        for (ModelEndpoint endpoint : endpoints) {
            check(
                    names.add(endpoint.name()),
                    "unique endpoint names, " + endpoint.name() + " twice");
        }
        for (ModelProfile model : models) {
            for (String endpoint : model.endpoints()) {
                check(
                        names.contains(endpoint),
                        "endpoint " + endpoint + " of model " + model.id() + " to be configured");
            }
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void check(boolean condition, String expected) {
        if (!condition) {
            throw new IllegalArgumentException("Generation config needs " + expected);
        }
    }

    /** Builds a {@link GenerationConfig}; every setting has a default. */
    public static final class Builder {
        private List<ModelEndpoint> endpoints =
                List.of(
                        new ModelEndpoint(
                                "reference",
                                URI.create("http://localhost:8090"),
                                "openai-videos",
                                2,
                                Map.of()));
        private List<ModelProfile> models =
                List.of(
                        ModelProfile.builder("reference", "1", MediaKind.VIDEO)
                                .endpoints("reference")
                                .build());
        private int capacity = 8;
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double backoffMultiplier = 2.0;
        private Duration requestTimeout = ModelEndpoint.DEFAULT_REQUEST_TIMEOUT;
        private Duration queueAllowance = Duration.ofMinutes(20);
        private Duration healthInterval = Duration.ofSeconds(15);
        private Duration claimStaleAfter = Duration.ofMinutes(2);
        private int maxPollFailures = 5;
        private int breakerFailureRatePercent = 50;
        private Duration breakerOpenFor = Duration.ofSeconds(30);
        private int ioThreads = 8;

        private Builder() {}

        /**
         * The models set so far: with {@link #endpoints()} and {@link #queueAllowance()}, what a
         * caller needs to size {@link #capacity(int)} before building (the job's {@code
         * StageSizing}).
         */
        public List<ModelProfile> models() {
            return List.copyOf(models);
        }

        /** The endpoints set so far. */
        public List<ModelEndpoint> endpoints() {
            return List.copyOf(endpoints);
        }

        /** The queue allowance set so far. */
        public Duration queueAllowance() {
            return queueAllowance;
        }

        public Builder models(List<ModelProfile> models) {
            this.models = models;
            return this;
        }

        public Builder endpoints(List<ModelEndpoint> endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder backoff(Duration initial, Duration max, double multiplier) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            this.backoffMultiplier = multiplier;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder queueAllowance(Duration queueAllowance) {
            this.queueAllowance = queueAllowance;
            return this;
        }

        public Builder healthInterval(Duration healthInterval) {
            this.healthInterval = healthInterval;
            return this;
        }

        public Builder claimStaleAfter(Duration claimStaleAfter) {
            this.claimStaleAfter = claimStaleAfter;
            return this;
        }

        public Builder maxPollFailures(int maxPollFailures) {
            this.maxPollFailures = maxPollFailures;
            return this;
        }

        public Builder breaker(int failureRatePercent, Duration openFor) {
            this.breakerFailureRatePercent = failureRatePercent;
            this.breakerOpenFor = openFor;
            return this;
        }

        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        public GenerationConfig build() {
            return new GenerationConfig(
                    models,
                    endpoints,
                    capacity,
                    maxAttempts,
                    initialBackoff,
                    maxBackoff,
                    backoffMultiplier,
                    requestTimeout,
                    queueAllowance,
                    healthInterval,
                    claimStaleAfter,
                    maxPollFailures,
                    breakerFailureRatePercent,
                    breakerOpenFor,
                    ioThreads);
        }
    }
}

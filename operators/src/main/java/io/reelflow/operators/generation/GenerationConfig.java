package io.reelflow.operators.generation;

import java.io.Serializable;

/**
 * How the generation stage talks to its sidecar: model name, concurrency per subtask, and the retry
 * schedule (exponential backoff) before a scene falls back to a title card.
 */
public record GenerationConfig(
        String model,
        int threads,
        int capacity,
        long timeoutMillis,
        int maxAttempts,
        long initialBackoffMillis,
        long maxBackoffMillis,
        double backoffMultiplier)
        implements Serializable {

    public GenerationConfig {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must be set");
        }
        if (threads < 1 || capacity < threads) {
            throw new IllegalArgumentException(
                    "need 1 <= threads <= capacity, got threads="
                            + threads
                            + ", capacity="
                            + capacity);
        }
        if (timeoutMillis < 1 || maxAttempts < 1 || initialBackoffMillis < 0) {
            throw new IllegalArgumentException(
                    "timeoutMillis and maxAttempts must be positive, initialBackoffMillis not negative");
        }
        if (maxBackoffMillis < initialBackoffMillis || backoffMultiplier < 1.0) {
            throw new IllegalArgumentException(
                    "need maxBackoffMillis >= initialBackoffMillis and backoffMultiplier >= 1");
        }
    }

    public static GenerationConfig defaults() {
        return new GenerationConfig("reference", 4, 8, 180_000, 4, 500, 8_000, 2.0);
    }
}

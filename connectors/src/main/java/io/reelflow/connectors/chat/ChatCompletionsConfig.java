package io.reelflow.connectors.chat;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a {@link ChatCompletionsClient} reaches an OpenAI-compatible chat sidecar (the
 * model planner's, the translator's).
 *
 * <pre>{@code
 * ChatCompletionsConfig config =
 *         ChatCompletionsConfig.of(URI.create("http://127.0.0.1:8000"), "qwen2.5-7b-instruct")
 *                 .withTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * @param baseUri the server; requests go to {@code {baseUri}/v1/chat/completions}
 * @param model the model name sent in each request
 * @param timeout longest wait for an answer, connection included (default 10 s)
 * @param maxTokens most tokens the answer may have (default 4096)
 * @param apiKey bearer token, or null for sidecars that need none
 */
public record ChatCompletionsConfig(
        URI baseUri, String model, Duration timeout, int maxTokens, String apiKey)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_TOKENS = 4096;

    public ChatCompletionsConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
    }

    /** A config with the default timeout and token limit and no API key. */
    public static ChatCompletionsConfig of(URI baseUri, String model) {
        return new ChatCompletionsConfig(baseUri, model, DEFAULT_TIMEOUT, DEFAULT_MAX_TOKENS, null);
    }

    public ChatCompletionsConfig withTimeout(Duration newTimeout) {
        return new ChatCompletionsConfig(baseUri, model, newTimeout, maxTokens, apiKey);
    }

    public ChatCompletionsConfig withMaxTokens(int tokens) {
        return new ChatCompletionsConfig(baseUri, model, timeout, tokens, apiKey);
    }

    public ChatCompletionsConfig withApiKey(String key) {
        return new ChatCompletionsConfig(baseUri, model, timeout, maxTokens, key);
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "ChatCompletionsConfig[baseUri="
                + baseUri
                + ", model="
                + model
                + ", timeout="
                + timeout
                + ", maxTokens="
                + maxTokens
                + ", apiKey="
                + (apiKey == null ? "none" : "***")
                + "]";
    }
}

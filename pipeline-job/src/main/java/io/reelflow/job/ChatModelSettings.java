package io.reelflow.job;

import io.reelflow.connectors.chat.ChatCompletionsConfig;
import io.reelflow.job.config.PlannerOptions;
import io.reelflow.job.config.PromptOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/** The chat-completions sidecars of the plan stage, read from the typed configuration. */
final class ChatModelSettings {

    private ChatModelSettings() {}

    /** The model scene planner; empty when {@code reelflow.planner.url} is unset. */
    static Optional<ChatCompletionsConfig> scenePlanner(ReadableConfig config) {
        return of(
                config,
                PlannerOptions.URL,
                PlannerOptions.MODEL,
                PlannerOptions.TIMEOUT,
                PlannerOptions.API_KEY);
    }

    /** The prompts' translator; empty when {@code reelflow.translator.url} is unset. */
    static Optional<ChatCompletionsConfig> translator(ReadableConfig config) {
        return of(
                config,
                PromptOptions.TRANSLATOR_URL,
                PromptOptions.TRANSLATOR_MODEL,
                PromptOptions.TRANSLATOR_TIMEOUT,
                PromptOptions.TRANSLATOR_API_KEY);
    }

    private static Optional<ChatCompletionsConfig> of(
            ReadableConfig config,
            ConfigOption<String> url,
            ConfigOption<String> model,
            ConfigOption<Duration> timeout,
            ConfigOption<String> apiKey) {
        return config.getOptional(url)
                .map(
                        base ->
                                ChatCompletionsConfig.of(URI.create(base), config.get(model))
                                        .withTimeout(config.get(timeout))
                                        .withApiKey(config.getOptional(apiKey).orElse(null)));
    }
}

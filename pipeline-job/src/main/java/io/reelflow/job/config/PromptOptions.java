package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/**
 * The scenes' generation prompts: their length limit, their cache, and the optional translation
 * model, an OpenAI-compatible chat-completions sidecar (without one, non-English scenes are
 * translated through the concept glossary).
 */
public final class PromptOptions {
    public static final ConfigOption<Integer> MAX_CLIP_TOKENS =
            key("reelflow.prompts.max-clip-tokens")
                    .intType()
                    .defaultValue(77)
                    .withDescription(
                            "Longest prompt the plan stage writes, in CLIP tokens (start and end"
                                    + " included, estimated); 0 for no token limit. Each model"
                                    + " profile fits it again to its own max-prompt-tokens.");

    public static final ConfigOption<Integer> MAX_CHARS =
            key("reelflow.prompts.max-chars")
                    .intType()
                    .defaultValue(0)
                    .withDescription("Longest prompt in characters; 0 for no character limit.");

    public static final ConfigOption<Integer> CACHE_SIZE =
            key("reelflow.prompts.cache-size")
                    .intType()
                    .defaultValue(4096)
                    .withDescription(
                            "Prompts kept per plan subtask, keyed by the SHA-256 of what they are"
                                    + " written from; 0 for none.");

    public static final ConfigOption<String> TRANSLATOR_URL =
            key("reelflow.translator.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Base URL of an OpenAI-compatible server translating non-English"
                                    + " scenes for their prompts; unset = the concept glossary.");

    public static final ConfigOption<String> TRANSLATOR_MODEL =
            key("reelflow.translator.model")
                    .stringType()
                    .defaultValue("translator")
                    .withDescription("Model name sent to the translator.");

    public static final ConfigOption<Duration> TRANSLATOR_TIMEOUT =
            key("reelflow.translator.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("A later answer is given up and the glossary used.");

    public static final ConfigOption<String> TRANSLATOR_API_KEY =
            key("reelflow.translator.api-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Bearer token for the translator, if it needs one.");

    private PromptOptions() {}
}

package io.reelflow.connectors.chat;

import io.reelflow.operators.port.ScenePlannerModelFactory;
import io.reelflow.operators.port.TranslatorFactory;

/**
 * The adapters over OpenAI-compatible chat completions, as serializable factories for the job
 * graph.
 *
 * <pre>{@code
 * TranslatorFactory translator = ChatCompletions.translator(config);
 * }</pre>
 */
public final class ChatCompletions {

    private ChatCompletions() {}

    /** The model scene planner at {@code config}. */
    public static ScenePlannerModelFactory scenePlanner(ChatCompletionsConfig config) {
        return () -> new OpenAiScenePlannerModel(config);
    }

    /** The translator at {@code config}. */
    public static TranslatorFactory translator(ChatCompletionsConfig config) {
        return () -> new ChatCompletionsTranslator(config);
    }
}

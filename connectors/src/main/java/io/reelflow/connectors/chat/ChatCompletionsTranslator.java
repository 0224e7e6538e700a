package io.reelflow.connectors.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.operators.port.Translator;
import java.io.IOException;
import java.util.Objects;

/**
 * A {@link Translator} behind an OpenAI-compatible {@code POST /v1/chat/completions}: the scene's
 * text goes in the user message, the system message asks for plain English with names and quoted
 * titles unchanged. Deterministic request ({@code temperature} 0, fixed seed); blocking; throws on
 * any failure, which the prompt writer turns into glossary prompts with a warning.
 */
public final class ChatCompletionsTranslator implements Translator {

    static final String SYSTEM_PROMPT =
            "Translate the user's text into plain English for a video script. Keep personal names,"
                    + " place names and quoted titles exactly as written, with their quotation"
                    + " marks. Answer with the translation only, no comments, no quotes around it.";

    /** Longest answer accepted, in characters: a scene is a few sentences. */
    static final int MAX_ANSWER_CHARS = 2000;

    private final ChatCompletionsClient client;

    public ChatCompletionsTranslator(ChatCompletionsConfig config) {
        this.client = new ChatCompletionsClient(Objects.requireNonNull(config, "config"));
    }

    @Override
    public String toEnglish(String text, String language) throws IOException, InterruptedException {
        String answer = client.complete(requestBody(text, language)).strip();
        if (answer.isEmpty() || answer.length() > MAX_ANSWER_CHARS) {
            throw new IOException(
                    "the translation is " + (answer.isEmpty() ? "empty" : "too long"));
        }
        return answer;
    }

    /** The request: source language named in the user message, so short texts are not guessed. */
    ObjectNode requestBody(String text, String language) {
        return client.request(SYSTEM_PROMPT, "Language: " + language + "\nText: " + text);
    }

    @Override
    public String model() {
        return client.config().model();
    }
}

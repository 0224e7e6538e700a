package io.reelflow.operators.port;

/**
 * Translates a scene's text into English for its generation prompt: a language model behind an
 * OpenAI-compatible chat endpoint, say. Implementations may block and may fail in any way; the
 * prompt writer then falls back to the concept glossary with a warning.
 */
public interface Translator {

    /**
     * {@code text} in English, names and quoted titles left as written.
     *
     * @param language ISO 639-1 code of {@code text}
     */
    String toEnglish(String text, String language) throws Exception;

    /** The model that translates, as part of the cache key of its answers; never blank. */
    String model();
}

package io.reelflow.operators.scene;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a prompt a model reads: CLIP-style text encoders stop after 77 tokens (start and end
 * tokens included), T5-style ones after a number of tokens or characters. A limit of 0 means none.
 *
 * <pre>{@code
 * PromptLimit sd = PromptLimit.clipTokens(77);
 * PromptLimit wan = PromptLimit.characters(800);
 * }</pre>
 *
 * @param maxClipTokens most CLIP tokens, start and end token included, as {@link #clipTokensOf}
 *     counts them; 0 for no token limit
 * @param maxCharacters most characters (code points); 0 for no character limit
 */
public record PromptLimit(int maxClipTokens, int maxCharacters) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The limit of Stable Diffusion's and most video models' CLIP text encoder. */
    public static final PromptLimit CLIP = clipTokens(77);

    /** No limit. */
    public static final PromptLimit NONE = new PromptLimit(0, 0);

    /**
     * The pieces CLIP's tokenizer splits text into before its byte-pair encoding: contractions,
     * letter runs, single digits, other symbols (openai/CLIP {@code clip/simple_tokenizer.py}).
     */
    private static final Pattern PIECES =
            Pattern.compile("'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}|[^\\s\\p{L}\\p{N}]+");

    public PromptLimit {
        if (maxClipTokens < 0 || maxCharacters < 0) {
            throw new IllegalArgumentException(
                    "prompt limits must be 0 (none) or positive, were "
                            + maxClipTokens
                            + " tokens and "
                            + maxCharacters
                            + " characters");
        }
        if (maxClipTokens > 0 && maxClipTokens < 8) {
            throw new IllegalArgumentException(
                    "a prompt needs at least 8 CLIP tokens, was " + maxClipTokens);
        }
    }

    public static PromptLimit clipTokens(int max) {
        return new PromptLimit(max, 0);
    }

    public static PromptLimit characters(int max) {
        return new PromptLimit(0, max);
    }

    /** Whether {@code prompt} is within both limits. */
    public boolean fits(String prompt) {
        return (maxClipTokens == 0 || clipTokensOf(prompt) <= maxClipTokens)
                && (maxCharacters == 0
                        || prompt.codePointCount(0, prompt.length()) <= maxCharacters);
    }

    /**
     * An upper estimate of the CLIP tokens of {@code text}, start and end token included, without
     * CLIP's 49,408-entry vocabulary: an English word of up to 7 letters is one token (nearly all
     * common words are in the vocabulary), a longer one a token per 5 letters, a word in another
     * script a token per 2 bytes of UTF-8, a digit or symbol one token each.
     */
    public static int clipTokensOf(String text) {
        int tokens = 2;
        Matcher piece = PIECES.matcher(text);
        while (piece.find()) {
            String p = piece.group();
            if (Character.isLetter(p.codePointAt(0))) {
                boolean ascii = p.chars().allMatch(c -> c < 128);
                tokens +=
                        ascii
                                ? (p.length() <= 7 ? 1 : (p.length() + 4) / 5)
                                : (p.getBytes(StandardCharsets.UTF_8).length + 1) / 2;
            } else {
                tokens += p.codePointCount(0, p.length());
            }
        }
        return tokens;
    }

    /** {@code 77 CLIP tokens}, {@code 800 characters}, or {@code none}. */
    @Override
    public String toString() {
        if (maxClipTokens == 0 && maxCharacters == 0) {
            return "none";
        }
        String tokens = maxClipTokens == 0 ? "" : maxClipTokens + " CLIP tokens";
        String chars = maxCharacters == 0 ? "" : maxCharacters + " characters";
        return tokens.isEmpty() ? chars : chars.isEmpty() ? tokens : tokens + ", " + chars;
    }
}

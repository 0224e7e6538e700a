package io.reelflow.operators.scene.internal;

import java.util.List;

/**
 * A sentence, or a piece of a long sentence, with its words and reading time: the unit scenes are
 * made of.
 *
 * @param text trimmed text, never empty
 * @param tokens its words, offsets relative to {@code text}
 * @param readingSeconds estimated time to speak it, positive
 * @param sentenceStart whether it starts a sentence (its first word is capitalised for grammar, not
 *     because it is a name)
 */
public record Segment(
        String text, List<Token> tokens, double readingSeconds, boolean sentenceStart) {

    public Segment {
        tokens = List.copyOf(tokens);
    }
}

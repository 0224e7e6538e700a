package io.reelflow.operators.narration;

import io.reelflow.operators.port.SynthesizedSpeech.WordTiming;
import java.nio.file.Path;
import java.util.List;

/**
 * One sentence as speech: its text, where it is stored, the local copy, its length in sample frames
 * at {@code AudioClips.SAMPLE_RATE}, and its words' timing when the server gave it.
 */
record SpokenPiece(String text, String key, Path file, long samples, List<WordTiming> words) {

    SpokenPiece {
        words = List.copyOf(words);
    }
}

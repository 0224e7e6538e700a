package io.reelflow.operators.port;

import java.util.List;

/**
 * What a {@link SpeechClient} wrote.
 *
 * @param contentType the answer's media type, e.g. {@code audio/wav}
 * @param bytes the size of the file written
 * @param words when each word is spoken, seconds from the start of the audio, when the server says
 *     (Kokoro-FastAPI's captioned speech does; {@code /v1/audio/speech} answers audio only): empty
 *     otherwise
 */
public record SynthesizedSpeech(String contentType, long bytes, List<WordTiming> words) {

    public SynthesizedSpeech {
        words = List.copyOf(words);
    }

    /**
     * One spoken word.
     *
     * @param word the word as the server names it
     * @param startSeconds when it starts
     * @param endSeconds when it ends
     */
    public record WordTiming(String word, double startSeconds, double endSeconds) {}
}

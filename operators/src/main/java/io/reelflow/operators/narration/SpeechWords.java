package io.reelflow.operators.narration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.operators.port.SynthesizedSpeech.WordTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A sentence's word times as a small JSON file stored next to its audio ({@code
 * speech/<key>.words.json}), so speech taken from the store is cut into cues as exactly as speech
 * just made. Audio made without word times has no such file.
 */
final class SpeechWords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpeechWords() {}

    /** Object key of the word times of the audio stored under {@code audioKey}. */
    static String key(String audioKey) {
        return audioKey.replaceFirst("\\.wav$", "") + ".words.json";
    }

    static void write(List<WordTiming> words, Path file) throws IOException {
        JSON.writeValue(file.toFile(), words);
    }

    /** The words in {@code file}; none when it does not exist or cannot be read. */
    static List<WordTiming> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<WordTiming>>() {});
        } catch (IOException e) {
            // Only cue cuts depend on them: syllable estimates stand in.
            return List.of();
        }
    }
}

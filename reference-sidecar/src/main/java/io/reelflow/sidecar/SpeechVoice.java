package io.reelflow.sidecar;

import java.util.List;

/**
 * One voice of {@code espeak-ng --voices}.
 *
 * @param id the language name espeak-ng lists first, e.g. {@code en-us}, {@code cmn}, {@code de}
 * @param name its readable name, e.g. {@code English (America)}
 * @param aliases the other language names it answers to, e.g. {@code en} or {@code zh}
 */
public record SpeechVoice(String id, String name, List<String> aliases) {

    public SpeechVoice {
        aliases = List.copyOf(aliases);
    }
}

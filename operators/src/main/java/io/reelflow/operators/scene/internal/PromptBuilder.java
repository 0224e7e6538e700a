package io.reelflow.operators.scene.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a scene's English generation prompt, such as {@code "cinematic aerial shot of Lake Geneva,
 * mountains; calm mood; at sunset"}. Subjects stay in the language of the text: nothing is
 * translated.
 */
public final class PromptBuilder {

    private static final Map<String, String> TIME_PHRASES =
            Map.of(
                    "dawn", "at dawn",
                    "morning", "in the morning",
                    "noon", "at noon",
                    "sunset", "at sunset",
                    "night", "at night",
                    "spring", "in spring",
                    "summer", "in summer",
                    "autumn", "in autumn",
                    "winter", "in winter");

    private PromptBuilder() {}

    /** The prompt; never empty. */
    public static String build(
            List<String> cameraCues, List<String> subjects, String mood, List<String> timeCues) {
        StringBuilder prompt = new StringBuilder("cinematic ");
        if (!cameraCues.isEmpty()) {
            prompt.append(String.join(", ", cameraCues)).append(' ');
        } else if (subjects.isEmpty()) {
            prompt.append("establishing ");
        }
        prompt.append("shot");
        if (!subjects.isEmpty()) {
            prompt.append(" of ").append(String.join(", ", subjects));
        }
        prompt.append("; ").append(mood).append(" mood");
        if (!timeCues.isEmpty()) {
            List<String> phrases = new ArrayList<>(timeCues.size());
            for (String cue : timeCues) {
                phrases.add(TIME_PHRASES.getOrDefault(cue, cue));
            }
            prompt.append("; ").append(String.join(", ", phrases));
        }
        return prompt.toString();
    }
}

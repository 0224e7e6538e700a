package io.reelflow.benchmarks.burst;

import io.reelflow.schemas.VideoRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The burst's requests: one shape for all, English texts that differ in every request (subject,
 * action and place of the first sentence), so no two requests plan the same scene and the
 * content-addressed clip cache does not turn the burst into a few generations.
 *
 * @param seconds target duration of each video
 * @param resolution e.g. {@code 240p}
 * @param aspectRatio e.g. {@code 16:9}
 * @param sentences sentences per text, which bounds the scenes per video
 * @param subtitles whether subtitles are burnt in
 */
record BurstRequests(
        double seconds, String resolution, String aspectRatio, int sentences, boolean subtitles) {

    private static final String[] SUBJECTS = {
        "A fisherman", "An old baker", "A young cyclist", "A gray heron", "A street musician",
        "A small girl", "A tired farmer", "A red fox", "A ferry captain", "A painter",
        "A delivery rider", "A mountain goat", "A chess player", "A night guard", "A potter",
        "A brown horse", "A gardener", "A lighthouse keeper", "A taxi driver", "A beekeeper",
        "A kayaker", "A violinist", "A snow leopard", "A shepherd", "A tram driver"
    };
    private static final String[] ACTIONS = {
        "walks slowly", "waits patiently", "runs quickly", "looks around", "stops briefly",
        "sings quietly", "works hard", "rests calmly", "climbs steadily", "dances happily",
        "reads a letter", "drinks tea", "counts coins", "feeds the birds", "fixes a net",
        "paints a sign", "carries a basket", "opens a door", "waves a hand", "lights a lamp"
    };
    private static final String[] PLACES = {
        "by the harbour", "in the old market", "on a windy hill", "near the river",
        "in a quiet forest", "on the village square", "at the train station", "in a wheat field",
        "on a sandy beach", "under the bridge", "in a narrow alley", "beside a frozen lake",
        "in the vineyard", "on the castle wall", "at the edge of the desert", "in a rainy park",
        "on a mountain pass", "in the flower garden", "near the lighthouse", "on the rooftop"
    };
    private static final String[] MORE = {
        "The sky turns orange as the sun goes down.",
        "Soft rain falls and the streets begin to shine.",
        "A cold wind moves the trees and the clouds.",
        "Birds fly low over the water in long lines.",
        "The bells of a distant church ring twice.",
        "Fog rolls in and hides the hills behind.",
        "Children laugh somewhere in the distance."
    };

    BurstRequests {
        if (sentences < 1 || sentences > 1 + MORE.length) {
            throw new IllegalArgumentException(
                    "sentences must be 1.." + (1 + MORE.length) + ", was " + sentences);
        }
    }

    /** Texts stay distinct for this many requests. */
    static int distinctTexts() {
        return SUBJECTS.length * ACTIONS.length * PLACES.length;
    }

    /** Request {@code index}, with id {@code burst-<index>}. */
    VideoRequest request(int index) {
        return VideoRequest.newBuilder()
                .setRequestId(String.format(Locale.ROOT, "burst-%06d", index))
                .setText(text(index))
                .setTargetDurationSeconds(seconds)
                .setResolution(resolution)
                .setAspectRatio(aspectRatio)
                .setSubtitles(subtitles)
                .setAttributes(Map.of("benchmark", "burst"))
                .build();
    }

    String text(int index) {
        int subject = index % SUBJECTS.length;
        int action = (index / SUBJECTS.length) % ACTIONS.length;
        int place = (index / (SUBJECTS.length * ACTIONS.length)) % PLACES.length;
        List<String> parts = new ArrayList<>();
        parts.add(SUBJECTS[subject] + " " + ACTIONS[action] + " " + PLACES[place] + ".");
        for (int i = 1; i < sentences; i++) {
            parts.add(MORE[(index + i - 1) % MORE.length]);
        }
        return String.join(" ", parts);
    }

    /** How the README and the JSON describe the shape. */
    String describe() {
        return String.format(
                Locale.ROOT,
                "%s s, %s, %s, %d sentence(s) of English text, subtitles %s, no narration",
                seconds,
                resolution,
                aspectRatio,
                sentences,
                subtitles ? "on" : "off");
    }
}

package io.reelflow.benchmarks.pipeline;

import io.reelflow.schemas.VideoRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end benchmark's requests: English texts of {@code scenes} sentences, each a picture a
 * stock library of landscapes, plants, animals, water and streets can match, so scenes take photos
 * and clips; the sentences start at a different place in the pool for each request.
 *
 * @param seconds target duration of each video
 * @param resolution e.g. {@code 720p}
 * @param scenes sentences per text: the planner makes one scene of each
 * @param music whether a music bed is mixed in
 * @param subtitles whether subtitles are burnt in
 */
record EndToEndRequests(
        double seconds, String resolution, int scenes, boolean music, boolean subtitles) {

    private static final String[] SENTENCES = {
        "A suspension bridge stands against a clear blue sky.",
        "Autumn forest covers the slopes below a rocky mountain ridge.",
        "A small stream runs over mossy rocks in a green forest.",
        "A hiking trail crosses a high meadow toward snowy peaks.",
        "Dandelion seeds glow in a meadow in the evening sun.",
        "The sun sets over the mountain ridges.",
        "A water drop splashes into the shape of a crown.",
        "Dark storm clouds gather over a long road.",
        "A swallowtail butterfly rests on a purple thistle flower.",
        "Fog rolls over the fields and the hillside in the morning.",
        "A wooden jetty reaches into a lake that sparkles in the sun.",
        "Rowing boats wait on the lakeshore under an evening sky.",
        "A colourful kite flies high among white clouds.",
        "A narrow path leads through a dense pine forest.",
        "Pedestrians cross a busy street in the city.",
        "The city lights glow at night.",
        "A tree sways slowly in the wind.",
        "Raindrops cover the green leaves after the rain."
    };

    EndToEndRequests {
        if (scenes < 1 || scenes > SENTENCES.length) {
            throw new IllegalArgumentException(
                    "scenes must be 1.." + SENTENCES.length + ", was " + scenes);
        }
    }

    /** Request {@code index} with the id {@code <prefix>-<index>}. */
    VideoRequest request(String prefix, int index) {
        return VideoRequest.newBuilder()
                .setRequestId(String.format(Locale.ROOT, "%s-%04d", prefix, index))
                .setText(text(index))
                .setTargetDurationSeconds(seconds)
                .setResolution(resolution)
                .setAspectRatio("16:9")
                .setMusic(music)
                .setSubtitles(subtitles)
                .setAttributes(Map.of("benchmark", "end-to-end"))
                .build();
    }

    String text(int index) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < scenes; i++) {
            parts.add(SENTENCES[(index + i) % SENTENCES.length]);
        }
        return String.join(" ", parts);
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%s s, %s, 16:9, %d sentences of English text, music %s, subtitles %s, no narration",
                seconds,
                resolution,
                scenes,
                music ? "on" : "off",
                subtitles ? "on" : "off");
    }
}

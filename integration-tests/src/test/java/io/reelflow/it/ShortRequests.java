package io.reelflow.it;

import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.codec.VideoRequestCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small requests for recovery tests: two seconds at 240p, one scene each, no subtitles. Each has
 * its own subject, so no two share a clip (clips are cached by content across runs of one S3
 * store).
 */
final class ShortRequests {
    private static final String[] SUBJECTS = {
        "A red kite",
        "A paper boat",
        "A green tractor",
        "A silver train",
        "A yellow balloon",
        "A wooden sailboat",
        "A blue bicycle",
        "An orange tram",
        "A purple umbrella",
        "A white windmill",
        "A black hot air balloon",
        "A copper weathervane",
        "A striped beach ball",
        "A lonely scarecrow",
        "A golden carousel",
        "A pink flamingo"
    };

    private ShortRequests() {}

    /** {@code count} requests with ids {@code prefix-0…}, subjects from {@code firstSubject} on. */
    static List<VideoRequest> of(String prefix, int firstSubject, int count) {
        if (firstSubject + count > SUBJECTS.length) {
            throw new IllegalArgumentException("only " + SUBJECTS.length + " subjects");
        }
        List<VideoRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(
                    VideoRequest.newBuilder()
                            .setRequestId(prefix + "-" + i)
                            .setText(
                                    SUBJECTS[firstSubject + i]
                                            + " moves slowly across an empty square.")
                            .setTargetDurationSeconds(2.0)
                            .setResolution("240p")
                            .setSubtitles(false)
                            .setAttributes(Map.of())
                            .build());
        }
        return requests;
    }

    /** Publishes the requests as JSON, keyed by request id, as a client does. */
    static void publish(ReelflowStack stack, List<VideoRequest> requests) throws Exception {
        for (VideoRequest request : requests) {
            stack.kafka.send(
                    stack.requestsTopic(),
                    request.getRequestId(),
                    VideoRequestCodec.toJson(request));
        }
    }
}

package io.reelflow.cli.replay;

import io.reelflow.operators.request.RequestSelection;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.codec.InvalidRecordException;
import io.reelflow.schemas.codec.VideoRequestCodec;
import java.nio.ByteBuffer;

/**
 * One record a replay selects, as its count sees it.
 *
 * @param requestId the id admission will answer it under, or null when it has none
 * @param languageHint the request's language hint, or null
 */
public record SelectedRequest(String requestId, String languageHint) {

    public static SelectedRequest of(RawRequest raw) {
        return new SelectedRequest(RequestSelection.requestIdOf(raw), languageHintOf(raw));
    }

    private static String languageHintOf(RawRequest raw) {
        ByteBuffer payload = raw.getPayload();
        if (payload == null) {
            return null;
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        try {
            VideoRequest request = VideoRequestCodec.decode(bytes);
            return request.getLanguageHint();
        } catch (InvalidRecordException | RuntimeException e) {
            return null;
        }
    }
}

package io.reelflow.cli.replay;

import io.reelflow.operators.request.RequestSelection;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.VideoRequest;

/**
 * One record a replay selects, as its count sees it.
 *
 * @param requestId the id admission will answer it under, or null when it has none
 * @param languageHint the request's language hint, or null
 */
public record SelectedRequest(String requestId, String languageHint) {

    public static SelectedRequest of(RawRequest raw) {
        VideoRequest request = RequestSelection.decoded(raw);
        return new SelectedRequest(
                RequestSelection.requestIdOf(raw),
                request == null ? null : request.getLanguageHint());
    }
}

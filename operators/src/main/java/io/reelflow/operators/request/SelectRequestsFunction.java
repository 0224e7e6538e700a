package io.reelflow.operators.request;

import io.reelflow.schemas.RawRequest;
import org.apache.flink.api.common.functions.FilterFunction;

/**
 * Keeps the raw records a replay's {@link RequestSelection} selects; also the safety net behind a
 * source that already starts and stops at the selection's times.
 */
public class SelectRequestsFunction implements FilterFunction<RawRequest> {
    private static final long serialVersionUID = 1L;

    private final RequestSelection selection;

    public SelectRequestsFunction(RequestSelection selection) {
        this.selection = selection;
    }

    @Override
    public boolean filter(RawRequest raw) {
        return selection.selects(raw);
    }
}

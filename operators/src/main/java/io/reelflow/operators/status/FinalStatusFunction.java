package io.reelflow.operators.status;

import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import org.apache.flink.api.common.functions.MapFunction;

/** Reports a request's terminal phase from its result. */
public class FinalStatusFunction implements MapFunction<VideoResult, StatusEvent> {
    @Override
    public StatusEvent map(VideoResult result) {
        return StatusEvents.finished(result);
    }
}

package io.reelflow.operators.status;

import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.StatusEvent;
import java.time.Clock;
import org.apache.flink.api.common.functions.MapFunction;

/** Reports that a video was rendered (or why not). */
public class RenderedStatusFunction implements MapFunction<RenderedVideo, StatusEvent> {
    private final Clock clock;

    public RenderedStatusFunction(Clock clock) {
        this.clock = clock;
    }

    @Override
    public StatusEvent map(RenderedVideo video) {
        return StatusEvents.rendered(video, clock.instant());
    }
}

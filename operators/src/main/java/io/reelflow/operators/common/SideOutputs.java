package io.reelflow.operators.common;

import io.reelflow.schemas.Admission;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side outputs stages use besides their main output. */
public final class SideOutputs {
    /** Progress events for {@code reelflow.status} and {@code video_status}. */
    public static final OutputTag<StatusEvent> STATUS =
            new OutputTag<>("status", TypeInformation.of(StatusEvent.class));

    /** Records the job cannot accept, for {@code reelflow.dead-letter}. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    /**
     * Refused records on their way to becoming dead letters (their whole value still attached, for
     * the object store).
     */
    public static final OutputTag<Admission> REFUSED =
            new OutputTag<>("refused", TypeInformation.of(Admission.class));

    /** Results decided before rendering: rejected requests, scenes that never arrived. */
    public static final OutputTag<VideoResult> EARLY_RESULTS =
            new OutputTag<>("early-results", TypeInformation.of(VideoResult.class));

    /**
     * Admissions of accepted requests, with their whole value, for the requests archive ({@code
     * requests_archive}): what a replay can read once Kafka has dropped the record.
     */
    public static final OutputTag<Admission> ACCEPTED =
            new OutputTag<>("accepted", TypeInformation.of(Admission.class));

    private SideOutputs() {}
}

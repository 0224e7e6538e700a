package io.reelflow.operators.control;

import io.reelflow.schemas.ControlAction;
import io.reelflow.schemas.ControlCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Commands and a settable clock for the control tests. */
final class ControlFixtures {
    static final Duration TTL = Duration.ofHours(24);
    static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    private ControlFixtures() {}

    /** A CANCEL of {@code requestId} in {@code runId} (null: every run) by alice. */
    static ControlCommand cancel(String requestId, String runId) {
        return ControlCommand.newBuilder()
                .setRequestId(requestId)
                .setRunId(runId)
                .setAction(ControlAction.CANCEL)
                .setReason("wrong text")
                .setIssuedAtMillis(T0.toEpochMilli())
                .setIssuedBy("alice")
                .build();
    }

    /** A clock tests move by hand. */
    static final class SettableClock extends Clock implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private Instant now = T0;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

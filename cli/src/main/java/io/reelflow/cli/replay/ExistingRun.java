package io.reelflow.cli.replay;

import java.time.Instant;

/**
 * What PostgreSQL already holds under a run id: its {@code video_results} rows and, when a replay
 * used it, that replay's {@code replay_runs} row.
 *
 * @param replayStarted when a replay under this id started, or null
 * @param replayFinished when it finished, or null (never, or still running)
 */
public record ExistingRun(int results, Instant replayStarted, Instant replayFinished) {
    public static final ExistingRun NONE = new ExistingRun(0, null, null);

    public boolean isEmpty() {
        return results == 0 && replayStarted == null;
    }

    @Override
    public String toString() {
        String text = results + (results == 1 ? " result" : " results");
        if (replayStarted != null) {
            text +=
                    ", a replay started "
                            + replayStarted
                            + (replayFinished == null
                                    ? " and not finished"
                                    : " and finished " + replayFinished);
        }
        return text;
    }
}

package io.reelflow.benchmarks.generation;

import java.util.ArrayList;
import java.util.List;

/**
 * How long an endpoint's slot stays unused between jobs, as the core sees it: from the poll that
 * saw a job end to the submission of the job that took its slot. Slots are handed over in order, so
 * on an endpoint with S slots submission number {@code S + k} took the slot of the {@code k}-th job
 * to end.
 */
final class HandOffs {

    private HandOffs() {}

    /** The gaps on one endpoint, from its submission and end times in nanoseconds. */
    static List<Long> gapsNanos(int slots, List<Long> submitted, List<Long> ended) {
        List<Long> starts = submitted.stream().sorted().toList();
        List<Long> ends = ended.stream().sorted().toList();
        List<Long> gaps = new ArrayList<>();
        for (int k = 0; slots + k < starts.size() && k < ends.size(); k++) {
            gaps.add(starts.get(slots + k) - ends.get(k));
        }
        return gaps;
    }
}

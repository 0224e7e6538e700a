package io.reelflow.cli.replay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The counts {@code reelflow replay} prints: what a selection holds (records, requests, their
 * status in the reference run and their language) and, after the run, how its requests ended.
 */
public final class ReplayReport {
    /** The status of a selected request without a result in the reference run. */
    public static final String NO_RESULT = "no result";

    static final String UNKNOWN_LANGUAGE = "unknown";

    private ReplayReport() {}

    /** The distinct request ids of a selection (records without an id are not among them). */
    public static Set<String> requestIds(Collection<SelectedRequest> selected) {
        Set<String> ids = new HashSet<>();
        for (SelectedRequest request : selected) {
            if (request.requestId() != null) {
                ids.add(request.requestId());
            }
        }
        return ids;
    }

    /**
     * Lines describing a selection: records and requests, by status in {@code referenceRun}, by
     * language (the reference result's detected language, else the request's hint).
     */
    public static List<String> selection(
            Collection<SelectedRequest> selected,
            Map<String, ReplayLedger.Outcome> reference,
            String referenceRun) {
        Map<String, SelectedRequest> byId = new LinkedHashMap<>();
        int withoutId = 0;
        for (SelectedRequest request : selected) {
            if (request.requestId() == null) {
                withoutId++;
            } else {
                byId.putIfAbsent(request.requestId(), request);
            }
        }
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> languages = new TreeMap<>();
        for (SelectedRequest request : byId.values()) {
            ReplayLedger.Outcome outcome = reference.get(request.requestId());
            statuses.merge(outcome == null ? NO_RESULT : outcome.status(), 1, Integer::sum);
            String language =
                    outcome != null && outcome.language() != null
                            ? outcome.language()
                            : request.languageHint() != null
                                    ? request.languageHint()
                                    : UNKNOWN_LANGUAGE;
            languages.merge(language, 1, Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        lines.add(
                String.format(
                        "  selected     %d %s, %d %s%s",
                        selected.size(),
                        selected.size() == 1 ? "record" : "records",
                        byId.size(),
                        byId.size() == 1 ? "request" : "requests",
                        withoutId == 0
                                ? ""
                                : " (+" + withoutId + " without a readable id: dead letters)"));
        lines.add("  status in " + referenceRun + ": " + counts(statuses));
        lines.add("  language     " + counts(languages));
        return lines;
    }

    /** How a replay's requests ended: its results by status, and the selected ones without one. */
    public static List<String> outcomes(
            Map<String, ReplayLedger.Outcome> results, Set<String> selectedIds) {
        List<String> lines = new ArrayList<>();
        lines.add("  results      " + counts(byStatus(results)));
        long missing = selectedIds.stream().filter(id -> !results.containsKey(id)).count();
        lines.add(
                "  missing      "
                        + missing
                        + " of "
                        + selectedIds.size()
                        + " selected requests have no result");
        return lines;
    }

    /** Results counted by status, for {@code replay_runs.outcomes}. */
    public static Map<String, Integer> byStatus(Map<String, ReplayLedger.Outcome> results) {
        Map<String, Integer> counts = new TreeMap<>();
        results.values().forEach(outcome -> counts.merge(outcome.status(), 1, Integer::sum));
        return counts;
    }

    /** {@code COMPLETED 3, FAILED 1}, or {@code none}. */
    static String counts(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}

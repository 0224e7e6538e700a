package io.reelflow.benchmarks.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one request's time went, from the status events the job wrote for it (each stamped {@code
 * at} by the stage that reached the phase) and the times a client saw them. The phases, in the
 * order a request meets them:
 *
 * <ul>
 *   <li>{@code admission}: publish → RECEIVED (Kafka source, parse, validate, dedup);
 *   <li>{@code languageAndPlan}: RECEIVED → SCENES_PLANNED (language detection, scene analysis,
 *       narration; LANGUAGE_DETECTED carries the same time as SCENES_PLANNED, so language has no
 *       figure of its own);
 *   <li>{@code retrievalAndGeneration}: SCENES_PLANNED → CLIPS_READY (stock retrieval, the
 *       generation stage, gathering the scenes);
 *   <li>{@code render}: CLIPS_READY → RENDERED;
 *   <li>{@code quality}: RENDERED → the terminal event (scoring, and a repair when one ran);
 *   <li>{@code statusVisible}: terminal event → a {@code read_uncommitted} client reads it;
 *   <li>{@code commit}: terminal event → a {@code read_committed} client reads the result.
 * </ul>
 *
 * A phase whose events are missing (a failed request, an event not read yet) is left out.
 */
final class PhaseTimeline {

    /** Phases that end a request and carry its result's completion time. */
    static final Set<String> TERMINAL = Set.of("COMPLETED", "DEGRADED", "FAILED");

    /** The phase names of the figures, in pipeline order. */
    static final List<String> PHASES =
            List.of(
                    "admission",
                    "languageAndPlan",
                    "retrievalAndGeneration",
                    "render",
                    "quality",
                    "statusVisible",
                    "commit");

    /** One status event: its phase, the job's time stamp, and when the client read it. */
    record Event(String phase, long atMillis, long seenAtMillis) {}

    private PhaseTimeline() {}

    /**
     * Milliseconds per phase, plus {@code endToEndStatus} (publish → terminal event read) and
     * {@code endToEndCommitted} (publish → committed result read) when known.
     *
     * @param publishedAtMillis when Kafka acknowledged the request
     * @param events the request's status events in any order; a repeated phase (at-least-once)
     *     counts once, its first copy
     * @param resultSeenAtMillis when the committed result was read, or null
     */
    static Map<String, Long> of(
            long publishedAtMillis, List<Event> events, Long resultSeenAtMillis) {
        Event received = first(events, Set.of("RECEIVED"));
        Event planned = first(events, Set.of("SCENES_PLANNED"));
        Event clips = first(events, Set.of("CLIPS_READY"));
        Event rendered = first(events, Set.of("RENDERED"));
        Event terminal = first(events, TERMINAL);
        Map<String, Long> phases = new LinkedHashMap<>();
        put(phases, "admission", publishedAtMillis, received == null ? null : received.atMillis);
        put(phases, "languageAndPlan", at(received), at(planned));
        put(phases, "retrievalAndGeneration", at(planned), at(clips));
        put(phases, "render", at(clips), at(rendered));
        put(phases, "quality", at(rendered), at(terminal));
        put(phases, "statusVisible", at(terminal), terminal == null ? null : terminal.seenAtMillis);
        put(phases, "commit", at(terminal), resultSeenAtMillis);
        put(
                phases,
                "endToEndStatus",
                publishedAtMillis,
                terminal == null ? null : terminal.seenAtMillis);
        put(phases, "endToEndCommitted", publishedAtMillis, resultSeenAtMillis);
        return phases;
    }

    /** The terminal phase's name, or null while the request has none. */
    static String terminalPhase(List<Event> events) {
        Event terminal = first(events, TERMINAL);
        return terminal == null ? null : terminal.phase;
    }

    private static Event first(List<Event> events, Set<String> phases) {
        Event first = null;
        for (Event event : events) {
            if (phases.contains(event.phase)
                    && (first == null || event.seenAtMillis < first.seenAtMillis)) {
                first = event;
            }
        }
        return first;
    }

    private static Long at(Event event) {
        return event == null ? null : event.atMillis;
    }

    private static void put(Map<String, Long> phases, String name, Long from, Long to) {
        if (from != null && to != null) {
            phases.put(name, to - from);
        }
    }
}

package io.reelflow.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link PhaseTimeline}. */
class PhaseTimelineTest {

    private static final long PUBLISHED = 1_000_000;

    private static PhaseTimeline.Event event(String phase, long at, long seen) {
        return new PhaseTimeline.Event(phase, PUBLISHED + at, PUBLISHED + seen);
    }

    @Test
    void shouldAttributeEachStretchBetweenEventsToItsPhase() {
        List<PhaseTimeline.Event> events =
                List.of(
                        event("COMPLETED", 20_000, 20_030),
                        event("RECEIVED", 50, 60),
                        event("LANGUAGE_DETECTED", 300, 310),
                        event("SCENES_PLANNED", 300, 311),
                        event("CLIPS_READY", 500, 505),
                        event("RENDERED", 17_000, 17_004));

        Map<String, Long> phases = PhaseTimeline.of(PUBLISHED, events, PUBLISHED + 22_000);

        assertThat(phases)
                .containsEntry("admission", 50L)
                .containsEntry("languageAndPlan", 250L)
                .containsEntry("retrievalAndGeneration", 200L)
                .containsEntry("render", 16_500L)
                .containsEntry("quality", 3_000L)
                .containsEntry("statusVisible", 30L)
                .containsEntry("commit", 2_000L)
                .containsEntry("endToEndStatus", 20_030L)
                .containsEntry("endToEndCommitted", 22_000L);
        assertThat(PhaseTimeline.terminalPhase(events)).isEqualTo("COMPLETED");
    }

    @Test
    void shouldCountARepeatedEventOnceByItsFirstCopy() {
        List<PhaseTimeline.Event> events =
                List.of(
                        event("RECEIVED", 50, 60),
                        event("RECEIVED", 50, 9_000),
                        event("DEGRADED", 8_000, 8_100),
                        event("DEGRADED", 8_000, 12_000));

        Map<String, Long> phases = PhaseTimeline.of(PUBLISHED, events, null);

        assertThat(phases).containsEntry("statusVisible", 100L);
        assertThat(phases).containsEntry("endToEndStatus", 8_100L);
        assertThat(PhaseTimeline.terminalPhase(events)).isEqualTo("DEGRADED");
    }

    @Test
    void shouldLeaveOutPhasesWhoseEventsAreMissing() {
        List<PhaseTimeline.Event> events =
                List.of(event("RECEIVED", 50, 60), event("SCENES_PLANNED", 400, 410));

        Map<String, Long> phases = PhaseTimeline.of(PUBLISHED, events, null);

        assertThat(phases.keySet()).containsExactly("admission", "languageAndPlan");
        assertThat(PhaseTimeline.terminalPhase(events)).isNull();
    }
}

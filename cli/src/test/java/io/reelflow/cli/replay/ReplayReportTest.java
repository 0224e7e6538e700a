package io.reelflow.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link ReplayReport}. */
class ReplayReportTest {

    @Test
    void shouldCountRequestsByStatusInTheReferenceRunAndByLanguage() {
        List<SelectedRequest> selected =
                List.of(
                        new SelectedRequest("a", null),
                        new SelectedRequest("a", null),
                        new SelectedRequest("b", "de"),
                        new SelectedRequest("c", null),
                        new SelectedRequest(null, null));
        Map<String, ReplayLedger.Outcome> live =
                Map.of(
                        "a", new ReplayLedger.Outcome("FAILED", "en"),
                        "b", new ReplayLedger.Outcome("DEGRADED", null));

        assertThat(ReplayReport.selection(selected, live, "live"))
                .containsExactly(
                        "  selected     5 records, 3 requests (+1 without a readable id: dead letters)",
                        "  status in live: DEGRADED 1, FAILED 1, no result 1",
                        "  language     de 1, en 1, unknown 1");
        assertThat(ReplayReport.requestIds(selected)).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void shouldSayHowManySelectedRequestsHaveNoResult() {
        Map<String, ReplayLedger.Outcome> results =
                Map.of(
                        "a", new ReplayLedger.Outcome("COMPLETED", "en"),
                        "b", new ReplayLedger.Outcome("COMPLETED", "en"));

        assertThat(ReplayReport.outcomes(results, Set.of("a", "b", "c")))
                .containsExactly(
                        "  results      COMPLETED 2",
                        "  missing      1 of 3 selected requests have no result");
        assertThat(ReplayReport.byStatus(Map.of())).isEmpty();
    }
}

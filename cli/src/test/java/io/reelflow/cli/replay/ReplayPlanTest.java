package io.reelflow.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.cli.CommandLine;
import io.reelflow.job.config.ReplayOptions;
import io.reelflow.schemas.ResultStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link ReplayPlan}. */
class ReplayPlanTest {
    private static ReplayPlan parse(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "replay";
        System.arraycopy(args, 0, line, 1, args.length);
        Set<String> flags = new HashSet<>(ReplayPlan.FLAGS);
        return ReplayPlan.parse(CommandLine.parse(line, flags));
    }

    @Test
    void shouldReadTheSelectionFlags() {
        ReplayPlan plan =
                parse(
                        "--reelflow.run-id",
                        "r1",
                        "--from",
                        "archive",
                        "--since",
                        "2026-12-01T00:00:00Z",
                        "--until",
                        "2026-12-02T00:00:00Z",
                        "--ids",
                        "a, b,,c",
                        "--only",
                        "failed,DEGRADED",
                        "--of-run",
                        "r0",
                        "--dry-run");

        assertThat(plan.runId()).isEqualTo("r1");
        assertThat(plan.from()).isEqualTo(ReplayOptions.RequestSource.ARCHIVE);
        assertThat(plan.since()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(plan.ids()).containsExactly("a", "b", "c");
        assertThat(plan.only()).containsExactly(ResultStatus.DEGRADED, ResultStatus.FAILED);
        assertThat(plan.ofRun()).isEqualTo("r0");
        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.overwrite()).isFalse();
        assertThat(plan.describe())
                .isEqualTo(
                        "from archive, since 2026-12-01T00:00:00Z, until 2026-12-02T00:00:00Z,"
                                + " ids a,b,c, only DEGRADED,FAILED in run r0");
    }

    @Test
    void shouldLookUpOnlyStatusesInTheLiveRunByDefault() {
        ReplayPlan plan =
                parse(
                        "--reelflow.run-id",
                        "r1",
                        "--reelflow.replay.live-run-id",
                        "prod",
                        "--only",
                        "FAILED");

        assertThat(plan.ofRun()).isEqualTo("prod");
        assertThat(plan.from()).isEqualTo(ReplayOptions.RequestSource.KAFKA);
    }

    @Test
    void shouldIntersectIdsWithThoseOfTheOnlyStatuses() {
        ReplayPlan both = parse("--reelflow.run-id", "r", "--ids", "a,b", "--only", "FAILED");
        ReplayPlan onlyStatuses = parse("--reelflow.run-id", "r", "--only", "FAILED");
        ReplayPlan onlyIds = parse("--reelflow.run-id", "r", "--ids", "a,b");
        ReplayPlan neither = parse("--reelflow.run-id", "r");

        assertThat(both.resolveIds(Set.of("b", "c"))).containsExactly("b");
        assertThat(onlyStatuses.resolveIds(Set.of("b", "c"))).containsExactly("b", "c");
        assertThat(onlyStatuses.resolveIds(Set.of())).isEmpty();
        assertThat(onlyIds.resolveIds(Set.of())).containsExactly("a", "b");
        assertThat(neither.resolveIds(Set.of())).isNull();
        assertThat(neither.selection(null).isAll()).isTrue();
    }

    @Test
    void shouldAlwaysRefuseTheLiveRunId() {
        ReplayPlan plan = parse("--reelflow.run-id", "live", "--overwrite");

        assertThat(plan.refusal(ExistingRun.NONE)).contains("never runs under the live run id");
        assertThat(parse().refusal(ExistingRun.NONE))
                .contains("replay needs its own --reelflow.run-id");
    }

    @Test
    void shouldRefuseAUsedRunIdUnlessOverwriting() {
        ExistingRun used =
                new ExistingRun(
                        3,
                        Instant.parse("2026-12-05T10:00:00Z"),
                        Instant.parse("2026-12-05T10:05:00Z"));

        assertThat(parse("--reelflow.run-id", "r1").refusal(used))
                .contains("run id 'r1' was used before")
                .contains("3 results, a replay started 2026-12-05T10:00:00Z and finished")
                .contains("--overwrite");
        assertThat(parse("--reelflow.run-id", "r1").refusal(new ExistingRun(1, null, null)))
                .contains("1 result)");
        assertThat(parse("--reelflow.run-id", "r1", "--overwrite").refusal(used)).isNull();
        assertThat(parse("--reelflow.run-id", "r1").refusal(ExistingRun.NONE)).isNull();
    }

    @Test
    void shouldNameTheBadFlag() {
        assertThatThrownBy(() -> parse("--reelflow.run-id", "r", "--since", "yesterday"))
                .hasMessageContaining("--since must be an ISO-8601 instant");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "--reelflow.run-id", "r",
                                        "--since", "2026-12-02T00:00:00Z",
                                        "--until", "2026-12-01T00:00:00Z"))
                .hasMessageContaining("--until must be after --since");
        assertThatThrownBy(() -> parse("--reelflow.run-id", "r", "--only", "BROKEN"))
                .hasMessageContaining("--only takes result statuses");
        assertThatThrownBy(() -> parse("--reelflow.run-id", "r", "--from", "s3"))
                .hasMessageContaining("--from must be kafka or archive");
        assertThatThrownBy(() -> parse("--reelflow.run-id", "r", "--of-run", "live"))
                .hasMessageContaining("--of-run only goes with --only");
    }
}

package io.reelflow.cli.replay;

import io.reelflow.cli.CommandLine;
import io.reelflow.job.config.PipelineOptions;
import io.reelflow.job.config.ReplayOptions;
import io.reelflow.operators.request.RequestSelection;
import io.reelflow.schemas.ResultStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@code reelflow replay} was asked to do, parsed once from its command line: the run id, the
 * source, the selection (time range, ids, statuses in a reference run) and the flags.
 *
 * @param ids the ids named by {@code --ids}, or null
 * @param only the statuses named by {@code --only}, or null
 * @param ofRun the run whose results {@code --only} looks at
 */
public record ReplayPlan(
        String runId,
        String liveRunId,
        ReplayOptions.RequestSource from,
        Instant since,
        Instant until,
        Set<String> ids,
        Set<ResultStatus> only,
        String ofRun,
        boolean dryRun,
        boolean overwrite,
        boolean list) {

    /** The replay's own options; every other {@code --key value} is the job's configuration. */
    public static final Set<String> OPTIONS =
            Set.of("since", "until", "ids", "only", "of-run", "from");

    /** The replay's flags (no value). */
    public static final Set<String> FLAGS = Set.of("dry-run", "overwrite", "list");

    public static final String USAGE =
            String.join(
                    "\n",
                    "  replay   re-process past requests in BATCH mode under a new run id:",
                    "           --reelflow.run-id <id> [--from kafka|archive]",
                    "           [--since <ISO-8601>] [--until <ISO-8601>] [--ids a,b,c]",
                    "           [--only FAILED,DEGRADED [--of-run live]] [--dry-run] [--overwrite];",
                    "           replay --list shows past replays");

    /** Parses the command line; the message of the exception says what is wrong. */
    public static ReplayPlan parse(CommandLine line) {
        String liveRunId =
                line.option(
                        ReplayOptions.LIVE_RUN_ID.key(), ReplayOptions.LIVE_RUN_ID.defaultValue());
        Instant since = instant(line, "since");
        Instant until = instant(line, "until");
        if (since != null && until != null && !until.isAfter(since)) {
            throw new IllegalArgumentException("--until must be after --since");
        }
        Set<String> ids = null;
        String idList = line.option("ids", null);
        if (idList != null) {
            ids = new LinkedHashSet<>(split(idList));
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("--ids names no request id");
            }
        }
        Set<ResultStatus> only = null;
        String statusList = line.option("only", null);
        if (statusList != null) {
            only = EnumSet.noneOf(ResultStatus.class);
            for (String name : split(statusList)) {
                only.add(status(name));
            }
        }
        if (only == null && line.option("of-run", null) != null) {
            throw new IllegalArgumentException("--of-run only goes with --only");
        }
        return new ReplayPlan(
                line.option(PipelineOptions.RUN_ID.key(), null),
                liveRunId,
                source(line.option("from", "kafka")),
                since,
                until,
                ids,
                only,
                line.option("of-run", liveRunId),
                line.flag("dry-run"),
                line.flag("overwrite"),
                line.flag("list"));
    }

    /**
     * Why this replay must not run under its run id, or null when it may: the live run id never; a
     * run id that already has results or a replay row only with {@code --overwrite}.
     */
    public String refusal(ExistingRun existing) {
        if (runId == null || runId.isBlank()) {
            return "replay needs its own --" + PipelineOptions.RUN_ID.key();
        }
        if (runId.equals(liveRunId)) {
            return "replay never runs under the live run id '"
                    + liveRunId
                    + "': name a new one with --"
                    + PipelineOptions.RUN_ID.key();
        }
        if (!existing.isEmpty() && !overwrite) {
            return "run id '"
                    + runId
                    + "' was used before ("
                    + existing
                    + "): pick a new one, or add --overwrite to delete its rows and run again";
        }
        return null;
    }

    /**
     * The selection the job applies: the time range, and the ids when {@code --ids} or {@code
     * --only} narrowed them to {@code resolvedIds}.
     */
    public RequestSelection selection(Set<String> resolvedIds) {
        return RequestSelection.of(since, until, resolvedIds);
    }

    /**
     * The ids to replay given those {@code --only} found in {@link #ofRun()}: both lists when both
     * flags are there (their intersection), either alone, or null (any id).
     */
    public Set<String> resolveIds(Set<String> withOnlyStatuses) {
        if (only == null) {
            return ids;
        }
        Set<String> resolved = new TreeSet<>(withOnlyStatuses);
        if (ids != null) {
            resolved.retainAll(ids);
        }
        return resolved;
    }

    /** For the summary and {@code replay_runs.selection}. */
    public String describe() {
        StringBuilder text =
                new StringBuilder("from ").append(from.name().toLowerCase(Locale.ROOT));
        if (since != null) {
            text.append(", since ").append(since);
        }
        if (until != null) {
            text.append(", until ").append(until);
        }
        if (ids != null) {
            text.append(", ids ").append(String.join(",", ids));
        }
        if (only != null) {
            text.append(", only ")
                    .append(only.stream().map(Enum::name).collect(Collectors.joining(",")))
                    .append(" in run ")
                    .append(ofRun);
        }
        return text.toString();
    }

    private static Instant instant(CommandLine line, String name) {
        String value = line.option(name, null);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--"
                            + name
                            + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, got '"
                            + value
                            + "'");
        }
    }

    private static ReplayOptions.RequestSource source(String name) {
        try {
            return ReplayOptions.RequestSource.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--from must be kafka or archive, got '" + name + "'");
        }
    }

    private static ResultStatus status(String name) {
        try {
            return ResultStatus.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--only takes result statuses "
                            + Arrays.toString(ResultStatus.values())
                            + ", got '"
                            + name
                            + "'");
        }
    }

    private static Set<String> split(String list) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : list.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}

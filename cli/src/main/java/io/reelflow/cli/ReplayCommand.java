package io.reelflow.cli;

import io.reelflow.cli.replay.ExistingRun;
import io.reelflow.cli.replay.KafkaRequestScan;
import io.reelflow.cli.replay.ReplayLedger;
import io.reelflow.cli.replay.ReplayPlan;
import io.reelflow.cli.replay.ReplayReport;
import io.reelflow.cli.replay.SelectedRequest;
import io.reelflow.connectors.jdbc.ArchiveQuery;
import io.reelflow.connectors.jdbc.JdbcSchema;
import io.reelflow.connectors.jdbc.JdbcSettings;
import io.reelflow.connectors.kafka.TopicAdmin;
import io.reelflow.job.ReelflowJob;
import io.reelflow.job.config.DatabaseOptions;
import io.reelflow.job.config.KafkaOptions;
import io.reelflow.job.config.ReplayOptions;
import io.reelflow.operators.request.RequestSelection;
import io.reelflow.schemas.RawRequest;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;

/**
 * {@code reelflow replay}: counts what a selection of past requests holds, guards the run id,
 * re-processes the selection in BATCH mode under that run id (its own topics, keys {@code
 * runId/requestId}, its own rows in {@code video_results}), and prints and records how it ended.
 */
public final class ReplayCommand {
    private final Clock clock;

    ReplayCommand(Clock clock) {
        this.clock = clock;
    }

    static int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        return new ReplayCommand(Clock.systemUTC()).execute(line, out, err);
    }

    int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        ReplayPlan plan;
        try {
            plan = ReplayPlan.parse(line);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        // What is refused whatever the database holds is refused before connecting to it.
        String early = plan.refusal(ExistingRun.NONE);
        if (early != null && !plan.dryRun() && !plan.list()) {
            err.println(early);
            return 2;
        }
        Configuration config = jobOptions(line);
        JdbcSettings database = database(config);
        JdbcSchema.apply(database);
        ReplayLedger ledger = new ReplayLedger(database);
        if (plan.list()) {
            list(ledger, out);
            return 0;
        }
        String refusal =
                plan.refusal(
                        plan.runId() == null ? ExistingRun.NONE : ledger.existing(plan.runId()));
        if (refusal != null && !plan.dryRun()) {
            err.println(refusal);
            return 2;
        }

        Selection selection = select(plan, config, database, ledger);
        out.println(
                "replay "
                        + plan.runId()
                        + (plan.dryRun() ? " (dry run): " : ": ")
                        + plan.describe());
        ReplayReport.selection(selection.records(), selection.reference(), plan.ofRun())
                .forEach(out::println);
        if (plan.dryRun()) {
            if (refusal != null) {
                out.println("  a run would be refused: " + refusal);
            }
            out.println("  nothing was run (--dry-run)");
            return 0;
        }
        if (selection.records().isEmpty()) {
            out.println("  nothing to replay");
            return 0;
        }
        replay(plan, config, ledger, selection, out, err);
        return 0;
    }

    /**
     * What a replay selects: the ids {@code --ids} and {@code --only} leave (null: any), the rule
     * the job applies, the records it matches now, and the results of the reference run ({@code
     * --of-run}), read once for {@code --only} and the counts.
     */
    private record Selection(
            Set<String> ids,
            RequestSelection rule,
            List<SelectedRequest> records,
            Map<String, ReplayLedger.Outcome> reference) {
        Set<String> requestIds() {
            return ReplayReport.requestIds(records);
        }
    }

    private static Selection select(
            ReplayPlan plan, Configuration config, JdbcSettings database, ReplayLedger ledger)
            throws Exception {
        Map<String, ReplayLedger.Outcome> reference = ledger.outcomes(plan.ofRun());
        Set<String> withStatus =
                plan.only() == null
                        ? Set.of()
                        : ReplayLedger.withStatus(
                                reference, plan.only().stream().map(Enum::name).toList());
        Set<String> ids = plan.resolveIds(withStatus);
        RequestSelection rule = plan.selection(ids);
        return new Selection(ids, rule, scan(plan, config, database, rule), reference);
    }

    /** Records the run, runs the job to its end, records and prints how it ended. */
    private void replay(
            ReplayPlan plan,
            Configuration config,
            ReplayLedger ledger,
            Selection selection,
            PrintStream out,
            PrintStream err)
            throws Exception {
        if (plan.overwrite()) {
            ledger.clear(plan.runId());
        }
        Instant started = clock.instant();
        ledger.started(
                plan.runId(),
                plan.from().name().toLowerCase(Locale.ROOT),
                plan.describe(),
                selection.requestIds().size(),
                started);
        configureJob(config, plan, selection.ids());
        ensureTopics(config, err);
        ReelflowJob.execute(config);

        Map<String, ReplayLedger.Outcome> results = ledger.outcomes(plan.runId());
        Instant finished = clock.instant();
        ledger.finished(plan.runId(), ReplayReport.byStatus(results), finished);
        out.printf(
                "  finished     in %d s: results in video_results (run_id %s) and on %s (keys"
                        + " %s/<requestId>)%n",
                Duration.between(started, finished).toSeconds(),
                plan.runId(),
                config.get(KafkaOptions.RESULTS_TOPIC),
                plan.runId());
        ReplayReport.outcomes(results, selection.requestIds()).forEach(out::println);
    }

    /** Every {@code --key value} that is not the replay's own: the job's configuration. */
    static Configuration jobOptions(CommandLine line) {
        Map<String, String> options = new LinkedHashMap<>(line.options());
        options.keySet().removeAll(ReplayPlan.OPTIONS);
        return Configuration.fromMap(options);
    }

    /**
     * A bounded BATCH run of the selection under the replay's run id, with its own consumer group,
     * transactions, topics and keys, and without archiving (the archive keeps what was received).
     */
    static void configureJob(Configuration config, ReplayPlan plan, Set<String> ids) {
        String name = "reelflow-replay-" + plan.runId();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        config.set(KafkaOptions.BOUNDED, true);
        if (!config.contains(KafkaOptions.STARTING_OFFSETS)) {
            config.set(KafkaOptions.STARTING_OFFSETS, "earliest");
        }
        config.set(KafkaOptions.GROUP_ID, name);
        config.set(KafkaOptions.TRANSACTIONAL_ID_PREFIX, name);
        config.set(KafkaOptions.RESULTS_TOPIC, config.get(ReplayOptions.RESULTS_TOPIC));
        config.set(KafkaOptions.STATUS_TOPIC, config.get(ReplayOptions.STATUS_TOPIC));
        config.set(KafkaOptions.DEAD_LETTER_TOPIC, config.get(ReplayOptions.DEAD_LETTER_TOPIC));
        config.set(ReplayOptions.KEY_WITH_RUN_ID, true);
        config.set(ReplayOptions.ARCHIVE_REQUESTS, false);
        config.set(ReplayOptions.FROM, plan.from());
        if (plan.since() != null) {
            config.set(ReplayOptions.SINCE, plan.since().toString());
        }
        if (plan.until() != null) {
            config.set(ReplayOptions.UNTIL, plan.until().toString());
        }
        if (ids != null) {
            config.set(ReplayOptions.REQUEST_IDS, List.copyOf(ids));
        }
    }

    private static List<SelectedRequest> scan(
            ReplayPlan plan,
            Configuration config,
            JdbcSettings database,
            RequestSelection selection)
            throws Exception {
        if (plan.from() == ReplayOptions.RequestSource.KAFKA) {
            return KafkaRequestScan.scan(
                    config.get(KafkaOptions.BOOTSTRAP_SERVERS),
                    config.get(KafkaOptions.REQUESTS_TOPIC),
                    selection);
        }
        ArchiveQuery query =
                new ArchiveQuery(
                        selection.since().orElse(null),
                        selection.until().orElse(null),
                        selection.ids().orElse(null));
        List<SelectedRequest> selected = new ArrayList<>();
        try (Connection sql =
                DriverManager.getConnection(database.url(), database.user(), database.password())) {
            for (RawRequest raw : query.read(sql)) {
                if (selection.selects(raw)) {
                    selected.add(SelectedRequest.of(raw));
                }
            }
        }
        return selected;
    }

    private static void ensureTopics(Configuration config, PrintStream err) {
        try {
            TopicAdmin.ensureTopics(
                    config.get(KafkaOptions.BOOTSTRAP_SERVERS),
                    Map.of(
                            config.get(KafkaOptions.RESULTS_TOPIC), 2,
                            config.get(KafkaOptions.STATUS_TOPIC), 2,
                            config.get(KafkaOptions.DEAD_LETTER_TOPIC), 1));
        } catch (RuntimeException e) {
            err.println(
                    "could not create the replay topics ("
                            + e.getMessage()
                            + "); the run needs them to exist");
        }
    }

    private static void list(ReplayLedger ledger, PrintStream out) throws Exception {
        List<ReplayLedger.ReplayRun> runs = ledger.list();
        if (runs.isEmpty()) {
            out.println("no replays yet");
            return;
        }
        for (ReplayLedger.ReplayRun run : runs) {
            out.printf(
                    "%s  started %s  %s  selected %d  %s  (%s)%n",
                    run.runId(),
                    run.started(),
                    run.finished() == null ? "not finished" : "finished " + run.finished(),
                    run.selected(),
                    run.outcomes(),
                    run.selection());
        }
    }

    private static JdbcSettings database(Configuration config) {
        return JdbcSettings.of(
                config.get(DatabaseOptions.URL),
                config.get(DatabaseOptions.USER),
                config.get(DatabaseOptions.PASSWORD));
    }
}

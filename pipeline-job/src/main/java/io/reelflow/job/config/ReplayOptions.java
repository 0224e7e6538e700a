package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.reelflow.operators.request.RequestSelection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * What a replay reads, which requests it selects and where its outputs go; also whether a run
 * archives the requests it accepts ({@code requests_archive}), which replays read beyond Kafka's
 * retention. {@code reelflow replay} sets these from its own flags.
 */
public final class ReplayOptions {
    /** Where a run's requests come from. */
    public enum RequestSource {
        /** The requests topic (offsets from the timestamps, or earliest to latest). */
        KAFKA,
        /** The {@code requests_archive} table, bounded. */
        ARCHIVE
    }

    public static final ConfigOption<RequestSource> FROM =
            key("reelflow.replay.from")
                    .enumType(RequestSource.class)
                    .defaultValue(RequestSource.KAFKA)
                    .withDescription(
                            "Where requests come from: KAFKA (the requests topic) or ARCHIVE (the"
                                    + " requests_archive table, for a replay beyond Kafka's"
                                    + " retention; bounded).");

    public static final ConfigOption<String> SINCE =
            key("reelflow.replay.since")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "ISO-8601 instant: only requests written at or after it (Kafka record"
                                    + " timestamp; the receive time in the archive); Kafka reading"
                                    + " starts at its offsets.");

    public static final ConfigOption<String> UNTIL =
            key("reelflow.replay.until")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "ISO-8601 instant: only requests written before it; a bounded Kafka"
                                    + " source stops at its offsets.");

    public static final ConfigOption<List<String>> REQUEST_IDS =
            key("reelflow.replay.request-ids")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription("Only these request ids (separated by ';').");

    public static final ConfigOption<String> RESULTS_TOPIC =
            key("reelflow.replay.topics.results")
                    .stringType()
                    .defaultValue("reelflow.replay.results")
                    .withDescription(
                            "Where `reelflow replay` writes results (keyed runId/requestId), so"
                                    + " consumers of the live topic never see them.");

    public static final ConfigOption<String> STATUS_TOPIC =
            key("reelflow.replay.topics.status")
                    .stringType()
                    .defaultValue("reelflow.replay.status")
                    .withDescription("Where `reelflow replay` writes progress events.");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            key("reelflow.replay.topics.dead-letter")
                    .stringType()
                    .defaultValue("reelflow.replay.dead-letter")
                    .withDescription("Where `reelflow replay` writes its dead letters.");

    public static final ConfigOption<Boolean> KEY_WITH_RUN_ID =
            key("reelflow.topics.key-with-run-id")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Key output records runId/requestId instead of requestId (replays do).");

    public static final ConfigOption<String> LIVE_RUN_ID =
            key("reelflow.replay.live-run-id")
                    .stringType()
                    .defaultValue(PipelineOptions.RUN_ID.defaultValue())
                    .withDescription(
                            "The live job's run id: a replay never runs under it, and --only looks"
                                    + " up its results unless --of-run names another run.");

    public static final ConfigOption<Boolean> ARCHIVE_REQUESTS =
            key("reelflow.archive.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Write each accepted request, with its record value as received, to"
                                    + " requests_archive (replays never do).");

    private ReplayOptions() {}

    /** The requests a run selects from its source: all of them unless a replay narrows them. */
    public static RequestSelection selection(ReadableConfig config) {
        return RequestSelection.of(
                instant(config, SINCE),
                instant(config, UNTIL),
                config.getOptional(REQUEST_IDS).orElse(null));
    }

    private static Instant instant(ReadableConfig config, ConfigOption<String> option) {
        String value = config.getOptional(option).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    option.key()
                            + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, got '"
                            + value
                            + "'");
        }
    }
}

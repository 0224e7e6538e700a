package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** The control topic ({@code reelflow cancel}) and how long a CANCEL is kept. */
public final class ControlOptions {
    public static final ConfigOption<String> TOPIC =
            key("reelflow.topics.control")
                    .stringType()
                    .defaultValue("reelflow.control")
                    .withDescription(
                            "Topic of operators' commands (CANCEL), keyed by request id and"
                                    + " broadcast to the job's cancel gates. The job starts"
                                    + " without it and finds it by partition discovery once it"
                                    + " exists.");

    public static final ConfigOption<String> STARTING_OFFSETS =
            key("reelflow.control.starting-offsets")
                    .stringType()
                    .defaultValue("latest")
                    .withDescription(
                            "Where a fresh start reads the control topic from: latest (commands"
                                    + " issued from now on), committed (else earliest) or"
                                    + " earliest. A restore reads on from its checkpoint.");

    public static final ConfigOption<Duration> CANCEL_TTL =
            key("reelflow.control.cancel-ttl")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "How long a CANCEL is kept after the job received it: a request"
                                    + " that arrives within it is cancelled on arrival, and a"
                                    + " cancel after the request finished is answered within it.");

    private ControlOptions() {}
}

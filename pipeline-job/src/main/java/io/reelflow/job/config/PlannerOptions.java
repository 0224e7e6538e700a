package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** The optional model scene planner: an OpenAI-compatible chat-completions sidecar. */
public final class PlannerOptions {
    public static final ConfigOption<String> URL =
            key("reelflow.planner.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Base URL of an OpenAI-compatible server for scene planning; unset = rule-based only.");

    public static final ConfigOption<String> MODEL =
            key("reelflow.planner.model")
                    .stringType()
                    .defaultValue("scene-planner")
                    .withDescription("Model name sent to the planner.");

    public static final ConfigOption<Duration> TIMEOUT =
            key("reelflow.planner.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("A later answer is ignored and the rule-based plan used.");

    public static final ConfigOption<String> API_KEY =
            key("reelflow.planner.api-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Bearer token for the planner, if it needs one.");

    public static final ConfigOption<Integer> THREADS =
            key("reelflow.planner.threads")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "Requests planned at once per subtask (language detection included).");

    private PlannerOptions() {}
}

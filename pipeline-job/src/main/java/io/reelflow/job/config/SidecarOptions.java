package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** The inference sidecar that generates clips, and how patiently the job asks it. */
public final class SidecarOptions {
    public static final ConfigOption<String> URL =
            key("reelflow.sidecar.url")
                    .stringType()
                    .defaultValue("http://localhost:8090")
                    .withDescription("Base URL of the generation sidecar.");

    public static final ConfigOption<String> MODEL =
            key("reelflow.sidecar.model")
                    .stringType()
                    .defaultValue("reference")
                    .withDescription(
                            "Model name sent to the sidecar; part of a clip's content address.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            key("reelflow.sidecar.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription("Timeout of one HTTP call.");

    public static final ConfigOption<Duration> TIMEOUT =
            key("reelflow.sidecar.timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(3))
                    .withDescription(
                            "Timeout of one scene's generation, retries included; then a title card.");

    public static final ConfigOption<Integer> MAX_ATTEMPTS =
            key("reelflow.sidecar.max-attempts")
                    .intType()
                    .defaultValue(4)
                    .withDescription("Calls per scene before falling back to a title card.");

    public static final ConfigOption<Duration> INITIAL_BACKOFF =
            key("reelflow.sidecar.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMillis(500))
                    .withDescription("Wait before the first retry; doubles up to max-backoff.");

    public static final ConfigOption<Duration> MAX_BACKOFF =
            key("reelflow.sidecar.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(8))
                    .withDescription("Longest wait between retries.");

    public static final ConfigOption<Integer> THREADS =
            key("reelflow.sidecar.threads")
                    .intType()
                    .defaultValue(4)
                    .withDescription("Concurrent sidecar calls per subtask.");

    public static final ConfigOption<Integer> CAPACITY =
            key("reelflow.sidecar.capacity")
                    .intType()
                    .defaultValue(8)
                    .withDescription("Scenes in flight per subtask (async I/O capacity).");

    private SidecarOptions() {}
}

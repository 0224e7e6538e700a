package io.reelflow.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.job.config.KafkaOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.YamlParserUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** Tests for {@link TransactionTimeoutCheck}. */
class TransactionTimeoutCheckTest {
    /** The repository root, from the module directory surefire runs in. */
    private static final Path ROOT = Path.of("..");

    @Test
    void shouldRefuseTheTransactionTimeoutThatEqualledTheCheckpointTimeout() {
        // The settings before issue 11: 10 s interval, 10 min timeout, 5 s min-pause, 3 tolerated
        // failures, and a 10 min transaction timeout.
        TransactionTimeoutCheck former =
                new TransactionTimeoutCheck(
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(10),
                        Duration.ofSeconds(5),
                        3,
                        Duration.ofMinutes(3),
                        Duration.ofMinutes(10));

        assertThat(former.worstCommitDelay()).isEqualTo(Duration.ofMinutes(44));
        assertThatThrownBy(former::verify)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "reelflow.kafka.transaction-timeout (10 min) must exceed the longest a"
                                + " result transaction can wait for its commit, 44 min = ("
                                + "execution.checkpointing.tolerable-failed-checkpoints 3 + 1)")
                .hasMessageContaining("execution.checkpointing.timeout 10 min")
                .hasMessageContaining("execution.checkpointing.min-pause 5 s")
                .hasMessageContaining("reelflow.kafka.restart-allowance 3 min")
                .hasMessageContaining("transaction.max.timeout.ms");
    }

    @Test
    void shouldAcceptTheClusterConfiguration() {
        Configuration cluster =
                GlobalConfiguration.loadConfiguration(ROOT.resolve("flink-conf").toString());

        TransactionTimeoutCheck check = checkOf(cluster);

        assertThat(check.checkpointTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(check.tolerableFailures()).isEqualTo(3);
        // 4 × (5 s + 2 min + 2 s) + 3 min.
        assertThat(check.worstCommitDelay()).isEqualTo(Duration.ofSeconds(688));
        assertThat(check.transactionTimeout())
                .isGreaterThan(check.worstCommitDelay())
                .isLessThanOrEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldAcceptTheKubernetesConfiguration() throws Exception {
        Map<String, Object> deployment =
                YamlParserUtils.loadYamlFile(
                        ROOT.resolve("k8s-operator/base/flinkdeployment.yaml").toFile());
        @SuppressWarnings("unchecked")
        Map<String, Object> flinkConfiguration =
                (Map<String, Object>)
                        ((Map<String, Object>) deployment.get("spec")).get("flinkConfiguration");
        Map<String, String> values = new HashMap<>();
        flinkConfiguration.forEach((key, value) -> values.put(key, String.valueOf(value)));

        TransactionTimeoutCheck check = checkOf(Configuration.fromMap(values));

        // 4 × (5 s + 2 min + 2 s) + 3 min.
        assertThat(check.worstCommitDelay()).isEqualTo(Duration.ofSeconds(688));
    }

    @Test
    void shouldAcceptFlinkDefaultsAndRefuseATransactionTimeoutBelowThem() {
        assertThatNoException().isThrownBy(() -> checkOf(new Configuration()));

        Configuration shortTimeout = new Configuration();
        shortTimeout.set(KafkaOptions.TRANSACTION_TIMEOUT, Duration.ofMinutes(13));
        // Flink's defaults: 10 min timeout, no tolerated failure, no min-pause.
        assertThatThrownBy(() -> checkOf(shortTimeout))
                .hasMessageContaining("13 min 5 s = (")
                .hasMessageContaining("execution.checkpointing.tolerable-failed-checkpoints 0");
    }

    @Test
    void shouldWriteDurationsAsPeopleDo() {
        assertThat(TransactionTimeoutCheck.format(Duration.ofSeconds(2_620)))
                .isEqualTo("43 min 40 s");
        assertThat(TransactionTimeoutCheck.format(Duration.ofMillis(500))).isEqualTo("500 ms");
        assertThat(TransactionTimeoutCheck.format(Duration.ofHours(1))).isEqualTo("1 h");
        assertThat(TransactionTimeoutCheck.format(Duration.ZERO)).isEqualTo("0 s");
    }

    /** Resolves {@code config} as the job does at start, running the check. */
    static TransactionTimeoutCheck checkOf(Configuration config) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        ReelflowJob.enableCheckpointing(env, config);
        return TransactionTimeoutCheck.of(env.getCheckpointConfig(), config);
    }
}

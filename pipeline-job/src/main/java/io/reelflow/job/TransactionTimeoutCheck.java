package io.reelflow.job;

import io.reelflow.job.config.KafkaOptions;
import io.reelflow.job.config.PipelineOptions;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.CheckpointConfig;

/**
 * Checks that the result sink's Kafka transactions outlive their commit. A transaction opened after
 * one checkpoint is committed when a later checkpoint completes; up to {@code tolerable}
 * checkpoints in a row may fail (each after at most interval + timeout + min-pause), and if the job
 * then fails before the commit, the restart commits it from the checkpoint. A broker that aborts
 * the transaction first (its timeout passed) loses those results without a word, so the timeout
 * must exceed {@code (tolerable + 1) × (interval + timeout + min-pause) + restart allowance}.
 *
 * <pre>{@code
 * TransactionTimeoutCheck.of(env.getCheckpointConfig(), config).verify();
 * }</pre>
 */
public record TransactionTimeoutCheck(
        Duration checkpointInterval,
        Duration checkpointTimeout,
        Duration minPause,
        int tolerableFailures,
        Duration restartAllowance,
        Duration transactionTimeout) {

    /** The job's checkpoint settings (as the environment resolved them) and its Kafka options. */
    public static TransactionTimeoutCheck of(CheckpointConfig checkpoints, ReadableConfig config) {
        return new TransactionTimeoutCheck(
                Duration.ofMillis(checkpoints.getCheckpointInterval()),
                Duration.ofMillis(checkpoints.getCheckpointTimeout()),
                Duration.ofMillis(checkpoints.getMinPauseBetweenCheckpoints()),
                Math.max(0, checkpoints.getTolerableCheckpointFailureNumber()),
                config.get(KafkaOptions.RESTART_ALLOWANCE),
                config.get(KafkaOptions.TRANSACTION_TIMEOUT));
    }

    /** The longest a result transaction can stay open and still be committed. */
    public Duration worstCommitDelay() {
        return checkpointInterval
                .plus(checkpointTimeout)
                .plus(minPause)
                .multipliedBy(tolerableFailures + 1L)
                .plus(restartAllowance);
    }

    /** Fails, naming the settings to change, when the broker could abort a transaction first. */
    public void verify() {
        Duration worst = worstCommitDelay();
        if (transactionTimeout.compareTo(worst) > 0) {
            return;
        }
        throw new IllegalArgumentException(
                KafkaOptions.TRANSACTION_TIMEOUT.key()
                        + " ("
                        + format(transactionTimeout)
                        + ") must exceed the longest a result transaction can wait for its"
                        + " commit, "
                        + format(worst)
                        + " = ("
                        + CheckpointingOptions.TOLERABLE_FAILURE_NUMBER.key()
                        + " "
                        + tolerableFailures
                        + " + 1) × ("
                        + CheckpointingOptions.CHECKPOINTING_INTERVAL.key()
                        + " or "
                        + PipelineOptions.CHECKPOINT_INTERVAL.key()
                        + " "
                        + format(checkpointInterval)
                        + " + "
                        + CheckpointingOptions.CHECKPOINTING_TIMEOUT.key()
                        + " "
                        + format(checkpointTimeout)
                        + " + "
                        + CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS.key()
                        + " "
                        + format(minPause)
                        + ") + "
                        + KafkaOptions.RESTART_ALLOWANCE.key()
                        + " "
                        + format(restartAllowance)
                        + "; otherwise Kafka can abort a transaction before Flink commits it and"
                        + " its results are lost. Lower the checkpoint timeout or the tolerable"
                        + " failures, or raise "
                        + KafkaOptions.TRANSACTION_TIMEOUT.key()
                        + " together with the brokers' transaction.max.timeout.ms (15 min by"
                        + " default).");
    }

    /** A duration as people write it: {@code 43 min 40 s}, {@code 500 ms}. */
    static String format(Duration duration) {
        StringBuilder text = new StringBuilder();
        append(text, duration.toHours(), "h");
        append(text, duration.toMinutesPart(), "min");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.length() == 0 ? "0 s" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(text.length() == 0 ? "" : " ").append(amount).append(' ').append(unit);
        }
    }
}

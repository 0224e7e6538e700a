package io.reelflow.cli;

import io.reelflow.job.config.ControlOptions;
import io.reelflow.job.config.KafkaOptions;
import io.reelflow.operators.request.RequestRules;
import io.reelflow.schemas.ControlAction;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.codec.ControlCommandCodec;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code reelflow cancel ID}: publishes a CANCEL {@link ControlCommand} to the control topic, keyed
 * by the request id, for the running job to act on. It does not wait for the job: {@code reelflow
 * status ID} shows the outcome.
 */
public final class CancelCommand {
    static final String USAGE =
            String.join(
                    "\n",
                    "  cancel   cancel a request: its generation jobs are cancelled, no video is uploaded,",
                    "           it ends CANCELLED: <request id> [--run-id <run>] [--reason <text>] [--by <name>]",
                    "           [--bootstrap-servers localhost:9092] [--topic reelflow.control] [--avro]",
                    "           (or the job's --reelflow.kafka.bootstrap-servers, --reelflow.topics.control)");

    private CancelCommand() {}

    static int run(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        if (line.arguments().size() != 1) {
            err.println("cancel needs exactly one request id");
            return 2;
        }
        ControlCommand command;
        try {
            command =
                    cancel(
                            line.arguments().get(0),
                            line.options().get("run-id"),
                            line.options().get("reason"),
                            line.option("by", System.getProperty("user.name")),
                            Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        Configuration config =
                line.configuration(
                        Map.of(
                                "bootstrap-servers", KafkaOptions.BOOTSTRAP_SERVERS,
                                "topic", ControlOptions.TOPIC));
        String topic = config.get(ControlOptions.TOPIC);
        RecordMetadata sent =
                publish(
                        config.get(KafkaOptions.BOOTSTRAP_SERVERS),
                        topic,
                        command,
                        line.flag("avro"));
        out.printf(
                "cancel of %s%s sent to %s (partition %d, offset %d); follow it with: reelflow"
                        + " status %s%n",
                command.getRequestId(),
                command.getRunId() == null ? "" : " in run " + command.getRunId(),
                topic,
                sent.partition(),
                sent.offset(),
                command.getRequestId());
        return 0;
    }

    /**
     * The CANCEL of {@code requestId} ({@code runId} null: in every run), issued now.
     *
     * @throws IllegalArgumentException when an id is not one the job accepts
     */
    public static ControlCommand cancel(
            String requestId, String runId, String reason, String issuedBy, Clock clock) {
        requireId("request id", requestId);
        if (runId != null) {
            requireId("run id", runId);
        }
        return ControlCommand.newBuilder()
                .setRequestId(requestId)
                .setRunId(runId)
                .setAction(ControlAction.CANCEL)
                .setReason(reason)
                .setIssuedAtMillis(clock.millis())
                .setIssuedBy(issuedBy)
                .build();
    }

    /** Sends the command keyed by its request id and waits until the broker has it. */
    public static RecordMetadata publish(
            String bootstrapServers, String topic, ControlCommand command, boolean avro)
            throws InterruptedException, ExecutionException {
        byte[] value =
                avro
                        ? ControlCommandCodec.toSingleObject(command)
                        : ControlCommandCodec.toJson(command);
        try (KafkaProducer<String, byte[]> producer = PublishCommand.producer(bootstrapServers)) {
            return producer.send(new ProducerRecord<>(topic, command.getRequestId(), value)).get();
        }
    }

    private static void requireId(String what, String value) {
        if (value == null || !RequestRules.REQUEST_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    what + " '" + value + "' must be 1-128 characters of [A-Za-z0-9._-]");
        }
    }
}

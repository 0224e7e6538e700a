package io.reelflow.connectors.jdbc;

import io.reelflow.connectors.jdbc.internal.TableRules;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Stands in front of the sinks of one table: emits each record cleaned as {@link TableRules} says,
 * and sends a record the table would refuse as data to {@link #DEAD_LETTERS} with the reason. The
 * JDBC sink retries a failed batch and then fails the job, and it cannot tell which record of the
 * batch was bad, so such records must never reach it.
 *
 * <pre>{@code
 * SingleOutputStreamOperator<VideoResult> rows =
 *         results.process(SinkGuard.videoResults()).uid("guard-video-results").name("Guard");
 * rows.sinkTo(ReelflowJdbc.resultsSink(settings));
 * DataStream<DeadLetter> refused = rows.getSideOutput(SinkGuard.DEAD_LETTERS);
 * }</pre>
 */
public final class SinkGuard<T extends SpecificRecord> extends ProcessFunction<T, T>
        implements ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    /** Records a table would refuse, with the reason. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("sink-dead-letters", TypeInformation.of(DeadLetter.class));

    private final String table;
    private final Class<T> type;
    private final SerializableFunction<T, TableRules.Verdict<T>> rules;
    private final SerializableFunction<T, String> requestIdOf;

    private SinkGuard(
            String table,
            Class<T> type,
            SerializableFunction<T, TableRules.Verdict<T>> rules,
            SerializableFunction<T, String> requestIdOf) {
        this.table = table;
        this.type = type;
        this.rules = rules;
        this.requestIdOf = requestIdOf;
    }

    /** The guard of {@code video_results} (and of the results topic, so both agree). */
    public static SinkGuard<VideoResult> videoResults() {
        return new SinkGuard<>(
                TableRules.VIDEO_RESULTS,
                VideoResult.class,
                TableRules::videoResult,
                VideoResult::getRequestId);
    }

    /** The guard of {@code video_status} (and of the status topic, so both agree). */
    public static SinkGuard<StatusEvent> videoStatus() {
        return new SinkGuard<>(
                TableRules.VIDEO_STATUS,
                StatusEvent.class,
                TableRules::videoStatus,
                StatusEvent::getRequestId);
    }

    @Override
    public void processElement(T record, Context ctx, Collector<T> out) {
        TableRules.Verdict<T> verdict = rules.apply(record);
        if (verdict.accepted()) {
            out.collect(verdict.record());
        } else {
            ctx.output(
                    DEAD_LETTERS,
                    TableRules.deadLetter(
                            table,
                            requestIdOf.apply(record),
                            record,
                            verdict.reason(),
                            Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }
}

package io.reelflow.connectors.jdbc.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.core.datastream.sink.committer.JdbcCommitable;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriterState;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JdbcSink} whose writers do not throw from {@code close()}. The connector's writer
 * flushes its pending batch on close and throws when that fails; Flink closes the operators of a
 * failed task in its failure handler, where an exception is fatal to the whole task manager. So
 * with the database down, the first failed write took the task manager (and every task on it) down
 * instead of letting the job restart. At-least-once rows that a close could not write are not lost:
 * they come after the last completed checkpoint and are written again after the restart.
 */
public final class CloseQuietlyJdbcSink<IN>
        implements Sink<IN>,
                SupportsWriterState<IN, JdbcWriterState>,
                SupportsCommitter<JdbcCommitable> {
    private static final long serialVersionUID = 1L;

    private final JdbcSink<IN> sink;

    public CloseQuietlyJdbcSink(JdbcSink<IN> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public CloseQuietlyWriter<IN, JdbcWriterState, JdbcCommitable> createWriter(
            WriterInitContext context) throws IOException {
        return new CloseQuietlyWriter<>(sink.createWriter(context));
    }

    @Override
    public CloseQuietlyWriter<IN, JdbcWriterState, JdbcCommitable> restoreWriter(
            WriterInitContext context, Collection<JdbcWriterState> recoveredState)
            throws IOException {
        return new CloseQuietlyWriter<>(sink.restoreWriter(context, recoveredState));
    }

    @Override
    public SimpleVersionedSerializer<JdbcWriterState> getWriterStateSerializer() {
        return sink.getWriterStateSerializer();
    }

    @Override
    public Committer<JdbcCommitable> createCommitter(CommitterInitContext context)
            throws IOException {
        return sink.createCommitter(context);
    }

    @Override
    public SimpleVersionedSerializer<JdbcCommitable> getCommittableSerializer() {
        return sink.getCommittableSerializer();
    }

    /** Delegates everything, and logs instead of throwing what {@code close()} throws. */
    public static final class CloseQuietlyWriter<IN, S, C>
            implements StatefulSinkWriter<IN, S>, CommittingSinkWriter<IN, C> {
        private static final Logger LOG = LoggerFactory.getLogger(CloseQuietlyWriter.class);

        private final StatefulSinkWriter<IN, S> stateful;
        private final CommittingSinkWriter<IN, C> committing;

        public <W extends StatefulSinkWriter<IN, S> & CommittingSinkWriter<IN, C>>
                CloseQuietlyWriter(W writer) {
            this.stateful = Objects.requireNonNull(writer, "writer");
            this.committing = writer;
        }

        @Override
        public void write(IN element, Context context) throws IOException, InterruptedException {
            stateful.write(element, context);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            stateful.flush(endOfInput);
        }

        @Override
        public void writeWatermark(Watermark watermark) throws IOException, InterruptedException {
            stateful.writeWatermark(watermark);
        }

        @Override
        public List<S> snapshotState(long checkpointId) throws IOException {
            return stateful.snapshotState(checkpointId);
        }

        @Override
        public Collection<C> prepareCommit() throws IOException, InterruptedException {
            return committing.prepareCommit();
        }

        @Override
        public void close() {
            try {
                stateful.close();
            } catch (Exception e) {
                LOG.warn(
                        "Closing the JDBC writer failed; its unwritten rows come after the last"
                                + " checkpoint and are written again after the restart",
                        e);
            }
        }
    }
}

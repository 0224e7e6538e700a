package io.reelflow.connectors.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.connectors.jdbc.internal.CloseQuietlyJdbcSink.CloseQuietlyWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.junit.jupiter.api.Test;

/** Tests for {@link CloseQuietlyJdbcSink}. */
class CloseQuietlyJdbcSinkTest {

    @Test
    void shouldNotThrowWhenTheWriterCannotFlushOnClose() {
        FailingWriter failing = new FailingWriter();
        CloseQuietlyWriter<String, String, String> writer = new CloseQuietlyWriter<>(failing);

        writer.close();

        assertThat(failing.closed).isTrue();
    }

    @Test
    void shouldPassWritesFlushesAndStateThrough() throws Exception {
        FailingWriter delegate = new FailingWriter();
        CloseQuietlyWriter<String, String, String> writer = new CloseQuietlyWriter<>(delegate);

        writer.write("row", null);
        writer.flush(false);

        assertThat(delegate.written).containsExactly("row");
        assertThat(writer.snapshotState(7)).containsExactly("state-7");
        assertThat(writer.prepareCommit()).containsExactly("committable");
        // A flush that fails while running still fails the task, so the job restarts.
        delegate.failFlush = true;
        assertThatThrownBy(() -> writer.flush(false)).hasMessageContaining("database down");
    }

    private static final class FailingWriter
            implements StatefulSinkWriter<String, String>, CommittingSinkWriter<String, String> {
        final List<String> written = new ArrayList<>();
        boolean failFlush;
        boolean closed;

        @Override
        public void write(String element, Context context) {
            written.add(element);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (failFlush) {
                throw new IOException("database down");
            }
        }

        @Override
        public List<String> snapshotState(long checkpointId) {
            return List.of("state-" + checkpointId);
        }

        @Override
        public Collection<String> prepareCommit() {
            return List.of("committable");
        }

        @Override
        public void close() {
            closed = true;
            throw new RuntimeException("Writing records to JDBC failed.");
        }
    }
}

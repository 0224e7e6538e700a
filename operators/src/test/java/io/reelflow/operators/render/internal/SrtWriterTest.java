package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link SrtWriter}. */
class SrtWriterTest {

    @Test
    void shouldFormatHoursMinutesSecondsAndMilliseconds() {
        assertThat(SrtWriter.timestamp(0)).isEqualTo("00:00:00,000");
        assertThat(SrtWriter.timestamp(1.24)).isEqualTo("00:00:01,240");
        assertThat(SrtWriter.timestamp(59.9996)).isEqualTo("00:01:00,000");
        assertThat(SrtWriter.timestamp(3661.5)).isEqualTo("01:01:01,500");
        assertThat(SrtWriter.timestamp(36_000.001)).isEqualTo("10:00:00,001");
    }

    @Test
    void shouldNumberCuesAndSkipEmptyOnes() throws IOException {
        StringWriter out = new StringWriter();

        SrtWriter.write(
                List.of(
                        new SrtWriter.Cue(0, 1.5, List.of("Hello", "world")),
                        new SrtWriter.Cue(1.5, 2, List.of()),
                        new SrtWriter.Cue(2, 2, List.of("zero length")),
                        new SrtWriter.Cue(2, 4.04, List.of("It's 10:30 --> %{pts}"))),
                out);

        assertThat(out.toString())
                .isEqualTo(
                        "1\n00:00:00,000 --> 00:00:01,500\nHello\nworld\n\n"
                                + "2\n00:00:02,000 --> 00:00:04,040\nIt's 10:30 --> %{pts}\n\n");
    }

    @Test
    void shouldRejectNegativeTimes() {
        assertThatThrownBy(() -> SrtWriter.timestamp(-0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}

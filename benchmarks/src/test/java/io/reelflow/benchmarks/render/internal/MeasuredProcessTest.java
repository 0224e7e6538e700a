package io.reelflow.benchmarks.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link MeasuredProcess}. */
class MeasuredProcessTest {

    @TempDir Path temp;

    @Test
    void shouldCaptureOutputAndReportUsageOfASuccessfulRun() throws Exception {
        MeasuredProcess measured = MeasuredProcess.detect();

        MeasuredProcess.Result result =
                measured.run(List.of("sh", "-c", "echo done; echo note >&2"), temp, "echo");

        assertThat(result.stdout()).isEqualTo("done\n");
        assertThat(result.stderr()).contains("note");
        assertThat(result.usage().exitCode()).isZero();
        assertThat(result.usage().source()).isEqualTo(measured.source());
        assertThat(result.usage().wallMillis()).isNotNegative();
        assertThat(temp.resolve("echo.out")).exists();
    }

    @Test
    void shouldFailWithTheCommandsLastErrorLinesWhenItExitsNonZero() {
        MeasuredProcess polling = new MeasuredProcess(Optional.empty());

        assertThatThrownBy(
                        () ->
                                polling.run(
                                        List.of("sh", "-c", "echo broken input >&2; exit 3"),
                                        temp,
                                        "fail"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("fail exited with 3")
                .hasMessageContaining("broken input");
    }
}

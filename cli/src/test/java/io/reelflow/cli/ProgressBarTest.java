package io.reelflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.connectors.catalog.ImportedFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests for {@link ProgressBar}. */
class ProgressBarTest {
    private static final ImportedFile FILE =
            new ImportedFile("a.jpg", ImportedFile.Outcome.IMPORTED, "a", null);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void shouldDrawArrowAtTheShareDone() {
        assertThat(ProgressBar.render(31, 52, 10)).isEqualTo("[=====>    ] 31/52 files");
        assertThat(ProgressBar.render(0, 52, 10)).isEqualTo("[>         ] 0/52 files");
    }

    @Test
    void shouldFillTheBarWhenDone() {
        assertThat(ProgressBar.render(52, 52, 10)).isEqualTo("[==========] 52/52 files");
        assertThat(ProgressBar.render(0, 0, 4)).isEqualTo("[====] 0/0 files");
    }

    @Test
    void shouldRedrawOneLineOnConsole() {
        ProgressBar bar = new ProgressBar(err, true);

        bar.onStart(3);
        for (int done = 1; done <= 3; done++) {
            bar.onFileDone(FILE, done, 3);
        }

        String text = output();
        assertThat(text)
                .startsWith("\r[>")
                .contains("\r[====================>")
                .endsWith("] 3/3 files" + System.lineSeparator());
        assertThat(text.chars().filter(c -> c == '\n').count()).as("line ends").isEqualTo(1);
    }

    @Test
    void shouldPrintPlainLineAtEveryTenthWhenNotOnConsole() {
        ProgressBar bar = new ProgressBar(err, false);

        bar.onStart(52);
        for (int done = 1; done <= 52; done++) {
            bar.onFileDone(FILE, done, 52);
        }

        assertThat(output()).doesNotContain("\r");
        assertThat(output().lines())
                .hasSize(12)
                .startsWith("importing 52 files", "1/52 files", "6/52 files")
                .endsWith("52/52 files");
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

package io.reelflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tests for {@link AssetsCommand}. */
class AssetsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return ReelflowCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldShowUsageWhenSubcommandOrArgumentIsMissing() throws Exception {
        assertThat(run("assets", "import")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("assets needs a subcommand and one argument")
                .contains("import <folder|s3://bucket/prefix>");
    }

    @Test
    void shouldRefuseUnknownSubcommand() throws Exception {
        assertThat(run("assets", "delete", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown assets subcommand: delete");
    }

    @Test
    void shouldListTheAssetsCommandInTheUsage() throws Exception {
        run("dance");

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("assets   the asset catalog in PostgreSQL")
                .contains("import-jsonl <file.jsonl>");
        assertThat(ReelflowCli.endsProcess(new String[] {"assets", "export", "a.jsonl"})).isTrue();
    }

    @Test
    void shouldSplitDescriptionFilesAtCommas() {
        assertThat(AssetsCommand.descriptionFiles("a.tsv, dir/b.tsv,,"))
                .containsExactly(Path.of("a.tsv"), Path.of("dir/b.tsv"));
        assertThat(AssetsCommand.descriptionFiles("")).isEmpty();
    }
}

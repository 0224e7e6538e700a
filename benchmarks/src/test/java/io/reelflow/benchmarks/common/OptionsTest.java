package io.reelflow.benchmarks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link Options}. */
class OptionsTest {

    private static final Set<String> KNOWN = Set.of("pairs", "variants", "photos");
    private static final Set<String> FLAGS = Set.of("memory");

    @Test
    void shouldReadValuesListsAndBareFlags() {
        Options options =
                Options.parse(
                        new String[] {"--pairs", "5", "--memory", "--variants", "720p, 9x16,"},
                        KNOWN,
                        FLAGS);

        assertThat(options.getInt("pairs", 3)).isEqualTo(5);
        assertThat(options.flag("memory")).isTrue();
        assertThat(options.list("variants", "")).containsExactly("720p", "9x16");
        assertThat(options.get("photos", "none")).isEqualTo("none");
    }

    @Test
    void shouldPutTheWorkFolderNextToTheResultUnlessGiven() {
        Path out = Path.of("results", "render.json");
        Options none = Options.parse(new String[0], Set.of("work"), Set.of());
        Options given =
                Options.parse(new String[] {"--work", "elsewhere"}, Set.of("work"), Set.of());

        assertThat(none.work(out, "render-work"))
                .isEqualTo(Path.of("results", "render-work").toAbsolutePath());
        assertThat(given.work(out, "render-work")).isEqualTo(Path.of("elsewhere").toAbsolutePath());
    }

    @Test
    void shouldNameAMissingMandatoryOption() {
        Options options = Options.parse(new String[0], KNOWN, FLAGS);

        assertThat(options.flag("memory")).isFalse();
        assertThatThrownBy(() -> options.require("photos"))
                .hasMessageContaining("missing --photos");
    }

    @Test
    void shouldRejectUnknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--colour", "red"}, KNOWN, FLAGS))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> Options.parse(new String[] {"--pairs"}, KNOWN, FLAGS))
                .hasMessageContaining("--pairs needs a value");
        assertThatThrownBy(
                        () ->
                                Options.parse(new String[] {"--pairs", "x"}, KNOWN, FLAGS)
                                        .getInt("pairs", 1))
                .hasMessageContaining("must be an integer");
    }

    @Test
    void shouldReadKeyValuePairsInOrder() {
        Options options =
                Options.parse(new String[] {"--pairs", "b.key=2 s; a.key = x=y ;"}, KNOWN, FLAGS);

        assertThat(options.pairs("pairs"))
                .containsExactly(Map.entry("b.key", "2 s"), Map.entry("a.key", "x=y"));
        assertThat(options.pairs("photos")).isEmpty();
        assertThatThrownBy(
                        () ->
                                Options.parse(new String[] {"--pairs", "=1"}, KNOWN, FLAGS)
                                        .pairs("pairs"))
                .hasMessageContaining("key=value");
    }
}

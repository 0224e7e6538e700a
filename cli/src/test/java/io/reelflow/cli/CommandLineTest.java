package io.reelflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link CommandLine}. */
class CommandLineTest {
    @Test
    void shouldSplitCommandOptionsFlagsAndArguments() {
        CommandLine line =
                CommandLine.parse(
                        new String[] {
                            "publish",
                            "--topic",
                            "t1",
                            "--avro",
                            "a.json",
                            "--reelflow.run-id=r2",
                            "b.json"
                        },
                        Set.of("avro"));

        assertThat(line.command()).isEqualTo("publish");
        assertThat(line.options())
                .containsEntry("topic", "t1")
                .containsEntry("reelflow.run-id", "r2");
        assertThat(line.flag("avro")).isTrue();
        assertThat(line.flag("exit-when-done")).isFalse();
        assertThat(line.arguments()).containsExactly("a.json", "b.json");
    }

    @Test
    void shouldNameAnOptionWithoutValue() {
        assertThatThrownBy(
                        () ->
                                CommandLine.parse(
                                        new String[] {"run", "--reelflow.run-id"}, Set.of()))
                .hasMessageContaining("option --reelflow.run-id needs a value");
    }

    @Test
    void shouldRejectNonNumericPort() {
        CommandLine line =
                CommandLine.parse(new String[] {"local", "--kafka-port", "ninety"}, Set.of());

        assertThatThrownBy(() -> line.intOption("kafka-port", 9092))
                .hasMessageContaining("--kafka-port must be a number");
    }
}

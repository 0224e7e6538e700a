package io.reelflow.sidecar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests for {@link Directives}. */
class DirectivesTest {

    @Test
    void shouldLeaveOrdinaryPromptsAlone() {
        Directives directives = Directives.parse("a lighthouse [at] dawn");

        assertThat(directives.prompt()).isEqualTo("a lighthouse [at] dawn");
        assertThat(directives.extraTime()).isZero();
        assertThat(directives.failure()).isNull();
    }

    @Test
    void shouldReadLatencyAndFailureBeforeThePrompt() {
        Directives directives =
                Directives.parse(
                        "[sidecar:latency=2m] [sidecar:latency=1500ms][sidecar:fail=oom] a fox");

        assertThat(directives.prompt()).isEqualTo("a fox");
        assertThat(directives.extraTime()).isEqualTo(Duration.ofMinutes(2).plusMillis(1500));
        assertThat(directives.failure()).isEqualTo("oom");
    }

    @Test
    void shouldRejectLatencyWithoutUnit() {
        assertThatThrownBy(() -> Directives.parse("[sidecar:latency=90] a fox"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("90s");
    }
}

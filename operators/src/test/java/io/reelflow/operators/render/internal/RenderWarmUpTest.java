package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tests for {@link RenderWarmUp}. */
class RenderWarmUpTest {

    @Test
    void shouldLoadTheFontsAfterTheLoopsAndLibraries() {
        AtomicInteger fontLoads = new AtomicInteger();

        RenderWarmUp.run(fontLoads::incrementAndGet);

        assertThat(fontLoads).hasValue(1);
    }

    @Test
    void shouldLeaveAFailureToTheFirstRender() {
        assertThatCode(
                        () ->
                                RenderWarmUp.run(
                                        () -> {
                                            throw new IllegalStateException("no fonts here");
                                        }))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldStartOncePerJvm() {
        RenderWarmUp.startOnce(() -> {});

        assertThat(RenderWarmUp.startOnce(() -> {})).isFalse();
    }
}

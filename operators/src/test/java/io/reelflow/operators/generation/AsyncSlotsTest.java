package io.reelflow.operators.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.generation.internal.AsyncSlots;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Tests for {@link AsyncSlots}. */
class AsyncSlotsTest {

    @Test
    void shouldQueueWaitersAndHandSlotsOverInOrderSkippingThoseWhoGaveUp() {
        AsyncSlots slots = new AsyncSlots(1);
        CompletableFuture<AsyncSlots.Permit> held = slots.acquire();
        CompletableFuture<AsyncSlots.Permit> gaveUp = slots.acquire();
        CompletableFuture<AsyncSlots.Permit> next = slots.acquire();

        gaveUp.cancel(true);
        assertThat(slots.waiting()).isOne();
        held.join().close();
        held.join().close();

        assertThat(next).isCompleted();
        assertThat(slots.inUse()).isOne();
        next.join().close();
        assertThat(slots.inUse()).isZero();
    }
}

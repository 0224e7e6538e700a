package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link ThreadAllocation}. */
class ThreadAllocationTest {

    private static volatile byte[] kept;

    @Test
    void shouldCountWhatThisThreadAllocatesOnHotSpot() {
        ThreadAllocation allocation = ThreadAllocation.ofCurrentThread();
        assertThat(allocation.counted()).as("the build's JDK is HotSpot").isTrue();

        long before = allocation.bytes();
        kept = new byte[1 << 20];

        assertThat(allocation.bytes() - before).isGreaterThanOrEqualTo(kept.length);
    }
}

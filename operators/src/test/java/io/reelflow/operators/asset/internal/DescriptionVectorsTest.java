package io.reelflow.operators.asset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tests for {@link DescriptionVectors}. */
class DescriptionVectorsTest {

    @Test
    void shouldComputeAVectorOnceAndKeepIt() {
        DescriptionVectors vectors = new DescriptionVectors(10);
        AtomicInteger computed = new AtomicInteger();

        float[] first = vectors.get(3, () -> new float[] {computed.incrementAndGet()});
        float[] second = vectors.get(3, () -> new float[] {computed.incrementAndGet()});

        assertThat(second).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void shouldRememberThatAnAssetHasNoDescription() {
        DescriptionVectors vectors = new DescriptionVectors(10);
        AtomicInteger computed = new AtomicInteger();

        assertThat(vectors.get(1, () -> count(computed))).isNull();
        assertThat(vectors.get(1, () -> count(computed))).isNull();
        assertThat(computed).hasValue(1);
    }

    @Test
    void shouldDropTheLeastRecentlyUsedVectorBeyondItsCapacity() {
        DescriptionVectors vectors = new DescriptionVectors(2);
        AtomicInteger computed = new AtomicInteger();
        vectors.get(1, () -> new float[] {computed.incrementAndGet()});
        vectors.get(2, () -> new float[] {computed.incrementAndGet()});
        vectors.get(1, () -> new float[] {computed.incrementAndGet()}); // 1 is now the newest

        vectors.get(3, () -> new float[] {computed.incrementAndGet()}); // evicts 2

        assertThat(vectors.size()).isEqualTo(2);
        assertThat(computed).hasValue(3);
        vectors.get(1, () -> new float[] {computed.incrementAndGet()});
        assertThat(computed).hasValue(3);
        vectors.get(2, () -> new float[] {computed.incrementAndGet()});
        assertThat(computed).hasValue(4);
    }

    @Test
    void shouldRejectAnEmptyCapacity() {
        assertThatThrownBy(() -> new DescriptionVectors(0))
                .hasMessageContaining("capacity must be at least 1");
    }

    private static float[] count(AtomicInteger computed) {
        computed.incrementAndGet();
        return null;
    }
}

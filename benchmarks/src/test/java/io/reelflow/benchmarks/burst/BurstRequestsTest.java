package io.reelflow.benchmarks.burst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.schemas.VideoRequest;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tests for {@link BurstRequests}. */
class BurstRequestsTest {

    private final BurstRequests shape = new BurstRequests(3, "240p", "16:9", 2, true);

    @Test
    void shouldGiveEveryRequestOfAFullBurstItsOwnFirstSentence() {
        Set<String> first = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> first.add(shape.text(i).split("\\. ")[0]));

        assertThat(BurstRequests.distinctTexts()).isGreaterThanOrEqualTo(10_000);
        assertThat(first).hasSize(10_000);
    }

    @Test
    void shouldCarryTheShapeAndAValidId() {
        VideoRequest request = shape.request(42);

        assertThat(request.getRequestId().toString()).isEqualTo("burst-000042");
        assertThat(request.getResolution().toString()).isEqualTo("240p");
        assertThat(request.getTargetDurationSeconds()).isEqualTo(3.0);
        assertThat(request.getText().toString().split("\\. ")).hasSize(2);
    }

    @Test
    void shouldRejectMoreSentencesThanItHas() {
        assertThatThrownBy(() -> new BurstRequests(3, "240p", "16:9", 99, true))
                .hasMessageContaining("sentences");
    }
}

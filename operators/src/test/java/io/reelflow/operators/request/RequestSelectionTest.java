package io.reelflow.operators.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.RawRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link RequestSelection}. */
class RequestSelectionTest {
    private static final Instant SINCE = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-02T00:00:00Z");

    private static RawRequest at(Instant time, String requestId) {
        RawRequest raw =
                Fixtures.raw("{\"requestId\":\"" + requestId + "\",\"text\":\"A boat.\"}", 0, 1);
        raw.setTimestamp(time.toEpochMilli());
        return raw;
    }

    @Test
    void shouldSelectFromSinceInclusiveToUntilExclusive() {
        RequestSelection selection = RequestSelection.of(SINCE, UNTIL, null);

        assertThat(selection.selects(at(SINCE.minusMillis(1), "a"))).isFalse();
        assertThat(selection.selects(at(SINCE, "a"))).isTrue();
        assertThat(selection.selects(at(UNTIL.minusMillis(1), "a"))).isTrue();
        assertThat(selection.selects(at(UNTIL, "a"))).isFalse();
    }

    @Test
    void shouldSelectOnlyNamedIdsReadFromThePayload() {
        RequestSelection selection = RequestSelection.of(null, null, List.of("a", "c"));

        assertThat(selection.selects(at(SINCE, "a"))).isTrue();
        assertThat(selection.selects(at(SINCE, "b"))).isFalse();
        assertThat(selection.toString()).isEqualTo("2 ids");
    }

    @Test
    void shouldFallBackToTheKeyWhenThePayloadNamesNoValidId() {
        RawRequest unreadable = Fixtures.raw("not json", 0, 7);

        assertThat(RequestSelection.requestIdOf(unreadable)).isEqualTo("key-7");
        assertThat(RequestSelection.of(null, null, Set.of("key-7")).selects(unreadable)).isTrue();
        unreadable.setKey("not a valid id!");
        assertThat(RequestSelection.requestIdOf(unreadable)).isNull();
    }

    @Test
    void shouldSelectNothingWhenTheIdListIsEmpty() {
        RequestSelection selection = RequestSelection.of(null, null, List.of());

        assertThat(selection.isAll()).isFalse();
        assertThat(selection.selects(at(SINCE, "a"))).isFalse();
    }

    @Test
    void shouldSelectEverythingByDefault() {
        assertThat(RequestSelection.all().selects(at(Instant.EPOCH, "a"))).isTrue();
        assertThat(RequestSelection.all().toString()).isEqualTo("every request");
    }

    @Test
    void shouldRefuseAnEmptyTimeRange() {
        assertThatThrownBy(() -> RequestSelection.of(UNTIL, SINCE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be after since");
    }
}

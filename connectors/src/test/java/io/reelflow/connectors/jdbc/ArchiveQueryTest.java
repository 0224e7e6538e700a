package io.reelflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link ArchiveQuery}. */
class ArchiveQueryTest {
    private static final Instant SINCE = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void shouldReadTheWholeArchiveInOneSplitWithoutParameters() {
        ArchiveQuery query = new ArchiveQuery(null, null, null);

        assertThat(query.sql())
                .doesNotContain("WHERE")
                .endsWith("FROM requests_archive ORDER BY received_at, request_id");
        assertThat(query.getParameterValues()).isNull();
    }

    @Test
    void shouldBindTheTimeRangeAndIdsToOneSplit() {
        ArchiveQuery query = new ArchiveQuery(SINCE, SINCE.plusSeconds(60), List.of("a", "b"));

        assertThat(query.sql())
                .contains("WHERE received_at >= ? AND received_at < ? AND request_id = ANY(?)");
        Serializable[][] splits = query.getParameterValues();
        assertThat(splits).hasNumberOfRows(1);
        assertThat(splits[0])
                .containsExactly(
                        OffsetDateTime.ofInstant(SINCE, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(SINCE.plusSeconds(60), ZoneOffset.UTC),
                        new String[] {"a", "b"});
    }

    @Test
    void shouldBindOnlyTheBoundsThatAreSet() {
        assertThat(new ArchiveQuery(null, SINCE, null).sql()).contains("WHERE received_at < ?");
        assertThat(new ArchiveQuery(null, SINCE, null).getParameterValues()[0]).hasSize(1);
    }
}

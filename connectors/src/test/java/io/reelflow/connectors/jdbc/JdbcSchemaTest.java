package io.reelflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link JdbcSchema}. */
class JdbcSchemaTest {

    @Test
    void shouldOnlyContainIdempotentStatements() {
        List<String> statements = JdbcSchema.statements();

        // six tables, three indexes, six columns added later, the bounds of two tables
        assertThat(statements).hasSize(17);
        assertThat(statements)
                .allSatisfy(
                        sql ->
                                assertThat(sql)
                                        .containsAnyOf(
                                                "IF NOT EXISTS", "DROP CONSTRAINT IF EXISTS"));
        assertThat(statements).noneSatisfy(sql -> assertThat(sql).contains("--"));
    }

    @Test
    void shouldDeclareTheDocumentedPrimaryKeys() {
        String script = String.join("\n", JdbcSchema.statements());

        assertThat(script)
                .contains("PRIMARY KEY (request_id, run_id)")
                .contains("PRIMARY KEY (request_id, run_id, phase)")
                .contains("request_id       TEXT        PRIMARY KEY")
                .contains("run_id            TEXT        PRIMARY KEY");
    }

    @Test
    void shouldSplitAtStatementEndsOnly() {
        List<String> statements =
                JdbcSchema.split("-- comment; not a statement\nCREATE A (x INT);\n\nCREATE B;");

        assertThat(statements).containsExactly("CREATE A (x INT)", "CREATE B");
    }
}

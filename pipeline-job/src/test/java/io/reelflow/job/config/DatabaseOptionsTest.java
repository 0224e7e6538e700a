package io.reelflow.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link DatabaseOptions}. */
class DatabaseOptionsTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("PGPASSWORD", "from-env");

    @TempDir Path dir;

    private static String password(Configuration config) {
        return DatabaseOptions.password(config, ENVIRONMENT::get);
    }

    @Test
    void shouldReadThePasswordFromTheNamedVariable() {
        Configuration config = new Configuration();
        config.set(DatabaseOptions.PASSWORD_ENV, "PGPASSWORD");

        assertThat(password(config)).isEqualTo("from-env");
    }

    @Test
    void shouldReadThePasswordFromAFileWithoutItsTrailingNewline() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "from-file\n");
        Configuration config = new Configuration();
        config.set(DatabaseOptions.PASSWORD_FILE, file.toString());

        assertThat(password(config)).isEqualTo("from-file");
    }

    @Test
    void shouldKeepThePlainOptionWhenNoOtherSourceIsSet() {
        Configuration config = new Configuration();
        assertThat(password(config)).isEmpty();

        config.set(DatabaseOptions.PASSWORD, "plain");
        assertThat(password(config)).isEqualTo("plain");
    }

    @Test
    void shouldRefuseTwoSources() {
        Configuration config = new Configuration();
        config.set(DatabaseOptions.PASSWORD, "plain");
        config.set(DatabaseOptions.PASSWORD_ENV, "PGPASSWORD");

        assertThatThrownBy(() -> password(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set one of reelflow.jdbc.password");
    }

    @Test
    void shouldNameAMissingVariableButNeverAValue() {
        Configuration config = new Configuration();
        config.set(DatabaseOptions.PASSWORD_ENV, "REELFLOW_NO_SUCH_VARIABLE");

        assertThatThrownBy(() -> password(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REELFLOW_NO_SUCH_VARIABLE")
                .hasMessageContaining("is not set");
    }

    @Test
    void shouldNameAnEmptyOrMissingFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        Configuration config = new Configuration();
        config.set(DatabaseOptions.PASSWORD_FILE, empty.toString());
        assertThatThrownBy(() -> password(config)).hasMessageContaining("is empty");

        config.set(DatabaseOptions.PASSWORD_FILE, dir.resolve("missing").toString());
        assertThatThrownBy(() -> password(config))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot be read");
    }
}

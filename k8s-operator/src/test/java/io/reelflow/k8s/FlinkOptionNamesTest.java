package io.reelflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link FlinkOptionNames}. */
class FlinkOptionNamesTest {

    private static final FlinkOptionNames NAMES = FlinkOptionNames.scan();

    @Test
    void shouldKnowFlink2NamesAndTheOldNamesTheyReplace() {
        assertThat(NAMES.isCurrent("execution.checkpointing.dir")).isTrue();
        assertThat(NAMES.isCurrent("state.checkpoints.dir")).isFalse();
        assertThat(NAMES.replacementOf("state.checkpoints.dir"))
                .contains("execution.checkpointing.dir");
        assertThat(NAMES.replacementOf("state.savepoints.dir"))
                .contains("execution.checkpointing.savepoint-dir");
        assertThat(NAMES.replacementOf("state.backend.incremental"))
                .contains("execution.checkpointing.incremental");
    }

    @Test
    void shouldNotKnowAMisspeltKey() {
        assertThat(NAMES.isCurrent("execution.checkpointing.intervall")).isFalse();
        assertThat(NAMES.replacementOf("execution.checkpointing.intervall")).isEmpty();
    }
}

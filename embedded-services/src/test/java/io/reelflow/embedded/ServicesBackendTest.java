package io.reelflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link ServicesBackend}. */
class ServicesBackendTest {

    @Test
    void shouldDefaultToEmbeddedWhenPropertyIsUnsetOrBlank() {
        assertThat(ServicesBackend.parse(null)).isEqualTo(ServicesBackend.EMBEDDED);
        assertThat(ServicesBackend.parse("  ")).isEqualTo(ServicesBackend.EMBEDDED);
    }

    @Test
    void shouldParseBackendNamesIgnoringCaseAndSpaces() {
        assertThat(ServicesBackend.parse("embedded")).isEqualTo(ServicesBackend.EMBEDDED);
        assertThat(ServicesBackend.parse(" TestContainers "))
                .isEqualTo(ServicesBackend.TESTCONTAINERS);
    }

    @Test
    void shouldNameThePropertyAndChoicesForUnknownValue() {
        assertThatThrownBy(() -> ServicesBackend.parse("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reelflow.services")
                .hasMessageContaining("'docker'")
                .hasMessageContaining("embedded")
                .hasMessageContaining("testcontainers");
    }

    @Test
    void shouldRoundTripPropertyValue() {
        for (ServicesBackend backend : ServicesBackend.values()) {
            assertThat(ServicesBackend.parse(backend.propertyValue())).isEqualTo(backend);
        }
    }
}

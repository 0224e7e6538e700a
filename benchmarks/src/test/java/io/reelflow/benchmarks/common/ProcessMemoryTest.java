package io.reelflow.benchmarks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link ProcessMemory}. */
class ProcessMemoryTest {

    @Test
    void shouldReadTheResidentSetFromTheStatusFile() {
        String status =
                "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  700000 kB\nVmRSS:\t  654321 kB\n"
                        + "RssAnon:\t  600000 kB\n";

        assertThat(ProcessMemory.parseVmRssKb(status)).isEqualTo(654_321L);
    }

    @Test
    void shouldRejectAStatusWithoutResidentSet() {
        assertThatThrownBy(() -> ProcessMemory.parseVmRssKb("Name:\tkthreadd\nState:\tS\n"))
                .hasMessageContaining("no VmRSS");
    }
}

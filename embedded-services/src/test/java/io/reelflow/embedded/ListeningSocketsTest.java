package io.reelflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.reelflow.embedded.ListeningSockets.Listener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link ListeningSockets}. */
class ListeningSocketsTest {

    @BeforeEach
    void needsProcNet() {
        assumeThat(ListeningSockets.supported()).as("/proc/net/tcp is readable").isTrue();
    }

    @Test
    void shouldTellLoopbackFromWildcardBinds() throws Exception {
        try (ServerSocket loopback = new ServerSocket();
                ServerSocket everywhere = new ServerSocket()) {
            loopback.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            // Binding the wildcard is what the servers of local mode must not do; nothing connects.
            everywhere.bind(new InetSocketAddress(0));

            assertThat(ListeningSockets.onPort(loopback.getLocalPort()))
                    .isNotEmpty()
                    .allMatch(Listener::loopback);
            assertThat(ListeningSockets.onPort(everywhere.getLocalPort()))
                    .isNotEmpty()
                    .noneMatch(Listener::loopback);
            assertThat(ListeningSockets.ofThisProcess())
                    .extracting(Listener::port)
                    .contains(loopback.getLocalPort(), everywhere.getLocalPort());
        }
    }

    @Test
    void shouldReadTheKernelsWordSwappedAddresses() throws Exception {
        assertThat(ListeningSockets.address("0100007F"))
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(ListeningSockets.address("00000000"))
                .isEqualTo(InetAddress.getByName("0.0.0.0"));
        // A dual-stack Java socket bound to 127.0.0.1 shows as ::ffff:127.0.0.1 in tcp6.
        assertThat(ListeningSockets.address("0000000000000000FFFF00000100007F").isLoopbackAddress())
                .isTrue();
        assertThat(ListeningSockets.address("00000000000000000000000001000000"))
                .isEqualTo(InetAddress.getByName("::1"));
        assertThat(ListeningSockets.address("00000000000000000000000000000000").isLoopbackAddress())
                .isFalse();
    }
}

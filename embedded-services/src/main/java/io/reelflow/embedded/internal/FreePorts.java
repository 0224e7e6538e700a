package io.reelflow.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds loopback ports for servers that must know their port before they bind it. */
public final class FreePorts {

    private FreePorts() {}

    /** {@code requested} when it is not 0, else a port that was free a moment ago. */
    public static int resolve(int requested) {
        return requested != 0 ? requested : pick();
    }

    /** A loopback port that was free when this returned; another process may still take it. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}

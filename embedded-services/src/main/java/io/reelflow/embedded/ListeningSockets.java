package io.reelflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The listening TCP sockets of this machine, as the kernel reports them in {@code /proc/net/tcp}
 * and {@code /proc/net/tcp6} (Linux only): the address each port is bound to, and which sockets
 * this process holds. Lets tests check that local servers accept connections on loopback only.
 *
 * <pre>{@code
 * assertThat(ListeningSockets.onPort(5433)).allMatch(ListeningSockets.Listener::loopback);
 * }</pre>
 */
public final class ListeningSockets {
    private static final Path TCP = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");
    private static final Path OWN_FILE_DESCRIPTORS = Path.of("/proc/self/fd");
    private static final String LISTEN = "0A";

    /**
     * A socket in the LISTEN state.
     *
     * @param address the bound address; the wildcard ({@code 0.0.0.0} or {@code ::}) means every
     *     interface
     * @param port the bound port
     * @param inode the kernel's socket inode, to match it with a process's file descriptors
     */
    public record Listener(InetAddress address, int port, long inode) {

        /** Whether only this machine can connect: bound to 127.0.0.0/8 or {@code ::1}. */
        public boolean loopback() {
            // An IPv4-mapped ::ffff:127.0.0.1 (a dual-stack Java socket) arrives as Inet4Address.
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private ListeningSockets() {}

    /** Whether this machine reports its sockets where this class reads them. */
    public static boolean supported() {
        return Files.isReadable(TCP);
    }

    /** Every listening socket of this machine's network namespace. */
    public static List<Listener> all() {
        List<Listener> listeners = new ArrayList<>(read(TCP));
        if (Files.isReadable(TCP6)) {
            listeners.addAll(read(TCP6));
        }
        return listeners;
    }

    /** The listening sockets bound to {@code port}, on any address. */
    public static List<Listener> onPort(int port) {
        return all().stream().filter(l -> l.port() == port).collect(Collectors.toList());
    }

    /** The listening sockets this process holds open (not those of its child processes). */
    public static List<Listener> ofThisProcess() {
        Set<Long> inodes = ownSocketInodes();
        return all().stream().filter(l -> inodes.contains(l.inode())).collect(Collectors.toList());
    }

    private static List<Listener> read(Path table) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + table, e);
        }
        List<Listener> listeners = new ArrayList<>();
        // Columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length < 10 || !columns[3].equals(LISTEN)) {
                continue;
            }
            String[] local = columns[1].split(":");
            listeners.add(
                    new Listener(
                            address(local[0]),
                            Integer.parseInt(local[1], 16),
                            Long.parseLong(columns[9])));
        }
        return listeners;
    }

    // The kernel prints each 32-bit word of the address in host byte order (little-endian here).
    static InetAddress address(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] address = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = raw[word + 3 - i];
            }
        }
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + hex, e);
        }
    }

    private static Set<Long> ownSocketInodes() {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(OWN_FILE_DESCRIPTORS)) {
            for (Path descriptor : descriptors) {
                String target;
                try {
                    target = Files.readSymbolicLink(descriptor).toString();
                } catch (IOException e) {
                    continue; // closed while we looked
                }
                if (target.startsWith("socket:[")) {
                    inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + OWN_FILE_DESCRIPTORS, e);
        }
        return inodes;
    }
}

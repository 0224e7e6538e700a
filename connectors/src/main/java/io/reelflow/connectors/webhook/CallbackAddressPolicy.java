package io.reelflow.connectors.webhook;

import io.reelflow.operators.port.WebhookRefusedException;
import java.io.Serializable;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which addresses a callback may reach, so a request cannot aim the job at its own network (SSRF):
 * loopback, private (RFC 1918, {@code fc00::/7}), shared (CGNAT, {@code 100.64.0.0/10}), link-local
 * ({@code 169.254.0.0/16} with the cloud metadata service {@code 169.254.169.254}, {@code
 * fe80::/10}), multicast, unspecified and reserved addresses are refused. A host listed in {@code
 * allowedHosts} may resolve to any unicast address (local mode and tests list {@code 127.0.0.1});
 * {@code allowPrivateNetworks} lets every host reach private and shared addresses, not loopback or
 * link-local. A host is refused when any of its addresses is.
 */
public final class CallbackAddressPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final String METADATA = "169.254.169.254";

    private final Set<String> allowedHosts;
    private final boolean allowPrivateNetworks;

    public CallbackAddressPolicy(Collection<String> allowedHosts, boolean allowPrivateNetworks) {
        this.allowedHosts =
                allowedHosts.stream()
                        .map(host -> normalized(host.strip()))
                        .filter(host -> !host.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Refuses every special-use address: what production wants. */
    public static CallbackAddressPolicy publicOnly() {
        return new CallbackAddressPolicy(List.of(), false);
    }

    /**
     * The addresses of {@code host} that may be connected to: all of {@code resolved}.
     *
     * @throws WebhookRefusedException naming the first refused address and why
     */
    public InetAddress[] check(String host, InetAddress[] resolved) throws WebhookRefusedException {
        boolean listed = allowedHosts.contains(normalized(host));
        for (InetAddress address : resolved) {
            Optional<Kind> kind = kindOf(address);
            if (kind.isEmpty() || allowed(kind.get(), listed)) {
                continue;
            }
            String literal = address.getHostAddress();
            boolean metadata = reached(address).getHostAddress().equals(METADATA);
            throw new WebhookRefusedException(
                    "callback host '"
                            + host
                            + "'"
                            + (literal.equalsIgnoreCase(normalized(host))
                                    ? " is "
                                    : " resolves to " + literal + ", ")
                            + kind.get().description
                            + (metadata ? " (the cloud metadata service)" : "")
                            + ": refused before connecting"
                            + (kind.get().allowable
                                    ? " (reelflow.webhook.allowed-hosts"
                                            + (kind.get() == Kind.PRIVATE
                                                    ? " or allow-private-networks"
                                                    : "")
                                            + " can allow it)"
                                    : ""));
        }
        return resolved;
    }

    private boolean allowed(Kind kind, boolean listed) {
        if (!kind.allowable) {
            return false;
        }
        return listed || (allowPrivateNetworks && kind == Kind.PRIVATE);
    }

    /** What kind of special-use address {@code address} is; empty for a public unicast one. */
    static Optional<Kind> kindOf(InetAddress given) {
        InetAddress address = reached(given);
        if (address.isAnyLocalAddress()) {
            return Optional.of(Kind.UNSPECIFIED);
        }
        if (address.isLoopbackAddress()) {
            return Optional.of(Kind.LOOPBACK);
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(Kind.LINK_LOCAL);
        }
        if (address.isMulticastAddress()) {
            return Optional.of(Kind.MULTICAST);
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of(Kind.PRIVATE);
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0) {
                return Optional.of(Kind.UNSPECIFIED);
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of(Kind.PRIVATE);
            }
            if (first >= 240) {
                return Optional.of(Kind.RESERVED);
            }
        } else if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return Optional.of(Kind.PRIVATE);
            }
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address that {@code ::a.b.c.d} and {@code 64:ff9b::a.b.c.d} (NAT64) reach, else the
     * address itself ({@code ::ffff:a.b.c.d} is an IPv4 address to Java already).
     */
    static InetAddress reached(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (!(address instanceof Inet6Address)
                || !embedsIpv4(bytes)
                || address.isAnyLocalAddress()
                || address.isLoopbackAddress()) {
            return address;
        }
        try {
            return InetAddress.getByAddress(
                    new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static boolean embedsIpv4(byte[] bytes) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= bytes[i] == 0;
        }
        boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64;
        nat64 &= (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12; i++) {
            nat64 &= bytes[i] == 0;
        }
        return compatible || nat64;
    }

    private static String normalized(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]")
                ? lower.substring(1, lower.length() - 1)
                : lower;
    }

    /** Special-use addresses, and whether configuration may allow them. */
    enum Kind {
        LOOPBACK("a loopback address", true),
        PRIVATE("a private-network address", true),
        LINK_LOCAL("a link-local address", true),
        MULTICAST("a multicast address", false),
        UNSPECIFIED("an unspecified address", false),
        RESERVED("a reserved address", false);

        final String description;
        final boolean allowable;

        Kind(String description, boolean allowable) {
            this.description = description;
            this.allowable = allowable;
        }
    }

    @Override
    public String toString() {
        return "CallbackAddressPolicy[allowedHosts="
                + allowedHosts
                + ", allowPrivateNetworks="
                + allowPrivateNetworks
                + "]";
    }
}

package io.reelflow.connectors.webhook.internal;

import io.reelflow.connectors.webhook.CallbackAddressPolicy;
import io.reelflow.operators.port.WebhookRefusedException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a callback's host once and hands the client only addresses the policy allows: the
 * connection goes to exactly the addresses that were checked, so a DNS answer that changes between
 * check and connect (DNS rebinding) cannot reach a refused address. A refusal is an {@link
 * UnknownHostException} (the resolver's contract) whose cause is the {@link
 * WebhookRefusedException}.
 */
public final class CheckingDnsResolver implements DnsResolver {
    private final CallbackAddressPolicy policy;

    public CheckingDnsResolver(CallbackAddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] resolved = InetAddress.getAllByName(host);
        try {
            return policy.check(host, resolved);
        } catch (WebhookRefusedException refused) {
            throw Refused.of(refused);
        }
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host))
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        // Only for Kerberos/SPNEGO, which webhooks never use.
        return host;
    }

    /** The refusal, carried through the client's I/O exceptions. */
    public static final class Refused extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        private Refused(String message) {
            super(message);
        }

        static Refused of(WebhookRefusedException cause) {
            Refused refused = new Refused(cause.getMessage());
            refused.initCause(cause);
            return refused;
        }
    }
}

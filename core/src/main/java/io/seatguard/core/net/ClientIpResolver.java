package io.seatguard.core.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Finds the client's address behind a chain of proxies (CONTRACT.md "Client IP").
 *
 * <p>Only a proxy we trust may speak for the client, so {@code X-Forwarded-For} is read only when the TCP
 * peer is trusted, and then from the right: each hop appends the address it saw, so the right-most
 * address that is not itself a trusted proxy is the first one no trusted party vouches for — that is the
 * client. Anything to its left was written by the client and may be forged. A malformed entry ends the
 * walk: the last address a trusted hop reported is used instead of guessing past it.
 */
public final class ClientIpResolver {
    private final List<Cidr> trustedProxies;

    public ClientIpResolver(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(requireNonNull(trustedProxies, "trustedProxies is null"));
    }

    /** The default of CONTRACT.md: loopback only. */
    public static ClientIpResolver loopbackOnly() {
        return new ClientIpResolver(List.of(Cidr.parse("127.0.0.0/8").orElseThrow(), Cidr.parse("::1/128").orElseThrow()));
    }

    public List<Cidr> trustedProxies() {
        return trustedProxies;
    }

    /**
     * @param peer the TCP peer address
     * @param forwardedFor every {@code X-Forwarded-For} header value, in the order received (may be empty)
     */
    public InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
        requireNonNull(peer, "peer is null");
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        InetAddress current = peer;
        for (int h = forwardedFor.size() - 1; h >= 0; h--) {
            String[] hops = forwardedFor.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                Optional<InetAddress> hop = IpAddresses.parse(stripPort(hops[i].trim()));
                if (hop.isEmpty()) {
                    return current;
                }
                current = hop.get();
                if (!isTrusted(current)) {
                    return current;
                }
            }
        }
        // Every hop is a trusted proxy: the left-most is as close to the client as we can get.
        return current;
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trustedProxies) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Some proxies write {@code 1.2.3.4:5678} or {@code [2001:db8::1]:443}; the port is not part of the address. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':')) {
            return hop.substring(0, colon);
        }
        return hop;
    }
}

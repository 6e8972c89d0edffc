package io.seatguard.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Whether two client addresses are on the same network, as concurrency detection needs it: IPv4
 * addresses must be equal (a household shares one public address behind its router), IPv6 addresses
 * share their /64 prefix (one household gets a /64 and its devices pick addresses inside it).
 */
public final class Networks {
    /** The IPv6 prefix one household (one customer line) is given. */
    private static final int HOUSEHOLD_PREFIX = 64;

    private Networks() {}

    /** Empty when it cannot be told: an address is unreadable, or one is IPv4 and the other IPv6 (dual stack). */
    public static Optional<Boolean> sameNetwork(String a, String b) {
        Optional<InetAddress> x = IpAddresses.parse(a);
        Optional<InetAddress> y = IpAddresses.parse(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Optional.empty();
        }
        if (x.get() instanceof Inet4Address && y.get() instanceof Inet4Address) {
            return Optional.of(x.get().equals(y.get()));
        }
        if (x.get() instanceof Inet6Address && y.get() instanceof Inet6Address) {
            return Optional.of(new Cidr(x.get().getAddress(), HOUSEHOLD_PREFIX).contains(y.get()));
        }
        return Optional.empty();
    }
}

package io.seatguard.server.cli;

import io.seatguard.core.net.IpAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a {@code --host} keeps the server on this machine: {@code localhost}, a loopback literal
 * ({@code 127.0.0.0/8}, {@code ::1}), or a name that resolves to loopback addresses only. Anything else,
 * the wildcard addresses ({@code 0.0.0.0}, {@code ::}) first, may be reached from a network.
 */
final class LoopbackHost {
    private LoopbackHost() {}

    static boolean isLoopbackOnly(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        Optional<InetAddress> literal = IpAddresses.parse(name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name);
        if (literal.isPresent()) {
            return literal.get().isLoopbackAddress();
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(name);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        }
        catch (UnknownHostException e) {
            // Unknown: the server will fail to bind it anyway; never call it loopback.
            return false;
        }
    }
}

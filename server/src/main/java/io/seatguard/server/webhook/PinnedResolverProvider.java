package io.seatguard.server.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JVM's name resolver, with pins: a webhook host whose addresses were just resolved and checked
 * (none private, unless allowed) is answered with exactly those addresses while the pin is fresh, so
 * the HTTP client connects to what was checked. A DNS answer that changes between the check and the
 * connection (DNS rebinding) cannot reach a private address. Every other lookup goes to the JDK's
 * built-in resolver unchanged. Installed through {@code META-INF/services}.
 */
public final class PinnedResolverProvider extends InetAddressResolverProvider {
    static final Duration PIN_FOR = Duration.ofSeconds(60);
    /** Hosts pinned at once, at most: far more than a node's tries in {@link #PIN_FOR} reach ({@link ResolverPins}). */
    static final int MAX_PINS = 10_000;

    private static final ResolverPins PINS = new ResolverPins(InstantSource.system(), PIN_FOR, MAX_PINS);
    private static volatile InetAddressResolver builtin;

    @Override
    public InetAddressResolver get(Configuration configuration) {
        builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                Optional<List<InetAddress>> pinned = PINS.addresses(host);
                if (pinned.isPresent()) {
                    return pinned.get().stream();
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "seatguard-pinned";
    }

    /** Whether the JVM loaded this provider (it does at its first name lookup when on the class path). */
    static boolean active() {
        return builtin != null;
    }

    /** Resolves a host afresh, bypassing any pin, with the built-in resolver. */
    static List<InetAddress> resolveFresh(String host) throws UnknownHostException {
        InetAddressResolver resolver = builtin;
        if (resolver == null) {
            return List.of(InetAddress.getAllByName(host));
        }
        return resolver.lookupByName(host, InetAddressResolver.LookupPolicy.of(InetAddressResolver.LookupPolicy.IPV4 | InetAddressResolver.LookupPolicy.IPV6))
                .toList();
    }

    /** Pins a checked host's addresses; false when too many hosts are pinned (see {@link ResolverPins}). */
    static boolean pin(String host, List<InetAddress> addresses) {
        return PINS.pin(host, addresses);
    }

    /** Whether the host is pinned now. */
    static boolean pinned(String host) {
        return PINS.addresses(host).isPresent();
    }
}

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

    /** Resolves a host afresh, bypassing any pin and the JVM's address cache, with the built-in resolver. */
    static List<InetAddress> resolveFresh(String host) throws UnknownHostException {
        return builtin().lookupByName(host, InetAddressResolver.LookupPolicy.of(InetAddressResolver.LookupPolicy.IPV4 | InetAddressResolver.LookupPolicy.IPV6))
                .toList();
    }

    /**
     * The built-in resolver, the JVM's resolvers loaded first if no name was looked up yet. Review finding
     * (DNS rebinding): until then this looked the webhook host up through {@link InetAddress}, whose cache
     * kept that unchecked answer for 30 s and served it to the connection ahead of any pin. A server on
     * SQLite looks up no name before its first webhook check, so a host refused once for a private answer
     * and then switched to a public one was checked and pinned public, and connected to the private one.
     * The JVM loads its resolvers at its first lookup of any name: "localhost", whose answer is the same
     * whoever asks (looked up through the cache, it is kept there; found or not, the resolvers are loaded).
     */
    private static InetAddressResolver builtin() throws UnknownHostException {
        if (builtin == null) {
            try {
                InetAddress.getAllByName("localhost");
            }
            catch (UnknownHostException e) {
                // Loaded all the same: the resolvers come before the lookup.
            }
        }
        InetAddressResolver resolver = builtin;
        if (resolver == null) {
            // Not installed (META-INF/services lost in a repackaged jar): no pin would hold, so nothing is resolved for a webhook.
            throw new UnknownHostException("the JVM did not load Seatguard's pinning resolver (" + PinnedResolverProvider.class.getName() + ")");
        }
        return resolver;
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

package io.seatguard.server.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private record Pin(List<InetAddress> addresses, Instant until) {}

    private static final Map<String, Pin> PINS = new ConcurrentHashMap<>();
    private static volatile InetAddressResolver builtin;

    @Override
    public InetAddressResolver get(Configuration configuration) {
        builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                Pin pin = PINS.get(host.toLowerCase(Locale.ROOT));
                if (pin != null && Instant.now().isBefore(pin.until())) {
                    return pin.addresses().stream();
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

    static void pin(String host, List<InetAddress> addresses) {
        PINS.put(host.toLowerCase(Locale.ROOT), new Pin(List.copyOf(addresses), Instant.now().plus(PIN_FOR)));
    }
}

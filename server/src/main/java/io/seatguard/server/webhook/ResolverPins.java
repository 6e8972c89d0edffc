package io.seatguard.server.webhook;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses each webhook host was just checked at, for {@link PinnedResolverProvider} to answer with
 * while the pin is fresh. A pin only has to last from the check to the connection a moment later, so it
 * expires after {@code pinFor}; expired pins are dropped when found and whenever the map is full.
 *
 * <p>Bounded: at most {@code capacity} hosts are pinned at once. A pin that does not fit is refused
 * rather than one in use evicted, because a host whose pin is gone would be resolved again at connection
 * time, past the check: exactly the DNS rebinding the pins exist to stop. A try refused so fails and is
 * tried again later. Only deliveries pin (checking a URL when an endpoint is saved does not), so what is
 * pinned is bounded by the tries of the last {@code pinFor}, not by what API clients send.
 */
final class ResolverPins {
    private record Pin(List<InetAddress> addresses, Instant until) {}

    private final InstantSource clock;
    private final Duration pinFor;
    private final int capacity;
    private final Map<String, Pin> pins = new ConcurrentHashMap<>();

    ResolverPins(InstantSource clock, Duration pinFor, int capacity) {
        this.clock = requireNonNull(clock, "clock is null");
        this.pinFor = requireNonNull(pinFor, "pinFor is null");
        this.capacity = capacity;
    }

    /** The host's pinned addresses while its pin is fresh. */
    Optional<List<InetAddress>> addresses(String host) {
        String key = host.toLowerCase(Locale.ROOT);
        Pin pin = pins.get(key);
        if (pin == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(pin.until())) {
            pins.remove(key, pin);
            return Optional.empty();
        }
        return Optional.of(pin.addresses());
    }

    /** Pins the host to these addresses; false when as many hosts as the capacity are pinned and fresh. */
    boolean pin(String host, List<InetAddress> addresses) {
        String key = host.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        if (!pins.containsKey(key) && pins.size() >= capacity) {
            pins.values().removeIf(pin -> !now.isBefore(pin.until()));
            if (pins.size() >= capacity) {
                return false;
            }
        }
        pins.put(key, new Pin(List.copyOf(addresses), now.plus(pinFor)));
        return true;
    }

    /** Hosts pinned, fresh or not yet dropped. */
    int size() {
        return pins.size();
    }
}

package io.seatguard.server.webhook;

import io.seatguard.core.net.IpAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs Seatguard may call. An absolute http(s) URL without credentials; unless private
 * targets are allowed ({@code --webhook-allow-private}), every address its host resolves to must be a
 * public one, checked when the endpoint is created and again at each delivery, on the addresses the
 * connection will use ({@link PinnedResolverProvider}).
 */
public final class WebhookTargets {
    /** Resolves a host name afresh, past any pin: the JVM's built-in resolver, or a test's answer. */
    @FunctionalInterface
    interface HostLookup {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final HostLookup lookup;

    public WebhookTargets(boolean allowPrivate) {
        this(allowPrivate, PinnedResolverProvider::resolveFresh);
    }

    WebhookTargets(boolean allowPrivate, HostLookup lookup) {
        this.allowPrivate = allowPrivate;
        this.lookup = java.util.Objects.requireNonNull(lookup, "lookup is null");
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Why the URL cannot be a webhook target, or empty when it can (its host is resolved now). */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || url.length() > 2048) {
            return Optional.of("must be an absolute http or https URL of at most 2048 characters");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must not carry credentials or a #fragment");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535)) {
            // Stored, it would fail every delivery and be retried for a day.
            return Optional.of("has a port outside 1-65535");
        }
        return checkAndPin(uri.getHost());
    }

    /**
     * Resolves the host afresh and pins the answer for the coming connection; refuses it when an
     * address is private and private targets are not allowed.
     */
    public Optional<String> checkAndPin(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        try {
            Optional<InetAddress> literal = IpAddresses.parse(bare);
            addresses = literal.isPresent() ? List.of(literal.get()) : lookup.resolve(bare);
        }
        catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve: " + bare);
        }
        if (addresses.isEmpty()) {
            return Optional.of("has a host that does not resolve: " + bare);
        }
        if (!allowPrivate) {
            // Each address as the resolver gave it: an AAAA answer ::ffff:127.0.0.1 is an Inet6Address
            // that IpAddresses judges by the IPv4 address it carries.
            for (InetAddress address : addresses) {
                if (!IpAddresses.isGlobal(address)) {
                    // Which address is not said: the answer would tell an API client the internal
                    // addresses of the server's network, one host name at a time.
                    return Optional.of("resolves to a private or loopback address; run the server with --webhook-allow-private to allow it");
                }
            }
        }
        if (IpAddresses.parse(bare).isEmpty()) {
            PinnedResolverProvider.pin(bare, addresses);
        }
        return Optional.empty();
    }
}

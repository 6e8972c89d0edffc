package io.seatguard.server.webhook;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.net.WebDomains;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which webhook URLs Seatguard may call. An absolute http(s) URL without credentials; unless private
 * targets are allowed ({@code --webhook-allow-private}), every address its host resolves to must be a
 * public one, checked when the endpoint is created and again at each delivery, on the addresses the
 * connection will use ({@link PinnedResolverProvider}).
 *
 * <p>A name lookup (the system's {@code getaddrinfo}, which cannot be interrupted) runs on a thread of
 * its own and is waited for only so long: a try's lookup counts against the try's deadline, and an
 * endpoint's creation waits at most {@link #LOOKUP_LIMIT}. A lookup still stuck when its wait ends keeps
 * its thread until the resolver gives up. An endpoint's creation looks up on a small pool whose queue
 * bounds how many can wait (API clients choose those hosts freely). A delivery's lookup does not wait for
 * another host's: it gets a thread of its own, shared by the tries that look up the same host meanwhile, so
 * a host whose name server never answers holds one thread, not a place in every other app's line. On one
 * pool of 16, one app's endpoints on such hosts held every thread, and other apps' tries waited past their
 * deadline and failed (found in review). Their number is bounded by the hosts of the tries in flight.
 */
public final class WebhookTargets {
    /** The longest an endpoint's creation waits for its host's addresses. */
    static final Duration LOOKUP_LIMIT = Duration.ofSeconds(10);
    private static final int LOOKUP_THREADS = 16;
    private static final int LOOKUP_QUEUE = 256;

    /** Resolves a host name afresh, past any pin: the JVM's built-in resolver, or a test's answer. */
    @FunctionalInterface
    interface HostLookup {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final HostLookup lookup;
    private final ExecutorService lookups;
    /** Each host's delivery lookup under way, which a try of the same host meanwhile waits for too. */
    private final Map<String, CompletableFuture<List<InetAddress>>> deliveryLookups = new ConcurrentHashMap<>();

    public WebhookTargets(boolean allowPrivate) {
        this(allowPrivate, PinnedResolverProvider::resolveFresh);
    }

    WebhookTargets(boolean allowPrivate, HostLookup lookup) {
        this.allowPrivate = allowPrivate;
        this.lookup = requireNonNull(lookup, "lookup is null");
        ThreadPoolExecutor pool = new ThreadPoolExecutor(LOOKUP_THREADS, LOOKUP_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(LOOKUP_QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "seatguard-webhook-lookup");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.lookups = pool;
    }

    /** One part of a host of numbers: decimal, octal with a leading zero, or hex. */
    private static final java.util.regex.Pattern NUMBER_PART = java.util.regex.Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

    /**
     * A host made of numbers alone, dot-separated, perhaps with a final dot, as IPv4 addresses may be written
     * in forms resolvers and the JDK read differently: "0127.0.0.1", "127.1", "0x7f.1", "2130706433". Judged
     * part by part: one pattern over the whole host, {@code part(\.part)*}, recursed once per part in
     * java.util.regex, and a URL of 2,048 characters whose host was a thousand numbers overflowed the stack.
     */
    static boolean isNumericHost(String host) {
        String parts = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (parts.isEmpty()) {
            return false;
        }
        for (String part : parts.split("\\.", -1)) {
            if (!NUMBER_PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static final String NUMERIC_FORM =
            "writes an IP address in a form other than a.b.c.d in decimal without leading zeros (or an IPv6 address in brackets)";
    /**
     * The URL with a host of non-ASCII letters written in the ASCII form a browser goes to
     * ({@link WebDomains#withAsciiHost}), which is then checked, stored, resolved and called, as an app's
     * allowed origins are. A host left as written is refused by {@link #urlRefusal}: as no domain name, or,
     * when it converts to numbers alone ({@code １２７.０.０.１}), as an IP address in another form.
     */
    public static String withAsciiHost(String url) {
        return url.length() > 2048 ? url : WebDomains.withAsciiHost(url);
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Why the URL cannot be a webhook target, or empty when it can (its host is resolved now, within {@link #LOOKUP_LIMIT}). */
    public Optional<String> refusal(String url) {
        return urlRefusal(url).or(() -> addressRefusal(url));
    }

    /** Why the URL is not one a webhook may have, judged on its text alone (no lookup). */
    public Optional<String> urlRefusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() == null && numericAuthority(uri.getRawAuthority())) {
            // "127.1" or "127。0。0。1" is no host to java.net.URI, and was answered "must be an absolute URL",
            // where "0177.0.0.1" (a host to it) got the reason: the same reason for every such form.
            return Optional.of(NUMERIC_FORM);
        }
        if (WebDomains.unconvertedHost(uri)) {
            // What withAsciiHost left as it was: no browser would go there either.
            return Optional.of(WebDomains.NO_DOMAIN);
        }
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
        return Optional.empty();
    }

    /** Whether an authority java.net.URI found no host in names one by numbers alone, its dots perhaps written as IDNA's other dots. */
    private static boolean numericAuthority(String authority) {
        if (authority == null) {
            return false;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "");
        // Written with non-ASCII characters, read as a browser reads them: IDNA's other dots ("127。0。0。1")
        // and full-width digits ("１２７.０.０.１") are 127.0.0.1 to it.
        return isNumericHost(host) || (host.chars().anyMatch(c -> c >= 0x80) && WebDomains.toAscii(host).filter(WebhookTargets::isNumericHost).isPresent());
    }

    /**
     * Why a URL that passed {@link #urlRefusal} cannot be a target, judged on the addresses its host
     * resolves to now. Nothing is pinned: no connection follows, and a pin per call would let API clients
     * fill the pins with made-up hosts.
     */
    public Optional<String> addressRefusal(String url) {
        return check(URI.create(url).getHost(), LOOKUP_LIMIT, false);
    }

    /** {@link #checkAndPin(String, Duration)} within {@link #LOOKUP_LIMIT}. */
    public Optional<String> checkAndPin(String host) {
        return checkAndPin(host, LOOKUP_LIMIT);
    }

    /**
     * Resolves the host afresh, waiting at most {@code within}, and pins the answer for the coming
     * connection; refuses it when an address is private and private targets are not allowed.
     */
    public Optional<String> checkAndPin(String host, Duration within) {
        return check(host, within, true);
    }

    private Optional<String> check(String host, Duration within, boolean pin) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Optional<InetAddress> literal = IpAddresses.parse(bare);
        if (literal.isEmpty() && isNumericHost(bare)) {
            // Review finding (SSRF): "0127.0.0.1" is no address to IpAddresses, so it was looked up, and the
            // system resolver read it as octal (87.0.0.1, public); the HTTP client then read it as the literal
            // 127.0.0.1 and connected there, past the pin. No DNS name is made of numbers alone: refused.
            return Optional.of(NUMERIC_FORM);
        }
        List<InetAddress> addresses;
        if (literal.isPresent()) {
            addresses = List.of(literal.get());
        }
        else {
            Future<List<InetAddress>> answer;
            try {
                answer = pin ? deliveryLookup(bare) : lookups.submit(() -> lookup.resolve(bare));
            }
            catch (RejectedExecutionException e) {
                return Optional.of("could not be resolved now: too many name lookups are waiting");
            }
            try {
                addresses = answer.get(Math.max(0, within.toMillis()), TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException e) {
                cancelUnlessShared(answer);
                String limit = within.toMillis() % 1000 == 0 ? within.toSeconds() + " s" : within.toMillis() + " ms";
                return Optional.of("has a host that did not resolve within " + limit + ": " + bare);
            }
            catch (ExecutionException e) {
                return Optional.of("has a host that does not resolve: " + bare);
            }
            catch (InterruptedException e) {
                cancelUnlessShared(answer);
                Thread.currentThread().interrupt();
                return Optional.of("was not resolved: interrupted");
            }
        }
        if (addresses.isEmpty()) {
            return Optional.of("has a host that does not resolve: " + bare);
        }
        if (addresses.stream().anyMatch(WebhookTargets::ipv4Compatible)) {
            // Refused with private targets allowed too: no connection reaches such an address (Linux has no
            // route for it), so the endpoint could only fail every try for 27.5 hours.
            return Optional.of("is or resolves to an IPv4-compatible IPv6 address (::/96, deprecated by RFC 4291), which no connection reaches;"
                    + " give the IPv4 address as a.b.c.d instead");
        }
        if (!allowPrivate) {
            // Each address as the resolver gave it: an AAAA answer ::ffff:127.0.0.1 is an Inet6Address
            // that IpAddresses judges by the IPv4 address it carries.
            for (InetAddress address : addresses) {
                if (!IpAddresses.isGlobal(address)) {
                    // Which address is not said: the answer would tell an API client the internal
                    // addresses of the server's network, one host name at a time.
                    return Optional.of("resolves to an address that is not globally reachable (private, loopback, link-local, reserved or another special-purpose range); run the server with --webhook-allow-private to allow it");
                }
            }
        }
        if (pin && literal.isEmpty() && !PinnedResolverProvider.pin(bare, addresses)) {
            return Optional.of("could not be pinned now: too many webhook hosts are being resolved at once");
        }
        return Optional.empty();
    }

    /**
     * The host's delivery lookup: the one under way if there is one (started by another try of the host
     * moments ago, so its answer is as fresh), else a new one on a thread of its own.
     */
    private Future<List<InetAddress>> deliveryLookup(String host) {
        String key = host.toLowerCase(Locale.ROOT);
        CompletableFuture<List<InetAddress>> mine = new CompletableFuture<>();
        CompletableFuture<List<InetAddress>> running = deliveryLookups.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        Thread.ofPlatform().daemon().name("seatguard-webhook-lookup").start(() -> {
            try {
                mine.complete(lookup.resolve(host));
            }
            catch (Throwable e) {
                mine.completeExceptionally(e);
            }
            finally {
                deliveryLookups.remove(key, mine);
            }
        });
        return mine;
    }

    /** A lookup given up on: a queued one of the pool is dropped; a delivery's, shared with other tries, runs on for them. */
    private static void cancelUnlessShared(Future<List<InetAddress>> answer) {
        if (!(answer instanceof CompletableFuture)) {
            answer.cancel(true);
        }
    }

    /**
     * An old-style IPv4-compatible IPv6 address, {@code ::a.b.c.d} (RFC 4291 §2.5.5.1, deprecated): outside
     * 2000::/3, yet {@link IpAddresses#isGlobal} judges it by the IPv4 address it carries, so
     * {@code ::45.33.99.7} passed as public. {@code ::} and {@code ::1} are the unspecified and loopback
     * addresses, not IPv4-compatible ones: judged as such (private).
     */
    static boolean ipv4Compatible(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && (bytes[15] == 0 || bytes[15] == 1));
    }
}

package io.seatguard.server.webhook;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A DNS rebinding against a JVM that has looked up no name yet, as a server on SQLite has not before its
 * first webhook check; run in a JVM of its own ({@link ResolverFirstLookupTest}). {@value #HOST} stands for
 * the attacker's host: its first answer (loopback) is refused when the endpoint is created; later its
 * name server answers a public address, which the try checks and pins ({@value #PUBLIC} here, pinned as
 * {@link WebhookTargets#checkAndPin} pins). Prints whether the resolvers were loaded before, whether the
 * creation was refused, and the addresses a connection to the host then uses.
 */
public final class RebindingAfterFirstLookup {
    /** Resolved by every resolver without a name server, in a case the JVM's own warm-up does not use. */
    static final String HOST = "LocalHost";
    static final String PUBLIC = "8.8.8.8";

    private RebindingAfterFirstLookup() {}

    public static void main(String[] args) throws Exception {
        boolean loadedBefore = PinnedResolverProvider.active();
        boolean refusedAtCreation = new WebhookTargets(false).refusal("http://" + HOST + ":8530/hook").isPresent();
        PinnedResolverProvider.pin(HOST, List.of(InetAddress.getByName(PUBLIC)));
        String connectsTo = Arrays.stream(InetAddress.getAllByName(HOST)).map(InetAddress::getHostAddress).collect(Collectors.joining(","));
        System.out.println("loaded-before=" + loadedBefore + " refused-at-creation=" + refusedAtCreation + " connects-to=" + connectsTo);
        System.exit(0);
    }
}

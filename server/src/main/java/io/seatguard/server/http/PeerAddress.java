package io.seatguard.server.http;

import io.javalin.http.Context;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.net.ClientIpResolver;
import io.seatguard.core.net.IpAddresses;
import java.net.InetAddress;
import java.util.Collections;

/** The address of the TCP peer, and the request's client address worked out from it. */
public final class PeerAddress {
    private PeerAddress() {}

    /**
     * Jetty 12 writes an IPv6 peer in brackets ({@code [0:0:0:0:0:0:0:1]}), and a link-local one with its
     * zone ({@code [fe80::1%eth0]}); both are stripped before parsing. Without it every request over IPv6
     * (a server started with {@code --host ::}, a proxy on {@code ::1}) answered 500.
     */
    public static InetAddress of(Context ctx) {
        String text = ctx.req().getRemoteAddr();
        return IpAddresses.parse(literal(text))
                .orElseThrow(() -> new SeatguardException(ErrorCode.INTERNAL, "unreadable peer address " + text));
    }

    /**
     * The request's client: the peer, or, when the peer is a trusted proxy, the address the
     * {@code X-Forwarded-For} chain names ({@link ClientIpResolver}).
     */
    public static InetAddress client(Context ctx, ClientIpResolver clientIps) {
        return clientIps.resolve(of(ctx), Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    static String literal(String remoteAddr) {
        String text = remoteAddr;
        if (text != null && text.length() > 1 && text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']') {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text == null ? -1 : text.indexOf('%');
        return zone < 0 ? text : text.substring(0, zone);
    }
}

package io.seatguard.server.config;

import io.seatguard.core.net.IpAddresses;

/**
 * What {@code --host} may be: an IP address ({@code [::1]} bracketed or not) or a host name. Checked
 * with the other settings because the server would otherwise find out only as it binds, where an empty
 * host listened on loopback yet printed and stored {@code http://:8080} as its URL, and a stray space
 * was reported as a port in use.
 */
final class ListenHost {
    /** Labels of letters, digits, {@code -} and {@code _} (which {@code /etc/hosts} and container names allow), split by dots. */
    private static final String HOST_NAME = "[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.?";

    private ListenHost() {}

    /**
     * {@code host} as the server uses it: an IPv6 address without the brackets a URL puts around it, so
     * that {@code [::1]} is {@code ::1} everywhere (a URL made of it brackets it once, not twice:
     * {@code http://[[::1]]:8080} was the banner's, the default app's allowed origin and the server's
     * own address for its pages).
     */
    static String require(String host) {
        if (host.isBlank()) {
            throw new ConfigException("the host (--host, SEATGUARD_HOST) is empty: name the address to listen on, e.g. 127.0.0.1 (the default) or 0.0.0.0");
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // A link-local IPv6 address names its interface after a %, as in fe80::1%eth0.
        literal = literal.matches("[0-9A-Fa-f:]+%[A-Za-z0-9_.-]+") ? literal.substring(0, literal.indexOf('%')) : literal;
        if (IpAddresses.parse(literal).isEmpty() && !host.matches(HOST_NAME)) {
            throw new ConfigException("the host (--host, SEATGUARD_HOST) '" + host + "' is not an IP address or a host name"
                    + (host.strip().equals(host) ? "" : " (it has a space around it)"));
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}

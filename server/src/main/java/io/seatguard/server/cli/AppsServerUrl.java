package io.seatguard.server.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Where the {@code apps} commands look for the server when no {@code --url} is given: {@code SEATGUARD_URL},
 * else the host and port {@code serve} reads: {@code SEATGUARD_HOST} (loopback when unset or a wildcard, which
 * listens on loopback too) and {@code SEATGUARD_PORT} (else 8080).
 * The commands used to assume 8080 whatever {@code SEATGUARD_PORT} said, so a shell or environment file that
 * started the server on 9090 sent them to nothing (review finding), and likewise to 127.0.0.1 when it started
 * the server on SEATGUARD_HOST=10.0.0.5. A blank variable counts as unset, as for serve's settings.
 */
final class AppsServerUrl {
    static final int DEFAULT_PORT = 8080;

    private AppsServerUrl() {}

    /** The URL to use, or a refusal ({@code seatguard: …}) when only a port that names no server was given. */
    sealed interface Resolved {
        record Url(String url) implements Resolved {}

        record Refused(String message) implements Resolved {}
    }

    static Resolved resolve(String flag, Map<String, String> environment) {
        if (flag != null) {
            return new Resolved.Url(flag);
        }
        Optional<String> url = set(environment, "SEATGUARD_URL");
        if (url.isPresent()) {
            return new Resolved.Url(url.get());
        }
        String host = set(environment, "SEATGUARD_HOST").map(AppsServerUrl::reachable).orElse(LOOPBACK);
        Optional<String> port = set(environment, "SEATGUARD_PORT");
        if (port.isEmpty()) {
            return new Resolved.Url(url(host, DEFAULT_PORT));
        }
        int number;
        try {
            number = Integer.parseInt(port.get());
        }
        catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > 65535) {
            // 0 lets serve pick a free port, which only its banner names.
            return new Resolved.Refused("seatguard: SEATGUARD_PORT is '" + port.get() + "', which names no port to reach the server at"
                    + " (a number from 1 to 65535); name the server with --url or SEATGUARD_URL");
        }
        return new Resolved.Url(url(host, number));
    }

    private static final String LOOPBACK = "127.0.0.1";

    /** The host a server listening on {@code host} is reached at, as a URL writes it: a wildcard answers on loopback too. */
    private static String reachable(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("0.0.0.0") || bare.equals("::")) {
            return LOOPBACK;
        }
        return bare.contains(":") ? "[" + bare + "]" : bare;
    }

    private static String url(String host, int port) {
        return "http://" + host + ":" + port;
    }

    private static Optional<String> set(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}

package io.seatguard.server.challenge;

import io.seatguard.core.net.IpAddresses;
import jakarta.mail.PasswordAuthentication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * What the SMS endpoint's URL ({@code --sms-url}) says beyond where to post: the credentials of its user
 * info, and whether codes would cross a network in clear text.
 */
final class SmsEndpoint {
    private SmsEndpoint() {}

    /**
     * {@code Basic base64(user:password)} from the URL's user info, each part percent-decoded as the SMTP
     * URL's are ({@link SmtpMailer#credentials}: a {@code +} stays a plus), sent as UTF-8 (RFC 7617).
     */
    static Optional<String> basicCredentials(URI endpoint) {
        if (endpoint.getRawUserInfo() == null) {
            return Optional.empty();
        }
        PasswordAuthentication credentials = SmtpMailer.credentials(endpoint.getRawUserInfo());
        String pair = credentials.getUserName() + ":" + credentials.getPassword();
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The endpoint as requested and as messages may name it: the user info (a password) left out. Rebuilt
     * from the raw parts, so that the path and query go out escaped exactly as the operator wrote them.
     */
    static URI withoutUserInfo(URI endpoint) {
        if (endpoint.getRawUserInfo() == null) {
            return endpoint;
        }
        String authority = endpoint.getRawAuthority();
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        return URI.create(endpoint.getScheme() + "://" + hostAndPort + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath())
                + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery()));
    }

    /**
     * Whether codes posted there travel in clear text over a network: plain {@code http} to a host that is
     * not {@code localhost} nor a loopback address. A name is not resolved to find out (a slow name server
     * would hold the start); a relay on this machine is named {@code localhost} or {@code 127.0.0.1}.
     */
    static boolean cleartextOverANetwork(URI endpoint) {
        if (!"http".equalsIgnoreCase(endpoint.getScheme())) {
            return false;
        }
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost")) {
            return false;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return IpAddresses.parse(literal).map(address -> !address.isLoopbackAddress()).orElse(true);
    }
}

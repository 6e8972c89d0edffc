package io.seatguard.server.config;

import io.seatguard.core.net.DomainNames;
import io.seatguard.core.net.IpAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * The name Seatguard gives itself in SMTP's {@code EHLO} (or {@code HELO}). Jakarta Mail's default is the
 * machine's host name, which in a container is a random id such as {@code 3f2a9c1b7e4d}: no domain, and
 * mail servers that check the greeting ({@code reject_non_fqdn_helo_hostname},
 * {@code reject_unknown_helo_hostname} in Postfix, many spam filters) refuse or mark the mail (review
 * finding). The operator may name it ({@code --smtp-helo-name}); otherwise the host of a configured
 * {@code --public-url} is used when it is a domain name, a name that is at least Seatguard's own and
 * resolves; otherwise the machine's name, as before.
 */
public final class SmtpHeloName {
    private static final String SETTING = "the SMTP greeting name (--smtp-helo-name, SEATGUARD_SMTP_HELO_NAME)";

    private SmtpHeloName() {}

    /**
     * A domain name, or an address literal as RFC 5321 writes one ({@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}).
     * Anything else is refused: it goes on the SMTP command line as it is, so a line break would be a command
     * of its own. The value is not repeated, for the same reason.
     */
    static String require(String name) {
        String text = name.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            String inside = text.substring(1, text.length() - 1);
            boolean v6 = inside.regionMatches(true, 0, "IPv6:", 0, 5);
            Optional<InetAddress> address = IpAddresses.parse(v6 ? inside.substring(5) : inside);
            if (address.isPresent() && (v6 ? address.get() instanceof Inet6Address : address.get() instanceof Inet4Address)) {
                return text;
            }
        }
        else if (IpAddresses.parse(text).isPresent()) {
            throw new ConfigException(SETTING + " is an IP address: write it as an address literal, [192.0.2.1] or [IPv6:2001:db8::1]");
        }
        else if (DomainNames.isName(text)) {
            return text;
        }
        throw new ConfigException(SETTING + " must be a domain name such as mail.example.com, or an address literal such as [192.0.2.1]");
    }

    /** The host of a public URL ({@code https://seatguard.example.com}) when it is a domain name of two labels or more, not an address. */
    static Optional<String> ofPublicUrl(String publicUrl) {
        String host = URI.create(publicUrl).getHost();
        if (host == null || host.startsWith("[") || IpAddresses.parse(host).isPresent() || !DomainNames.isQualifiedName(host)) {
            return Optional.empty();
        }
        return Optional.of(host);
    }
}

package io.seatguard.server.http;

import io.seatguard.core.net.Ipv6Literals;
import io.seatguard.core.net.WebDomains;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host of an http(s) URL written as a browser serializes it (WHATWG URL, "host parsing" and "host
 * serializing"), so that what is stored and compared is what a browser's {@code Origin} header and
 * {@code location.href} hold: a domain in lower case, an IPv4 address as a dotted quad (browsers also read
 * {@code 2130706433}, {@code 0x7f.1} and {@code 0177.0.0.1} as 127.0.0.1), an IPv6 address in brackets,
 * compressed and lower-cased ({@code [::ffff:102:304]} for {@code [::FFFF:1.2.3.4]}).
 *
 * A domain with non-ASCII letters is converted as a browser converts it ({@link WebDomains}):
 * {@code https://München.de} is {@code https://xn--mnchen-3ya.de}, the origin a browser's requests from
 * that site carry.
 *
 * <p>Narrower than a browser where being unsure would be a risk: a domain, once converted, may hold only
 * letters, digits, hyphens and dots (no percent-escapes, which a browser decodes first, no underscores),
 * at most 254 characters, and no empty label but a final dot.
 */
final class UrlHosts {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.?");
    private static final int MAX_HOST = 253 + 1;

    private UrlHosts() {}

    /** The browser's serialization of {@code host} (without a port), or empty when a browser would refuse it or it is not plainly a domain. */
    static Optional<String> canonical(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST) {
            return Optional.empty();
        }
        if (host.startsWith("[")) {
            return host.endsWith("]") ? ipv6(host.substring(1, host.length() - 1)).map(address -> "[" + address + "]") : Optional.empty();
        }
        String lower;
        if (host.chars().allMatch(c -> c < 0x80)) {
            // Not converted: a browser takes an ASCII name as it is, its xn-- labels unchecked.
            lower = host.toLowerCase(Locale.ROOT);
        }
        else {
            Optional<String> ascii = WebDomains.toAscii(host);
            if (ascii.isEmpty() || ascii.get().length() > MAX_HOST) {
                return Optional.empty();
            }
            lower = ascii.get();
        }
        if (!DOMAIN.matcher(lower).matches()) {
            return Optional.empty();
        }
        // A host whose last label is a number is an IPv4 address to a browser, or no host at all.
        return endsInANumber(lower) ? ipv4(lower) : Optional.of(lower);
    }

    private static boolean endsInANumber(String host) {
        String[] parts = host.split("\\.", -1);
        int last = parts.length - 1;
        if (parts[last].isEmpty()) {
            if (parts.length == 1) {
                return false;
            }
            last--;
        }
        String part = parts[last];
        return !part.isEmpty() && (part.chars().allMatch(c -> c >= '0' && c <= '9') || ipv4Number(part) >= 0);
    }

    /** WHATWG's IPv4 parser: one to four parts, each decimal, 0x-hex or 0-octal; the last fills the bytes left. */
    private static Optional<String> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        int count = parts[parts.length - 1].isEmpty() && parts.length > 1 ? parts.length - 1 : parts.length;
        if (count > 4) {
            return Optional.empty();
        }
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = ipv4Number(parts[i]);
            if (numbers[i] < 0 || (i < count - 1 && numbers[i] > 255)) {
                return Optional.empty();
            }
        }
        long last = numbers[count - 1];
        if (last >= 1L << (8 * (5 - count))) {
            return Optional.empty();
        }
        long address = last;
        for (int i = 0; i < count - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return Optional.of((address >> 24 & 0xff) + "." + (address >> 16 & 0xff) + "." + (address >> 8 & 0xff) + "." + (address & 0xff));
    }

    /** A part's value, or -1 when it is no number (or too large to matter: any part over 2^32 fails anyway). */
    private static long ipv4Number(String part) {
        if (part.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x")) {
            radix = 16;
            digits = part.substring(2);
        }
        else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return 0;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0) {
                return -1;
            }
            value = value * radix + digit;
            if (value > 0xFFFF_FFFFL) {
                return 1L << 33;
            }
        }
        return value;
    }

    /** WHATWG's IPv6 parser and serializer (the same as RFC 4291's and RFC 5952's, see {@link Ipv6Literals}). */
    static Optional<String> ipv6(String text) {
        return Ipv6Literals.parse(text).map(Ipv6Literals::compressed);
    }
}

package io.seatguard.core.net;

import com.ibm.icu.text.IDNA;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A domain with non-ASCII letters as a browser converts it before it goes there: WHATWG URL's "domain to
 * ASCII" (not strict), which Chromium implements with ICU. UTS 46, nontransitional ({@code straße.de} is
 * {@code xn--strae-oqa.de}, not {@code strasse.de}), with the Bidi rule of RFC 5893 and the joiner rules
 * of RFC 5892, so {@code ａｐｐ。example} (full-width letters, an ideographic full stop) is
 * {@code app.example}, as a browser's {@code Origin} header and {@code location.href} write it.
 *
 * <p>Not mail's rules ({@code EmailAddresses.asciiDomain}): a browser overlooks a label that starts or
 * ends with a hyphen, or has hyphens in its third and fourth places, and does not limit a label's or the
 * name's length (UTS 46's CheckHyphens and VerifyDnsLength off, as the URL standard sets them), so
 * {@code -münchen.de} is a host to it, {@code xn---mnchen-o2a.de}. What the result may hold beyond
 * letters, digits, hyphens and dots is the caller's to refuse.
 */
public final class WebDomains {
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.NONTRANSITIONAL_TO_ASCII);
    /** ICU's findings that the URL standard's CheckHyphens and VerifyDnsLength, both off, leave out. */
    private static final Set<IDNA.Error> OVERLOOKED = EnumSet.of(IDNA.Error.HYPHEN_3_4, IDNA.Error.LEADING_HYPHEN, IDNA.Error.TRAILING_HYPHEN,
            IDNA.Error.EMPTY_LABEL, IDNA.Error.LABEL_TOO_LONG, IDNA.Error.DOMAIN_NAME_TOO_LONG);

    /** An http(s) URL's start and its authority, up to the path, query or fragment. */
    private static final Pattern URL_AUTHORITY = Pattern.compile("(?i)https?://([^/?#\\\\]*)");
    /** A label a browser reads as a number, making the host an IPv4 address (WHATWG URL, "ends in a number"). */
    private static final Pattern NUMBER_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    /** Longer URLs are refused by every caller; not converted, so that no caller pays ICU for one. */
    private static final int MAX_URL = 8192;

    private WebDomains() {}

    /**
     * The http(s) URL with a host of non-ASCII letters written in the ASCII form a browser goes to:
     * {@code https://hooks.bücher.example/x} is {@code https://hooks.xn--bcher-kva.example/x}. Only the host
     * changes. Returned as it is: any other URL, an ASCII host, a host a browser refuses, one whose
     * conversion holds more than letters, digits, hyphens and dots (UTS 46 maps a full-width {@code ／},
     * {@code ：} or {@code ＠} to the ASCII one, which would send the URL elsewhere), and one that converts
     * to an IPv4 address ({@code １２７.０.０.１}): each caller refuses those in its own words.
     */
    public static String withAsciiHost(String url) {
        Matcher start = URL_AUTHORITY.matcher(url);
        if (url.length() > MAX_URL || !start.lookingAt()) {
            return url;
        }
        String authority = start.group(1);
        int hostStart = authority.lastIndexOf('@') + 1;
        int colon = authority.lastIndexOf(':');
        int hostEnd = colon >= hostStart && authority.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9') ? colon : authority.length();
        String host = authority.substring(hostStart, hostEnd);
        if (host.chars().allMatch(c -> c < 0x80)) {
            return url;
        }
        Optional<String> ascii = toAscii(host).filter(converted -> domainCharacters(converted) && !endsInANumber(converted));
        if (ascii.isEmpty()) {
            return url;
        }
        int at = start.start(1) + hostStart;
        return url.substring(0, at) + ascii.get() + url.substring(at + host.length());
    }

    /** Why a URL's host is refused when {@link #withAsciiHost} left it with non-ASCII letters ({@link #unconvertedHost}). */
    public static final String NO_DOMAIN = "has a host that is no domain name, in international (xn--) form or otherwise";

    /**
     * Whether an http(s) URL, once through {@link #withAsciiHost}, still has non-ASCII letters where its
     * host is: a host no browser would go to, which {@link URI} finds no host in (callers refuse it with
     * {@link #NO_DOMAIN} rather than as "not an absolute URL").
     */
    public static boolean unconvertedHost(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() == null && uri.getRawAuthority() != null
                && uri.getRawAuthority().chars().anyMatch(c -> c >= 0x80);
    }

    /** Whether a converted host holds only a domain's letters, digits, hyphens and dots (checked one by one: no pattern that recurses per label). */
    private static boolean domainCharacters(String host) {
        return !host.isEmpty() && host.chars().allMatch(c -> c == '-' || c == '.' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }

    /** Whether the host's last label (before a final dot) is a number, which makes it an IPv4 address to a browser. */
    private static boolean endsInANumber(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return NUMBER_LABEL.matcher(trimmed.substring(trimmed.lastIndexOf('.') + 1)).matches();
    }

    /** The domain's ASCII form as a browser writes it (lower case), or empty when a browser refuses it. */
    public static Optional<String> toAscii(String domain) {
        IDNA.Info info = new IDNA.Info();
        String ascii = UTS46.nameToASCII(domain, new StringBuilder(domain.length() + 16), info).toString();
        return OVERLOOKED.containsAll(info.getErrors()) ? Optional.of(ascii) : Optional.empty();
    }
}

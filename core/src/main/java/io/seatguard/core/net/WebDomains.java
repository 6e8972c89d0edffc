package io.seatguard.core.net;

import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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

    private WebDomains() {}

    /** The domain's ASCII form as a browser writes it (lower case), or empty when a browser refuses it. */
    public static Optional<String> toAscii(String domain) {
        IDNA.Info info = new IDNA.Info();
        String ascii = UTS46.nameToASCII(domain, new StringBuilder(domain.length() + 16), info).toString();
        return OVERLOOKED.containsAll(info.getErrors()) ? Optional.of(ascii) : Optional.empty();
    }
}

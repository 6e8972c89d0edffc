package io.seatguard.core.evaluation;

import com.ibm.icu.text.IDNA;
import io.seatguard.core.net.DomainNames;
import java.util.Locale;

/**
 * What an {@code email} may be, wherever one is read: evaluate's body, an email list, a policy's value.
 * One rule, so that what evaluate refuses is refused everywhere else too, rather than stored in a list or
 * a condition that can never match.
 *
 * <p>A plain mailbox: a dot-atom local part of at most 64 characters (RFC 5322 atext, or any non-ASCII
 * character that is not a space, a control or a format character: RFC 6531), an {@code @}, and a domain
 * of at least two letter-digit-hyphen labels; 254 characters in all. Narrower than RFC 5322 on purpose:
 * no quoted local parts, comments or address literals, which browsers' email fields refuse too. Every
 * address it takes is one the mail sender takes as written (a server test holds Jakarta Mail's strict
 * parser to it), so a challenge never fails at the send for an address evaluate accepted.
 *
 * <p>The 254 hold in lower case too: addresses are kept lower-cased (an owner notice's recipient, an
 * operator's email) in columns of 254 characters, and {@code İ} (U+0130) lowers to two characters. 64 of
 * them made an address of 254 one of 318, which PostgreSQL refused to store, failing the batch of writes
 * it joined.
 *
 * <p>A domain typed with non-ASCII letters ({@code ana@exämple.com}) is taken in its A-label form
 * ({@code ana@xn--exmple-cua.com}, {@link #withAsciiDomain}): people type their address as they know it,
 * and were refused with no way to tell why, while the xn-- spelling of the same domain was accepted.
 * Every reader converts before it judges, stores or compares, so the two spellings are one mailbox for
 * attempt limits, lists, policies and erasure alike, and mail goes to the form every server takes.
 */
public final class EmailAddresses {
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    private EmailAddresses() {}

    /**
     * {@code text} with its domain (after the last {@code @}) in A-label form when it has non-ASCII
     * characters; otherwise, or when the domain cannot be converted, {@code text} unchanged, for
     * {@link #isMailbox} to judge. An ASCII domain is left exactly as written (case included), so nothing
     * stored before changes form.
     */
    public static String withAsciiDomain(String text) {
        if (text == null) {
            return null;
        }
        int at = text.lastIndexOf('@');
        if (at < 0 || text.chars().skip(at + 1).allMatch(c -> c < 0x80)) {
            return text; // the usual case, on every evaluation that sends an email: no copy made
        }
        return text.substring(0, at + 1) + asciiDomain(text.substring(at + 1));
    }

    /**
     * UTS 46 as browsers apply it (WHATWG URL's "domain to ASCII", which Chromium implements with ICU):
     * nontransitional, so {@code straße.de} is {@code xn--strae-oqa.de} and not {@code strasse.de}, someone
     * else's domain; with the Bidi rule of RFC 5893 and the joiner rules of RFC 5892; and, as mail needs
     * and a browser does not, STD3's letters, digits and hyphens only. Why not java.net.IDN: it is
     * IDNA2003 on Unicode 3.2, so it refused every script encoded since 2002 (N'Ko, Javanese, Cherokee's
     * small letters, Georgian's capitals, and many more) and converted some capitals to another domain than
     * a browser goes to; and it knows neither the Bidi rule nor the nontransitional reading.
     */
    private static final IDNA UTS46 = IDNA.getUTS46Instance(
            IDNA.USE_STD3_RULES | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE);

    /**
     * A domain in A-label form ({@link #UTS46}) when it has non-ASCII characters; an ASCII one, or one that
     * cannot be converted, unchanged (and so refused by {@link #isMailbox}).
     */
    public static String asciiDomain(String domain) {
        if (domain.chars().allMatch(c -> c < 0x80)) {
            return domain;
        }
        IDNA.Info info = new IDNA.Info();
        String ascii = UTS46.nameToASCII(domain, new StringBuilder(domain.length() + 16), info).toString();
        return info.hasErrors() ? domain : ascii;
    }

    /** The Unicode form of a domain written in A-labels ({@code xn--exmple-cua.com} is {@code exämple.com}), or it unchanged when it has none that convert. */
    public static String unicodeDomain(String domain) {
        IDNA.Info info = new IDNA.Info();
        String unicode = UTS46.nameToUnicode(domain, new StringBuilder(domain.length()), info).toString();
        return info.hasErrors() ? domain : unicode;
    }

    public static boolean isMailbox(String text) {
        if (text == null || text.length() > MAX_LENGTH || text.toLowerCase(Locale.ROOT).length() > MAX_LENGTH) {
            return false;
        }
        int at = text.indexOf('@');
        return at > 0 && at <= MAX_LOCAL_PART && isDotAtom(text.substring(0, at)) && DomainNames.isQualifiedName(text.substring(at + 1));
    }

    /** Atoms of atext separated by single dots: none leading, trailing or doubled. */
    private static boolean isDotAtom(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.codePoints().allMatch(c -> c == '.' || isAtext(c));
    }

    private static boolean isAtext(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATEXT_SYMBOLS.indexOf(c) >= 0;
        }
        int type = Character.getType(c);
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c) && type != Character.FORMAT
                && type != Character.SURROGATE && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }
}

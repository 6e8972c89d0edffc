package io.seatguard.core.net;

import java.util.regex.Pattern;

/**
 * Domain names as mail takes them (RFC 5321's Domain): labels of letters, digits and inner hyphens, 1 to
 * 63 characters each (RFC 1123 lets one start with a digit), joined by dots, at most 253 in all. One rule
 * for the addresses evaluate and the dashboard take and for the name Seatguard greets mail servers with,
 * so neither accepts a name the other's mail sender would refuse.
 */
public final class DomainNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final int MAX_LENGTH = 253;

    private DomainNames() {}

    /** A domain name of one label or more ({@code localhost}, {@code mail.example.com}). */
    public static boolean isName(String text) {
        return text != null && text.length() <= MAX_LENGTH && NAME.matcher(text).matches();
    }

    /** A domain name of two labels or more: what a mailbox's domain or a public host must be. */
    public static boolean isQualifiedName(String text) {
        return isName(text) && text.indexOf('.') > 0;
    }
}

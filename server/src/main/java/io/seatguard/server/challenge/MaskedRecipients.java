package io.seatguard.server.challenge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An email address or phone number as a page or a log line may show it: enough for the owner (or an
 * operator) to recognise, little for anyone else. A log keeps a recipient in clear past the account's
 * erasure, and anyone who reads the log is not the owner (found in review: a failed owner notice logged
 * the address it was for).
 */
final class MaskedRecipients {
    private MaskedRecipients() {}

    /**
     * {@code mia@example.com} → {@code m•••@example.com}. The first character whole: an address may start
     * outside the Basic Multilingual Plane ({@code 😀x@example.com}, RFC 6531), and its first UTF-16 unit
     * alone is half a surrogate pair, shown as "?".
     */
    static String email(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "•••" + email.substring(at);
    }

    /** {@code +33612345678} → {@code +33•••••••78}. */
    static String phone(String phone) {
        if (phone.length() < 6) {
            return "•••";
        }
        return phone.substring(0, 3) + "•".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
    }

    /**
     * {@code text} with each mention of {@code email} masked, in whatever case it was written: a mail
     * server's refusal ({@code 550 <mia@example.com>: unknown}) quotes the address back.
     */
    static String withoutEmail(String text, String email) {
        if (text == null || email.isEmpty()) {
            return text;
        }
        return Pattern.compile(Pattern.quote(email), Pattern.CASE_INSENSITIVE).matcher(text).replaceAll(Matcher.quoteReplacement(email(email)));
    }
}

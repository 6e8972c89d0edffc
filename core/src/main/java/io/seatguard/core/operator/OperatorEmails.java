package io.seatguard.core.operator;

import io.seatguard.core.evaluation.EmailAddresses;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An operator's email as typed, and the forms it is stored, looked up and counted under.
 *
 * <p>Which typed emails could be an operator's, so that a sign-in with one that could not is refused before
 * anything is written. The failed try of an email is stored (the back-off counts it), and a stored email
 * is held to its column's 254 characters only by PostgreSQL: a 300-character one failed its sign-in with
 * a 503 and the batch of writes it joined, evaluations included, which were then committed one by one;
 * SQLite kept 60 KB ones a day.
 *
 * <p>An operator's email is a mailbox ({@link EmailAddresses}), kept with its domain in A-labels
 * ({@code ana@exämple.com} as {@code ana@xn--exmple-cua.com}, as evaluate, lists and policies keep it), so
 * the two spellings are one operator. Or it is one made under the rule of earlier releases, which still
 * signs in ({@link OperatorService#checkNew}): that rule took a domain with non-ASCII letters as typed, so
 * such an operator may be stored under its U-labels ({@code ana@exämple.com}), which no migration changes
 * (a stored form is what the operator's failures and sessions are kept under). Lookups try the stored form
 * first, then those of earlier releases ({@link #spellings}). All are lower case and at most 254
 * characters; anything else matches no operator whatever the password.
 */
final class OperatorEmails {
    /** What operators were made under before they were held to evaluate's rule (its own 255 cut to the column's 254 below). */
    private static final Pattern EARLIER_RULE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

    private OperatorEmails() {}

    /** The form an operator made today is stored under: stripped, its domain in A-labels, in lower case. */
    static String normalized(String typed) {
        return typed == null ? "" : EmailAddresses.withAsciiDomain(typed.strip()).toLowerCase(Locale.ROOT);
    }

    /** The form earlier releases stored: stripped and in lower case, a non-ASCII domain left as typed. */
    private static String asTypedBefore(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The forms an operator with this email may be stored under, the one made today first: {@link #normalized},
     * the typed one of earlier releases, and the U-label form of an A-label domain (an operator made under
     * the earlier rule with {@code ana@exämple.com} who now types {@code ana@xn--exmple-cua.com}). Only
     * those that {@link #couldBeAnOperators could be an operator's}: empty when none could.
     */
    static List<String> spellings(String typed) {
        LinkedHashSet<String> forms = new LinkedHashSet<>();
        String normalized = normalized(typed);
        forms.add(normalized);
        forms.add(asTypedBefore(typed));
        int at = normalized.lastIndexOf('@');
        if (at >= 0 && normalized.contains("xn--")) {
            forms.add(normalized.substring(0, at + 1) + EmailAddresses.unicodeDomain(normalized.substring(at + 1)).toLowerCase(Locale.ROOT));
        }
        return forms.stream().filter(OperatorEmails::couldBeAnOperators).toList();
    }

    /**
     * What the sign-in back-off counts this email's failures under: the first of its {@link #spellings},
     * so that both spellings of a domain are one email's tries (not twice the free ones); empty when no
     * operator could have it.
     */
    static Optional<String> backOffKey(String typed) {
        return spellings(typed).stream().findFirst();
    }

    /** @param normalized the email as typed, stripped and in lower case */
    static boolean couldBeAnOperators(String normalized) {
        return EmailAddresses.isMailbox(normalized)
                || normalized.length() <= EmailAddresses.MAX_LENGTH && EARLIER_RULE.matcher(normalized).matches();
    }
}

package io.seatguard.core.operator;

import io.seatguard.core.evaluation.EmailAddresses;
import java.util.regex.Pattern;

/**
 * Which typed emails could be an operator's, so that a sign-in with one that could not is refused before
 * anything is written. The failed try of an email is stored (the back-off counts it), and a stored email
 * is held to its column's 254 characters only by PostgreSQL: a 300-character one failed its sign-in with
 * a 503 and the batch of writes it joined, evaluations included, which were then committed one by one;
 * SQLite kept 60 KB ones a day.
 *
 * <p>An operator's email is a mailbox ({@link EmailAddresses}), or one made under the rule of earlier
 * releases, which still signs in ({@link OperatorService#checkNew}). Both are lower case and at most 254
 * characters; anything else matches no operator whatever the password.
 */
final class OperatorEmails {
    /** What operators were made under before they were held to evaluate's rule (its own 255 cut to the column's 254 below). */
    private static final Pattern EARLIER_RULE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

    private OperatorEmails() {}

    /** @param normalized the email as typed, stripped and in lower case */
    static boolean couldBeAnOperators(String normalized) {
        return EmailAddresses.isMailbox(normalized)
                || normalized.length() <= EmailAddresses.MAX_LENGTH && EARLIER_RULE.matcher(normalized).matches();
    }
}

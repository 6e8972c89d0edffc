package io.seatguard.core.policy;

import io.seatguard.core.account.AccountIds;
import io.seatguard.core.evaluation.EmailAddresses;
import io.seatguard.core.intel.CountryCodes;
import io.seatguard.core.net.Cidr;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a named list holds (CONTRACT.md "Lists"). Each kind normalizes its values the same way when a
 * list is written and when an evaluation is matched against it, so {@code Alice@Example.com} and
 * {@code alice@example.com} are one entry.
 */
public enum ListKind {
    /** Account ids evaluate takes ({@link AccountIds}), compared exactly. */
    USER("user") {
        @Override
        public Optional<String> normalize(String value) {
            return AccountIds.fault(value).isEmpty() ? Optional.of(value) : Optional.empty();
        }

        @Override
        public String storedForm(String value) {
            return value;
        }
    },
    /** Addresses and CIDR ranges, IPv4 and IPv6; stored in their canonical {@code network/prefix} form. */
    IP("ip") {
        @Override
        public Optional<String> normalize(String value) {
            return Cidr.parse(value).map(Cidr::toString);
        }

        @Override
        public String storedForm(String value) {
            return normalize(value).orElse(value);
        }
    },
    DEVICE("device") {
        @Override
        public Optional<String> normalize(String value) {
            return io.seatguard.core.ids.UuidText.canonical(value);
        }

        @Override
        public String storedForm(String value) {
            return value.toLowerCase(Locale.ROOT);
        }
    },
    /** Codes geolocation reports ({@link CountryCodes}), in upper case. */
    COUNTRY("country") {
        @Override
        public Optional<String> normalize(String value) {
            return CountryCodes.normalize(value);
        }

        @Override
        public String storedForm(String value) {
            return value.toUpperCase(Locale.ROOT);
        }
    },
    /**
     * Addresses evaluate takes ({@link EmailAddresses}), in lower case and Unicode's composed form (NFC): a
     * list matches whatever the case, and {@code josé} typed as one character or as {@code e} and a
     * combining accent (as macOS writes it) alike. Found in review: an entry in one form never matched an
     * evaluation's email in the other. A domain typed with non-ASCII letters is kept in its A-label form,
     * as evaluate keeps the evaluation's email ({@link EmailAddresses#withAsciiDomain}), so either spelling
     * of an entry matches either spelling of an evaluation's address and removes it.
     */
    EMAIL("email") {
        @Override
        public Optional<String> normalize(String value) {
            return EmailAddresses.isMailbox(Normalizer.normalize(EmailAddresses.withAsciiDomain(value.trim()), Normalizer.Form.NFC))
                    ? Optional.of(storedForm(value)) : Optional.empty();
        }

        @Override
        public String storedForm(String value) {
            return Normalizer.normalize(EmailAddresses.withAsciiDomain(value.trim()).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        }

        @Override
        public Optional<String> earlierForm(String value) {
            // Before NFC, and before A-labels: an entry kept lower-cased as typed is still found.
            String lower = value.trim().toLowerCase(Locale.ROOT);
            return lower.equals(storedForm(value)) ? Optional.empty() : Optional.of(lower);
        }
    },
    /**
     * A domain matches an email at that domain or at any of its subdomains. One typed with non-ASCII
     * letters is kept in its A-label form, the form evaluations keep their emails' domains in.
     */
    EMAIL_DOMAIN("email_domain") {
        @Override
        public Optional<String> normalize(String value) {
            String lower = storedForm(value);
            return isDomain(lower) ? Optional.of(lower) : Optional.empty();
        }

        @Override
        public String storedForm(String value) {
            String lower = value.trim().toLowerCase(Locale.ROOT);
            return EmailAddresses.asciiDomain(lower.startsWith("@") ? lower.substring(1) : lower);
        }
    };

    /** One label of a domain name: letters, digits and inner hyphens, at most 63. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_DOMAIN = 253;

    private final String wireName;

    ListKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The value in the form the list keeps, or empty when it is not a value of this kind (evaluate would refuse it). */
    public abstract Optional<String> normalize(String value);

    /**
     * The form a list keeps the value in, without judging it: how a value is looked up (an evaluation's,
     * or one to remove), so that a value stored before a stricter rule refused it ({@code UK}, {@code a@b})
     * is still found, matched as it was and removable.
     */
    public abstract String storedForm(String value);

    /**
     * The form lists kept {@code value} in before a normalization they now apply, when it differs from
     * {@link #storedForm}: a value stored then is still matched as it was, and can still be removed.
     */
    public Optional<String> earlierForm(String value) {
        return Optional.empty();
    }

    /** What a person is told when {@code value} is refused. */
    public String expectation(String value) {
        return switch (this) {
            case USER -> "must be an account id evaluate takes: " + AccountIds.fault(value).orElse("not blank, at most 256 characters");
            case IP -> Cidr.fault(value).orElse("must be an IP address or a CIDR range such as 203.0.113.0/24");
            case DEVICE -> "must be a device id (a UUID)";
            case COUNTRY -> "must be " + CountryCodes.expectation(value);
            case EMAIL -> "must be an email address evaluate takes, like name@example.com";
            case EMAIL_DOMAIN -> "must be a domain name such as example.com, of at most " + MAX_DOMAIN + " characters";
        };
    }

    /**
     * Two labels or more, each a {@link #LABEL}, 253 characters at most. The length is judged first and the
     * labels one at a time: the whole name as one pattern, {@code (label\.)+label}, recursed once per
     * label in java.util.regex, and a value of 2,000 labels overflowed the stack (an empty 500, found in review).
     */
    private static boolean isDomain(String name) {
        if (name.length() > MAX_DOMAIN) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    public static Optional<ListKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}

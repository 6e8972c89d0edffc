package io.seatguard.core.policy;

import io.seatguard.core.net.Cidr;
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
    USER("user") {
        @Override
        public Optional<String> normalize(String value) {
            return value.isBlank() || value.length() > io.seatguard.core.account.AccountIds.MAX_LENGTH ? Optional.empty() : Optional.of(value);
        }
    },
    /** Addresses and CIDR ranges, IPv4 and IPv6; stored in their canonical {@code network/prefix} form. */
    IP("ip") {
        @Override
        public Optional<String> normalize(String value) {
            return Cidr.parse(value).map(Cidr::toString);
        }
    },
    DEVICE("device") {
        @Override
        public Optional<String> normalize(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            return DEVICE_ID.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
        }
    },
    /** ISO 3166-1 alpha-2 codes. */
    COUNTRY("country") {
        @Override
        public Optional<String> normalize(String value) {
            return COUNTRY_CODE.matcher(value).matches() ? Optional.of(value.toUpperCase(Locale.ROOT)) : Optional.empty();
        }
    },
    EMAIL("email") {
        @Override
        public Optional<String> normalize(String value) {
            String lower = value.trim().toLowerCase(Locale.ROOT);
            int at = lower.lastIndexOf('@');
            if (lower.length() > 254 || at <= 0 || at == lower.length() - 1 || lower.indexOf('@') != at || lower.chars().anyMatch(Character::isWhitespace)) {
                return Optional.empty();
            }
            return Optional.of(lower);
        }
    },
    /** A domain matches an email at that domain or at any of its subdomains. */
    EMAIL_DOMAIN("email_domain") {
        @Override
        public Optional<String> normalize(String value) {
            String lower = value.trim().toLowerCase(Locale.ROOT);
            if (lower.startsWith("@")) {
                lower = lower.substring(1);
            }
            return DOMAIN.matcher(lower).matches() && lower.length() <= 253 ? Optional.of(lower) : Optional.empty();
        }
    };

    private static final Pattern DEVICE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final String wireName;

    ListKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The value in the form the list keeps, or empty when it is not a value of this kind. */
    public abstract Optional<String> normalize(String value);

    /** What a person is told when a value is refused. */
    public String expectation() {
        return switch (this) {
            case USER -> "must be a user id of 1 to 256 characters";
            case IP -> "must be an IP address or a CIDR range such as 203.0.113.0/24";
            case DEVICE -> "must be a device id (a UUID)";
            case COUNTRY -> "must be a two-letter ISO 3166 country code";
            case EMAIL -> "must be an email address";
            case EMAIL_DOMAIN -> "must be a domain name such as example.com";
        };
    }

    public static Optional<ListKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}

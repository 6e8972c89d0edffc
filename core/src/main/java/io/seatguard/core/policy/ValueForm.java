package io.seatguard.core.policy;

import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.net.IpAddresses;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one form in which the evaluation reports a string field, so that a condition value written in
 * another form, which could never match, is stored in that form or refused when it is written: a
 * country in upper case, an IP address canonical, a device type from its closed vocabulary.
 */
public enum ValueForm {
    /** Compared as written: metadata, and the string values of checks other than ip_country. */
    AS_WRITTEN,
    /**
     * {@code ip_country} reports assigned ISO 3166-1 alpha-2 codes in upper case ({@link io.seatguard.core.intel.CountryCodes});
     * {@code "us"} is stored as {@code "US"}, and {@code "UK"} is refused.
     */
    COUNTRY_CODE,
    /** {@code ip} is one address, canonical (IPv6 lower-case and compressed); a range belongs in an ip list. */
    IP_ADDRESS,
    /** {@code device_type} is one of a closed set of words, in lower case. */
    DEVICE_TYPE,
    /** {@code device_id} is a UUID in lower case, as evaluations report it (the zero id is "device unknown"). */
    DEVICE_ID,
    /** {@code action} is a name evaluate takes: login, signup, access or a custom {@code [a-z0-9_.-]{1,64}}. */
    ACTION,
    /** {@code user} is an account id evaluate takes: not blank, at most 256 characters, not a dot segment. */
    USER,
    /**
     * {@code email} is compared as the app sends it, so stored as written, but it must be an address; a
     * domain typed with non-ASCII letters is kept in A-labels, the form evaluate keeps the email in.
     */
    EMAIL,
    /** {@code phone} is E.164, the only form evaluate takes. */
    PHONE;

    private static final String DEVICE_TYPES = Arrays.stream(DeviceType.values()).map(type -> "\"" + type.wireName() + "\"")
            .collect(Collectors.joining(", "));

    /** The value in the field's form, or empty when the field never reports it. */
    public Optional<String> normalize(String value) {
        return switch (this) {
            case AS_WRITTEN -> Optional.of(value);
            case COUNTRY_CODE -> ListKind.COUNTRY.normalize(value);
            case IP_ADDRESS -> IpAddresses.parse(value).map(IpAddresses::format);
            case DEVICE_TYPE -> Arrays.stream(DeviceType.values()).map(DeviceType::wireName)
                    .filter(word -> word.equals(value.toLowerCase(Locale.ROOT))).findFirst();
            case DEVICE_ID -> ListKind.DEVICE.normalize(value);
            case ACTION -> io.seatguard.core.evaluation.Actions.isValidName(value) ? Optional.of(value) : Optional.empty();
            case USER -> io.seatguard.core.account.AccountIds.fault(value).isEmpty() ? Optional.of(value) : Optional.empty();
            case EMAIL -> Optional.of(io.seatguard.core.evaluation.EmailAddresses.withAsciiDomain(value))
                    .filter(io.seatguard.core.evaluation.EmailAddresses::isMailbox);
            case PHONE -> io.seatguard.core.evaluation.PhoneNumbers.isE164(value) ? Optional.of(value) : Optional.empty();
        };
    }

    /** What a person is told when {@code value} is refused. */
    public String expectation(String value) {
        return switch (this) {
            case AS_WRITTEN -> "a string";
            case COUNTRY_CODE -> io.seatguard.core.intel.CountryCodes.expectation(value);
            case IP_ADDRESS -> "one IP address such as 203.0.113.7 or 2001:db8::1 (match ranges with an ip list and \"in_list\")";
            case DEVICE_TYPE -> "one of " + DEVICE_TYPES;
            case DEVICE_ID -> "a device id as evaluations report it, a UUID such as 3f2c8a4e-5b1d-4c7a-9e2f-0a6b7c8d9e10";
            case ACTION -> "an action name: login, signup, access or a custom name of [a-z0-9_.-], at most 64";
            case USER -> "an account id evaluate takes (not blank, at most 256 characters, not \".\" or \"..\")";
            case EMAIL -> "an email address like name@example.com (compared as the app sends it)";
            case PHONE -> "an E.164 number like +14155550123, the form evaluate takes";
        };
    }
}

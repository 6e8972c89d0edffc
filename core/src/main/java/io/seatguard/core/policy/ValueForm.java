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
    /** Compared as written: action, user, email (as the app sends it), phone, metadata. */
    AS_WRITTEN,
    /** {@code ip_country} reports ISO 3166-1 alpha-2 in upper case; {@code "us"} is stored as {@code "US"}. */
    COUNTRY_CODE,
    /** {@code ip} is one address, canonical (IPv6 lower-case and compressed); a range belongs in an ip list. */
    IP_ADDRESS,
    /** {@code device_type} is one of a closed set of words, in lower case. */
    DEVICE_TYPE,
    /** {@code device_id} is a UUID in lower case, as evaluations report it (the zero id is "device unknown"). */
    DEVICE_ID;

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
        };
    }

    /** What a person is told when a value is refused. */
    public String expectation() {
        return switch (this) {
            case AS_WRITTEN -> "a string";
            case COUNTRY_CODE -> "a two-letter ISO 3166 country code such as \"US\"";
            case IP_ADDRESS -> "one IP address such as 203.0.113.7 or 2001:db8::1 (match ranges with an ip list and \"in_list\")";
            case DEVICE_TYPE -> "one of " + DEVICE_TYPES;
            case DEVICE_ID -> "a device id as evaluations report it, a UUID such as 3f2c8a4e-5b1d-4c7a-9e2f-0a6b7c8d9e10";
        };
    }
}

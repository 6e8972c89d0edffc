package io.seatguard.server.http;

import java.util.regex.Pattern;

/**
 * The form of a device id in a path or query: a lower-case UUID, as every device id is made (random
 * ones before, time-ordered ones since). Checked before a lookup, so a malformed id is a 400 or a 404
 * without a query.
 */
public final class DeviceIds {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private DeviceIds() {}

    public static boolean isWellFormed(String deviceId) {
        return FORM.matcher(deviceId).matches();
    }
}

package io.seatguard.core.testing;

import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.UserAgentInfo;
import io.seatguard.core.identity.UserAgentParser;

/**
 * Reads the device type from the start of the header ("mobile …", "computer …") and a browser major
 * version from a trailing "/NN" ("mobile test/130"), for tests that need no real parser.
 */
public final class FixedUserAgentParser implements UserAgentParser {
    @Override
    public UserAgentInfo parse(String userAgent) {
        for (DeviceType type : DeviceType.values()) {
            if (userAgent.startsWith(type.wireName())) {
                return new UserAgentInfo(type, "TestBrowser", "TestOS", majorVersion(userAgent));
            }
        }
        return UserAgentInfo.UNKNOWN;
    }

    private static int majorVersion(String userAgent) {
        int slash = userAgent.lastIndexOf('/');
        String digits = slash < 0 ? "" : userAgent.substring(slash + 1);
        return !digits.isEmpty() && digits.length() <= 6 && digits.chars().allMatch(Character::isDigit) ? Integer.parseInt(digits) : 0;
    }
}

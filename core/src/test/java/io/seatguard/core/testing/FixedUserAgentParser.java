package io.seatguard.core.testing;

import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.UserAgentInfo;
import io.seatguard.core.identity.UserAgentParser;

/** Reads the device type from the start of the header ("mobile …", "computer …"), for tests that need no real parser. */
public final class FixedUserAgentParser implements UserAgentParser {
    @Override
    public UserAgentInfo parse(String userAgent) {
        for (DeviceType type : DeviceType.values()) {
            if (userAgent.startsWith(type.wireName())) {
                return new UserAgentInfo(type, "TestBrowser", "TestOS");
            }
        }
        return UserAgentInfo.UNKNOWN;
    }
}

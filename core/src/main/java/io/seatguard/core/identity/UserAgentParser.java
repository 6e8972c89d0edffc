package io.seatguard.core.identity;

/** Port: turns a {@code User-Agent} header into a device class, browser and OS. Implementations must be thread-safe. */
public interface UserAgentParser {
    /** Never throws; anything it cannot read is {@link UserAgentInfo#UNKNOWN}. */
    UserAgentInfo parse(String userAgent);
}

package io.seatguard.core.presence;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.DeviceLinks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Logging a device out of an account also ends its live sessions there. Otherwise the owner who just
 * logged a sharer's device out still saw {@code concurrent_sessions} (and the device listed as actively
 * connected) until the sharer's next heartbeat, or a whole window when the sharer's tab was hidden.
 */
public final class SessionEndingDeviceLinks implements DeviceLinks {
    private final DeviceLinks links;
    private final Presence presence;

    public SessionEndingDeviceLinks(DeviceLinks links, Presence presence) {
        this.links = requireNonNull(links, "links is null");
        this.presence = requireNonNull(presence, "presence is null");
    }

    @Override
    public Optional<List<AccountDevice>> devices(String appId, String userId) {
        return links.devices(appId, userId);
    }

    @Override
    public boolean detach(String appId, String userId, String deviceId, Instant at) {
        return endingSessions(links.detach(appId, userId, deviceId, at), appId, userId, deviceId, at);
    }

    @Override
    public boolean refuse(String appId, String userId, String deviceId, Instant seenAt, Instant at) {
        return endingSessions(links.refuse(appId, userId, deviceId, seenAt, at), appId, userId, deviceId, at);
    }

    @Override
    public boolean detachOverLimit(String appId, String userId, String deviceId, Optional<String> arriving, Instant at, int limit,
            Instant windowStart, boolean vouchedOnly) {
        return endingSessions(links.detachOverLimit(appId, userId, deviceId, arriving, at, limit, windowStart, vouchedOnly), appId, userId, deviceId,
                at);
    }

    /** Ends the device's live sessions once it is logged out ({@code loggedOut}); answers {@code loggedOut}. */
    private boolean endingSessions(boolean loggedOut, String appId, String userId, String deviceId, Instant at) {
        if (loggedOut) {
            try {
                presence.endDevice(appId, userId, deviceId, at);
            }
            catch (RuntimeException e) {
                // Presence unreadable (Redis down): the logout stands; the device's next heartbeat ends its tab.
            }
        }
        return loggedOut;
    }

    @Override
    public boolean attach(String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now, boolean vouched) {
        return links.attach(appId, userId, deviceId, evaluationId, seenAt, now, vouched);
    }

    @Override
    public boolean attachWithinLimit(String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now, int limit,
            Instant windowStart, boolean vouched) {
        return links.attachWithinLimit(appId, userId, deviceId, evaluationId, seenAt, now, limit, windowStart, vouched);
    }

    @Override
    public void letIn(String appId, String deviceId, Instant seenAt) {
        links.letIn(appId, deviceId, seenAt);
    }
}

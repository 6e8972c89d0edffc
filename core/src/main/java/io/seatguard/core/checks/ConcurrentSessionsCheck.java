package io.seatguard.core.checks;

import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.net.Networks;
import io.seatguard.core.presence.Presence.LiveSession;
import java.util.List;

/**
 * {@code concurrent_sessions} (seed 001): another session of the same account is live right now, on a
 * different network, on the same device type. Null when presence could not be read. An evaluation whose
 * account was vouched for (server mode, signed identity) counts only sessions a vouched evaluation opened
 * ({@link LiveSession#vouched}): anyone holding the public client id can open a session on any account
 * with an unsigned browser call, and must not get the owner refused by it. An unsigned evaluation counts
 * them all, so an app that vouches for nobody still sees sharing between its pages.
 *
 * <p>Each guard against a false positive is deliberate:
 * <ul>
 *   <li>a session of the same device never counts: one phone moving from Wi-Fi to mobile data, or two
 *       tabs of one browser, are one person;
 *   <li>this request's own session never counts (a page view refreshing its own tab);
 *   <li>IPv6 addresses of one /64 are one network (one household); an IPv4 and an IPv6 address cannot
 *       be compared (one dual-stack household) and do not count;
 *   <li>a session whose device or device type is unknown does not count;
 *   <li>an ended session is gone from presence at once, so it never counts.
 * </ul>
 */
public final class ConcurrentSessionsCheck implements Check {
    @Override
    public String name() {
        return "concurrent_sessions";
    }

    @Override
    public CheckType type() {
        return CheckType.BOOLEAN;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        if (!inputs.hasUser()) {
            return false;
        }
        if (inputs.liveSessions().isEmpty()) {
            return null;
        }
        return concurrent(inputs, inputs.liveSessions().get());
    }

    private static boolean concurrent(CheckInputs inputs, List<LiveSession> sessions) {
        String device = inputs.device().deviceId();
        DeviceType type = inputs.deviceType();
        if (DeviceResolution.UNKNOWN_DEVICE_ID.equals(device) || type == DeviceType.UNKNOWN) {
            return false;
        }
        String ownSession = inputs.request().sessionId().orElse(null);
        boolean vouchedOnly = inputs.request().identity().vouched();
        for (LiveSession session : sessions) {
            boolean counts = (session.vouched() || !vouchedOnly)
                    && !session.sessionId().equals(ownSession)
                    && !session.deviceId().equals(device)
                    && !DeviceResolution.UNKNOWN_DEVICE_ID.equals(session.deviceId())
                    && session.deviceType().equals(type.wireName())
                    && Networks.sameNetwork(session.ip(), inputs.clientIp()).map(same -> !same).orElse(false);
            if (counts) {
                return true;
            }
        }
        return false;
    }
}

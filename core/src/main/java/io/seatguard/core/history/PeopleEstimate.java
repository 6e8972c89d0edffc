package io.seatguard.core.history;

import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.net.Networks;
import io.seatguard.core.presence.Presence.LiveSession;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many people likely use an account, for {@code GET /v3/users/{user}}. An estimate with stated
 * rules, not a count:
 *
 * <ul>
 *   <li>all time: one person rarely carries two phones, but often has two computers (work and home)
 *       or two tablets, so at least the number of phones, and half the computers or tablets, rounded up;
 *   <li>active now: sessions of one device type live on different networks at once are different
 *       people, unless they are sessions of one device (a phone moving from Wi-Fi to mobile data): the
 *       rule of {@code concurrent_sessions}; the largest such group, at least one when anything is live.
 * </ul>
 */
public final class PeopleEstimate {
    private PeopleEstimate() {}

    /**
     * @param devices the account's device links; those refused at a challenge (never let in: a stranger
     *     with the password, or a sharer turned away) are not the account's users and are not counted
     */
    public static int allTime(List<AccountDevice> devices) {
        Map<DeviceType, Integer> byType = new EnumMap<>(DeviceType.class);
        List<AccountDevice> letIn = devices.stream().filter(device -> device.status() != LinkStatus.REFUSED).toList();
        letIn.forEach(device -> byType.merge(device.type(), 1, Integer::sum));
        int phones = byType.getOrDefault(DeviceType.MOBILE, 0);
        int computers = (byType.getOrDefault(DeviceType.COMPUTER, 0) + 1) / 2;
        int tablets = (byType.getOrDefault(DeviceType.TABLET, 0) + 1) / 2;
        return Math.max(letIn.isEmpty() ? 0 : 1, Math.max(phones, Math.max(computers, tablets)));
    }

    public static int activeNow(List<LiveSession> sessions) {
        Map<String, List<LiveSession>> peopleByType = new HashMap<>();
        for (LiveSession session : sessions) {
            List<LiveSession> people = peopleByType.computeIfAbsent(session.deviceType(), type -> new ArrayList<>());
            if (people.stream().noneMatch(person -> samePerson(person, session))) {
                people.add(session);
            }
        }
        return peopleByType.values().stream().mapToInt(List::size).max().orElse(0);
    }

    /** One network (or one that cannot be told apart), or one known device on two networks. */
    private static boolean samePerson(LiveSession a, LiveSession b) {
        boolean sameDevice = a.deviceId().equals(b.deviceId()) && !DeviceResolution.UNKNOWN_DEVICE_ID.equals(a.deviceId());
        return sameDevice || Networks.sameNetwork(a.ip(), b.ip()).orElse(true);
    }
}

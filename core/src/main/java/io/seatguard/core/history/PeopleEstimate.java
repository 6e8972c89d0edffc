package io.seatguard.core.history;

import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.net.Networks;
import io.seatguard.core.presence.Presence.LiveSession;
import java.util.ArrayList;
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
     * @param letInByType how many of the account's devices of each type were ever let in (attached, or
     *     logged out after they were: {@link AccountSummary#letInByType}); those refused at a challenge (a
     *     stranger with the password, or a sharer turned away) are not the account's users and are not in it
     */
    public static int allTime(Map<DeviceType, Integer> letInByType) {
        int phones = letInByType.getOrDefault(DeviceType.MOBILE, 0);
        int computers = (letInByType.getOrDefault(DeviceType.COMPUTER, 0) + 1) / 2;
        int tablets = (letInByType.getOrDefault(DeviceType.TABLET, 0) + 1) / 2;
        boolean any = letInByType.values().stream().anyMatch(count -> count > 0);
        return Math.max(any ? 1 : 0, Math.max(phones, Math.max(computers, tablets)));
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

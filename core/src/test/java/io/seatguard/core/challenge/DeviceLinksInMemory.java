package io.seatguard.core.challenge;

import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.DeviceLinks;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.identity.DeviceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's device links held in memory, for the challenge service's tests: logging a device out
 * and attaching one change what is listed, as in the store, and both are remembered in order.
 */
final class DeviceLinksInMemory implements DeviceLinks {
    private final Map<String, AccountDevice> links = new LinkedHashMap<>();
    /** The devices logged out, in order. */
    final List<String> detached = new ArrayList<>();
    /** "device@evaluation@seenAt" for each attachment, in order. */
    final List<String> attached = new ArrayList<>();
    /** The devices attached by a challenge of a vouched-for evaluation, in order. */
    final List<String> vouchedAttaches = new ArrayList<>();
    /** "device@seenAt" for each device let in to the app without an account, in order. */
    final List<String> letIn = new ArrayList<>();

    DeviceLinksInMemory(List<AccountDevice> devices) {
        devices.forEach(device -> links.put(device.id(), device));
    }

    @Override
    public Optional<List<AccountDevice>> devices(String appId, String userId) {
        return Optional.of(List.copyOf(links.values()));
    }

    @Override
    public boolean detach(String appId, String userId, String deviceId, Instant at) {
        AccountDevice link = links.get(deviceId);
        if (link == null) {
            return false;
        }
        detached.add(deviceId);
        links.put(deviceId, new AccountDevice(deviceId, link.type(), LinkStatus.DETACHED, link.firstSeen(), link.lastSeen(), link.browser(), link.os(),
                link.lastCountry(), link.vouched()));
        return true;
    }

    @Override
    public boolean refuse(String appId, String userId, String deviceId, Instant seenAt, Instant at) {
        if (links.putIfAbsent(deviceId, new AccountDevice(deviceId, DeviceType.COMPUTER, LinkStatus.REFUSED, seenAt, seenAt, "Chrome", "Linux",
                Optional.empty())) == null) {
            detached.add(deviceId);
            return true;
        }
        return detach(appId, userId, deviceId, at);
    }

    @Override
    public boolean attach(String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now, boolean vouched) {
        attached.add(deviceId + "@" + evaluationId + "@" + seenAt);
        if (vouched) {
            vouchedAttaches.add(deviceId);
        }
        AccountDevice link = links.get(deviceId);
        Instant at = seenAt;
        links.put(deviceId, link == null
                ? new AccountDevice(deviceId, DeviceType.COMPUTER, LinkStatus.ATTACHED, at, at, "Chrome", "Linux", Optional.empty(), vouched)
                : new AccountDevice(deviceId, link.type(), LinkStatus.ATTACHED, link.firstSeen(), at, link.browser(), link.os(), link.lastCountry(),
                        vouched || link.vouched()));
        return true;
    }

    @Override
    public boolean attachWithinLimit(String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now, int limit,
            Instant windowStart, boolean vouched) {
        long others = links.values().stream().filter(link -> !link.id().equals(deviceId) && link.status() == LinkStatus.ATTACHED
                && !link.lastSeen().isBefore(windowStart) && (link.vouched() || !vouched)).count();
        if (others + 1 > limit) {
            return false;
        }
        attach(appId, userId, deviceId, evaluationId, seenAt, now, vouched);
        return true;
    }

    @Override
    public boolean detachOverLimit(String appId, String userId, String deviceId, Optional<String> arriving, Instant at, int limit,
            Instant windowStart, boolean vouchedOnly) {
        long counted = links.values().stream().filter(link -> !arriving.equals(Optional.of(link.id())) && link.status() == LinkStatus.ATTACHED
                && !link.lastSeen().isBefore(windowStart) && (link.vouched() || !vouchedOnly)).count() + (arriving.isPresent() ? 1 : 0);
        if (counted <= limit) {
            return false;
        }
        detach(appId, userId, deviceId, at);
        return true;
    }

    @Override
    public void letIn(String appId, String deviceId, Instant seenAt) {
        letIn.add(deviceId + "@" + seenAt);
    }
}

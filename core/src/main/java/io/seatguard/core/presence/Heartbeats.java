package io.seatguard.core.presence;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountReader;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.identity.DeviceDirectory;
import io.seatguard.core.identity.Fingerprint;
import io.seatguard.core.identity.KnownDevice;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * A protected page's heartbeat and its end (CONTRACT.md "Presence"): keeps the tab's session live and
 * tells the SDK when its device has been logged out of the account, so it fires {@code on_logout}
 * without waiting for the next evaluation.
 *
 * <p>The device is found by the SDK's token alone: a heartbeat carries no components, and a tab
 * without a known token has had no evaluation yet, so it cannot have been logged out either.
 *
 * <p>A heartbeat keeps a session an evaluation opened, on the device that evaluation resolved (a copied
 * token must not turn a sharer's session into the owner's device), and vouched for only if that evaluation
 * was: a heartbeat carries the public client id alone. Past the window (a tab hidden, a node restarted) it
 * brings back only a session an allowed evaluation opened ({@link Presence#resume}), on the device that
 * evaluation resolved and while that device is still attached: otherwise a heartbeat alone could make up a
 * live session on any account, and a page view that was denied (a sharer refused for a concurrent session)
 * would become live through its heartbeats and get the owner refused in turn.
 *
 * <p>An unsigned page view naming any account is still allowed, and opens a session a heartbeat keeps:
 * anyone holding the public client id can do that. Such a session counts for {@code concurrent_sessions}
 * only in unsigned evaluations; one the app vouches for (server mode, signed identity) counts only
 * sessions vouched evaluations opened ({@link Presence.LiveSession#vouched}).
 */
public final class Heartbeats {
    private final Presence presence;
    private final DeviceDirectory devices;
    private final AccountReader accounts;
    private final InstantSource clock;

    public Heartbeats(Presence presence, DeviceDirectory devices, AccountReader accounts, InstantSource clock) {
        this.presence = requireNonNull(presence, "presence is null");
        this.devices = requireNonNull(devices, "devices is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The answer to one heartbeat: whether the session is live, and whether the device must log out. */
    public record Beat(boolean active, boolean logout) {}

    public Beat beat(String appId, String userId, String sessionId, Optional<String> token, String ip) {
        Instant now = clock.instant();
        Optional<KnownDevice> device = token.map(Fingerprint::sha256Hex).flatMap(hash -> devices.findByTokenHash(appId, hash));
        // Only the device's own link: reading the account's window would walk an account with many links.
        Optional<LinkStatus> link = device.flatMap(known -> accounts.link(appId, userId, known.id())).map(LinkedDevice::status);
        if (link.orElse(LinkStatus.ATTACHED).loggedOut()) {
            // A logged-out device's tab is no longer a live session of the account.
            presence.end(appId, userId, sessionId, now);
            return new Beat(false, true);
        }
        if (presence.refresh(appId, userId, sessionId, ip, now)) {
            return new Beat(true, false);
        }
        Optional<Presence.OpenedSession> opened = presence.opened(appId, userId, sessionId, now);
        if (opened.isEmpty()) {
            return new Beat(false, false);
        }
        Optional<LinkStatus> openedOn = accounts.link(appId, userId, opened.get().deviceId()).map(LinkedDevice::status);
        if (openedOn.isEmpty()) {
            // The account was erased since (or never kept its device): nothing to bring back.
            return new Beat(false, false);
        }
        if (openedOn.get().loggedOut()) {
            // The device the session was opened on was logged out while the tab was quiet (a copied token's
            // own device may not have been): the tab is logged out all the same.
            presence.end(appId, userId, sessionId, now);
            return new Beat(false, true);
        }
        return new Beat(presence.resume(appId, userId, sessionId, ip, now), false);
    }

    /** The presence these heartbeats keep, for readers of live sessions (the device list). */
    public Presence presence() {
        return presence;
    }

    public void end(String appId, String userId, String sessionId) {
        presence.end(appId, userId, sessionId, clock.instant());
    }
}

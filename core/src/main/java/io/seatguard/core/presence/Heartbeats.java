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
 * <p>The tab's device is found by the SDK's token, and by its session: the device the evaluation that
 * opened the session resolved, while the session is live, remembered ({@link Presence#opened}) or ended
 * by the logout ({@link Presence#loggedOutOn}; a logout ends its device's live sessions). So a tab whose
 * heartbeats carry no token (its storage blocked or cleared), or another device's copied token, is told
 * its device was logged out too. It cannot be told when presence does not know its session's device:
 * never opened by an allowed evaluation (a heartbeat carries no components), quiet for longer than
 * {@link Presence#OPENED_MEMORY} since its last sign of life or its logout, ended otherwise before the
 * logout (its page hide, a refused page view), opened again since by an allowed evaluation, or (one
 * node, in memory) forgotten by a restart or pushed out of the memory's cap.
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
        Optional<String> device = token.map(Fingerprint::sha256Hex).flatMap(hash -> devices.findByTokenHash(appId, hash)).map(KnownDevice::id);
        if (device.isPresent() && loggedOut(appId, userId, device.get())) {
            // A logged-out device's tab is no longer a live session of the account.
            presence.endLoggedOut(appId, userId, sessionId, now);
            return new Beat(false, true);
        }
        Optional<String> liveOn = presence.refresh(appId, userId, sessionId, ip, now);
        if (liveOn.isPresent()) {
            // The session's own device, when the token named none or another (a copied token): logged out while
            // the logout could not end the session (presence unreadable then, SessionEndingDeviceLinks).
            if (!liveOn.equals(device) && loggedOut(appId, userId, liveOn.get())) {
                presence.endLoggedOut(appId, userId, sessionId, now);
                return new Beat(false, true);
            }
            return new Beat(true, false);
        }
        Optional<Presence.OpenedSession> opened = presence.opened(appId, userId, sessionId, now);
        if (opened.isEmpty()) {
            // Ended by its device's logout (SessionEndingDeviceLinks), or never opened: the tab is told of the logout
            // while presence still knows which device the session was on, whatever token the beat carries.
            boolean loggedOut = presence.loggedOutOn(appId, userId, sessionId, now).filter(on -> loggedOut(appId, userId, on)).isPresent();
            return new Beat(false, loggedOut);
        }
        Optional<LinkStatus> openedOn = accounts.link(appId, userId, opened.get().deviceId()).map(LinkedDevice::status);
        if (openedOn.isEmpty()) {
            // The account was erased since (or never kept its device): nothing to bring back.
            return new Beat(false, false);
        }
        if (openedOn.get().loggedOut()) {
            // The device the session was opened on was logged out while the tab was quiet (a copied token's
            // own device may not have been): the tab is logged out all the same.
            presence.endLoggedOut(appId, userId, sessionId, now);
            return new Beat(false, true);
        }
        return new Beat(presence.resume(appId, userId, sessionId, ip, now), false);
    }

    /** Whether the device's link to the account is a logout: its link alone (one primary-key lookup), never the account's window. */
    private boolean loggedOut(String appId, String userId, String deviceId) {
        return accounts.link(appId, userId, deviceId).map(LinkedDevice::status).map(LinkStatus::loggedOut).orElse(false);
    }

    /** The presence these heartbeats keep, for readers of live sessions (the device list). */
    public Presence presence() {
        return presence;
    }

    public void end(String appId, String userId, String sessionId) {
        presence.end(appId, userId, sessionId, clock.instant());
    }
}

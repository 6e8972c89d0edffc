package io.seatguard.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.presence.Presence;
import io.seatguard.core.presence.Presence.LiveSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Presence} adapter must do, run against each (in memory; Redis, the real server).
 * Subclasses make a presence whose active window is {@link #WINDOW}.
 */
public abstract class PresenceContract {
    protected static final Duration WINDOW = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

    private Presence presence;
    /** An app id of its own per test, so tests sharing one Redis never see each other's sessions. */
    private String app;

    protected abstract Presence create(Duration window);

    /** With a cap of its own on the app's live sessions ({@link Presence#DEFAULT_MAX_LIVE_PER_APP}), for the case that it holds. */
    protected abstract Presence create(Duration window, long maxLivePerApp);

    /**
     * How many things {@code presence} holds for {@code app} (Redis keys; in memory, entries), to tell
     * whether what a flood leaves is bounded.
     */
    protected abstract long held(Presence presence, String app);

    /**
     * How many of the account's sessions wait for room under the app's cap ({@link Presence#MAX_WAITING_PER_APP}):
     * Redis's {@code seatguard:presence-waiting:<app>} members, in memory the app's waiting set. What an
     * erasure must leave none of, though no answer of presence shows it.
     */
    protected abstract long waitingOf(Presence presence, String app, String user);

    @BeforeEach
    void setUp() {
        presence = create(WINDOW);
        app = "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static LiveSession session(String id, String device, Instant at) {
        return new LiveSession(id, device, "computer", "198.51.100.7", at, false);
    }

    @Test
    void aSessionIsLiveUntilItsWindowPassesWithoutASignOfLife() {
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        assertThat(presence.live(app, "ann", T0.plusSeconds(89))).extracting(LiveSession::sessionId).containsExactly("tab-1");
        presence.touch(app, "ann", session("tab-1", "dev-1", T0.plusSeconds(60)));
        assertThat(presence.live(app, "ann", T0.plusSeconds(149))).hasSize(1);
        assertThat(presence.live(app, "ann", T0.plusSeconds(150))).isEmpty();
    }

    @Test
    void aLiveSessionKeepsWhatWasLastSaidOfIt() {
        presence.touch(app, "ann", new LiveSession("tab-1", "dev-1", "mobile", "2001:db8::1", T0, false));
        presence.touch(app, "ann", new LiveSession("tab-1", "dev-1", "mobile", "203.0.113.9", T0.plusSeconds(5), false));
        assertThat(presence.live(app, "ann", T0.plusSeconds(6)))
                .containsExactly(new LiveSession("tab-1", "dev-1", "mobile", "203.0.113.9", T0.plusSeconds(5), false));
    }

    @Test
    void aRefreshKeepsALiveSessionsDeviceAndMovesOnlyItsNetworkAndTime() {
        presence.touch(app, "ann", new LiveSession("tab-1", "dev-sharer", "mobile", "198.51.100.7", T0, false));

        assertThat(presence.refresh(app, "ann", "tab-1", "203.0.113.9", T0.plusSeconds(80))).as("the device the touch set").contains("dev-sharer");
        assertThat(presence.live(app, "ann", T0.plusSeconds(160)))
                .as("live a window after the refresh, on the device the touch set")
                .containsExactly(new LiveSession("tab-1", "dev-sharer", "mobile", "203.0.113.9", T0.plusSeconds(80), false));
        assertThat(presence.refresh(app, "ann", "tab-1", "192.0.2.1", T0.plusSeconds(70))).as("a late refresh: still live").contains("dev-sharer");
        assertThat(presence.live(app, "ann", T0.plusSeconds(81)).getFirst().lastSeen()).as("never moved backwards").isEqualTo(T0.plusSeconds(80));
    }

    @Test
    void aRefreshNeverOpensASession() {
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        presence.touch(app, "ann", session("tab-2", "dev-2", T0));
        presence.end(app, "ann", "tab-2", T0.plusSeconds(1));

        assertThat(presence.refresh(app, "ann", "made-up", "198.51.100.7", T0.plusSeconds(2))).as("never touched").isEmpty();
        assertThat(presence.refresh(app, "ann", "tab-2", "198.51.100.7", T0.plusSeconds(2))).as("ended").isEmpty();
        assertThat(presence.refresh(app, "ann", "tab-1", "198.51.100.7", T0.plusSeconds(90))).as("expired").isEmpty();
        assertThat(presence.refresh(app, "bob", "tab-1", "198.51.100.7", T0.plusSeconds(2))).as("another account's id").isEmpty();
        assertThat(presence.live(app, "ann", T0.plusSeconds(2))).extracting(LiveSession::sessionId).containsExactly("tab-1");
        assertThat(presence.live(app, "bob", T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void aResumeBringsBackALapsedSessionButNeverAnEndedOne() {
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        presence.touch(app, "ann", session("tab-2", "dev-2", T0));
        presence.end(app, "ann", "tab-2", T0.plusSeconds(1));

        assertThat(presence.resume(app, "ann", "tab-2", "198.51.100.7", T0.plusSeconds(2))).as("ended a second ago").isFalse();
        assertThat(presence.live(app, "ann", T0.plusSeconds(3))).extracting(LiveSession::sessionId).containsExactly("tab-1");
        presence.touch(app, "ann", session("tab-2", "dev-2", T0.plusSeconds(4)));
        assertThat(presence.live(app, "ann", T0.plusSeconds(5))).as("the tab's next page, by its evaluation")
                .extracting(LiveSession::sessionId).contains("tab-2");
        assertThat(presence.resume(app, "ann", "tab-1", "198.51.100.7", T0.plusSeconds(200))).as("lapsed").isTrue();
        assertThat(presence.live(app, "ann", T0.plusSeconds(201))).extracting(LiveSession::sessionId).containsExactly("tab-1");
    }

    /**
     * Only a session an allowed evaluation opened (a touch) comes back by a heartbeat: not a made-up id,
     * nor a denied page view's, which no touch made; otherwise a refused sharer's tab turned live by its
     * beats and got the owner refused for a concurrent session.
     */
    @Test
    void aResumeBringsBackOnlyASessionAnAllowedEvaluationOpened() {
        assertThat(presence.opened(app, "ann", "tab-denied", T0)).isEmpty();
        assertThat(presence.resume(app, "ann", "tab-denied", "203.0.113.9", T0)).as("never opened").isFalse();
        presence.touch(app, "bob", session("tab-bob", "dev-1", T0));
        assertThat(presence.resume(app, "ann", "tab-bob", "203.0.113.9", T0.plusSeconds(1))).as("another account's").isFalse();
        assertThat(presence.live(app, "ann", T0.plusSeconds(2))).isEmpty();
        assertThat(presence.liveSessions(app, T0.plusSeconds(2))).isEqualTo(1);
    }

    /**
     * A resume puts the session back on the device its evaluation resolved, whatever token the heartbeat
     * carried: a sharer's tab with the owner's copied token stays the sharer's device after the window.
     */
    @Test
    void aResumePutsTheSessionBackOnTheDeviceItWasOpenedOn() {
        presence.touch(app, "ann", new LiveSession("tab-sharer", "dev-sharer", "mobile", "198.51.100.7", T0, false));
        assertThat(presence.opened(app, "ann", "tab-sharer", T0.plusSeconds(120))).contains(new Presence.OpenedSession("dev-sharer", "mobile", false));

        assertThat(presence.resume(app, "ann", "tab-sharer", "203.0.113.9", T0.plusSeconds(120))).isTrue();
        assertThat(presence.live(app, "ann", T0.plusSeconds(121)))
                .containsExactly(new LiveSession("tab-sharer", "dev-sharer", "mobile", "203.0.113.9", T0.plusSeconds(120), false));
    }

    /**
     * Whether a vouched evaluation (server mode, signed identity) opened the session is kept as it was
     * opened: a heartbeat (a refresh, or a resume past the window) carries the public client id alone and
     * vouches for nothing, nor takes a vouching away.
     */
    @Test
    void aSessionKeepsWhetherItsOpeningWasVouchedForThroughItsHeartbeats() {
        presence.touch(app, "ann", new LiveSession("tab-backend", "dev-1", "computer", "198.51.100.7", T0, true));
        presence.touch(app, "ann", new LiveSession("tab-unsigned", "dev-2", "computer", "203.0.113.9", T0, false));
        assertThat(presence.refresh(app, "ann", "tab-backend", "198.51.100.8", T0.plusSeconds(30))).contains("dev-1");
        assertThat(presence.refresh(app, "ann", "tab-unsigned", "203.0.113.10", T0.plusSeconds(30))).contains("dev-2");
        assertThat(presence.live(app, "ann", T0.plusSeconds(31))).containsExactlyInAnyOrder(
                new LiveSession("tab-backend", "dev-1", "computer", "198.51.100.8", T0.plusSeconds(30), true),
                new LiveSession("tab-unsigned", "dev-2", "computer", "203.0.113.10", T0.plusSeconds(30), false));

        Instant lapsed = T0.plusSeconds(200);
        assertThat(presence.opened(app, "ann", "tab-backend", lapsed)).contains(new Presence.OpenedSession("dev-1", "computer", true));
        assertThat(presence.opened(app, "ann", "tab-unsigned", lapsed)).contains(new Presence.OpenedSession("dev-2", "computer", false));
        assertThat(presence.resume(app, "ann", "tab-backend", "198.51.100.9", lapsed)).isTrue();
        assertThat(presence.resume(app, "ann", "tab-unsigned", "203.0.113.11", lapsed)).isTrue();
        assertThat(presence.live(app, "ann", lapsed)).containsExactlyInAnyOrder(
                new LiveSession("tab-backend", "dev-1", "computer", "198.51.100.9", lapsed, true),
                new LiveSession("tab-unsigned", "dev-2", "computer", "203.0.113.11", lapsed, false));
        assertThat(presence.refresh(app, "ann", "tab-unsigned", "203.0.113.12", lapsed.plusSeconds(1))).contains("dev-2");
        assertThat(presence.live(app, "ann", lapsed.plusSeconds(1))).filteredOn(LiveSession::vouched).extracting(LiveSession::sessionId)
                .containsExactly("tab-backend");
    }

    /**
     * A session a vouched evaluation touched stays vouched for: an unsigned evaluation in the same tab (the
     * app's backend vouches for the login, its pages are unsigned; or a sharer's hand-made call carrying
     * their own tab's id) took the vouching back, and vouched evaluations stopped seeing a sharer (found in
     * review). An unsigned session becomes vouched with its first vouched evaluation.
     */
    @Test
    void aSessionOnceVouchedForStaysSoThroughUnsignedEvaluations() {
        presence.touch(app, "ann", new LiveSession("tab-1", "dev-1", "computer", "198.51.100.7", T0, true));
        presence.touch(app, "ann", new LiveSession("tab-1", "dev-1", "computer", "198.51.100.8", T0.plusSeconds(1), false));
        assertThat(presence.live(app, "ann", T0.plusSeconds(2)))
                .containsExactly(new LiveSession("tab-1", "dev-1", "computer", "198.51.100.8", T0.plusSeconds(1), true));
        assertThat(presence.opened(app, "ann", "tab-1", T0.plusSeconds(2))).contains(new Presence.OpenedSession("dev-1", "computer", true));

        // Gone from the live set (past the window), still remembered: the unsigned evaluation that opens it again keeps the vouching.
        Instant lapsed = T0.plusSeconds(300);
        presence.touch(app, "ann", new LiveSession("tab-1", "dev-1", "computer", "198.51.100.9", lapsed, false));
        assertThat(presence.live(app, "ann", lapsed)).extracting(LiveSession::vouched).containsExactly(true);

        presence.touch(app, "ann", new LiveSession("tab-2", "dev-2", "computer", "203.0.113.9", T0, false));
        assertThat(presence.live(app, "ann", T0.plusSeconds(1))).filteredOn(live -> live.sessionId().equals("tab-2"))
                .extracting(LiveSession::vouched).containsExactly(false);
        presence.touch(app, "ann", new LiveSession("tab-2", "dev-2", "computer", "203.0.113.9", T0.plusSeconds(3), true));
        assertThat(presence.live(app, "ann", T0.plusSeconds(4))).filteredOn(live -> live.sessionId().equals("tab-2"))
                .extracting(LiveSession::vouched).containsExactly(true);
        assertThat(presence.opened(app, "ann", "tab-2", T0.plusSeconds(4))).contains(new Presence.OpenedSession("dev-2", "computer", true));
    }

    @Test
    void anEndedSessionIsNeverResumedAndItsNextPageOpensItAgain() {
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        presence.end(app, "ann", "tab-1", T0.plusSeconds(1));

        assertThat(presence.opened(app, "ann", "tab-1", T0.plusSeconds(2))).isEmpty();
        assertThat(presence.resume(app, "ann", "tab-1", "198.51.100.7", T0.plusSeconds(1_000))).as("long after the end mark is gone").isFalse();
        assertThat(presence.live(app, "ann", T0.plusSeconds(1_001))).isEmpty();

        presence.touch(app, "ann", session("tab-1", "dev-1", T0.plusSeconds(1_100)));
        assertThat(presence.resume(app, "ann", "tab-1", "198.51.100.7", T0.plusSeconds(1_300))).as("opened again by its next page").isTrue();
    }

    /**
     * The same tab's next page after its end opens it again, and that opening is the one a heartbeat
     * resumes: while the end is still remembered too (within a window or two of it), not only once it is gone.
     */
    @Test
    void aSessionOpenedAgainAfterItsEndIsResumedWhileTheEndIsStillRemembered() {
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        presence.end(app, "ann", "tab-1", T0.plusSeconds(1));
        presence.touch(app, "ann", session("tab-1", "dev-1", T0.plusSeconds(2)));

        assertThat(presence.live(app, "ann", T0.plusSeconds(100))).as("lapsed: hidden past the window").isEmpty();
        assertThat(presence.resume(app, "ann", "tab-1", "198.51.100.7", T0.plusSeconds(100))).as("its heartbeat brings it back").isTrue();
        assertThat(presence.live(app, "ann", T0.plusSeconds(101))).extracting(LiveSession::sessionId).containsExactly("tab-1");
    }

    /**
     * A heartbeat found its session lapsed (its refresh failed) and resumes it, but another node's evaluation
     * of the same tab touched it a moment later first: the session is live, and the resume says so.
     */
    @Test
    void aResumeOfASessionTouchedLaterAlreadySaysItIsLiveAndChangesNothing() {
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        presence.touch(app, "ann", new LiveSession("tab-1", "dev-1", "computer", "203.0.113.9", T0.plusSeconds(101), false));

        assertThat(presence.resume(app, "ann", "tab-1", "198.51.100.7", T0.plusSeconds(100))).isTrue();
        assertThat(presence.live(app, "ann", T0.plusSeconds(102)))
                .containsExactly(new LiveSession("tab-1", "dev-1", "computer", "203.0.113.9", T0.plusSeconds(101), false));
    }

    /** Two touches at the same moment: the last one said wins, in the live session as in its opening. */
    @Test
    void ofTwoTouchesAtTheSameMomentTheLastSaidWins() {
        presence.touch(app, "ann", new LiveSession("tab-1", "dev-1", "computer", "198.51.100.7", T0, false));
        presence.touch(app, "ann", new LiveSession("tab-1", "dev-2", "mobile", "203.0.113.9", T0, false));

        assertThat(presence.live(app, "ann", T0.plusSeconds(1))).containsExactly(new LiveSession("tab-1", "dev-2", "mobile", "203.0.113.9", T0, false));
        assertThat(presence.opened(app, "ann", "tab-1", T0.plusSeconds(1))).contains(new Presence.OpenedSession("dev-2", "mobile", false));
    }

    @Test
    void anOpeningIsRememberedAMemoryAfterTheSessionsLastSignOfLife() {
        Duration memory = Presence.OPENED_MEMORY;
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        presence.touch(app, "ann", session("tab-2", "dev-2", T0));
        presence.refresh(app, "ann", "tab-2", "198.51.100.7", T0.plusSeconds(60));

        assertThat(presence.resume(app, "ann", "tab-1", "198.51.100.7", T0.plus(memory))).as("quiet a whole memory").isFalse();
        assertThat(presence.opened(app, "ann", "tab-2", T0.plus(memory).plusSeconds(59))).as("a heartbeat moves it on").isPresent();
        assertThat(presence.resume(app, "ann", "tab-2", "198.51.100.7", T0.plus(memory).plusSeconds(59))).isTrue();
        assertThat(presence.resume(app, "ann", "tab-2", "198.51.100.7", T0.plus(memory).plus(memory).plusSeconds(58)))
                .as("and so does a resume").isTrue();
    }

    @Test
    void endingADeviceEndsItsSessionsOnly() {
        presence.touch(app, "ann", session("tab-1", "dev-sharer", T0));
        presence.touch(app, "ann", session("tab-2", "dev-sharer", T0));
        presence.touch(app, "ann", session("tab-3", "dev-owner", T0));

        presence.endDevice(app, "ann", "dev-sharer", T0.plusSeconds(1));

        assertThat(presence.live(app, "ann", T0.plusSeconds(2))).extracting(LiveSession::sessionId).containsExactly("tab-3");
    }

    @Test
    void endsOfMadeUpSessionsDoNotCrowdOutAnAccountsLiveOnes() {
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        for (int i = 0; i < 3 * Presence.MAX_SESSIONS_PER_ACCOUNT; i++) {
            presence.end(app, "ann", "made-up-" + i, T0.plusMillis(i));
        }
        presence.touch(app, "ann", session("tab-2", "dev-2", T0.plusSeconds(1)));

        assertThat(presence.live(app, "ann", T0.plusSeconds(2))).extracting(LiveSession::sessionId).containsExactlyInAnyOrder("tab-1", "tab-2");
    }

    @Test
    void anEndedSessionIsGoneAtOnceAndOthersStay() {
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        presence.touch(app, "ann", session("tab-2", "dev-2", T0));
        presence.end(app, "ann", "tab-1", T0);
        presence.end(app, "ann", "never-seen", T0);
        presence.end(app, "nobody", "tab-1", T0);
        assertThat(presence.live(app, "ann", T0.plusSeconds(1))).extracting(LiveSession::deviceId).containsExactly("dev-2");
    }

    /**
     * A tab closed just after it loaded: its end arrives before the page's own evaluation (or a heartbeat)
     * already in flight touches it. That touch is from before the end and must not bring it back; the same
     * tab's next page, after the end, does.
     */
    @Test
    void aTouchFromBeforeTheEndDoesNotBringTheSessionBack() {
        presence.end(app, "ann", "tab-1", T0.plusSeconds(2));
        presence.touch(app, "ann", session("tab-1", "dev-1", T0.plusSeconds(1)));
        presence.touch(app, "ann", session("tab-1", "dev-1", T0.plusSeconds(2)));
        assertThat(presence.live(app, "ann", T0.plusSeconds(3))).as("touches from before the end").isEmpty();
        assertThat(presence.liveSessions(app, T0.plusSeconds(3))).isZero();

        presence.touch(app, "ann", session("tab-1", "dev-1", T0.plusSeconds(3)));
        assertThat(presence.live(app, "ann", T0.plusSeconds(4))).as("the tab's next page").extracting(LiveSession::sessionId).containsExactly("tab-1");
        assertThat(presence.liveSessions(app, T0.plusSeconds(4))).isEqualTo(1);
    }

    @Test
    void accountsAndAppsAreApartAndALateBeatDoesNotRewindASession() {
        presence.touch(app, "ann", session("tab-1", "dev-1", T0.plusSeconds(30)));
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        assertThat(presence.live(app, "ann", T0.plusSeconds(100))).singleElement()
                .satisfies(live -> assertThat(live.lastSeen()).isEqualTo(T0.plusSeconds(30)));
        assertThat(presence.live(app, "bob", T0)).isEmpty();
        assertThat(presence.live(app + "x", "ann", T0)).isEmpty();
    }

    /**
     * An erasure forgets the account's quiet sessions too: their openings were kept for a memory, and a
     * heartbeat of a tab from before the erasure resumed its session once the account was made again.
     * Another account's, one whose id the erased one's is a prefix of included, stay.
     */
    @Test
    void erasingAnAccountForgetsItsQuietSessionsSoNoHeartbeatResumesOne() {
        presence.touch(app, "ann", new LiveSession("tab-quiet", "dev-1", "computer", "198.51.100.7", T0, true));
        presence.touch(app, "ann", session("tab-logged-out", "dev-2", T0));
        presence.endLoggedOut(app, "ann", "tab-logged-out", T0.plusSeconds(1));
        presence.touch(app, "ann", session("tab-live", "dev-1", T0.plusSeconds(500)));
        presence.touch(app, "ann*", session("tab-quiet", "dev-3", T0));
        presence.touch(app, "an", session("n:tab-quiet", "dev-4", T0));
        Instant erased = T0.plusSeconds(560);
        assertThat(presence.opened(app, "ann", "tab-quiet", erased)).as("quiet, but remembered until the erasure").isPresent();

        presence.endAll(app, "ann", erased);

        assertThat(presence.live(app, "ann", erased)).isEmpty();
        assertThat(presence.opened(app, "ann", "tab-quiet", erased)).isEmpty();
        assertThat(presence.loggedOutOn(app, "ann", "tab-logged-out", erased)).as("the erased account's devices are not named").isEmpty();
        assertThat(presence.resume(app, "ann", "tab-quiet", "198.51.100.7", erased.plusSeconds(10))).isFalse();
        assertThat(presence.resume(app, "ann", "tab-live", "198.51.100.7", erased.plusSeconds(10))).isFalse();
        assertThat(presence.live(app, "ann", erased.plusSeconds(11))).isEmpty();
        assertThat(presence.opened(app, "ann*", "tab-quiet", erased)).as("another account's").isPresent();
        assertThat(presence.opened(app, "an", "n:tab-quiet", erased)).as("another account's").isPresent();

        // An id with a pattern's special characters matches itself only (Redis finds openings by pattern).
        presence.touch(app, "a?", session("tab-1", "dev-5", T0));
        presence.touch(app, "ab", session("tab-1", "dev-6", T0));
        presence.endAll(app, "a?", erased);
        assertThat(presence.opened(app, "a?", "tab-1", erased)).isEmpty();
        assertThat(presence.opened(app, "ab", "tab-1", erased)).as("another account's").isPresent();
    }

    /**
     * An account with more sessions than it keeps live (a bot opening one per request): an erasure forgets
     * every opening, the live ones, those the cap kept out and the quiet ones, and every device a logout's
     * end named. Redis finds them through the account's index, not a walk over its keys.
     */
    @Test
    void erasingAnAccountWithManySessionsForgetsEveryOne() {
        int quiet = 60;
        int sessions = quiet + Presence.MAX_SESSIONS_PER_ACCOUNT + 20;
        for (int i = 0; i < sessions; i++) {
            // Quiet by the erasure, the first ones; the rest live, but the cap keeps the last 20 out.
            presence.touch(app, "ann", session("tab-" + i, "dev-" + i, i < quiet ? T0 : T0.plusSeconds(500)));
        }
        presence.endLoggedOut(app, "ann", "tab-0", T0.plusSeconds(1));
        Instant erased = T0.plusSeconds(560);
        assertThat(presence.live(app, "ann", erased)).hasSize(Presence.MAX_SESSIONS_PER_ACCOUNT);
        assertThat(presence.opened(app, "ann", "tab-" + (sessions - 1), erased)).as("kept out, but remembered").isPresent();

        presence.endAll(app, "ann", erased);

        assertThat(presence.live(app, "ann", erased)).isEmpty();
        assertThat(presence.loggedOutOn(app, "ann", "tab-0", erased)).isEmpty();
        for (int i = 1; i < sessions; i++) {
            assertThat(presence.opened(app, "ann", "tab-" + i, erased)).as("tab-%d", i).isEmpty();
            assertThat(presence.resume(app, "ann", "tab-" + i, "198.51.100.7", erased.plusSeconds(1))).as("tab-%d", i).isFalse();
        }
        assertThat(presence.live(app, "ann", erased.plusSeconds(1))).isEmpty();
    }

    /**
     * An erasure is of one account of one app: another account's sessions, and the same user id's in
     * another app, stay live and remembered, the devices their logouts named too.
     */
    @Test
    void erasingAnAccountLeavesOtherAccountsAndTheSameUserInOtherAppsAlone() {
        String otherApp = app + "_other";
        for (String[] account : new String[][] {{app, "ann"}, {app, "bob"}, {otherApp, "ann"}}) {
            presence.touch(account[0], account[1], session("tab-quiet", "dev-1", T0));
            presence.touch(account[0], account[1], session("tab-out", "dev-2", T0));
            presence.endLoggedOut(account[0], account[1], "tab-out", T0.plusSeconds(1));
            presence.touch(account[0], account[1], session("tab-live", "dev-3", T0.plusSeconds(500)));
        }
        Instant erased = T0.plusSeconds(560);

        presence.endAll(app, "ann", erased);

        assertThat(presence.opened(app, "ann", "tab-quiet", erased)).isEmpty();
        assertThat(presence.loggedOutOn(app, "ann", "tab-out", erased)).isEmpty();
        assertThat(presence.live(app, "ann", erased)).isEmpty();
        for (String[] other : new String[][] {{app, "bob"}, {otherApp, "ann"}}) {
            String what = other[1] + " of " + (other[0].equals(app) ? "the same app" : "another app");
            assertThat(presence.live(other[0], other[1], erased)).as(what).extracting(LiveSession::sessionId).containsExactly("tab-live");
            assertThat(presence.opened(other[0], other[1], "tab-quiet", erased)).as(what).contains(new Presence.OpenedSession("dev-1", "computer", false));
            assertThat(presence.loggedOutOn(other[0], other[1], "tab-out", erased)).as(what).contains("dev-2");
            assertThat(presence.resume(other[0], other[1], "tab-quiet", "198.51.100.7", erased.plusSeconds(1))).as(what).isTrue();
        }
        assertThat(presence.liveSessions(app, erased.plusSeconds(1))).as("bob's two").isEqualTo(2);
    }

    @Test
    void userIdsWithSeparatorsDoNotCollide() {
        presence.touch(app, "a:b", session("tab-1", "dev-1", T0));
        presence.touch(app, "a", session("b:tab-1", "dev-2", T0));
        assertThat(presence.live(app, "a:b", T0)).extracting(LiveSession::deviceId).containsExactly("dev-1");
        assertThat(presence.live(app, "a", T0)).extracting(LiveSession::deviceId).containsExactly("dev-2");
    }

    /**
     * Past the cap, with every device holding one session, the established sessions stay and the newcomer
     * is not kept, however the touches are ordered in time; a beat keeps an established one live, and the
     * newcomer gets in once there is room.
     */
    @Test
    void anAccountKeepsItsEstablishedSessionsUpToTheLimit() {
        int limit = Presence.MAX_SESSIONS_PER_ACCOUNT;
        presence.touch(app, "ann", session("tab-ann", "dev-ann", T0));
        // Out of order, as beats reach nodes: the first hundred to arrive are kept, whatever their signs of life.
        for (int i = limit + 4; i >= 0; i--) {
            presence.touch(app, "bot", session("tab-" + i, "dev-" + i, T0.plusMillis(100L * i)));
        }
        Instant now = T0.plusSeconds(30);
        assertThat(presence.live(app, "bot", now)).hasSize(limit).extracting(LiveSession::sessionId)
                .doesNotContain("tab-0", "tab-1", "tab-2", "tab-3", "tab-4").contains("tab-5", "tab-" + (limit + 4));
        assertThat(presence.liveSessions(app, now)).as("the app's count leaves out the ones not kept too").isEqualTo(limit + 1);
        assertThat(presence.live(app, "ann", now)).as("another account keeps its own").hasSize(1);

        presence.touch(app, "bot", session("tab-5", "dev-5", T0.plusSeconds(20)));
        presence.touch(app, "bot", session("tab-new", "dev-new", T0.plusSeconds(21)));
        assertThat(presence.resume(app, "bot", "tab-0", "198.51.100.7", T0.plusSeconds(22))).as("opened, but no room").isFalse();
        assertThat(presence.live(app, "bot", now)).as("a beat keeps a session; a newcomer is not kept").hasSize(limit)
                .extracting(LiveSession::sessionId).contains("tab-5", "tab-6").doesNotContain("tab-new", "tab-0");

        Instant lapsed = T0.plusSeconds(105);
        assertThat(presence.resume(app, "bot", "tab-0", "198.51.100.7", lapsed)).as("the others lapsed: room again").isTrue();
        assertThat(presence.live(app, "bot", lapsed)).extracting(LiveSession::sessionId).containsExactlyInAnyOrder("tab-0", "tab-5");
    }

    /**
     * Review 48b, finding 1: a sharer refused for a concurrent session opened a hundred allowed page views
     * on a hundred made-up devices, one session each. Pushing out the oldest session of the account then
     * took the owner's live tab, the sharer's laptop got in, and the owner's next page view was refused.
     * No device holding two, the newcomers are the ones not kept.
     */
    @Test
    void aHundredDevicesWithOneSessionEachCannotPushOutTheOwnersLiveTab() {
        int limit = Presence.MAX_SESSIONS_PER_ACCOUNT;
        presence.touch(app, "ann", session("tab-owner", "dev-owner", T0));
        for (int i = 0; i < limit + 20; i++) {
            presence.touch(app, "ann", new LiveSession("tab-helper-" + i, "dev-helper-" + i, "mobile", "203.0.113.41", T0.plusSeconds(1).plusMillis(i), false));
        }

        Instant now = T0.plusSeconds(30);
        assertThat(presence.live(app, "ann", now)).hasSize(limit).extracting(LiveSession::sessionId)
                .contains("tab-owner", "tab-helper-0", "tab-helper-" + (limit - 2)).doesNotContain("tab-helper-" + (limit - 1));
        assertThat(presence.refresh(app, "ann", "tab-owner", "198.51.100.7", now)).as("the owner's beat finds it live").contains("dev-owner");
        assertThat(presence.resume(app, "ann", "tab-helper-" + (limit + 19), "203.0.113.41", now)).as("a helper's beat").isFalse();
        assertThat(presence.live(app, "ann", now)).extracting(LiveSession::sessionId).contains("tab-owner");
    }

    /**
     * One device opening sessions by the hundred pushes out its own oldest, never another device's last
     * one: otherwise a sharer flooding the account hid the owner's live tab from {@code concurrent_sessions}.
     */
    @Test
    void theCapPushesOutTheBusiestDevicesSessionsNotAnotherDevicesLastOne() {
        int limit = Presence.MAX_SESSIONS_PER_ACCOUNT;
        presence.touch(app, "ann", session("tab-owner", "dev-owner", T0));
        presence.touch(app, "ann", session("tab-phone-1", "dev-phone", T0.plusMillis(1)));
        presence.touch(app, "ann", session("tab-phone-2", "dev-phone", T0.plusMillis(2)));
        for (int i = 0; i < limit + 50; i++) {
            presence.touch(app, "ann", session("tab-flood-" + i, "dev-sharer", T0.plusSeconds(1).plusMillis(i)));
        }

        List<LiveSession> live = presence.live(app, "ann", T0.plusSeconds(30));
        assertThat(live).hasSize(limit).extracting(LiveSession::sessionId)
                .contains("tab-owner", "tab-phone-1", "tab-phone-2", "tab-flood-" + (limit + 49))
                .doesNotContain("tab-flood-0", "tab-flood-52");
        assertThat(live).filteredOn(session -> session.deviceId().equals("dev-sharer")).hasSize(limit - 3);

        assertThat(presence.resume(app, "ann", "tab-flood-0", "198.51.100.7", T0.plusSeconds(20))).as("its own opening, brought back").isTrue();
        assertThat(presence.live(app, "ann", T0.plusSeconds(30))).hasSize(limit).extracting(LiveSession::sessionId)
                .contains("tab-owner", "tab-phone-1", "tab-phone-2", "tab-flood-0").doesNotContain("tab-flood-53");
    }

    /**
     * Brief b5 (a): a session its device's logout ended keeps the device it was on, a memory from that end,
     * so that a tab whose heartbeats carry no token is told its device was logged out. The tab's own end
     * (page hide) keeps nothing: every tab makes one.
     */
    @Test
    void aSessionEndedByItsDevicesLogoutKeepsItsDeviceForAMemoryUntilItIsOpenedAgain() {
        Duration memory = Presence.OPENED_MEMORY;
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        presence.touch(app, "ann", session("tab-2", "dev-2", T0));
        presence.touch(app, "ann", session("tab-3", "dev-3", T0));
        assertThat(presence.loggedOutOn(app, "ann", "tab-1", T0.plusSeconds(1))).as("live").isEmpty();

        presence.endDevice(app, "ann", "dev-1", T0.plusSeconds(1));
        presence.endLoggedOut(app, "ann", "made-up", T0.plusSeconds(1));
        presence.end(app, "ann", "tab-3", T0.plusSeconds(1));
        presence.endLoggedOut(app, "ann", "tab-2", T0.plusSeconds(200));
        assertThat(presence.live(app, "ann", T0.plusSeconds(2))).isEmpty();
        assertThat(presence.loggedOutOn(app, "ann", "tab-1", T0.plusSeconds(2))).contains("dev-1");
        assertThat(presence.loggedOutOn(app, "ann", "tab-1", T0.plusSeconds(1).plus(memory).minusSeconds(1))).contains("dev-1");
        assertThat(presence.loggedOutOn(app, "ann", "tab-1", T0.plusSeconds(1).plus(memory))).as("a memory after the logout").isEmpty();
        assertThat(presence.loggedOutOn(app, "ann", "tab-2", T0.plusSeconds(201))).as("lapsed, then logged out: its opening names it").contains("dev-2");
        assertThat(presence.loggedOutOn(app, "ann", "tab-3", T0.plusSeconds(2))).as("the tab's own end").isEmpty();
        assertThat(presence.loggedOutOn(app, "ann", "made-up", T0.plusSeconds(2))).as("never opened").isEmpty();
        assertThat(presence.loggedOutOn(app, "bob", "tab-1", T0.plusSeconds(2))).as("another account's").isEmpty();
        assertThat(presence.opened(app, "ann", "tab-1", T0.plusSeconds(2))).isEmpty();
        assertThat(presence.resume(app, "ann", "tab-1", "198.51.100.7", T0.plusSeconds(300))).isFalse();

        presence.end(app, "ann", "tab-1", T0.plusSeconds(5));
        assertThat(presence.loggedOutOn(app, "ann", "tab-1", T0.plusSeconds(6))).as("its page hide after the logout").contains("dev-1");
        presence.touch(app, "ann", session("tab-1", "dev-1", T0.plusSeconds(10)));
        assertThat(presence.loggedOutOn(app, "ann", "tab-1", T0.plusSeconds(11))).as("opened again by its next page").isEmpty();
        assertThat(presence.live(app, "ann", T0.plusSeconds(11))).extracting(LiveSession::sessionId).containsExactly("tab-1");
    }

    /**
     * Brief b5 (b): the cap keeps live sessions, never ends. An ended session's place was taken by the end
     * mark in Redis, and the next session touched past the cap pushed that mark out first: the ended
     * tab's evaluation still in flight then landed and brought it back live, pushing out a live one.
     */
    @Test
    void anEndIsKeptWhenTheAccountIsFullAndNewSessionsArrive() {
        int limit = Presence.MAX_SESSIONS_PER_ACCOUNT;
        presence.touch(app, "ann", session("tab-owner", "dev-owner", T0));
        for (int i = 0; i < limit - 1; i++) {
            presence.touch(app, "ann", session("tab-flood-" + i, "dev-sharer", T0.plusMillis(1 + i)));
        }
        presence.end(app, "ann", "tab-owner", T0.plusSeconds(2));
        for (int i = limit - 1; i < limit + 10; i++) {
            presence.touch(app, "ann", session("tab-flood-" + i, "dev-sharer", T0.plusSeconds(3).plusMillis(i)));
        }

        // The owner's page evaluated just before the tab closed, landing now.
        presence.touch(app, "ann", session("tab-owner", "dev-owner", T0.plusSeconds(1)));
        Instant now = T0.plusSeconds(5);
        assertThat(presence.live(app, "ann", now)).hasSize(limit).extracting(LiveSession::sessionId).doesNotContain("tab-owner")
                .contains("tab-flood-" + (limit + 9));
        assertThat(presence.resume(app, "ann", "tab-owner", "198.51.100.7", now)).isFalse();
        assertThat(presence.liveSessions(app, now)).isEqualTo(limit);
    }

    /**
     * Brief b5 (b): an end that arrives before its session's first touch (a tab closed while its first
     * page's evaluation was in flight) is kept on a full account too; Redis dropped it once the account's
     * hash held the cap, and the late touch made the closed tab live.
     */
    @Test
    void anEndOfASessionNotYetSeenIsKeptOnAFullAccount() {
        int limit = Presence.MAX_SESSIONS_PER_ACCOUNT;
        for (int i = 0; i < limit; i++) {
            presence.touch(app, "ann", session("tab-flood-" + i, "dev-sharer", T0.plusMillis(i)));
        }
        presence.end(app, "ann", "tab-closed", T0.plusSeconds(2));
        presence.touch(app, "ann", session("tab-closed", "dev-owner", T0.plusSeconds(1)));

        assertThat(presence.live(app, "ann", T0.plusSeconds(3))).hasSize(limit).extracting(LiveSession::sessionId).doesNotContain("tab-closed");
        presence.touch(app, "ann", session("tab-closed", "dev-owner", T0.plusSeconds(4)));
        assertThat(presence.live(app, "ann", T0.plusSeconds(5))).as("its next page, after the end, is kept: the busiest device's oldest goes")
                .hasSize(limit).extracting(LiveSession::sessionId).contains("tab-closed").doesNotContain("tab-flood-0");
    }

    @Test
    void anAppCountsItsLiveSessionsOverAllAccounts() {
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        presence.touch(app, "ann", session("tab-2", "dev-1", T0.plusSeconds(60)));
        presence.touch(app, "bob", session("tab-3", "dev-2", T0.plusSeconds(30)));
        presence.touch(app + "x", "ann", session("tab-9", "dev-9", T0));
        assertThat(presence.liveSessions(app, T0.plusSeconds(10))).isEqualTo(3);
        presence.end(app, "bob", "tab-3", T0.plusSeconds(1));
        assertThat(presence.liveSessions(app, T0.plusSeconds(10))).isEqualTo(2);
        assertThat(presence.liveSessions(app, T0.plusSeconds(90))).as("tab-1's window has passed").isEqualTo(1);
        assertThat(presence.liveSessions(app, T0.plusSeconds(150))).isZero();
        assertThat(presence.liveSessions(app + "y", T0)).isZero();
    }

    /**
     * Made-up accounts (unsigned page views sent with the public client id) cannot grow an app's live
     * sessions past its cap: the newcomer is refused, but vouched sessions and ones already live are always
     * kept, and a refused session's opening is remembered, so its heartbeat brings it back once there is room.
     */
    @Test
    void anAppsCapRefusesOnlyNewUnvouchedSessionsAndARefusedOneComesBackWhenThereIsRoom() {
        Presence capped = create(WINDOW, 3);
        for (int i = 1; i <= 3; i++) {
            capped.touch(app, "made-up-" + i, session("tab-" + i, "dev-" + i, T0));
        }
        capped.touch(app, "made-up-4", session("tab-4", "dev-4", T0.plusSeconds(1)));
        assertThat(capped.live(app, "made-up-4", T0.plusSeconds(1))).as("a new unvouched session past the cap").isEmpty();
        assertThat(capped.opened(app, "made-up-4", "tab-4", T0.plusSeconds(1))).as("its opening is remembered").isPresent();
        assertThat(capped.refusedOverAppCap()).isEqualTo(1);

        capped.touch(app, "owner", new LiveSession("tab-owner", "dev-owner", "computer", "198.51.100.8", T0.plusSeconds(1), true));
        assertThat(capped.live(app, "owner", T0.plusSeconds(1))).as("a vouched session is always kept").hasSize(1);
        capped.touch(app, "made-up-1", session("tab-1", "dev-1", T0.plusSeconds(2)));
        assertThat(capped.live(app, "made-up-1", T0.plusSeconds(2))).as("a live one stays live through its unsigned page views")
                .extracting(LiveSession::lastSeen).containsExactly(T0.plusSeconds(2));
        assertThat(capped.resume(app, "made-up-4", "tab-4", "198.51.100.7", T0.plusSeconds(3))).as("still no room").isFalse();
        assertThat(capped.refusedOverAppCap()).isEqualTo(2);

        capped.end(app, "made-up-2", "tab-2", T0.plusSeconds(4));
        capped.end(app, "made-up-3", "tab-3", T0.plusSeconds(4));
        assertThat(capped.resume(app, "made-up-4", "tab-4", "198.51.100.7", T0.plusSeconds(5))).as("room again: its heartbeat brings it back").isTrue();
        assertThat(capped.liveSessions(app, T0.plusSeconds(5))).isEqualTo(3);
        capped.touch(app + "x", "made-up-5", session("tab-5", "dev-5", T0.plusSeconds(5)));
        assertThat(capped.live(app + "x", "made-up-5", T0.plusSeconds(5))).as("another app has a cap of its own").hasSize(1);
    }

    /**
     * A heartbeat answers true only when its session is live after it. In memory a session gone quiet but
     * not yet dropped, whose resume the app's cap refused, was still in its account's entry, and the
     * heartbeat answered true for a session no evaluation counted.
     */
    @Test
    void aHeartbeatAnswersTrueOnlyWhenItsSessionIsLiveAfterItWhateverTheAppsCap() {
        Presence capped = create(WINDOW, 2);
        capped.touch(app, "made-up-1", session("tab-1", "dev-1", T0));
        capped.touch(app, "sleeper", session("tab-2", "dev-2", T0.plusSeconds(6)));
        capped.touch(app, "made-up-2", session("tab-3", "dev-3", T0.plus(WINDOW).plusSeconds(5)));
        Instant awake = T0.plus(WINDOW).plusSeconds(7);
        boolean resumed = capped.resume(app, "sleeper", "tab-2", "198.51.100.7", awake);
        assertThat(capped.live(app, "sleeper", awake)).as("live after a heartbeat that answered " + resumed).hasSize(resumed ? 1 : 0);
    }

    /** A session a vouched evaluation touched stays vouched through its unsigned page views, so the app's cap never refuses it, even quiet past the window. */
    @Test
    void aSessionOnceVouchedIsNeverRefusedByTheAppsCapThoughLaterSeenUnsigned() {
        Presence capped = create(WINDOW, 1);
        capped.touch(app, "owner", new LiveSession("tab-1", "dev-1", "computer", "198.51.100.8", T0, true));
        Instant later = T0.plus(WINDOW).plusSeconds(10);
        capped.touch(app, "made-up-1", session("tab-2", "dev-2", later));
        capped.touch(app, "owner", session("tab-1", "dev-1", later.plusSeconds(1)));
        assertThat(capped.live(app, "owner", later.plusSeconds(1))).extracting(LiveSession::vouched).containsExactly(true);
        assertThat(capped.resume(app, "owner", "tab-1", "198.51.100.8", later.plus(WINDOW).plusSeconds(5))).isTrue();
        assertThat(capped.refusedOverAppCap()).isZero();
    }

    /** A session quiet past the window (a sleeping laptop) is new again: at the cap its heartbeat is refused until there is room. */
    @Test
    void aSessionQuietPastTheWindowIsNewAgainUnderTheAppsCap() {
        Presence capped = create(WINDOW, 2);
        capped.touch(app, "sleeper", session("tab-1", "dev-1", T0));
        capped.touch(app, "made-up-1", session("tab-2", "dev-2", T0.plusSeconds(60)));
        Instant awake = T0.plus(WINDOW).plusSeconds(10);
        capped.touch(app, "made-up-2", session("tab-3", "dev-3", awake));
        assertThat(capped.resume(app, "sleeper", "tab-1", "198.51.100.7", awake.plusSeconds(1))).as("two live: the app is full").isFalse();
        capped.end(app, "made-up-1", "tab-2", awake.plusSeconds(2));
        assertThat(capped.resume(app, "sleeper", "tab-1", "198.51.100.7", awake.plusSeconds(3))).as("room again").isTrue();
    }

    /**
     * The cap counts sessions live at the touch, not ones gone quiet that no sweep has dropped yet: with
     * one live session under a cap of two, a newcomer is kept. In memory the count went down only when
     * the once-a-window sweep (or a touch of the same account) dropped an expired session, so for up to a
     * window a quiet app refused newcomers, and their heartbeats answered false, below its cap.
     */
    @Test
    void sessionsGoneQuietSinceTheLastSweepNoLongerCountAgainstTheAppsCap() {
        Presence capped = create(WINDOW, 2);
        capped.touch(app, "made-up-1", session("tab-1", "dev-1", T0));
        capped.touch(app, "made-up-2", session("tab-2", "dev-2", T0.plus(WINDOW).minusSeconds(1)));
        Instant afterTheFirst = T0.plus(WINDOW).plusSeconds(1);
        capped.touch(app, "made-up-3", session("tab-3", "dev-3", afterTheFirst));
        assertThat(capped.live(app, "made-up-3", afterTheFirst)).as("the first expired: room").hasSize(1);

        Instant afterTheSecond = T0.plus(WINDOW).plus(WINDOW);
        assertThat(capped.liveSessions(app, afterTheSecond)).as("the second expired too").isEqualTo(1);
        capped.touch(app, "made-up-4", session("tab-4", "dev-4", afterTheSecond));
        assertThat(capped.live(app, "made-up-4", afterTheSecond)).as("one live under a cap of two: room").hasSize(1);
        assertThat(capped.refusedOverAppCap()).isZero();
    }

    /**
     * A tab whose session ended (a page refused, then allowed again) and whose next allowed page came while
     * the app was at its cap: the end no longer stands, so its heartbeat brings it back once there is
     * room, like any refused newcomer. In Redis the end's mark in the account's hash (kept for the release
     * before the end's own key) stayed when the cap refused the touch, and refused every heartbeat.
     */
    @Test
    void aSessionOpenedAgainAfterItsEndWhileTheAppIsFullComesBackWhenThereIsRoom() {
        Presence capped = create(WINDOW, 2);
        capped.touch(app, "ann", session("tab-1", "dev-1", T0));
        capped.end(app, "ann", "tab-1", T0.plusSeconds(1));
        capped.touch(app, "made-up-1", session("tab-2", "dev-2", T0.plusSeconds(2)));
        capped.touch(app, "made-up-2", session("tab-3", "dev-3", T0.plusSeconds(2)));
        capped.touch(app, "ann", session("tab-1", "dev-1", T0.plusSeconds(3)));
        assertThat(capped.live(app, "ann", T0.plusSeconds(3))).as("the app is full").isEmpty();
        assertThat(capped.refusedOverAppCap()).isEqualTo(1);

        capped.end(app, "made-up-1", "tab-2", T0.plusSeconds(4));
        assertThat(capped.resume(app, "ann", "tab-1", "198.51.100.7", T0.plusSeconds(5))).as("room again: its heartbeat brings it back").isTrue();
        assertThat(capped.live(app, "ann", T0.plusSeconds(5))).extracting(LiveSession::sessionId).containsExactly("tab-1");
    }

    /**
     * A flood of made-up accounts the app's cap refuses leaves a bounded amount stored: only the latest
     * refused openings wait for room ({@link Presence#MAX_WAITING_PER_APP}, here the cap of two). Each
     * refused opening was kept {@link Presence#OPENED_MEMORY}, in Redis a key and an account's index, so
     * the flood grew memory the cap is there to bound. The latest refused one still comes back by its
     * heartbeat once there is room; the first, forgotten, waits for its tab's next evaluation.
     */
    @Test
    void openingsTheAppsCapRefusedAreKeptBoundedAndTheLatestComeBackWhenThereIsRoom() {
        Presence capped = create(WINDOW, 2);
        capped.touch(app, "made-up-1", session("tab-1", "dev-1", T0));
        capped.touch(app, "made-up-2", session("tab-2", "dev-2", T0));
        long heldAtTheCap = held(capped, app);
        for (int i = 0; i < 300; i++) {
            capped.touch(app, "flood-" + i, session("tab-f" + i, "dev-f" + i, T0.plusMillis(i + 1)));
        }
        assertThat(capped.refusedOverAppCap()).isEqualTo(300);
        assertThat(held(capped, app)).as("held for two live sessions and 300 refused ones (" + heldAtTheCap + " for the two)")
                .isLessThanOrEqualTo(3 * heldAtTheCap);
        assertThat(capped.opened(app, "flood-0", "tab-f0", T0.plusSeconds(1))).as("the first refused is forgotten").isEmpty();
        assertThat(capped.opened(app, "flood-299", "tab-f299", T0.plusSeconds(1))).as("the latest waits").isPresent();

        capped.end(app, "made-up-1", "tab-1", T0.plusSeconds(2));
        assertThat(capped.resume(app, "flood-299", "tab-f299", "198.51.100.7", T0.plusSeconds(3))).as("room again: its heartbeat brings it back").isTrue();
        capped.end(app, "made-up-2", "tab-2", T0.plusSeconds(4));
        assertThat(capped.resume(app, "flood-298", "tab-f298", "198.51.100.7", T0.plusSeconds(5))).as("and the one before it").isTrue();
    }

    /**
     * Of the sessions waiting for room under the app's cap, the one refused longest ago, by the refusal's
     * own time, is pushed out first, though its refusal landed after a later one's (another node's
     * evaluation, or a slow one); a later refusal of a waiting session (its heartbeat) moves it back. In
     * memory the first refusal to land went first, in Redis the earliest refused, so the two forgot
     * different tabs' openings (found in review).
     */
    @Test
    void ofTheSessionsWaitingForRoomTheOneRefusedLongestAgoIsPushedOutFirst() {
        Presence capped = create(WINDOW, 2);
        capped.touch(app, "made-up-1", session("tab-1", "dev-1", T0));
        capped.touch(app, "made-up-2", session("tab-2", "dev-2", T0));
        capped.touch(app, "late", session("tab-late", "dev-3", T0.plusSeconds(5)));
        capped.touch(app, "early", session("tab-early", "dev-4", T0.plusSeconds(3)));
        capped.touch(app, "third", session("tab-third", "dev-5", T0.plusSeconds(6)));
        Instant now = T0.plusSeconds(10);
        assertThat(capped.opened(app, "early", "tab-early", now)).as("refused longest ago, though it landed later").isEmpty();
        assertThat(capped.opened(app, "late", "tab-late", now)).isPresent();
        assertThat(capped.opened(app, "third", "tab-third", now)).isPresent();

        assertThat(capped.resume(app, "late", "tab-late", "198.51.100.7", T0.plusSeconds(8))).as("still no room").isFalse();
        capped.touch(app, "fourth", session("tab-fourth", "dev-6", T0.plusSeconds(7)));
        assertThat(capped.opened(app, "third", "tab-third", now)).as("refused at 6 s, the longest ago now").isEmpty();
        assertThat(capped.opened(app, "late", "tab-late", now)).as("refused again at 8 s").isPresent();
        assertThat(capped.opened(app, "fourth", "tab-fourth", now)).isPresent();
    }

    /**
     * Bounded as well when the made-up ids are not ASCII: the member's length prefix counts the id's UTF-16
     * units (Java's), which Redis holds as more bytes (é two, an emoji four for two units), and the
     * account's index entry of each refused one that goes must still be found from it, or each such
     * account's index stayed 12 hours.
     */
    @Test
    void aFloodWithIdsBeyondAsciiTheAppsCapRefusedLeavesABoundedAmountToo() {
        Presence capped = create(WINDOW, 2);
        capped.touch(app, "made-up-1", session("tab-1", "dev-1", T0));
        capped.touch(app, "made-up-2", session("tab-2", "dev-2", T0));
        long heldAtTheCap = held(capped, app);
        for (int i = 0; i < 100; i++) {
            String user = (i % 2 == 0 ? "fl\u00e9ood-" : "fl\ud83d\ude00ood-") + i;
            capped.touch(app, user, session("tab-f" + i, "dev-f" + i, T0.plusMillis(i + 1)));
        }
        assertThat(capped.refusedOverAppCap()).isEqualTo(100);
        assertThat(held(capped, app)).as("held for two live sessions and 100 refused ones (" + heldAtTheCap + " for the two)")
                .isLessThanOrEqualTo(3 * heldAtTheCap);
        assertThat(capped.opened(app, "fl\ud83d\ude00ood-99", "tab-f99", T0.plusSeconds(1))).as("the latest waits").isPresent();
    }

    /**
     * An erasure leaves nothing of the account among the sessions waiting for room under the app's cap:
     * each names the account (in Redis a member {@code <length>:<user>:<session>}), and was left there after
     * the opening itself was forgotten. Another account's waiting session stays, though a glob made of the
     * erased id unescaped ({@code a?}) would take {@code ab} too.
     */
    @Test
    void erasingAnAccountForgetsItsSessionsWaitingForRoomUnderTheAppsCap() {
        Presence capped = create(WINDOW, 2);
        capped.touch(app, "made-up-1", session("tab-1", "dev-1", T0));
        capped.touch(app, "made-up-2", session("tab-2", "dev-2", T0));
        capped.touch(app, "a?", session("tab-a", "dev-a", T0.plusSeconds(1)));
        capped.touch(app, "ab", session("tab-b", "dev-b", T0.plusSeconds(1)));
        assertThat(waitingOf(capped, app, "a?")).as("refused, it waits").isEqualTo(1);

        capped.endAll(app, "a?", T0.plusSeconds(2));

        assertThat(waitingOf(capped, app, "a?")).as("nothing of the erased account waits").isZero();
        assertThat(waitingOf(capped, app, "ab")).as("another account's session still waits").isEqualTo(1);
        assertThat(capped.opened(app, "ab", "tab-b", T0.plusSeconds(2))).isPresent();
    }

    /** The cap counts live sessions: once the app's have gone quiet past the window, new ones are kept again. */
    @Test
    void sessionsExpiredPastTheWindowLeaveRoomUnderTheAppsCap() {
        Presence capped = create(WINDOW, 2);
        capped.touch(app, "made-up-1", session("tab-1", "dev-1", T0));
        capped.touch(app, "made-up-2", session("tab-2", "dev-2", T0));
        capped.touch(app, "made-up-3", session("tab-3", "dev-3", T0.plusSeconds(1)));
        assertThat(capped.live(app, "made-up-3", T0.plusSeconds(1))).isEmpty();

        Instant later = T0.plus(WINDOW).plusSeconds(1);
        capped.touch(app, "made-up-4", session("tab-4", "dev-4", later));
        assertThat(capped.live(app, "made-up-4", later)).as("the first two expired: room again").hasSize(1);
        assertThat(capped.resume(app, "made-up-3", "tab-3", "198.51.100.7", later)).as("and the refused one's heartbeat brings it back").isTrue();
    }
}

package io.seatguard.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.EvaluationPipeline;
import io.seatguard.core.evaluation.EvaluationRequest;
import io.seatguard.core.evaluation.IdentityProof;
import io.seatguard.core.evaluation.Verdict;
import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.policy.PolicyDecision;
import io.seatguard.core.policy.PolicyStage;
import io.seatguard.core.risk.RiskScorer;
import io.seatguard.core.risk.RiskWeights;
import io.seatguard.core.testing.FixedUserAgentParser;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats against evaluations, with the policy the sharing cases are about: a page view with a
 * concurrent session is denied ({@code concurrent_sessions eq true → deny}).
 */
class HeartbeatsTest {
    private static final String APP = "app_test";
    private static final String OWNER_IP = "81.2.69.142";
    private static final String SHARER_IP = "2.125.160.216";
    private static final String VPN_IP = "5.62.60.10";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final IdGenerator ids = new IdGenerator(clock, new Random(7));
    private final InMemoryPresence presence = new InMemoryPresence(Duration.ofSeconds(90));
    private final PolicyStage denySharing = (appId, facts) -> Boolean.TRUE.equals(facts.checks().get("concurrent_sessions"))
            ? new PolicyDecision(Verdict.DENY, Optional.empty(), List.of(), Optional.empty())
            : PolicyDecision.ALLOW_NO_MATCH;
    private final EvaluationPipeline pipeline = new EvaluationPipeline(new FixedUserAgentParser(), new DeviceResolver(store, ids::newRandomId), store,
            CheckRegistry.standard(), denySharing, store, ids, clock, presence, new RiskScorer(RiskWeights.defaults()));
    private final Heartbeats heartbeats = new Heartbeats(presence, store, store, clock);
    /** {@link #denySharing}, and also: metadata {@code vpn: "y"} → deny, {@code chal: "y"} → challenge. */
    private final EvaluationPipeline refusingVpnsAndChallenging = new EvaluationPipeline(new FixedUserAgentParser(),
            new DeviceResolver(store, ids::newRandomId), store, CheckRegistry.standard(),
            (appId, facts) -> "y".equals(facts.metadata().get("vpn")) ? new PolicyDecision(Verdict.DENY, Optional.empty(), List.of(), Optional.empty())
                    : "y".equals(facts.metadata().get("chal")) ? new PolicyDecision(Verdict.CHALLENGE, Optional.empty(), List.of(), Optional.empty())
                    : denySharing.decide(appId, facts),
            store, ids, clock, presence, new RiskScorer(RiskWeights.defaults()));

    /**
     * The sharer, refused for the owner's live session, keeps its page open and its heartbeats going: the
     * denied page view must not become live, or the owner's next page is refused in turn.
     */
    @Test
    void aDeniedPageViewIsNotMadeLiveByItsHeartbeats() {
        access("hank", "ses_b1", otherMachine("tok-hank-sharer-00001"), SHARER_IP);
        heartbeats.end(APP, "hank", "ses_b1");
        assertThat(access("hank", "ses_a1", laptop("tok-hank-owner-000001", "canvas-a"), OWNER_IP).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(access("hank", "ses_b2", otherMachine("tok-hank-sharer-00001"), SHARER_IP).verdict()).as("the sharer is refused")
                .isEqualTo(Verdict.DENY);

        assertThat(heartbeats.beat(APP, "hank", "ses_b2", Optional.of("tok-hank-sharer-00001"), SHARER_IP)).isEqualTo(new Heartbeats.Beat(false, false));
        clock.advance(Duration.ofSeconds(100));
        assertThat(heartbeats.beat(APP, "hank", "ses_b2", Optional.of("tok-hank-sharer-00001"), SHARER_IP).active()).as("past the window too").isFalse();

        Evaluation owner = access("hank", "ses_a1", laptop("tok-hank-owner-000001", "canvas-a"), OWNER_IP);
        assertThat(owner.checks()).containsEntry("concurrent_sessions", false);
        assertThat(owner.verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void aSessionIdNoEvaluationOpenedIsNotMadeLiveForAnAttachedDevice() {
        access("ivy", "ses_i1", otherMachine("tok-ivy-sharer-000001"), SHARER_IP);
        for (int i = 0; i < 3; i++) {
            assertThat(heartbeats.beat(APP, "ivy", "ses_flood_" + i, Optional.of("tok-ivy-sharer-000001"), SHARER_IP).active()).isFalse();
        }
        assertThat(presence.live(APP, "ivy", clock.instant())).extracting(Presence.LiveSession::sessionId).containsExactly("ses_i1");
    }

    /**
     * A sharer's tab carrying the owner's copied token, hidden past the window: its heartbeat brings the
     * session back on the sharer's device the evaluation resolved, not on the token's (the owner's), so
     * the owner's next page still sees it.
     */
    @Test
    void aCopiedTokensHeartbeatPastTheWindowKeepsTheSessionOnTheSharersDevice() {
        Evaluation owner = access("jack", "ses_ja1", laptop("tok-jack-owner-000001", "canvas-a"), OWNER_IP);
        heartbeats.end(APP, "jack", "ses_ja1");
        Evaluation sharer = access("jack", "ses_js1", otherMachine("tok-jack-owner-000001"), SHARER_IP);
        assertThat(sharer.checks()).containsEntry("token_mismatch", true);
        assertThat(sharer.device().id()).isNotEqualTo(owner.device().id());

        clock.advance(Duration.ofSeconds(95));
        assertThat(heartbeats.beat(APP, "jack", "ses_js1", Optional.of("tok-jack-owner-000001"), SHARER_IP).active()).isTrue();
        assertThat(presence.live(APP, "jack", clock.instant())).extracting(Presence.LiveSession::deviceId).containsExactly(sharer.device().id());

        Evaluation ownerAgain = access("jack", "ses_ja3", laptop("tok-jack-owner-000001", "canvas-a"), OWNER_IP);
        assertThat(ownerAgain.device().id()).isEqualTo(owner.device().id());
        assertThat(ownerAgain.checks()).containsEntry("concurrent_sessions", true);
    }

    /** The device the quiet session was opened on was logged out meanwhile: its tab is told, whatever token it shows. */
    @Test
    void aQuietSessionOfADeviceLoggedOutSinceIsNotResumedAndLogsOut() {
        Evaluation owner = access("kay", "ses_k0", laptop("tok-kay-owner-0000001", "canvas-a"), OWNER_IP);
        heartbeats.end(APP, "kay", "ses_k0");
        Evaluation sharer = access("kay", "ses_k1", otherMachine("tok-kay-owner-0000001"), SHARER_IP);
        clock.advance(Duration.ofSeconds(95));
        store.detach(APP, "kay", sharer.device().id());

        assertThat(heartbeats.beat(APP, "kay", "ses_k1", Optional.of("tok-kay-owner-0000001"), SHARER_IP)).isEqualTo(new Heartbeats.Beat(false, true));
        assertThat(presence.live(APP, "kay", clock.instant())).isEmpty();
        assertThat(store.link(APP, "kay", owner.device().id())).as("the token's own device stays in").isPresent();
    }

    /**
     * Brief b5 (a): a tab whose heartbeat carries no token (storage blocked, or cleared) was told
     * {@code logout: false} once its device was logged out: the logout ended the session and forgot which
     * device it was on, and the tab never learnt it, hidden past the window or not.
     */
    @Test
    void aTabWithoutATokenIsToldItsDeviceWasLoggedOut() {
        Evaluation owner = access("pia", "ses_p1", laptop("tok-pia-owner-0000001", "canvas-a"), OWNER_IP);
        assertThat(heartbeats.beat(APP, "pia", "ses_p1", Optional.empty(), OWNER_IP)).isEqualTo(new Heartbeats.Beat(true, false));

        logOut("pia", owner.device().id());
        assertThat(heartbeats.beat(APP, "pia", "ses_p1", Optional.empty(), OWNER_IP)).isEqualTo(new Heartbeats.Beat(false, true));
        clock.advance(Duration.ofMinutes(10));
        assertThat(heartbeats.beat(APP, "pia", "ses_p1", Optional.empty(), OWNER_IP)).as("hidden past the window").isEqualTo(new Heartbeats.Beat(false, true));
        assertThat(heartbeats.beat(APP, "pia", "ses_never", Optional.empty(), OWNER_IP)).as("a session id never opened: nothing to tell")
                .isEqualTo(new Heartbeats.Beat(false, false));
    }

    /** A tab the SDK ended itself, on a device still attached, is not logged out: it is only no longer live. */
    @Test
    void aTabWithoutATokenWhoseSessionEndedOnAnAttachedDeviceIsNotLoggedOut() {
        access("quin", "ses_q1", laptop("tok-quin-owner-000001", "canvas-a"), OWNER_IP);
        heartbeats.end(APP, "quin", "ses_q1");
        assertThat(heartbeats.beat(APP, "quin", "ses_q1", Optional.empty(), OWNER_IP)).isEqualTo(new Heartbeats.Beat(false, false));
    }

    /** A sharer's tab with the owner's copied token: its own device (the evaluation's) is the one logged out. */
    @Test
    void aCopiedTokensTabIsToldItsOwnDeviceWasLoggedOut() {
        access("rhea", "ses_r0", laptop("tok-rhea-owner-000001", "canvas-a"), OWNER_IP);
        heartbeats.end(APP, "rhea", "ses_r0");
        Evaluation sharer = access("rhea", "ses_r1", otherMachine("tok-rhea-owner-000001"), SHARER_IP);

        logOut("rhea", sharer.device().id());
        assertThat(heartbeats.beat(APP, "rhea", "ses_r1", Optional.of("tok-rhea-owner-000001"), SHARER_IP)).isEqualTo(new Heartbeats.Beat(false, true));
    }

    /**
     * The logout could not end the session (presence unreadable then: {@link SessionEndingDeviceLinks}); the
     * tab's next beat without a token still finds its device by the session and ends it.
     */
    @Test
    void aLiveTabWithoutATokenOnADeviceLoggedOutIsToldAndEnded() {
        Evaluation owner = access("sol", "ses_s1", laptop("tok-sol-owner-0000001", "canvas-a"), OWNER_IP);
        store.detach(APP, "sol", owner.device().id());

        assertThat(heartbeats.beat(APP, "sol", "ses_s1", Optional.empty(), OWNER_IP)).isEqualTo(new Heartbeats.Beat(false, true));
        assertThat(presence.live(APP, "sol", clock.instant())).isEmpty();
    }

    /** What a logout does ({@link SessionEndingDeviceLinks}): the link goes, then the device's live sessions end. */
    private void logOut(String user, String deviceId) {
        store.detach(APP, user, deviceId);
        presence.endDevice(APP, user, deviceId, clock.instant());
    }

    /**
     * Review 48b, finding 5: a single-page app keeps one session for all its page views. A later view the
     * app's policy refuses (here: from a VPN) ends it, so the heartbeats its earlier allow started do not
     * keep a tab the app refused live, and the owner's next page view is not refused for it.
     */
    @Test
    void aSinglePageAppsTabRefusedOnALaterPageViewIsNoLongerLive() {
        DeviceSignals sharer = otherMachine("tok-lee-sharer-000001");
        assertThat(view("lee", "ses_spa", sharer, SHARER_IP, Map.of()).verdict()).isEqualTo(Verdict.ALLOW);
        clock.advance(Duration.ofSeconds(20));
        assertThat(view("lee", "ses_spa", sharer, VPN_IP, Map.of("vpn", "y")).verdict()).isEqualTo(Verdict.DENY);

        clock.advance(Duration.ofSeconds(10));
        assertThat(heartbeats.beat(APP, "lee", "ses_spa", Optional.of("tok-lee-sharer-000001"), VPN_IP)).isEqualTo(new Heartbeats.Beat(false, false));
        Evaluation owner = view("lee", "ses_owner", laptop("tok-lee-owner-0000001", "canvas-a"), OWNER_IP, Map.of());
        assertThat(owner.checks()).containsEntry("concurrent_sessions", false);
        assertThat(owner.verdict()).isEqualTo(Verdict.ALLOW);
    }

    /** Sent to a challenge, a later page view is not let in either: its tab is no session until the challenge is passed. */
    @Test
    void aSinglePageAppsTabSentToAChallengeOnALaterPageViewIsNoLongerLive() {
        DeviceSignals laptop = laptop("tok-mia-owner-0000001", "canvas-a");
        view("mia", "ses_spa", laptop, OWNER_IP, Map.of());
        clock.advance(Duration.ofSeconds(20));
        assertThat(view("mia", "ses_spa", laptop, OWNER_IP, Map.of("chal", "y")).verdict()).isEqualTo(Verdict.CHALLENGE);

        assertThat(heartbeats.beat(APP, "mia", "ses_spa", Optional.of("tok-mia-owner-0000001"), OWNER_IP).active()).isFalse();
        assertThat(presence.live(APP, "mia", clock.instant())).isEmpty();
        clock.advance(Duration.ofSeconds(40));
        assertThat(view("mia", "ses_spa", laptop, OWNER_IP, Map.of()).verdict()).as("back from the challenge").isEqualTo(Verdict.ALLOW);
        assertThat(presence.live(APP, "mia", clock.instant())).as("its next page view let in opens it again")
                .extracting(Presence.LiveSession::sessionId).containsExactly("ses_spa");
    }

    /** A custom action refused on an allowed page (an export the plan lacks) says nothing of the page view: its session stays. */
    @Test
    void aRefusedCustomActionLeavesThePagesSessionLive() {
        DeviceSignals laptop = laptop("tok-ned-owner-0000001", "canvas-a");
        view("ned", "ses_page", laptop, OWNER_IP, Map.of());
        Evaluation export = refusingVpnsAndChallenging.evaluate(new EvaluationRequest(APP, "export.csv", Optional.of("ned"), Optional.empty(),
                Optional.empty(), Map.of("vpn", "y"), Optional.of("ses_page"), Optional.empty(), laptop, IpAddresses.parse(OWNER_IP).orElseThrow(),
                Optional.of("computer"), Optional.empty()));
        assertThat(export.verdict()).isEqualTo(Verdict.DENY);

        assertThat(heartbeats.beat(APP, "ned", "ses_page", Optional.of("tok-ned-owner-0000001"), OWNER_IP).active()).isTrue();
    }

    /**
     * Review finding: anyone holding the public client id opened a session on any account with an unsigned
     * page view, kept it live by heartbeats (past the window too), and got the owner's backend refused for a
     * concurrent session. A heartbeat vouches for nothing: the session stays one only unsigned evaluations count.
     */
    @Test
    void aSessionAnUnsignedPageOpenedStaysUnvouchedThroughItsHeartbeats() {
        DeviceSignals forger = otherMachine("tok-olga-forger-00001");
        assertThat(access("olga", "ses_forged", forger, SHARER_IP).verdict()).isEqualTo(Verdict.ALLOW);
        clock.advance(Duration.ofSeconds(60));
        assertThat(heartbeats.beat(APP, "olga", "ses_forged", Optional.of("tok-olga-forger-00001"), SHARER_IP).active()).isTrue();
        clock.advance(Duration.ofSeconds(100));
        assertThat(heartbeats.beat(APP, "olga", "ses_forged", Optional.of("tok-olga-forger-00001"), SHARER_IP).active()).as("brought back")
                .isTrue();

        Evaluation backend = access("olga", "ses_owner", laptop("tok-olga-owner-000001", "canvas-a"), OWNER_IP, IdentityProof.SERVER);
        assertThat(backend.checks()).containsEntry("concurrent_sessions", false);
        assertThat(backend.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(access("olga", "ses_owner_2", laptop("tok-olga-owner-000001", "canvas-a"), OWNER_IP).checks())
                .as("an unsigned page still counts it").containsEntry("concurrent_sessions", true);
    }

    /** A page view judged by {@link #refusingVpnsAndChallenging}, with the page's metadata. */
    private Evaluation view(String user, String session, DeviceSignals device, String ip, Map<String, Object> metadata) {
        return refusingVpnsAndChallenging.evaluate(new EvaluationRequest(APP, "access", Optional.of(user), Optional.empty(), Optional.empty(), metadata,
                Optional.of(session), Optional.empty(), device, IpAddresses.parse(ip).orElseThrow(), Optional.of("computer"), Optional.empty()));
    }

    private Evaluation access(String user, String session, DeviceSignals device, String ip) {
        return access(user, session, device, ip, IdentityProof.UNSIGNED);
    }

    private Evaluation access(String user, String session, DeviceSignals device, String ip, IdentityProof identity) {
        return pipeline.evaluate(new EvaluationRequest(APP, "access", Optional.of(user), Optional.empty(), Optional.empty(), Map.of(), Optional.of(session),
                Optional.empty(), device, IpAddresses.parse(ip).orElseThrow(), Optional.of("computer"), Optional.empty(), identity));
    }

    private static DeviceSignals laptop(String token, String canvas) {
        return new DeviceSignals(Optional.of(token), new TreeMap<>(Map.of("platform", "MacIntel", "webgl_vendor", "Apple", "webgl_renderer", "Apple M2",
                "canvas", canvas, "audio", "a1", "fonts", "f1", "cores", 8L, "memory", 8L, "screen", "1512x982", "timezone", "Europe/Paris")),
                List.of(), Optional.of("Europe/Paris"));
    }

    /** A machine unlike {@link #laptop}, with its own token or a copy of the laptop's. */
    private static DeviceSignals otherMachine(String token) {
        return new DeviceSignals(Optional.of(token), new TreeMap<>(Map.of("platform", "Win32", "webgl_vendor", "NVIDIA Corporation", "webgl_renderer",
                "GeForce RTX 3060", "canvas", "canvas-w", "audio", "a2", "fonts", "f9", "cores", 16L, "screen", "2560x1440", "timezone", "Europe/Paris")),
                List.of(), Optional.of("Europe/Paris"));
    }
}

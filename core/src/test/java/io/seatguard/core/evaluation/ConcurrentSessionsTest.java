package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.policy.NoPolicies;
import io.seatguard.core.policy.PolicyStage;
import io.seatguard.core.presence.InMemoryPresence;
import io.seatguard.core.presence.Presence;
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

/** {@code concurrent_sessions} (seed 001) through the pipeline, with each false positive the issue names. */
class ConcurrentSessionsTest {
    private static final String APP = "app_test";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final IdGenerator ids = new IdGenerator(clock, new Random(7));
    private final InMemoryPresence presence = new InMemoryPresence(Duration.ofSeconds(90));
    private final EvaluationPipeline pipeline = pipeline(presence);

    private EvaluationPipeline pipeline(Presence presence) {
        return new EvaluationPipeline(new FixedUserAgentParser(), new DeviceResolver(store, ids::newRandomId), store, CheckRegistry.standard(),
                new NoPolicies(), store, ids, clock, presence, new RiskScorer(RiskWeights.defaults()));
    }

    @Test
    void anotherDeviceOfTheSameTypeLiveOnAnotherNetworkIsConcurrent() {
        assertThat(access("laptop-1", "computer", "tab-a", "198.51.100.1")).isEqualTo(false);
        clock.advance(Duration.ofSeconds(20));
        assertThat(access("laptop-2", "computer", "tab-b", "203.0.113.7")).isEqualTo(true);
    }

    @Test
    void theSameDeviceMovingFromWifiToMobileDataIsNot() {
        access("phone-1", "mobile", "tab-a", "198.51.100.1");
        clock.advance(Duration.ofSeconds(20));
        assertThat(access("phone-1", "mobile", "tab-b", "100.64.12.9")).isEqualTo(false);
    }

    @Test
    void twoTabsOfOneBrowserAreNot() {
        access("laptop-1", "computer", "tab-a", "198.51.100.1");
        assertThat(access("laptop-1", "computer", "tab-b", "198.51.100.1")).isEqualTo(false);
        assertThat(access("laptop-1", "computer", "tab-a", "198.51.100.1")).as("its own tab again").isEqualTo(false);
    }

    @Test
    void twoDevicesOfOneHouseholdOnOneIpv6PrefixAreNot() {
        access("laptop-1", "computer", "tab-a", "2001:db8:1:2:aaaa::1");
        assertThat(access("laptop-2", "computer", "tab-b", "2001:db8:1:2:bbbb::2")).isEqualTo(false);
        assertThat(access("laptop-3", "computer", "tab-c", "2001:db8:9:9::3")).as("another /64").isEqualTo(true);
    }

    @Test
    void aSessionThatHasEndedOrExpiredIsNot() {
        access("laptop-1", "computer", "tab-a", "198.51.100.1");
        presence.end(APP, "ann", "tab-a", clock.instant());
        assertThat(access("laptop-2", "computer", "tab-b", "203.0.113.7")).isEqualTo(false);

        clock.advance(Duration.ofSeconds(91));
        assertThat(access("laptop-3", "computer", "tab-c", "192.0.2.50")).as("tab-b went quiet 91 s ago").isEqualTo(false);
    }

    @Test
    void anotherDeviceTypeOrAnIpv4AgainstIpv6IsNot() {
        access("laptop-1", "computer", "tab-a", "198.51.100.1");
        assertThat(access("phone-1", "mobile", "tab-b", "203.0.113.7")).as("a laptop and a phone").isEqualTo(false);
        assertThat(access("laptop-2", "computer", "tab-c", "2001:db8::5")).as("dual stack: cannot tell").isEqualTo(false);
    }

    /**
     * An iPad sends a Mac's user agent (Safari since iPadOS 13): read by it alone, a person's Mac on the
     * home Wi-Fi and their iPad on a mobile network, in use at once, were two computers on two networks,
     * and so concurrent. The iPad's touch points make it a tablet; a second Mac is concurrent as before.
     */
    @Test
    void aMacAndAnIpadSendingAMacsUserAgentAreNot() {
        EvaluationPipeline macAgents = new EvaluationPipeline(userAgent -> new io.seatguard.core.identity.UserAgentInfo(
                io.seatguard.core.identity.DeviceType.COMPUTER, "Safari", "Mac OS", 18), new DeviceResolver(store, ids::newRandomId), store,
                CheckRegistry.standard(), new NoPolicies(), store, ids, clock, presence, new RiskScorer(RiskWeights.defaults()));
        macAgents.evaluate(touching("mac-1", 0, "tab-a", "198.51.100.1"));
        clock.advance(Duration.ofSeconds(20));

        Evaluation ipad = macAgents.evaluate(touching("ipad-1", 5, "tab-b", "203.0.113.7"));
        assertThat(ipad.device().type()).isEqualTo(io.seatguard.core.identity.DeviceType.TABLET);
        assertThat(ipad.checks()).containsEntry("concurrent_sessions", false);
        assertThat(macAgents.evaluate(touching("mac-2", 0, "tab-c", "192.0.2.50")).checks()).as("a second Mac")
                .containsEntry("concurrent_sessions", true);
    }

    private static EvaluationRequest touching(String device, long touchPoints, String session, String ip) {
        EvaluationRequest plain = request(device, "computer", session, ip);
        TreeMap<String, Object> components = new TreeMap<>(plain.device().components());
        components.put("touch_points", touchPoints);
        return new EvaluationRequest(APP, plain.action(), plain.userId(), Optional.empty(), Optional.empty(), Map.of(), plain.sessionId(),
                Optional.empty(), new DeviceSignals(plain.device().token(), components, List.of(), Optional.empty()), plain.clientIp(),
                plain.userAgent(), Optional.empty());
    }

    /**
     * Review finding: an unsigned page view (anyone holding the public client id can send one, naming any
     * account) opened a session that got the owner's backend refused. An evaluation the app vouches for
     * (server mode, signed identity) counts only sessions vouched evaluations opened; an unsigned one, all.
     */
    @Test
    void aVouchedEvaluationCountsOnlySessionsVouchedEvaluationsOpened() {
        assertThat(access("laptop-1", "computer", "tab-a", "198.51.100.1")).isEqualTo(false);
        assertThat(access("laptop-2", "computer", "tab-b", "203.0.113.7", IdentityProof.SERVER)).as("tab-a was unsigned").isEqualTo(false);
        assertThat(access("laptop-3", "computer", "tab-c", "192.0.2.50", IdentityProof.SIGNED)).as("tab-b was vouched").isEqualTo(true);
        assertThat(access("laptop-4", "computer", "tab-d", "192.0.2.99")).as("unsigned: every session counts").isEqualTo(true);
    }

    /**
     * A session a vouched evaluation touched stays vouched: a later unsigned page view in the same tab (the
     * backend vouched for the login, the pages are unsigned, or a sharer's own hand-made call) took it out
     * of vouched evaluations' sight (found in review).
     */
    @Test
    void aSessionOnceVouchedForStaysCountedThroughUnsignedPageViews() {
        access("laptop-1", "computer", "tab-a", "198.51.100.1", IdentityProof.SERVER);
        clock.advance(Duration.ofSeconds(5));
        access("laptop-1", "computer", "tab-a", "198.51.100.1");
        assertThat(access("laptop-2", "computer", "tab-b", "203.0.113.7", IdentityProof.SERVER)).isEqualTo(true);
    }

    /** An imported event (server mode, a timestamp) is not judged against the sessions live today. */
    @Test
    void importedHistoryLeavesTheCheckUnknown() {
        access("laptop-1", "computer", "tab-a", "198.51.100.1");
        EvaluationRequest live = request("laptop-2", "computer", "tab-b", "203.0.113.7");
        EvaluationRequest imported = new EvaluationRequest(APP, "access", live.userId(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), live.device(), live.clientIp(), live.userAgent(), Optional.of(clock.instant().minus(Duration.ofDays(10))));
        assertThat(pipeline.evaluate(imported).checks()).containsEntry("concurrent_sessions", null);
        assertThat(presence.live(APP, "ann", clock.instant())).as("and today's session is untouched").hasSize(1);
    }

    /**
     * A login stopped at its challenge (or denied) opens no session (seed 003), so it must not show the
     * owner a concurrent one: otherwise anyone holding the password, challenged and walking away, got the
     * owner challenged for sharing on their next page.
     */
    @Test
    void aLoginStoppedAtItsChallengeIsNoLiveSession() {
        // Every login is challenged; page views are allowed.
        PolicyStage challengeLogins = (appId, facts) -> facts.action().equals("login")
                ? new io.seatguard.core.policy.PolicyDecision(Verdict.CHALLENGE, Optional.empty(), List.of(), Optional.empty())
                : io.seatguard.core.policy.PolicyDecision.ALLOW_NO_MATCH;
        EvaluationPipeline challenging = new EvaluationPipeline(new FixedUserAgentParser(), new DeviceResolver(store, ids::newRandomId), store,
                CheckRegistry.standard(), challengeLogins, store, ids, clock, presence, new RiskScorer(RiskWeights.defaults()));
        challenging.evaluate(request("laptop-1", "computer", "tab-a", "198.51.100.1"));

        EvaluationRequest page = request("laptop-2", "computer", "tab-b", "203.0.113.7");
        Evaluation stopped = challenging.evaluate(new EvaluationRequest(APP, "login", page.userId(), Optional.empty(), Optional.empty(), Map.of(),
                page.sessionId(), Optional.empty(), page.device(), page.clientIp(), page.userAgent(), Optional.empty()));
        assertThat(stopped.verdict()).isEqualTo(Verdict.CHALLENGE);
        assertThat(presence.live(APP, "ann", clock.instant())).extracting(Presence.LiveSession::sessionId).containsExactly("tab-a");

        clock.advance(Duration.ofSeconds(20));
        assertThat(challenging.evaluate(request("laptop-1", "computer", "tab-a", "198.51.100.1")).checks())
                .containsEntry("concurrent_sessions", false);
    }

    @Test
    void presenceThatCannotBeReadLeavesTheCheckUnknownAndTheEvaluationStands() {
        Presence down = new Presence() {
            @Override
            public void touch(String appId, String userId, LiveSession session) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public void forgetOpenings(String appId, String userId) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public long refusedOverAppCap() {
                return 0;
            }

            @Override
            public Optional<OpenedSession> opened(String appId, String userId, String sessionId, Instant now) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public boolean resume(String appId, String userId, String sessionId, String ip, Instant at) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public Optional<String> refresh(String appId, String userId, String sessionId, String ip, Instant at) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public void endLoggedOut(String appId, String userId, String sessionId, Instant at) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public Optional<String> loggedOutOn(String appId, String userId, String sessionId, Instant now) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public void end(String appId, String userId, String sessionId, Instant at) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public List<LiveSession> live(String appId, String userId, Instant now) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public long liveSessions(String appId, Instant now) {
                throw new IllegalStateException("redis down");
            }
        };
        Evaluation evaluation = pipeline(down).evaluate(request("laptop-1", "computer", "tab-a", "198.51.100.1"));
        assertThat(evaluation.checks()).containsEntry("concurrent_sessions", null);
        assertThat(store.find(APP, evaluation.id())).isPresent();
    }

    private Object access(String device, String type, String session, String ip) {
        return access(device, type, session, ip, IdentityProof.UNSIGNED);
    }

    private Object access(String device, String type, String session, String ip, IdentityProof identity) {
        EvaluationRequest unsigned = request(device, type, session, ip);
        EvaluationRequest request = new EvaluationRequest(APP, unsigned.action(), unsigned.userId(), Optional.empty(), Optional.empty(), Map.of(),
                unsigned.sessionId(), Optional.empty(), unsigned.device(), unsigned.clientIp(), unsigned.userAgent(), Optional.empty(), identity);
        return pipeline.evaluate(request).checks().get("concurrent_sessions");
    }

    private static EvaluationRequest request(String device, String type, String session, String ip) {
        DeviceSignals signals = new DeviceSignals(Optional.of("tok-" + device + "-000000000"), new TreeMap<>(Map.of("model", device, "cores", 8L)),
                List.of(), Optional.empty());
        return new EvaluationRequest(APP, "access", Optional.of("ann"), Optional.empty(), Optional.empty(), Map.of(), Optional.of(session),
                Optional.empty(), signals, IpAddresses.parse(ip).orElseThrow(), Optional.of(type), Optional.empty());
    }
}

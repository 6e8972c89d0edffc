package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountActivity;
import io.seatguard.core.account.ActivityReader;
import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.intel.Anonymity;
import io.seatguard.core.intel.Coordinates;
import io.seatguard.core.intel.IpFacts;
import io.seatguard.core.intel.IpIntelligence;
import io.seatguard.core.intel.IpLocation;
import io.seatguard.core.intel.Judgement;
import io.seatguard.core.intel.SourceRef;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.policy.NoPolicies;
import io.seatguard.core.presence.InMemoryPresence;
import io.seatguard.core.risk.RiskScorer;
import io.seatguard.core.risk.RiskSignal;
import io.seatguard.core.risk.RiskWeights;
import io.seatguard.core.testing.FixedUserAgentParser;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The network and history checks through the pipeline, with a fake IP intelligence source (a map of
 * addresses to facts) and a fake clock: impossible travel, countries, velocity, shared fingerprints and
 * the anonymity flags, each with the case that must not fire.
 */
class NetworkChecksTest {
    private static final String APP = "app_test";
    private static final SourceRef GEO = new SourceRef("test-geo", Optional.of(LocalDate.of(2026, 6, 5)));
    private static final SourceRef TOR_LIST = new SourceRef("tor:/lists/tor.txt", Optional.of(LocalDate.of(2026, 8, 22)));
    private static final SourceRef VPN_LIST = new SourceRef("vpn:/lists/vpn.txt", Optional.of(LocalDate.of(2026, 8, 22)));

    // Addresses placed around the world by the fake source, whoever really holds them. They must be global:
    // local_ip and proxy judge only addresses the internet can reach, and the documentation ranges
    // (198.51.100.0/24, 2001:db8::/32, ...) are not, so no browser can report one from a network.
    private static final String PARIS = "81.2.69.10";
    private static final String LYON = "81.2.69.20";
    private static final String BERLIN = "81.2.69.30";
    private static final String NEW_YORK = "216.160.83.10";
    private static final String VPN_US = "216.160.83.99";
    private static final String TOR_EXIT = "185.220.101.66";
    private static final String NEW_YORK_V6 = "2600:1700::10";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final IdGenerator ids = new IdGenerator(clock, new Random(11));
    private final Map<String, IpFacts> known = new HashMap<>();
    private final IpIntelligence intel = address -> known.getOrDefault(IpAddresses.format(address), IpFacts.UNKNOWN);
    private CheckSettings settings = CheckSettings.DEFAULTS;
    /** Who is online, kept across this test's evaluations (only evaluations with a session id open one). */
    private final InMemoryPresence presence = new InMemoryPresence(Duration.ofSeconds(90));

    NetworkChecksTest() {
        known.put(PARIS, located("FR", 48.8566, 2.3522, 50, "Europe/Paris"));
        known.put(LYON, located("FR", 45.7640, 4.8357, 50, "Europe/Paris"));
        known.put(BERLIN, located("DE", 52.5200, 13.4050, 50, "Europe/Berlin"));
        known.put(NEW_YORK, located("US", 40.7128, -74.0060, 50, "America/New_York"));
        known.put(NEW_YORK_V6, located("US", 40.7128, -74.0060, 50, "America/New_York"));
        known.put(VPN_US, withAnonymity(located("US", 39.0, -77.5, 50, "America/New_York"), Map.of(Anonymity.VPN, new Judgement(true, VPN_LIST))));
        known.put(TOR_EXIT, withAnonymity(located("DE", 50.1, 8.7, 50, "Europe/Berlin"),
                Map.of(Anonymity.TOR, new Judgement(true, TOR_LIST), Anonymity.VPN, new Judgement(true, VPN_LIST))));
    }

    @Test
    void parisThenNewYorkAnHourLaterIsImpossibleButSevenHoursLaterIsAFlight() {
        assertThat(evaluate("ann", PARIS).checks()).containsEntry("impossible_travel", false);
        clock.advance(Duration.ofHours(1));
        assertThat(evaluate("ann", NEW_YORK).checks()).containsEntry("impossible_travel", true);

        // Paris–New York is ~5,837 km; less two 50 km radii, ~5,737 km: 900 km/h needs 6.4 h.
        assertThat(evaluate("bob", PARIS).checks()).containsEntry("impossible_travel", false);
        clock.advance(Duration.ofHours(7));
        assertThat(evaluate("bob", NEW_YORK).checks()).containsEntry("impossible_travel", false);
    }

    /**
     * docs/checks.md: imported history counts by its own time. An import older than the account's latest
     * evaluation is judged against the placed evaluation just before its own time, not against the later
     * one stored first (that one would have made a trip of no time at all out of a Paris–Lyon hop).
     */
    @Test
    void anImportOlderThanTheLatestIsJudgedAgainstThePlaceBeforeItsOwnTime() {
        Instant t0 = clock.instant().minus(Duration.ofDays(2));
        evaluateAt("ann", PARIS, t0);
        evaluateAt("ann", NEW_YORK, t0.plus(Duration.ofHours(10)));
        assertThat(evaluateAt("ann", LYON, t0.plus(Duration.ofMinutes(30))).checks()).as("Paris half an hour before, not New York stored first")
                .containsEntry("impossible_travel", false);
        assertThat(evaluateAt("ann", NEW_YORK, t0.plus(Duration.ofMinutes(45))).checks()).as("Lyon a quarter of an hour before")
                .containsEntry("impossible_travel", true);
        assertThat(evaluateAt("ann", BERLIN, t0.minus(Duration.ofMinutes(1))).checks()).as("nothing placed before it")
                .containsEntry("impossible_travel", false);
    }

    /**
     * docs/checks.md: "earlier" is strictly earlier, to the millisecond. Two evaluations stamped with one
     * millisecond do not see each other (sub-millisecond digits are dropped before comparing); a millisecond
     * later, 900 km away is impossible.
     */
    @Test
    void evaluationsOfOneMillisecondDoNotSeeEachOtherAndOneMillisecondLaterIsImpossible() {
        Instant t0 = clock.instant().minus(Duration.ofDays(1));
        evaluateAt("ann", PARIS, t0);
        assertThat(evaluateAt("ann", NEW_YORK, t0.plusNanos(999_999)).checks()).as("the same millisecond").containsEntry("impossible_travel", false)
                .containsEntry("event_count", 1L);
        // Berlin is far from both (which of two events of one millisecond is the latest is the store's choice).
        assertThat(evaluateAt("ann", BERLIN, t0.plusMillis(1)).checks()).containsEntry("impossible_travel", true).containsEntry("event_count", 3L);
    }

    /**
     * docs/checks.md: {@code is_new_ip} is the exact address for IPv4, and an IPv4-mapped IPv6 address is its
     * IPv4 one; for IPv6 it is the /64, so another address of the same /64 (a privacy address, RFC 8981) is
     * known, and an address of another /64 is new.
     */
    @Test
    void isNewIpIsTheExactIpv4AddressOrTheIpv6SlashSixtyFour() {
        assertThat(evaluate("ann", PARIS).checks()).containsEntry("is_new_ip", true);
        assertThat(evaluate("ann", "::ffff:" + PARIS).checks()).containsEntry("is_new_ip", false);
        assertThat(evaluate("ann", "::ffff:5102:450a").checks()).as("the same, written in hex").containsEntry("is_new_ip", false);
        assertThat(evaluate("ann", "81.2.69.11").checks()).as("the next IPv4 address").containsEntry("is_new_ip", true);
        assertThat(evaluate("ann", NEW_YORK_V6).checks()).containsEntry("is_new_ip", true);
        assertThat(evaluate("ann", "2600:1700:0:0:0:0:0:10").checks()).as("the same address, written out").containsEntry("is_new_ip", false);
        assertThat(evaluate("ann", "2600:1700::a1b2:c3d4:e5f6:11").checks()).as("another address of the /64").containsEntry("is_new_ip", false);
        assertThat(evaluate("ann", "2600:1700:0:1::10").checks()).as("the next /64").containsEntry("is_new_ip", true);
    }

    /**
     * docs/risk.md, through the real pipeline: a second computer logging in from New York a minute after
     * the owner's in Paris, while the owner's session is live, is both concurrent and impossible travel,
     * and ranks above either alone (64: account sharing high, account takeover medium).
     */
    @Test
    void aSharerAcrossTheOceanWhileTheOwnerIsOnlineRanksAboveEitherSignalAlone() {
        pipeline(intel).evaluate(inSession("ann", PARIS, "owner-laptop", "tab-owner"));
        clock.advance(Duration.ofMinutes(1));
        Evaluation sharer = pipeline(intel).evaluate(inSession("ann", NEW_YORK, "sharer-laptop", "tab-sharer"));
        assertThat(sharer.checks()).containsEntry("concurrent_sessions", true).containsEntry("impossible_travel", true);
        int concurrentOnly = new RiskScorer(RiskWeights.defaults()).score(Map.of("concurrent_sessions", true), true).score();
        int travelOnly = new RiskScorer(RiskWeights.defaults()).score(Map.of("impossible_travel", true), true).score();
        assertThat(sharer.risk().score()).isGreaterThan(concurrentOnly).isGreaterThan(travelOnly);
        assertThat(sharer.risk().risks()).extracting(io.seatguard.core.risk.RiskCategory::category, io.seatguard.core.risk.RiskCategory::severity)
                .contains(org.assertj.core.groups.Tuple.tuple("account_sharing", "high"));
    }

    @Test
    void twoCitiesOfOneCountryMinutesApartAreNotTravel() {
        evaluate("ann", PARIS);
        clock.advance(Duration.ofMinutes(5));
        // Paris–Lyon ~392 km, less 100 km of radii: under the 300 km minimum.
        assertThat(evaluate("ann", LYON).checks()).containsEntry("impossible_travel", false);
    }

    @Test
    void aVpnHopIsNotTravelAndNotANewCountry() {
        evaluate("ann", PARIS);
        clock.advance(Duration.ofMinutes(5));
        Evaluation masked = evaluate("ann", VPN_US);
        assertThat(masked.checks()).containsEntry("impossible_travel", null).containsEntry("is_new_country", null).containsEntry("ip_is_vpn", true)
                .containsEntry("ip_country", "US");
        assertThat(masked.detectionFlags().sources()).containsEntry("vpn", VPN_LIST);
    }

    /**
     * Without an account there is no history to be new to or to count in (docs/checks.md): a signup from a
     * VPN, whose place is unknown, is {@code false} and 0 there, not {@code null} as an account's would be.
     */
    @Test
    void withoutAnAccountTheCountryChecksAreFalseAndZeroWhereverThePlaceIs() {
        for (String ip : List.of(PARIS, VPN_US)) {
            assertThat(evaluate(null, ip).checks()).as(ip).containsEntry("is_new_country", false).containsEntry("country_count_24h", 0L)
                    .containsEntry("impossible_travel", false);
        }
    }

    /** docs/checks.md: without an account, the device counts hold the device itself (none when it is unknown). */
    @Test
    void withoutAnAccountTheDeviceCountsAreTheDeviceItself() {
        assertThat(evaluate(null, PARIS).checks()).containsEntry("device_count", 1L).containsEntry("computer_device_count", 1L)
                .containsEntry("mobile_device_count", 0L);
        EvaluationRequest noSignals = new EvaluationRequest(APP, "signup", Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), new DeviceSignals(Optional.empty(), new TreeMap<>(), List.of(), Optional.empty()),
                IpAddresses.parse(PARIS).orElseThrow(), Optional.of("computer"), Optional.empty());
        assertThat(pipeline(intel).evaluate(noSignals).checks()).as("device unknown").containsEntry("device_count", 0L)
                .containsEntry("computer_device_count", 0L);
    }

    @Test
    void aVpnHopAfterTheTravelHorizonIsNoTravelWhereverItIs() {
        evaluate("ann", PARIS);
        // At 900 km/h the farthest place on Earth is ~22.2 h away: beyond that, "we cannot tell" becomes "no".
        clock.advance(Duration.ofHours(22));
        assertThat(evaluate("ann", VPN_US).checks()).as("within the horizon").containsEntry("impossible_travel", null);
        clock.advance(Duration.ofMinutes(15));
        assertThat(evaluate("ann", VPN_US).checks()).containsEntry("impossible_travel", false);
    }

    @Test
    void aMaskedSessionIsPlacedByItsRealNetworkWhenTheBrowserExposedIt() {
        evaluate("ann", PARIS);
        clock.advance(Duration.ofMinutes(5));
        Evaluation masked = evaluate("ann", VPN_US, List.of("10.0.0.7", LYON), Optional.of("Europe/Paris"));
        assertThat(masked.localIp()).map(IpInfo::address).contains(LYON);
        assertThat(masked.localIp()).flatMap(IpInfo::country).contains("FR");
        assertThat(masked.detectionFlags().proxy()).contains(true);
        assertThat(masked.detectionFlags().ipMismatch()).contains(true);
        assertThat(masked.detectionFlags().timezoneMismatch()).as("browser in Paris, exit in the US").contains(true);
        assertThat(masked.checks()).containsEntry("impossible_travel", false).containsEntry("is_new_country", false).containsEntry("ip_is_proxy", true);
        assertThat(masked.detectionFlags().sources()).containsEntry("proxy", new SourceRef("stun", Optional.empty()))
                .containsEntry("ip_mismatch", GEO).containsEntry("timezone_mismatch", GEO);
    }

    /**
     * Review finding (local_ips chose the place): a sharer on a clean network cannot borrow the owner's
     * city by reporting an address there, of another family (no proxy judgement at all) or of the same
     * family in another country (proxy and ip_mismatch say so, and the place stays the public IP's).
     */
    @Test
    void aReportedLocalIpNeverMovesTheEvaluationOffAnUnmaskedPublicIp() {
        evaluate("ann", NEW_YORK);
        clock.advance(Duration.ofMinutes(30));
        Evaluation otherFamily = evaluate("ann", PARIS, List.of(NEW_YORK_V6), Optional.of("America/New_York"));
        assertThat(otherFamily.localIp()).flatMap(IpInfo::country).contains("US");
        assertThat(otherFamily.detectionFlags().proxy()).as("families are not compared").isEmpty();
        assertThat(otherFamily.detectionFlags().ipMismatch()).contains(true);
        assertThat(otherFamily.checks()).containsEntry("impossible_travel", true).containsEntry("is_new_country", true)
                .containsEntry("country_count_24h", 2L);

        evaluate("bob", NEW_YORK);
        clock.advance(Duration.ofMinutes(30));
        Evaluation sameFamily = evaluate("bob", PARIS, List.of(NEW_YORK), Optional.of("America/New_York"));
        assertThat(sameFamily.detectionFlags().proxy()).contains(true);
        assertThat(sameFamily.detectionFlags().ipMismatch()).contains(true);
        assertThat(sameFamily.checks()).containsEntry("impossible_travel", true).containsEntry("is_new_country", true);
    }

    /** A full-tunnel VPN carries the browser's UDP too: its STUN candidate is the exit, which places nobody. */
    @Test
    void aVpnExitSeenOnTheUdpPathTooIsNotTheRealNetwork() {
        evaluate("ann", PARIS);
        clock.advance(Duration.ofMinutes(60));
        Evaluation tunnelled = evaluate("ann", VPN_US, List.of(VPN_US), Optional.of("Europe/Paris"));
        assertThat(tunnelled.localIp()).map(IpInfo::address).contains(VPN_US);
        assertThat(tunnelled.detectionFlags().proxy()).contains(false);
        assertThat(tunnelled.checks()).containsEntry("impossible_travel", null).containsEntry("is_new_country", null).containsEntry("ip_is_vpn", true);
    }

    @Test
    void theSameNetworkOnTheUdpPathIsNoProxyAndNoMismatch() {
        Evaluation direct = evaluate("ann", PARIS, List.of(PARIS), Optional.of("Europe/Berlin"));
        assertThat(direct.detectionFlags().proxy()).contains(false);
        assertThat(direct.detectionFlags().ipMismatch()).contains(false);
        assertThat(direct.detectionFlags().timezoneMismatch()).as("Berlin and Paris share an offset").contains(false);
    }

    /**
     * A browser zone newer than this JDK's tz data (taken at the edge since browsers update theirs
     * first): its offset cannot be known here, so the mismatch is unknown and names no source, never
     * true or false.
     */
    @Test
    void aBrowserZoneTheJdkDoesNotKnowLeavesTheMismatchUnknown() {
        Evaluation unknown = evaluate("ann", PARIS, List.of(PARIS), Optional.of("Europe/Nueva_Zona"));
        assertThat(unknown.detectionFlags().timezoneMismatch()).isEmpty();
        assertThat(unknown.detectionFlags().sources()).doesNotContainKey("timezone_mismatch");
        assertThat(unknown.detectionFlags().ipMismatch()).as("the other flags are judged as before").contains(false);
    }

    @Test
    void torOutranksVpnAndSaysWhy() {
        Evaluation tor = evaluate("ann", TOR_EXIT);
        assertThat(tor.checks()).containsEntry("ip_is_tor", true).containsEntry("ip_is_vpn", false).containsEntry("ip_is_hosting", false);
        assertThat(tor.detectionFlags().relay()).contains(false);
        assertThat(tor.detectionFlags().sources()).containsEntry("tor", TOR_LIST).containsEntry("vpn", TOR_LIST).containsEntry("hosting", TOR_LIST);
    }

    @Test
    void unknownAddressesLeaveFlagsUnknownNotClean() {
        Evaluation unknown = evaluate("ann", "192.0.2.200");
        assertThat(unknown.detectionFlags()).isEqualTo(DetectionFlags.UNKNOWN);
        assertThat(unknown.checks()).containsEntry("ip_country", null).containsEntry("ip_is_vpn", null).containsEntry("is_new_country", null);
    }

    @Test
    void aBrokenSourceLeavesEverythingUnknownAndTheEvaluationStands() {
        IpIntelligence broken = address -> {
            throw new IllegalStateException("database damaged");
        };
        Evaluation evaluation = pipeline(broken).evaluate(request("ann", PARIS, List.of(), Optional.empty()));
        assertThat(evaluation.detectionFlags()).isEqualTo(DetectionFlags.UNKNOWN);
        assertThat(store.find(APP, evaluation.id())).isPresent();

        // A memory-mapped database rewritten in place faults as InternalError (review finding).
        IpIntelligence faulting = address -> {
            throw new InternalError("a fault occurred in an unsafe memory access operation");
        };
        Evaluation faulted = pipeline(faulting).evaluate(request("ann", PARIS, List.of(), Optional.empty()));
        assertThat(faulted.detectionFlags()).isEqualTo(DetectionFlags.UNKNOWN);
        assertThat(store.find(APP, faulted.id())).isPresent();

        // A damaged database's record that points into itself overflows the decoder's stack (review finding).
        IpIntelligence overflowing = address -> {
            throw new StackOverflowError();
        };
        Evaluation overflowed = pipeline(overflowing).evaluate(request("ann", PARIS, List.of(), Optional.empty()));
        assertThat(overflowed.detectionFlags()).isEqualTo(DetectionFlags.UNKNOWN);
        assertThat(store.find(APP, overflowed.id())).isPresent();
    }

    @Test
    void countriesAreNewOnceAndCountedOverTwentyFourHours() {
        Evaluation first = evaluate("ann", PARIS);
        assertThat(first.checks()).containsEntry("is_new_country", true).containsEntry("country_count_24h", 1L);
        clock.advance(Duration.ofHours(1));
        assertThat(evaluate("ann", LYON).checks()).containsEntry("is_new_country", false).containsEntry("country_count_24h", 1L);
        clock.advance(Duration.ofHours(2));
        assertThat(evaluate("ann", BERLIN).checks()).containsEntry("is_new_country", true).containsEntry("country_count_24h", 2L);
        clock.advance(Duration.ofHours(22));
        // Paris (25 h ago) and Lyon (24 h ago, at the edge: still in) and Berlin (22 h ago).
        assertThat(evaluate("ann", BERLIN).checks()).containsEntry("is_new_country", false).containsEntry("country_count_24h", 2L);
        clock.advance(Duration.ofHours(23));
        assertThat(evaluate("ann", PARIS).checks()).as("Berlin 23 h ago only").containsEntry("country_count_24h", 2L);
        clock.advance(Duration.ofHours(25));
        assertThat(evaluate("ann", PARIS).checks()).as("nothing else within 24 h").containsEntry("country_count_24h", 1L);
    }

    /**
     * docs/checks.md: an account placed nowhere yet (its evaluations all behind a VPN) is new to the first
     * country it is placed in, and that account being known, the new_country signal fires: "no earlier
     * evaluation of the account was placed in this country".
     */
    @Test
    void theFirstCountryOfAnAccountPlacedNowhereBeforeIsNew() {
        assertThat(evaluate("ann", VPN_US).checks()).containsEntry("is_new_country", null).containsEntry("country_count_24h", 0L)
                .containsEntry("impossible_travel", false);
        clock.advance(Duration.ofMinutes(10));
        Evaluation placed = evaluate("ann", PARIS);
        assertThat(placed.checks()).containsEntry("is_new_country", true).containsEntry("country_count_24h", 1L)
                .containsEntry("impossible_travel", false);
        assertThat(placed.risk().signals()).extracting(RiskSignal::name).contains("new_country");
    }

    @Test
    void eventCountAndHighVelocityUseTheWindow() {
        settings = new CheckSettings(900, 300, Duration.ofMinutes(10), 3);
        assertThat(evaluate("ann", PARIS).checks()).containsEntry("event_count", 1L).containsEntry("has_high_velocity", false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(evaluate("ann", PARIS).checks()).containsEntry("event_count", 2L).containsEntry("has_high_velocity", false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(evaluate("ann", PARIS).checks()).containsEntry("event_count", 3L).containsEntry("has_high_velocity", true);
        clock.advance(Duration.ofMinutes(11));
        assertThat(evaluate("ann", PARIS).checks()).as("the earlier three left the window").containsEntry("event_count", 1L)
                .containsEntry("has_high_velocity", false);
        assertThat(pipeline(intel).evaluate(request(null, PARIS, List.of(), Optional.empty())).checks()).containsEntry("event_count", null)
                .containsEntry("has_high_velocity", false);
    }

    /**
     * Review finding: anyone holding the public client id can send unsigned evaluations naming any account.
     * One from New York just before the owner's login in Paris made the backend's evaluation of that login
     * impossible travel, with a second country and a burst of events. An evaluation vouched for (server
     * mode, signed identity) is judged by vouched evaluations alone; an unsigned one by every evaluation.
     */
    @Test
    void aVouchedEvaluationIsJudgedByVouchedHistoryAlone() {
        settings = new CheckSettings(900, 300, Duration.ofMinutes(10), 3);
        evaluate("ann", PARIS, IdentityProof.SERVER);
        clock.advance(Duration.ofMinutes(1));
        evaluate("ann", NEW_YORK, IdentityProof.UNSIGNED);
        evaluate("ann", NEW_YORK, IdentityProof.UNSIGNED);
        clock.advance(Duration.ofMinutes(1));

        assertThat(evaluate("ann", PARIS, IdentityProof.SERVER).checks()).containsEntry("impossible_travel", false)
                .containsEntry("country_count_24h", 1L).containsEntry("event_count", 2L).containsEntry("has_high_velocity", false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(evaluate("ann", PARIS, IdentityProof.SIGNED).checks()).containsEntry("event_count", 3L).containsEntry("has_high_velocity", true);
        clock.advance(Duration.ofSeconds(1));
        assertThat(evaluate("ann", PARIS, IdentityProof.UNSIGNED).checks()).as("unsigned: every evaluation")
                .containsEntry("country_count_24h", 2L).containsEntry("event_count", 6L);
        clock.advance(Duration.ofMinutes(1));
        assertThat(evaluate("ann", NEW_YORK, IdentityProof.UNSIGNED).checks()).containsEntry("impossible_travel", true);
        // Being seen in a country is never a reason to refuse: is_new_country reads every evaluation.
        assertThat(evaluate("ann", NEW_YORK, IdentityProof.SERVER).checks()).containsEntry("is_new_country", false)
                .containsEntry("impossible_travel", true);
    }

    /**
     * Readers stop counting at the limit (an attacked account's window can hold millions of events), so
     * event_count stops there too, and has_high_velocity stays exact because the limit is never below it.
     */
    @Test
    void eventCountStopsAtTheLimitAndHighVelocityStaysExact() {
        assertThat(CheckSettings.DEFAULTS.eventCountLimit()).isEqualTo(CheckSettings.EVENT_COUNT_LIMIT);
        assertThat(withCountedEvents(CheckSettings.DEFAULTS, 50_000)).containsEntry("event_count", CheckSettings.EVENT_COUNT_LIMIT)
                .containsEntry("has_high_velocity", true);
        assertThat(withCountedEvents(CheckSettings.DEFAULTS, CheckSettings.EVENT_COUNT_LIMIT - 2)).as("just under the limit: exact")
                .containsEntry("event_count", CheckSettings.EVENT_COUNT_LIMIT - 1);
        CheckSettings highThreshold = new CheckSettings(900, 300, Duration.ofHours(1), 20_000);
        assertThat(highThreshold.eventCountLimit()).as("never below the threshold").isEqualTo(20_000);
        assertThat(withCountedEvents(highThreshold, 19_998)).containsEntry("event_count", 19_999L).containsEntry("has_high_velocity", false);
        assertThat(withCountedEvents(highThreshold, 19_999)).containsEntry("event_count", 20_000L).containsEntry("has_high_velocity", true);
        assertThat(withCountedEvents(highThreshold, 20_000)).as("a reader at the limit").containsEntry("event_count", 20_000L)
                .containsEntry("has_high_velocity", true);
        CheckSettings raised = new CheckSettings(900, 300, Duration.ofHours(1), 100, 50_000);
        assertThat(withCountedEvents(raised, 30_000)).as("the operator's limit").containsEntry("event_count", 30_001L);
        assertThat(withCountedEvents(raised, 60_000)).containsEntry("event_count", 50_000L);
    }

    /** The checks of one evaluation whose reader counted this many earlier events in the window. */
    private Map<String, Object> withCountedEvents(CheckSettings checks, long counted) {
        ActivityReader counting = (appId, userId, country, fingerprintId, at, window, vouchedOnly) -> new AccountActivity(Optional.empty(), Optional.empty(),
                Optional.of(java.util.Set.of()), java.util.OptionalLong.of(counted), java.util.OptionalLong.empty());
        return pipeline(intel, counting, checks).evaluate(request("ann", PARIS, List.of(), Optional.empty())).checks();
    }

    @Test
    void oneFingerprintOnManyAccountsIsCounted() {
        assertThat(evaluate("ann", PARIS).checks()).containsEntry("fingerprint_user_count", 1L);
        assertThat(evaluate("bob", PARIS).checks()).containsEntry("fingerprint_user_count", 2L);
        assertThat(evaluate("ann", PARIS).checks()).as("ann again").containsEntry("fingerprint_user_count", 2L);
        assertThat(evaluate("cat", PARIS).checks()).containsEntry("fingerprint_user_count", 3L);
    }

    /**
     * device_user_count counts the accounts one browser (its token) was used on, as fingerprint_user_count
     * does; identical units of a common model (no GPU renderer here, so the resolver never joins them
     * across accounts) share the fingerprint but not the device, and only the fingerprint's count sees
     * them. A look-alike's device seen before scores neither.
     */
    @Test
    void oneBrowserOnManyAccountsIsCountedByDeviceAndLookAlikesAreNot() {
        for (String user : List.of("ann", "bob", "cat")) {
            assertThat(evaluateWithToken(user, "tok-shared", IdentityProof.UNSIGNED).checks()).as(user)
                    .containsEntry("device_user_count", (long) List.of("ann", "bob", "cat").indexOf(user) + 1);
        }
        Evaluation third = evaluateWithToken("cat", "tok-shared", IdentityProof.UNSIGNED);
        assertThat(third.checks()).as("cat again: counted once").containsEntry("device_user_count", 3L);
        assertThat(third.risk().signals()).extracting(RiskSignal::name).contains("shared_device");
        assertThat(evaluateWithToken(null, "tok-shared", IdentityProof.UNSIGNED).checks()).as("a signup from it names no account of its own")
                .containsEntry("device_user_count", 3L);

        for (String user : List.of("dan", "eve", "fay", "gus")) {
            evaluateWithToken(user, "tok-" + user, IdentityProof.UNSIGNED);
        }
        Evaluation lookAlike = evaluateWithToken("gus", "tok-gus", IdentityProof.UNSIGNED);
        assertThat(lookAlike.checks()).containsEntry("device_user_count", 1L).containsEntry("fingerprint_user_count", 7L);
        assertThat(lookAlike.risk().signals()).extracting(RiskSignal::name).doesNotContain("shared_device", "shared_fingerprint");
        EvaluationRequest plain = request("gus", PARIS, List.of(), Optional.empty());
        assertThat(pipeline(intel, ActivityReader.NONE, settings).evaluate(new EvaluationRequest(APP, "access", plain.userId(), Optional.empty(),
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                new DeviceSignals(Optional.of("tok-gus"), plain.device().components(), List.of(), Optional.empty()), plain.clientIp(),
                plain.userAgent(), Optional.empty())).checks())
                .as("a known device's links unreadable: unknown, not none").containsEntry("device_user_count", null);
        assertThat(pipeline(intel, ActivityReader.NONE, settings).evaluate(request("hal", PARIS, List.of(), Optional.empty())).checks())
                .as("a new device has no links to read").containsEntry("device_user_count", 1L);
        DeviceSignals nothing = new DeviceSignals(Optional.empty(), new TreeMap<>(), List.of(), Optional.empty());
        EvaluationRequest anonymous = request("gus", PARIS, List.of(), Optional.empty());
        assertThat(pipeline(intel).evaluate(new EvaluationRequest(APP, "access", anonymous.userId(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), nothing, anonymous.clientIp(), anonymous.userAgent(), Optional.empty())).checks())
                .as("the zero device id is no device").containsEntry("device_user_count", 0L);
    }

    /**
     * The known limit of device_user_count (docs/checks.md, "One fingerprint is not one device"): a headless
     * browser that clears its storage before each account is joined to its device by its exact fingerprint
     * once; its second token makes its hardware common to the resolver, so from the third account on each
     * is a new device. fingerprint_user_count keeps counting it, and shared_fingerprint scores it, since
     * each try is on a device new to the account. A resolver that tells such a bot from look-alike people
     * will fail the device count's assertion here, and should.
     */
    @Test
    void aBrowserClearingItsStorageBeforeEachAccountIsCountedByItsFingerprintOnly() {
        TreeMap<String, Object> headless = new TreeMap<>(Map.of("webgl_renderer", "Google SwiftShader", "webgl_vendor", "Google Inc.",
                "platform", "Linux x86_64", "canvas", "c-headless", "audio", "a-headless", "cores", 4L, "screen", "800x600"));
        Evaluation last = null;
        for (int i = 1; i <= 8; i++) {
            EvaluationRequest plain = request("victim-" + i, PARIS, List.of(), Optional.empty());
            last = pipeline(intel).evaluate(new EvaluationRequest(APP, "login", plain.userId(), Optional.empty(), Optional.empty(), Map.of(),
                    Optional.empty(), Optional.empty(), new DeviceSignals(Optional.of("tok-bot-" + i), headless, List.of(), Optional.empty()),
                    plain.clientIp(), plain.userAgent(), Optional.empty()));
            assertThat((Long) last.checks().get("device_user_count")).as("account " + i).isLessThanOrEqualTo(2L);
        }
        assertThat(last.checks()).containsEntry("fingerprint_user_count", 8L).containsEntry("is_new_device", true);
        assertThat(last.risk().signals()).extracting(RiskSignal::name).contains("shared_fingerprint").doesNotContain("shared_device");
    }

    /**
     * As for the fingerprint: anyone holding the client id can name made-up accounts in unsigned
     * evaluations from the owner's browser (or a copy of its components on uncommon hardware). A vouched
     * evaluation counts the links vouched evaluations made, and its own account.
     */
    @Test
    void aVouchedEvaluationCountsTheDevicesVouchedLinks() {
        assertThat(evaluateWithToken("owner", "tok-owner", IdentityProof.SERVER).checks()).containsEntry("device_user_count", 1L);
        for (int i = 0; i < 4; i++) {
            evaluateWithToken("made-up-" + i, "tok-owner", IdentityProof.UNSIGNED);
        }
        assertThat(evaluateWithToken("owner", "tok-owner", IdentityProof.SERVER).checks()).containsEntry("device_user_count", 1L);
        assertThat(evaluateWithToken("owner", "tok-owner", IdentityProof.UNSIGNED).checks()).as("unsigned: every link")
                .containsEntry("device_user_count", 5L);
        assertThat(evaluateWithToken("made-up-0", "tok-owner", IdentityProof.SIGNED).checks()).as("its own account, not yet vouched, counts once")
                .containsEntry("device_user_count", 2L);
        assertThat(evaluateWithToken(null, "tok-owner", IdentityProof.SERVER).checks()).as("a vouched signup: the owner's and made-up-0's, now vouched")
                .containsEntry("device_user_count", 2L);
        assertThat(evaluateWithToken(null, "tok-owner", IdentityProof.UNSIGNED).checks()).containsEntry("device_user_count", 5L);
    }

    /**
     * Review finding: anyone holding the public client id can send unsigned evaluations naming made-up
     * accounts with the owner's fingerprint (its components are observable), and a policy on
     * fingerprint_user_count then refused the owner's backend. A vouched evaluation counts the accounts a
     * vouched evaluation showed the fingerprint for, and its own; an unsigned one counts them all.
     */
    @Test
    void aVouchedEvaluationCountsTheAccountsVouchedEvaluationsShowedItsFingerprintFor() {
        assertThat(evaluate("owner", PARIS, IdentityProof.SERVER).checks()).containsEntry("fingerprint_user_count", 1L);
        for (int i = 0; i < 5; i++) {
            evaluate("made-up-" + i, PARIS, IdentityProof.UNSIGNED);
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(evaluate("owner", PARIS, IdentityProof.SERVER).checks()).containsEntry("fingerprint_user_count", 1L);
        assertThat(evaluate("owner", PARIS, IdentityProof.UNSIGNED).checks()).as("unsigned: every account").containsEntry("fingerprint_user_count", 6L);
        assertThat(evaluate(null, PARIS, IdentityProof.SERVER).checks()).as("a vouched signup without a user likewise")
                .containsEntry("fingerprint_user_count", 1L);
        assertThat(evaluate(null, PARIS, IdentityProof.UNSIGNED).checks()).containsEntry("fingerprint_user_count", 6L);
        // An account shown unsigned before counts itself in its first vouched evaluation, and in the others'
        // from then on: its fingerprint seen 10 s ago is written again at once, now vouched.
        assertThat(evaluate("made-up-0", PARIS, IdentityProof.SIGNED).checks()).containsEntry("fingerprint_user_count", 2L);
        assertThat(evaluate("owner", PARIS, IdentityProof.SERVER).checks()).containsEntry("fingerprint_user_count", 2L);
        assertThat(evaluate("made-up-0", PARIS, IdentityProof.UNSIGNED).checks()).containsEntry("fingerprint_user_count", 6L);
        assertThat(evaluate("owner", PARIS, IdentityProof.SERVER).checks()).as("an unsigned one after it unmarks nothing")
                .containsEntry("fingerprint_user_count", 2L);
    }

    /**
     * Review of V44: an app whose pages evaluate unsigned and whose backend evaluates vouched alternates
     * the two on every visit. The first vouched evaluation marks the account's fingerprint vouched (one
     * write); the rest, either kind, write no row within the throttle's resolution, as before the rule.
     */
    @Test
    void alternatingUnsignedAndVouchedEvaluationsMarkTheFingerprintOnceAndThenWriteNoRow() {
        evaluate("alma", PARIS, IdentityProof.UNSIGNED);
        evaluate("alma", PARIS, IdentityProof.SERVER);
        evaluate("alma", PARIS, IdentityProof.UNSIGNED);
        int marked = store.rowWrites();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(10));
            evaluate("alma", PARIS, i % 2 == 0 ? IdentityProof.SERVER : IdentityProof.UNSIGNED);
        }
        assertThat(store.rowWrites()).as("no row written by the visits after the first vouched one").isEqualTo(marked);
        assertThat(evaluate("alma", PARIS, IdentityProof.SERVER).checks()).containsEntry("fingerprint_user_count", 1L);
    }

    @Test
    void aSignupWithoutAUserStillCountsItsFingerprintsAccountsAndIsNoKnownAccountsNewDevice() {
        Evaluation firstSignup = evaluate(null, PARIS);
        assertThat(firstSignup.checks()).containsEntry("fingerprint_user_count", 0L).containsEntry("is_new_device", true);
        assertThat(firstSignup.risk().signals()).as("a first browser signing up names no account it could be new to").isEmpty();
        evaluate("ann", PARIS);
        evaluate("bob", PARIS);
        evaluate("cat", PARIS);
        Evaluation signup = evaluate(null, PARIS);
        assertThat(signup.checks()).containsEntry("fingerprint_user_count", 3L);
        assertThat(signup.risk().signals()).as("a device new to the app on a fingerprint three accounts showed").extracting(RiskSignal::name)
                .containsExactly("shared_fingerprint");
        assertThat(pipeline(intel, ActivityReader.NONE, settings).evaluate(request(null, PARIS, List.of(), Optional.empty())).checks())
                .as("unreadable is unknown, not none").containsEntry("fingerprint_user_count", null);
    }

    @Test
    void theLocalIpIsAGlobalAddressUnlessThePeerIsPrivateToo() {
        java.net.InetAddress publicPeer = IpAddresses.parse(PARIS).orElseThrow();
        java.net.InetAddress privatePeer = IpAddresses.parse("10.0.0.2").orElseThrow();
        assertThat(NetworkAssessor.localIp(publicPeer, List.of("192.168.1.20", "abcd.local", LYON))).map(IpAddresses::format).contains(LYON);
        assertThat(NetworkAssessor.localIp(publicPeer, List.of("192.168.1.20"))).as("a private address says nothing of a public peer").isEmpty();
        // Review finding: documentation addresses were taken as global, and came before a real one.
        assertThat(NetworkAssessor.localIp(publicPeer, List.of("192.0.2.1", "2001:db8::1", "8.8.8.8"))).map(IpAddresses::format).contains("8.8.8.8");
        assertThat(NetworkAssessor.localIp(publicPeer, List.of("203.0.113.7"))).as("a documentation address is on no network").isEmpty();
        assertThat(NetworkAssessor.localIp(privatePeer, List.of("127.0.0.1", "fe80::1", "172.17.0.2"))).map(IpAddresses::format).contains("172.17.0.2");
        assertThat(NetworkAssessor.localIp(privatePeer, List.of("172.17.0.2", LYON))).map(IpAddresses::format).contains(LYON);
        assertThat(NetworkAssessor.localIp(privatePeer, List.of())).isEmpty();
        assertThat(evaluate("ann", PARIS, List.of(LYON), Optional.empty()).device().localIps()).containsExactly(LYON);
        Evaluation onPrivateNetwork = pipeline(intel).evaluate(new EvaluationRequest(APP, "access", Optional.of("ann"), Optional.empty(),
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                new DeviceSignals(Optional.empty(), new TreeMap<>(Map.of("model", "laptop")), List.of("172.17.0.1"), Optional.empty()), privatePeer,
                Optional.of("computer"), Optional.empty()));
        assertThat(onPrivateNetwork.localIp()).map(IpInfo::address).contains("172.17.0.1");
        assertThat(onPrivateNetwork.detectionFlags().proxy()).as("a private local IP may be any interface: no judgement").isEmpty();
    }

    private Evaluation evaluate(String user, String ip) {
        return evaluate(user, ip, List.of(), Optional.empty());
    }

    private Evaluation evaluate(String user, String ip, List<String> localIps, Optional<String> zone) {
        return pipeline(intel).evaluate(request(user, ip, localIps, zone));
    }

    /** A computer's page view in a session of its own, so presence holds it live. */
    private static EvaluationRequest inSession(String user, String ip, String model, String sessionId) {
        DeviceSignals signals = new DeviceSignals(Optional.empty(), new TreeMap<>(Map.of("model", model, "cores", 8L)), List.of(), Optional.empty());
        return new EvaluationRequest(APP, "access", Optional.of(user), Optional.empty(), Optional.empty(), Map.of(), Optional.of(sessionId),
                Optional.empty(), signals, IpAddresses.parse(ip).orElseThrow(), Optional.of("computer"), Optional.empty());
    }

    /** Imported history: a server-mode evaluation stamped with its own time. */
    private Evaluation evaluateAt(String user, String ip, Instant at) {
        EvaluationRequest live = request(user, ip, List.of(), Optional.empty());
        return pipeline(intel).evaluate(new EvaluationRequest(APP, live.action(), live.userId(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), live.device(), live.clientIp(), live.userAgent(), Optional.of(at), IdentityProof.SERVER));
    }

    /** A page view (a signup without a user) from the browser holding this token, with the laptop's components. */
    private Evaluation evaluateWithToken(String user, String token, IdentityProof identity) {
        EvaluationRequest plain = request(user, PARIS, List.of(), Optional.empty());
        DeviceSignals signals = new DeviceSignals(Optional.of(token), plain.device().components(), List.of(), Optional.empty());
        return pipeline(intel).evaluate(new EvaluationRequest(APP, plain.action(), plain.userId(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), signals, plain.clientIp(), plain.userAgent(), Optional.empty(), identity));
    }

    private Evaluation evaluate(String user, String ip, IdentityProof identity) {
        EvaluationRequest unsigned = request(user, ip, List.of(), Optional.empty());
        return pipeline(intel).evaluate(new EvaluationRequest(APP, unsigned.action(), unsigned.userId(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), unsigned.device(), unsigned.clientIp(), unsigned.userAgent(), Optional.empty(), identity));
    }

    private EvaluationPipeline pipeline(IpIntelligence source) {
        return pipeline(source, store, settings);
    }

    private EvaluationPipeline pipeline(IpIntelligence source, ActivityReader activity, CheckSettings checks) {
        return new EvaluationPipeline(new FixedUserAgentParser(), new DeviceResolver(store, ids::newRandomId), store, CheckRegistry.standard(checks),
                new NoPolicies(), store, ids, clock, presence, new RiskScorer(RiskWeights.defaults()))
                .withNetwork(source, activity, checks);
    }

    private static EvaluationRequest request(String user, String ip, List<String> localIps, Optional<String> zone) {
        DeviceSignals signals = new DeviceSignals(Optional.empty(), new TreeMap<>(Map.of("model", "laptop", "cores", 8L)), localIps, zone);
        return new EvaluationRequest(APP, user == null ? "signup" : "access", Optional.ofNullable(user), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), signals, IpAddresses.parse(ip).orElseThrow(), Optional.of("computer"), Optional.empty());
    }

    private static IpFacts located(String country, double lat, double lon, double accuracyKm, String zone) {
        return new IpFacts(Optional.of(new IpLocation(Optional.of(country), Optional.empty(), Optional.of(new Coordinates(lat, lon, accuracyKm)),
                List.of(ZoneId.of(zone)), GEO)), Optional.empty(), Map.of());
    }

    private static IpFacts withAnonymity(IpFacts facts, Map<Anonymity, Judgement> anonymity) {
        return new IpFacts(facts.location(), facts.asn(), new EnumMap<>(anonymity));
    }
}

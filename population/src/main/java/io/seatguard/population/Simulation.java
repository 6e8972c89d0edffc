package io.seatguard.population;

import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.EvaluationPipeline;
import io.seatguard.core.evaluation.EvaluationRequest;
import io.seatguard.core.identity.DeviceMatcher;
import io.seatguard.core.intel.IpIntelligence;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.policy.NoPolicies;
import io.seatguard.core.testing.FixedUserAgentParser;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;

/**
 * Runs a population's visits, in time order, through the real evaluation pipeline (with the in-memory
 * store: this measures identification, not storage) and hands each outcome to a {@link Measurement}.
 *
 * <p>Each device visits every two days on average (phones more often) over {@link #DAYS} days. A
 * person's first visit is a signup half the time (no account yet); later visits are page views
 * ({@code access}) and some logins; a signup is followed five seconds later by the new account's first
 * page view in the same browser, as a signup lands in the app. On each visit the browser may have lost its token (storage cleared,
 * 2 %), be a private window whose token is thrown away afterwards (2 %), or have one probe fail (1 %).
 */
final class Simulation {
    static final int DAYS = 60;
    static final double CLEARED_STORAGE = 0.02;
    static final double PRIVATE_WINDOW = 0.02;
    static final double PROBE_FAILS = 0.01;
    /** How long after a signup the new account's first page is evaluated (see {@link #run}). */
    static final Duration LANDING_DELAY = Duration.ofSeconds(5);
    private static final String APP = "app_population";
    private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

    private final long seed;
    private final double threshold;
    private final int crowdedAt;
    private final boolean landsAfterSignup;

    Simulation(long seed, double threshold, int crowdedAt) {
        this(seed, threshold, crowdedAt, true);
    }

    /**
     * @param landsAfterSignup whether a signup is followed by the new account's first page view in the
     *     same browser (true by default: a signup lands in the app); false measures as before 2026-12-01
     */
    Simulation(long seed, double threshold, int crowdedAt, boolean landsAfterSignup) {
        this.seed = seed;
        this.threshold = threshold;
        this.crowdedAt = crowdedAt;
        this.landsAfterSignup = landsAfterSignup;
    }

    private record Visit(double day, PhysicalDevice device) {}

    Measurement run(List<PhysicalDevice> devices) {
        MutableClock clock = new MutableClock(START);
        // Nothing here reads an evaluation back, and keeping 3 x 10^5 of them a run cost a quarter of its CPU in the collector.
        InMemoryEvaluationStore store = InMemoryEvaluationStore.forgettingEvaluations();
        IdGenerator ids = new IdGenerator(clock, new Random(seed));
        EvaluationPipeline pipeline = new EvaluationPipeline(new FixedUserAgentParser(),
                new DeviceResolver(store, ids::newRandomId, new DeviceMatcher(threshold), crowdedAt), store, CheckRegistry.standard(), new NoPolicies(),
                store, ids, clock).withNetwork(IpIntelligence.NONE, new AccountCounts(store), CheckSettings.DEFAULTS);
        Random random = new Random(seed * 31 + 7);
        Renders renders = new Renders(seed);
        PopulationGenerator tokens = new PopulationGenerator(seed * 17 + 3);
        PriorityQueue<Visit> visits = new PriorityQueue<>((a, b) -> Double.compare(a.day(), b.day()));
        for (PhysicalDevice device : devices) {
            visits.add(new Visit(random.nextDouble() * 10, device));
        }
        Measurement measurement = new Measurement();
        Set<String> signedUp = new HashSet<>();
        MatchKinds kinds = new MatchKinds();
        Set<String> shownTokens = new HashSet<>();
        Map<PhysicalDevice, SortedMap<String, Object>> previous = new HashMap<>();
        while (!visits.isEmpty()) {
            Visit visit = visits.poll();
            PhysicalDevice device = visit.device();
            clock.set(START.plus(Duration.ofSeconds((long) (visit.day() * 86_400))));
            boolean firstOfAccount = signedUp.add(device.account);
            String action = firstOfAccount && random.nextBoolean() ? "signup" : random.nextDouble() < 0.8 ? "access" : "login";
            String token = device.token;
            String tokenState = "kept";
            if (random.nextDouble() < CLEARED_STORAGE) {
                device.token = tokens.newToken();
                token = device.token;
                tokenState = "cleared";
            }
            else if (random.nextDouble() < PRIVATE_WINDOW) {
                token = tokens.newToken();
                tokenState = "private";
            }
            else if (!shownTokens.contains(token) && previous.containsKey(device)) {
                tokenState = "unseen";
            }
            shownTokens.add(token);
            SortedMap<String, Object> components = device.components(visit.day(), renders, random, device.dockedOn(random),
                    random.nextDouble() < PROBE_FAILS);
            DeviceSignals signals = new DeviceSignals(Optional.of(token), components, List.of(), Optional.of(device.owner.zoneOn(visit.day())));
            EvaluationRequest request = new EvaluationRequest(APP, action, action.equals("signup") ? Optional.empty() : Optional.of(device.account),
                    Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), signals, IpAddresses.parse(ip(device, random)).orElseThrow(),
                    Optional.of(device.platform().deviceType + " simulated/" + device.browserVersion(visit.day())), Optional.empty());
            Evaluation evaluation = pipeline.evaluate(request);
            measurement.shared().record(device, evaluation);
            if (!evaluation.device().id().equals(DeviceResolution.UNKNOWN_DEVICE_ID)) {
                String kind = kinds.classify(evaluation, token, action.equals("signup") ? Optional.empty() : Optional.of(device.account));
                measurement.record(device, evaluation.device().id(), kind, Drift.between(previous.get(device), components, tokenState), components,
                        device.browserVersion(visit.day()));
            }
            if (action.equals("signup") && landsAfterSignup) {
                // The new account's first page, in the same browser a few seconds later: an access
                // evaluation with the account, as every protected page sends (seed 000). No random draw,
                // so the rest of the run is the same visits as without it.
                clock.set(clock.instant().plus(LANDING_DELAY));
                Evaluation landed = pipeline.evaluate(new EvaluationRequest(APP, "access", Optional.of(device.account), Optional.empty(), Optional.empty(),
                        Map.of(), Optional.empty(), Optional.empty(), signals, request.clientIp(), request.userAgent(), Optional.empty()));
                measurement.shared().record(device, landed);
                if (!landed.device().id().equals(DeviceResolution.UNKNOWN_DEVICE_ID)) {
                    measurement.record(device, landed.device().id(), kinds.classify(landed, token, Optional.of(device.account)),
                            Drift.between(components, components, "kept"), components, device.browserVersion(visit.day()));
                }
            }
            previous.put(device, components);
            double gap = -Math.log(1 - random.nextDouble()) * (device.platform().deviceType.equals("mobile") ? 1.5 : 2.0);
            if (visit.day() + gap < DAYS) {
                visits.add(new Visit(visit.day() + gap, device));
            }
        }
        return measurement;
    }

    /** Home (or office) network; a phone is on its carrier's NAT 40 % of the time. */
    private static String ip(PhysicalDevice device, Random random) {
        if (device.platform().deviceType.equals("mobile") && random.nextDouble() < 0.4) {
            return Catalog.CARRIER_NETWORKS.get(random.nextInt(Catalog.CARRIER_NETWORKS.size())) + random.nextInt(4) + "." + (1 + random.nextInt(254));
        }
        return device.owner.homeIp;
    }
}

package io.seatguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.evaluation.DetectionFlags;
import io.seatguard.core.evaluation.Verdict;
import io.seatguard.core.risk.Risk;
import io.seatguard.core.risk.RiskCategory;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final String APP = "app_1";

    private final List<NamedList> lists = List.of(
            new NamedList("lst_staff", APP, "staff", ListKind.USER, List.of("alice"), T0, T0),
            new NamedList("lst_ips", APP, "office", ListKind.IP, List.of("203.0.113.0/24"), T0, T0),
            new NamedList("lst_dom", APP, "partners", ListKind.EMAIL_DOMAIN, List.of("partner.example"), T0, T0));
    private final PolicyParser parser = new PolicyParser(PolicyFields.of(CheckRegistry.standard()),
            name -> lists.stream().filter(l -> l.name().equals(name) || l.id().equals(name)).findFirst().map(NamedList::kind));
    private int created;

    private Policy policy(String name, String mode, int priority, List<String> actions, Object conditions, String verdict) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", name);
        tree.put("mode", mode);
        tree.put("priority", priority);
        tree.put("actions", actions);
        tree.put("conditions", conditions);
        tree.put("verdict", verdict);
        if (verdict.equals("challenge")) {
            tree.put("challenge", Map.of("type", "verification", "channels", List.of("email"), "success_url", "https://app.example/ok"));
        }
        created++;
        return new Policy("pol_" + name, APP, parser.parse(tree), T0.plusSeconds(created), T0.plusSeconds(created));
    }

    private static Map<String, Object> leaf(String check, String op, Object value) {
        return PolicyParserTest.leaf(check, op, value);
    }

    private static PolicyFacts facts(String action, Map<String, Object> checks) {
        return facts(action, checks, Map.of(), "198.51.100.7", Optional.of("bob"), Optional.empty());
    }

    private static PolicyFacts facts(String action, Map<String, Object> checks, Map<String, Object> metadata, String ip, Optional<String> user,
            Optional<String> email) {
        return new PolicyFacts(action, user, email, Optional.empty(), metadata, ip, "6f0c3c5e-54a4-4c1c-9a57-0a4bb2b9f7a1", "computer", checks,
                new Risk(55, List.of(), List.of(new RiskCategory("account_sharing", 55, "medium"))), DetectionFlags.UNKNOWN);
    }

    private PolicyDecision decide(List<Policy> policies, PolicyFacts facts) {
        return PolicyEngine.decide(AppPolicies.of(policies, lists), facts);
    }

    @Test
    void allowsAndNamesNoPolicyWhenNothingMatches() {
        Policy sharing = policy("sharing", "enforce", 10, List.of("access"), leaf("concurrent_sessions", "eq", true), "challenge");
        PolicyDecision decision = decide(List.of(sharing), facts("access", Map.of("concurrent_sessions", false)));
        assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decision.policy()).isEmpty();
        assertThat(decision.decidedBy()).isEmpty();
    }

    @Test
    void aPolicyOnlyJudgesTheActionsItNames() {
        Policy loginOnly = policy("login-new-device", "enforce", 10, List.of("login"), leaf("is_new_device", "eq", true), "deny");
        assertThat(decide(List.of(loginOnly), facts("access", Map.of("is_new_device", true))).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decide(List.of(loginOnly), facts("login", Map.of("is_new_device", true))).verdict()).isEqualTo(Verdict.DENY);
    }

    @Test
    void theHighestPriorityEnforcedMatchWinsWhateverTheStoredOrder() {
        Policy low = policy("low", "enforce", 1, List.of("login"), leaf("is_new_device", "eq", true), "deny");
        Policy high = policy("high", "enforce", 50, List.of("login"), leaf("device_count", "gte", 2), "challenge");
        Policy unmatched = policy("higher-unmatched", "enforce", 99, List.of("login"), leaf("device_count", "gt", 10), "allow");
        PolicyFacts facts = facts("login", Map.of("is_new_device", true, "device_count", 3L));
        for (List<Policy> order : List.of(List.of(low, high, unmatched), List.of(unmatched, high, low))) {
            PolicyDecision decision = decide(order, facts);
            assertThat(decision.verdict()).isEqualTo(Verdict.CHALLENGE);
            assertThat(decision.policy().orElseThrow().id()).isEqualTo("pol_high");
            assertThat(decision.decidedBy().orElseThrow().id()).isEqualTo("pol_high");
        }
    }

    @Test
    void equalPrioritiesGoToTheOlderPolicy() {
        Policy older = policy("older", "enforce", 5, List.of("login"), leaf("is_new_device", "eq", true), "deny");
        Policy newer = policy("newer", "enforce", 5, List.of("login"), leaf("is_new_device", "eq", true), "allow");
        assertThat(decide(List.of(newer, older), facts("login", Map.of("is_new_device", true))).policy().orElseThrow().id()).isEqualTo("pol_older");
    }

    @Test
    void aMonitorPolicyRecordsWhatItWouldHaveDoneAndChangesNothing() {
        Policy watch = policy("watch", "monitor", 100, List.of("access"), leaf("concurrent_sessions", "eq", true), "deny");
        PolicyDecision alone = decide(List.of(watch), facts("access", Map.of("concurrent_sessions", true)));
        assertThat(alone.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(alone.decidedBy()).isEmpty();
        assertThat(alone.policy().orElseThrow()).satisfies(match -> {
            assertThat(match.mode()).isEqualTo("monitor");
            assertThat(match.verdict()).isEqualTo(Verdict.DENY);
        });
        Policy enforced = policy("enforced", "enforce", 1, List.of("access"), leaf("concurrent_sessions", "eq", true), "challenge");
        PolicyDecision both = decide(List.of(watch, enforced), facts("access", Map.of("concurrent_sessions", true)));
        assertThat(both.verdict()).isEqualTo(Verdict.CHALLENGE);
        assertThat(both.policy().orElseThrow().id()).isEqualTo("pol_enforced");
        assertThat(both.monitored()).extracting(PolicyMatch::id).containsExactly("pol_watch");
    }

    @Test
    void aDisabledPolicyNeverMatches() {
        Policy on = policy("on", "enforce", 1, List.of("login"), leaf("is_new_device", "eq", true), "deny");
        PolicyDefinition d = on.definition();
        Policy off = new Policy("pol_off", APP, new PolicyDefinition("off", false, d.mode(), 99, d.actions(), d.conditions(), Verdict.CHALLENGE,
                Optional.of(new ChallengeConfig(ChallengeType.VERIFICATION, List.of("email"), java.util.OptionalInt.empty(),
                        Optional.of("https://a.example/"), Optional.empty(), ChallengeConfig.DEFAULT_EXPIRY))), T0, T0);
        assertThat(decide(List.of(off, on), facts("login", Map.of("is_new_device", true))).policy().orElseThrow().id()).isEqualTo("pol_on");
    }

    /**
     * Review finding: a device found logged out is sent to the {@code logout_url} of the app's highest
     * policy for the action that names one, and a policy tried in monitor mode counted: adding it changed
     * where live evaluations sent people (the browser SDK follows that redirect), though a monitor policy
     * only records what it would have done.
     */
    @Test
    void aLoggedOutDeviceIsOnlySentWhereAnEnforcedPolicySays() {
        Policy trial = withLogoutUrl(policy("trial", "monitor", 50, List.of("access"), leaf("device_count", "gt", 3), "challenge"),
                "https://app.example/trial-bye");
        Policy enforced = withLogoutUrl(policy("enforced", "enforce", 10, List.of("access"), leaf("device_count", "gt", 5), "challenge"),
                "https://app.example/bye");
        PolicyEngine onlyTrial = new PolicyEngine(app -> AppPolicies.of(List.of(trial), lists));
        PolicyEngine both = new PolicyEngine(app -> AppPolicies.of(List.of(trial, enforced), lists));

        assertThat(onlyTrial.logoutUrl(APP, "access")).as("a monitor policy sends nobody anywhere").isEmpty();
        assertThat(both.logoutUrl(APP, "access")).contains("https://app.example/bye");
    }

    private static Policy withLogoutUrl(Policy policy, String logoutUrl) {
        PolicyDefinition d = policy.definition();
        ChallengeConfig limit = new ChallengeConfig(ChallengeType.DEVICE_LIMIT, List.of(), java.util.OptionalInt.of(3), Optional.of("https://app.example/ok"),
                Optional.of(logoutUrl), ChallengeConfig.DEFAULT_EXPIRY);
        return new Policy(policy.id(), APP, new PolicyDefinition(d.name(), d.enabled(), d.mode(), d.priority(), d.actions(), d.conditions(), d.verdict(),
                Optional.of(limit)), policy.createdAt(), policy.updatedAt());
    }

    @Test
    void treatsPlanTiersDifferentlyThroughMetadata() {
        Policy premium = policy("premium-sharing", "enforce", 10, List.of("access"), Map.of("all", List.of(
                leaf("metadata.plan", "eq", "premium"), leaf("device_count", "gt", 5))), "challenge");
        Policy basic = policy("basic-sharing", "enforce", 10, List.of("access"), Map.of("all", List.of(
                leaf("metadata.plan", "ne", "premium"), leaf("device_count", "gt", 2))), "challenge");
        Map<String, Object> fourDevices = Map.of("device_count", 4L);
        assertThat(decide(List.of(premium, basic), facts("access", fourDevices, Map.of("plan", "premium"), "198.51.100.7", Optional.of("bob"),
                Optional.empty())).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decide(List.of(premium, basic), facts("access", fourDevices, Map.of("plan", "basic"), "198.51.100.7", Optional.of("bob"),
                Optional.empty())).policy().orElseThrow().id()).isEqualTo("pol_basic-sharing");
        // Nested metadata and numbers compare by value.
        Policy seats = policy("seats", "enforce", 1, List.of("access"), leaf("metadata.account.seats", "lt", 2), "deny");
        assertThat(decide(List.of(seats), facts("access", Map.of(), Map.of("account", Map.of("seats", 1)), "198.51.100.7", Optional.of("bob"),
                Optional.empty())).verdict()).isEqualTo(Verdict.DENY);
    }

    /** Found in review: metadata -0.0 satisfied "ne 0", and in a set 0 and -0 were two values. */
    @Test
    void negativeZeroIsZero() {
        Policy notZero = policy("not-zero", "enforce", 1, List.of("access"), leaf("metadata.n", "ne", 0), "deny");
        Policy atMostZero = policy("at-most-zero", "enforce", 2, List.of("custom"), leaf("metadata.n", "lte", -0.0), "deny");
        Policy inSet = policy("in-set", "enforce", 3, List.of("other"), leaf("metadata.n", "in", List.of(-0.0, 1)), "deny");
        for (Object zero : List.of(0, 0.0, -0.0)) {
            Map<String, Object> metadata = Map.of("n", zero);
            assertThat(decide(List.of(notZero), facts("access", Map.of(), metadata, "198.51.100.7", Optional.of("bob"), Optional.empty())).verdict())
                    .as("ne 0 on " + zero).isEqualTo(Verdict.ALLOW);
            assertThat(decide(List.of(atMostZero), facts("custom", Map.of(), metadata, "198.51.100.7", Optional.of("bob"), Optional.empty())).verdict())
                    .as("lte -0 on " + zero).isEqualTo(Verdict.DENY);
            assertThat(decide(List.of(inSet), facts("other", Map.of(), metadata, "198.51.100.7", Optional.of("bob"), Optional.empty())).verdict())
                    .as("in [-0, 1] on " + zero).isEqualTo(Verdict.DENY);
        }
        assertThat(((Condition.Leaf) inSet.definition().conditions()).value()).as("stored as one 0").isEqualTo(List.of(0.0, 1.0));
    }

    /** Found in review: metadata beyond 2^53 was rounded to a double and equalled a condition's 2^53. */
    @Test
    void aWholeNumberBeyondWhatADoubleHoldsIsUnknown() {
        Policy exactly = policy("exactly", "enforce", 1, List.of("access"), leaf("metadata.n", "eq", 9_007_199_254_740_992L), "deny");
        Policy notExactly = policy("not-exactly", "enforce", 2, List.of("access"), leaf("metadata.n", "ne", 9_007_199_254_740_992L), "deny");
        for (Object beyond : List.of(9_007_199_254_740_993L, java.math.BigInteger.TWO.pow(70))) {
            assertThat(decide(List.of(exactly, notExactly), facts("access", Map.of(), Map.of("n", beyond), "198.51.100.7", Optional.of("bob"),
                    Optional.empty())).verdict()).as(beyond + " is neither equal nor unequal: unknown").isEqualTo(Verdict.ALLOW);
        }
        assertThat(decide(List.of(exactly), facts("access", Map.of(), Map.of("n", 9_007_199_254_740_992L), "198.51.100.7", Optional.of("bob"),
                Optional.empty())).verdict()).isEqualTo(Verdict.DENY);
    }

    /**
     * Review finding: a number written with a decimal point or an exponent arrives as a double, rounded
     * already, and doubles were let through unchecked: {@code 9007199254740993.0} and
     * {@code 9.007199254740993e15} (the double 2^53) equalled a condition's 2^53 while
     * {@code 9007199254740993} was unknown, and {@code 1e16} compared while {@code 10000000000000000} was
     * unknown. A double cannot tell 2^53 from 2^53 + 1, so one is compared only below 2^53.
     */
    @Test
    void aNumberBeyondWhatADoubleHoldsIsUnknownHoweverItIsWritten() {
        Policy exactly = policy("exactly", "enforce", 1, List.of("access"), leaf("metadata.n", "eq", 9_007_199_254_740_992L), "deny");
        Policy notExactly = policy("not-exactly", "enforce", 2, List.of("access"), leaf("metadata.n", "ne", 9_007_199_254_740_992L), "deny");
        Policy large = policy("large", "enforce", 3, List.of("access"), leaf("metadata.n", "gte", 1_000_000), "deny");
        // As a JSON library hands them over (the server's and the store's): a double for a number written
        // with a decimal point or an exponent, a whole number's own type otherwise.
        for (Object parsed : List.of(Double.parseDouble("9007199254740993.0"), Double.parseDouble("9.007199254740993e15"),
                Double.parseDouble("9007199254740992.0"), 1e16, -1e16, 10_000_000_000_000_000L, 9_007_199_254_740_993L, 1e300,
                new java.math.BigDecimal("9007199254740992.5"), java.math.BigInteger.TEN.pow(17))) {
            String written = String.valueOf(parsed);
            assertThat(decide(List.of(exactly, notExactly, large), facts("access", Map.of(), Map.of("n", parsed), "198.51.100.7", Optional.of("bob"),
                    Optional.empty())).verdict()).as(written + " (" + parsed.getClass().getSimpleName() + ") is unknown").isEqualTo(Verdict.ALLOW);
        }
        for (Object within : List.of(9_007_199_254_740_992L, 9_007_199_254_740_991.0, 9.007199254740990e15)) {
            assertThat(decide(List.of(large), facts("access", Map.of(), Map.of("n", within), "198.51.100.7", Optional.of("bob"), Optional.empty())).verdict())
                    .as(within + " is compared").isEqualTo(Verdict.DENY);
        }
        // A fraction is compared as the double nearest it, as documented.
        Policy half = policy("half", "enforce", 1, List.of("access"), leaf("metadata.ratio", "eq", 0.1), "deny");
        Policy above = policy("above", "enforce", 1, List.of("access"), leaf("metadata.ratio", "gt", 2.5), "deny");
        for (Object ratio : List.of(0.1, new java.math.BigDecimal("0.1"))) {
            assertThat(decide(List.of(half), facts("access", Map.of(), Map.of("ratio", ratio), "198.51.100.7", Optional.of("bob"), Optional.empty()))
                    .verdict()).as(ratio.getClass().getSimpleName()).isEqualTo(Verdict.DENY);
        }
        assertThat(decide(List.of(above), facts("access", Map.of(), Map.of("ratio", 2.75), "198.51.100.7", Optional.of("bob"), Optional.empty())).verdict())
                .isEqualTo(Verdict.DENY);
        assertThat(decide(List.of(above), facts("access", Map.of(), Map.of("ratio", -4_503_599_627_370_495.5), "198.51.100.7", Optional.of("bob"),
                Optional.empty())).verdict()).as("a fraction a double holds exactly").isEqualTo(Verdict.ALLOW);
    }

    @Test
    void unknownValuesNeverMatchEvenUnderNot() {
        Policy sharing = policy("sharing", "enforce", 1, List.of("access"), leaf("concurrent_sessions", "eq", true), "deny");
        Policy notSharing = policy("not-sharing", "enforce", 1, List.of("access"), Map.of("not", leaf("concurrent_sessions", "eq", true)), "deny");
        Map<String, Object> unknown = new HashMap<>();
        unknown.put("concurrent_sessions", null);
        assertThat(decide(List.of(sharing, notSharing), facts("access", unknown)).verdict()).isEqualTo(Verdict.ALLOW);
        // Missing metadata is unknown too: "plan ne premium" does not hold for a request without a plan.
        Policy notPremium = policy("not-premium", "enforce", 1, List.of("access"), leaf("metadata.plan", "ne", "premium"), "deny");
        assertThat(decide(List.of(notPremium), facts("access", Map.of())).verdict()).isEqualTo(Verdict.ALLOW);
        // An any with one true child holds even when another child is unknown.
        Policy either = policy("either", "enforce", 1, List.of("access"), Map.of("any", List.of(
                leaf("concurrent_sessions", "eq", true), leaf("impossible_travel", "eq", true))), "deny");
        Map<String, Object> travel = new HashMap<>(unknown);
        travel.put("impossible_travel", true);
        assertThat(decide(List.of(either), facts("access", travel)).verdict()).isEqualTo(Verdict.DENY);
    }

    /** Regression (review of the policy engine, finding 7): an ordering of a string was false, so its not held and denied. */
    @Test
    void anOrderingOfAValueThatIsNotANumberIsUnknownEvenUnderNot() {
        Policy fewSeats = policy("few-seats", "enforce", 1, List.of("access"), Map.of("not", leaf("metadata.seats", "gt", 40)), "deny");
        Policy manySeats = policy("many-seats", "enforce", 1, List.of("access"), leaf("metadata.seats", "gt", 40), "deny");
        for (Object seats : List.of("45", true, "forty")) {
            assertThat(decide(List.of(fewSeats, manySeats), facts("access", Map.of(), Map.of("seats", seats), "198.51.100.7", Optional.of("bob"),
                    Optional.empty())).verdict()).as("seats " + seats).isEqualTo(Verdict.ALLOW);
        }
        assertThat(decide(List.of(fewSeats), facts("access", Map.of(), Map.of("seats", 12), "198.51.100.7", Optional.of("bob"), Optional.empty()))
                .verdict()).as("a number still compares").isEqualTo(Verdict.DENY);
    }

    @Test
    void recordsTheConditionsThatHeldWithTheirValues() {
        Policy sharing = policy("sharing", "enforce", 1, List.of("access"), Map.of("all", List.of(
                Map.of("any", List.of(leaf("concurrent_sessions", "eq", true), leaf("impossible_travel", "eq", true))),
                Map.of("not", leaf("user", "in_list", "staff")),
                leaf("risk.account_sharing", "gte", 50))), "challenge");
        PolicyDecision decision = decide(List.of(sharing), facts("access", Map.of("concurrent_sessions", true, "impossible_travel", false)));
        assertThat(decision.policy().orElseThrow().reasons()).containsExactly(
                new MatchReason("concurrent_sessions", "eq", true, true, true),
                new MatchReason("user", "in_list", "staff", "bob", false),
                new MatchReason("risk.account_sharing", "gte", 50.0, 55.0, true));
    }

    /** Regression (review of the policy engine, finding 2): every reason held the leaf's whole set, stored with each evaluation. */
    @Test
    void aSetLeafsReasonHoldsOnlyTheValueThatMatchedNotTheSet() {
        List<Object> thousand = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(String.valueOf(i));
        }
        List<Object> counts = new java.util.ArrayList<>(List.of(1, 2, 3));
        Policy sets = policy("sets", "monitor", 1, List.of("access"), Map.of("all", List.of(
                leaf("metadata.tier", "in", thousand),
                leaf("metadata.region", "not_in", thousand),
                leaf("device_count", "in", counts),
                Map.of("not", leaf("metadata.seats", "not_in", counts)))), "deny");
        PolicyDecision decision = decide(List.of(sets), facts("access", Map.of("device_count", 3L), Map.of("tier", "417", "region", "eu", "seats", 1),
                "198.51.100.7", Optional.of("bob"), Optional.empty()));
        assertThat(decision.policy().orElseThrow().reasons()).containsExactly(
                new MatchReason("metadata.tier", "in", List.of("417"), "417", true),
                new MatchReason("metadata.region", "not_in", List.of(), "eu", true),
                new MatchReason("device_count", "in", List.of(3.0), 3.0, true),
                new MatchReason("metadata.seats", "not_in", List.of(1.0), 1.0, false));
    }

    /** Regression (review of the policy engine, finding 3): sets were scanned value by value; they are hashed with the same equality. */
    @Test
    void setsCompareNumbersByValueAndOtherValuesOnlyWithTheirOwnType() {
        Policy numbers = policy("numbers", "enforce", 2, List.of("access"), leaf("metadata.seats", "in", List.of(1, 2.5, -0.5)), "deny");
        Policy words = policy("words", "enforce", 1, List.of("access"), leaf("metadata.seats", "in", List.of("1", "true")), "challenge");
        java.util.function.Function<Object, Optional<String>> decidedBy = seats -> decide(List.of(numbers, words),
                facts("access", Map.of(), Map.of("seats", seats), "198.51.100.7", Optional.of("bob"), Optional.empty())).policy().map(PolicyMatch::id);
        assertThat(decidedBy.apply(1)).contains("pol_numbers");
        assertThat(decidedBy.apply(1.0)).contains("pol_numbers");
        assertThat(decidedBy.apply(1L)).contains("pol_numbers");
        assertThat(decidedBy.apply(new java.math.BigDecimal("2.50"))).contains("pol_numbers");
        assertThat(decidedBy.apply(-0.5f)).contains("pol_numbers");
        assertThat(decidedBy.apply("1")).as("a string is not the number").contains("pol_words");
        assertThat(decidedBy.apply(true)).as("nor is a boolean the string").isEmpty();
        assertThat(decidedBy.apply(2)).isEmpty();
    }

    @Test
    void matchesListsOfEachKind() {
        Policy staff = policy("staff", "enforce", 3, List.of("login"), leaf("user", "in_list", "staff"), "allow");
        Policy office = policy("office", "enforce", 2, List.of("login"), leaf("ip", "in_list", "lst_ips"), "allow");
        Policy partner = policy("partner", "enforce", 1, List.of("login"), leaf("email", "in_list", "partners"), "allow");
        List<Policy> all = List.of(staff, office, partner);
        assertThat(decide(all, facts("login", Map.of(), Map.of(), "198.51.100.7", Optional.of("alice"), Optional.empty())).policy().orElseThrow().id())
                .isEqualTo("pol_staff");
        assertThat(decide(all, facts("login", Map.of(), Map.of(), "203.0.113.200", Optional.of("bob"), Optional.empty())).policy().orElseThrow().id())
                .isEqualTo("pol_office");
        assertThat(decide(all, facts("login", Map.of(), Map.of(), "198.51.100.7", Optional.of("bob"), Optional.of("Carol@Mail.Partner.Example")))
                .policy().orElseThrow().id()).isEqualTo("pol_partner");
        assertThat(decide(all, facts("login", Map.of(), Map.of(), "198.51.100.7", Optional.of("bob"), Optional.of("carol@notpartner.example")))
                .policy()).isEmpty();
    }

    @Test
    void aListDeletedUnderAPolicyMakesItsLeafUnknown() {
        Policy staff = policy("staff", "enforce", 1, List.of("login"), leaf("user", "not_in_list", "staff"), "deny");
        assertThat(PolicyEngine.decide(AppPolicies.of(List.of(staff), List.of()), facts("login", Map.of())).verdict()).isEqualTo(Verdict.ALLOW);
    }

    /**
     * A condition on each of the evaluation's own facts reads that fact, not a neighbour's: found with a
     * coverage run, no test had judged a policy on the phone, the device, the risk scores or any detection
     * flag, so a fact read under another's name (or not at all, which leaves it unknown and the policy
     * silently never matching) would have gone unseen. The values are all different, so a swap fails.
     */
    @Test
    void aConditionOnEachOfTheEvaluationsOwnFactsReadsThatFact() {
        String device = "0f8a2c1e-9b7d-4e5f-8a6b-1c2d3e4f5a6b";
        PolicyFacts facts = new PolicyFacts("login", Optional.of("bob"), Optional.of("bob@example.com"), Optional.of("+33612345678"), Map.of(),
                "198.51.100.7", device, "mobile", Map.of(), new Risk(73, List.of(),
                        List.of(new RiskCategory("account_sharing", 40, "medium"), new RiskCategory("ato", 55, "high"))), DetectionFlags.UNKNOWN);
        Map<String, List<Object>> matchingAndNot = new LinkedHashMap<>();
        matchingAndNot.put("action", List.of("login", "signup"));
        matchingAndNot.put("user", List.of("bob", "alice"));
        matchingAndNot.put("email", List.of("bob@example.com", "alice@example.com"));
        matchingAndNot.put("phone", List.of("+33612345678", "+33612345679"));
        matchingAndNot.put("ip", List.of("198.51.100.7", "198.51.100.8"));
        matchingAndNot.put("device_id", List.of(device, "1f8a2c1e-9b7d-4e5f-8a6b-1c2d3e4f5a6b"));
        matchingAndNot.put("device_type", List.of("mobile", "computer"));
        matchingAndNot.put("risk.score", List.of(73, 40));
        matchingAndNot.put("risk.account_sharing", List.of(40, 55));
        matchingAndNot.put("risk.ato", List.of(55, 73));
        for (Map.Entry<String, List<Object>> field : matchingAndNot.entrySet()) {
            Policy matching = policy("on-" + field.getKey(), "enforce", 10, List.of("login", "signup"), leaf(field.getKey(), "eq", field.getValue().get(0)), "deny");
            Policy other = policy("off-" + field.getKey(), "enforce", 10, List.of("login", "signup"), leaf(field.getKey(), "eq", field.getValue().get(1)), "deny");
            assertThat(decide(List.of(matching), facts).verdict()).as(field.getKey() + " = " + field.getValue().get(0)).isEqualTo(Verdict.DENY);
            assertThat(decide(List.of(other), facts).verdict()).as(field.getKey() + " = " + field.getValue().get(1)).isEqualTo(Verdict.ALLOW);
        }
    }

    /**
     * Each detection flag a condition can name reads that flag. Three sets of flags, flag {@code i} set in
     * the set {@code k} when bit {@code k} of {@code i + 1} is: any two flags differ in one of them at
     * least, so a flag read under another's name fails one.
     */
    @Test
    void aConditionOnEachDetectionFlagReadsThatFlag() {
        List<String> names = PolicyFields.DETECTION_FLAGS;
        assertThat(names).hasSize(7);
        for (int bit = 0; bit < 3; bit++) {
            boolean[] set = new boolean[names.size()];
            for (int i = 0; i < names.size(); i++) {
                set[i] = ((i + 1) >> bit & 1) == 1;
            }
            DetectionFlags flags = new DetectionFlags(Optional.of(set[0]), Optional.of(set[1]), Optional.of(set[2]), Optional.of(set[3]),
                    Optional.of(set[4]), Optional.of(set[5]), Optional.of(set[6]), Map.of());
            PolicyFacts facts = new PolicyFacts("access", Optional.of("bob"), Optional.empty(), Optional.empty(), Map.of(), "198.51.100.7",
                    "6f0c3c5e-54a4-4c1c-9a57-0a4bb2b9f7a1", "computer", Map.of(), Risk.NONE, flags);
            for (int i = 0; i < names.size(); i++) {
                String field = "detection_flags." + names.get(i);
                Policy matching = policy("flag-" + bit + "-" + i, "enforce", 10, List.of("access"), leaf(field, "eq", set[i]), "deny");
                Policy other = policy("not-" + bit + "-" + i, "enforce", 10, List.of("access"), leaf(field, "eq", !set[i]), "deny");
                assertThat(decide(List.of(matching), facts).verdict()).as(field + " = " + set[i] + " in set " + bit).isEqualTo(Verdict.DENY);
                assertThat(decide(List.of(other), facts).verdict()).as(field + " = " + !set[i] + " in set " + bit).isEqualTo(Verdict.ALLOW);
            }
        }
        assertThat(decide(List.of(policy("unknown-vpn", "enforce", 10, List.of("access"), leaf("detection_flags.vpn", "eq", false), "deny")),
                facts("access", Map.of())).verdict()).as("an unknown flag matches neither value").isEqualTo(Verdict.ALLOW);
    }
}

package io.seatguard.bench;

import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.evaluation.DetectionFlags;
import io.seatguard.core.policy.AppPolicies;
import io.seatguard.core.policy.ListKind;
import io.seatguard.core.policy.NamedList;
import io.seatguard.core.policy.Policy;
import io.seatguard.core.policy.PolicyDecision;
import io.seatguard.core.policy.PolicyEngine;
import io.seatguard.core.policy.PolicyFacts;
import io.seatguard.core.policy.PolicyFields;
import io.seatguard.core.policy.PolicyParser;
import io.seatguard.core.risk.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The policy stage's CPU per evaluation (issue 5): an app with the five typical policies of
 * {@code bench/policies/typical.json} (one naming a 10,000-network IP list), judged against an access
 * evaluation that matches none of them, and one that the concurrency policy challenges.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PolicyEngineBenchmark {
    private AppPolicies policies;
    private PolicyFacts quiet;
    private PolicyFacts sharing;

    @Setup
    public void setUp() {
        Instant t0 = Instant.parse("2026-11-30T00:00:00Z");
        List<String> networks = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            networks.add("10." + (i / 256) + "." + (i % 256) + ".0/24");
        }
        NamedList blocked = new NamedList("lst_1", "app", "bench-blocked", ListKind.IP, networks, t0, t0);
        PolicyParser parser = new PolicyParser(PolicyFields.of(CheckRegistry.standard()), name -> Optional.of(ListKind.IP));
        List<Policy> all = new ArrayList<>();
        for (Map<String, Object> tree : typical()) {
            all.add(new Policy("pol_" + all.size(), "app", parser.parse(tree), t0, t0));
        }
        policies = AppPolicies.of(all, List.of(blocked));
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("concurrent_sessions", false);
        checks.put("impossible_travel", false);
        checks.put("device_count", 2L);
        checks.put("country_count_24h", 1L);
        checks.put("ip_is_tor", false);
        quiet = facts(checks);
        Map<String, Object> shared = new LinkedHashMap<>(checks);
        shared.put("concurrent_sessions", true);
        sharing = facts(shared);
    }

    private static PolicyFacts facts(Map<String, Object> checks) {
        return new PolicyFacts("access", Optional.of("user-1"), Optional.of("user-1@example.com"), Optional.empty(), Map.of("plan", "premium"),
                "198.51.100.7", "6f0c3c5e-54a4-4c1c-9a57-0a4bb2b9f7a1", "computer", checks, Risk.NONE, DetectionFlags.UNKNOWN);
    }

    private static List<Map<String, Object>> typical() {
        return List.of(
                Map.of("name", "tor", "priority", 50, "actions", List.of("login", "signup"), "verdict", "deny",
                        "conditions", Map.of("check", "ip_is_tor", "op", "eq", "value", true)),
                Map.of("name", "blocked", "priority", 40, "actions", List.of("login", "signup", "access"), "verdict", "deny",
                        "conditions", Map.of("check", "ip", "op", "in_list", "value", "bench-blocked")),
                Map.of("name", "sharing", "priority", 20, "actions", List.of("access"), "verdict", "challenge",
                        "conditions", Map.of("any", List.of(Map.of("check", "concurrent_sessions", "op", "eq", "value", true),
                                Map.of("check", "impossible_travel", "op", "eq", "value", true))),
                        "challenge", Map.of("type", "verification", "channels", List.of("email"), "success_url", "https://app.example/signup")),
                Map.of("name", "cap", "priority", 10, "actions", List.of("access"), "verdict", "challenge",
                        "conditions", Map.of("all", List.of(Map.of("check", "metadata.plan", "op", "eq", "value", "basic"),
                                Map.of("check", "device_count", "op", "gt", "value", 5))),
                        "challenge", Map.of("type", "device_limit", "device_limit", 5, "logout_url", "https://app.example/out")),
                Map.of("name", "countries", "mode", "monitor", "priority", 5, "actions", List.of("login", "access"), "verdict", "deny",
                        "conditions", Map.of("check", "country_count_24h", "op", "gt", "value", 3)));
    }

    @Benchmark
    public PolicyDecision noPolicyMatches() {
        return PolicyEngine.decide(policies, quiet);
    }

    @Benchmark
    public PolicyDecision concurrencyChallenges() {
        return PolicyEngine.decide(policies, sharing);
    }
}

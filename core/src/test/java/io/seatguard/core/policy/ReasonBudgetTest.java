package io.seatguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.evaluation.DetectionFlags;
import io.seatguard.core.evaluation.Verdict;
import io.seatguard.core.risk.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Regression (review of policies and lists, finding 2): every held leaf of the deciding policy and of each
 * matched monitor policy recorded its value and the request's own, stored with the evaluation for 90
 * days; ten monitor policies of twenty leaves made one 3,900-character plan an 880 KB document.
 */
class ReasonBudgetTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private final PolicyParser parser = new PolicyParser(PolicyFields.of(CheckRegistry.standard()), name -> Optional.empty());
    private int created;

    @Test
    void anEvaluationRecordsAtMostFiftyReasonsEachCutToSize() {
        List<Policy> policies = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            policies.add(policy("monitor" + p, "monitor", 10 - p, twentyLeaves(p)));
        }
        String plan = "p".repeat(3_900);

        PolicyDecision decision = PolicyEngine.decide(AppPolicies.of(policies, List.of()), facts(Map.of("plan", plan)));

        assertThat(decision.monitored()).as("every matched monitor policy is still listed").hasSize(10);
        assertThat(decision.monitored().stream().mapToInt(match -> match.reasons().size()).sum()).isEqualTo(ReasonBudget.MAX_REASONS);
        assertThat(decision.monitored()).extracting(PolicyMatch::reasonsOmitted).containsExactly(0, 0, 10, 20, 20, 20, 20, 20, 20, 20);
        assertThat(decision.policy()).as("the highest monitor policy, as recorded").contains(decision.monitored().getFirst());
        MatchReason first = decision.monitored().getFirst().reasons().getFirst();
        assertThat(first.actual()).isEqualTo("p".repeat(ReasonBudget.MAX_TEXT) + ReasonBudget.CUT);
        assertThat(first.truncated()).isTrue();
        assertThat(first.value()).as("a short value stays whole").isEqualTo("tier0-0");
    }

    @Test
    void theDecidingPolicysReasonsAreRecordedFirst() {
        List<Policy> policies = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            policies.add(policy("monitor" + p, "monitor", 100 - p, twentyLeaves(p)));
        }
        policies.add(policy("deny", "enforce", 1, twentyLeaves(9)));

        PolicyDecision decision = PolicyEngine.decide(AppPolicies.of(policies, List.of()), facts(Map.of("plan", "basic")));

        assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
        assertThat(decision.policy().orElseThrow().reasons()).hasSize(20);
        assertThat(decision.policy().orElseThrow().reasonsOmitted()).isZero();
        assertThat(decision.monitored()).extracting(PolicyMatch::reasonsOmitted).containsExactly(0, 10, 20);
        assertThat(decision.policy().orElseThrow().reasons()).allSatisfy(reason -> assertThat(reason.truncated()).isFalse());
    }

    @Test
    void aLongValueIsCutWithoutSplittingACharacter() {
        String emoji = "\uD83D\uDE00";
        String literal = "a" + emoji.repeat(300);
        Policy policy = policy("long", "enforce", 1, Map.of("any", List.of(
                leaf("metadata.plan", "eq", literal),
                leaf("metadata.plan", "in", List.of(literal, "x")))));

        PolicyDecision decision = PolicyEngine.decide(AppPolicies.of(List.of(policy), List.of()), facts(Map.of("plan", literal)));

        String cut = "a" + emoji.repeat(ReasonBudget.MAX_TEXT - 1) + ReasonBudget.CUT;
        assertThat(decision.policy().orElseThrow().reasons()).containsExactly(
                new MatchReason("metadata.plan", "eq", cut, cut, true, true),
                new MatchReason("metadata.plan", "in", List.of(cut), cut, true, true));
    }

    private static Map<String, Object> twentyLeaves(int p) {
        List<Object> leaves = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            leaves.add(leaf("metadata.plan", "ne", "tier" + p + "-" + i));
        }
        return Map.of("all", leaves);
    }

    private static Map<String, Object> leaf(String check, String op, Object value) {
        return Map.of("check", check, "op", op, "value", value);
    }

    private Policy policy(String name, String mode, int priority, Object conditions) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", name);
        tree.put("mode", mode);
        tree.put("priority", priority);
        tree.put("actions", List.of("access"));
        tree.put("conditions", conditions);
        tree.put("verdict", "deny");
        created++;
        return new Policy("pol_" + name, "app_1", parser.parse(tree), T0.plusSeconds(created), T0.plusSeconds(created));
    }

    private static PolicyFacts facts(Map<String, Object> metadata) {
        return new PolicyFacts("access", Optional.of("bob"), Optional.empty(), Optional.empty(), metadata, "198.51.100.7",
                "6f0c3c5e-54a4-4c1c-9a57-0a4bb2b9f7a1", "computer", Map.of(), Risk.NONE, DetectionFlags.UNKNOWN);
    }
}

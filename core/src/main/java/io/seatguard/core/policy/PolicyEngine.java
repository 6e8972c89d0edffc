package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides an evaluation by its app's policies (CONTRACT.md "Policies"): of the enabled policies whose
 * {@code actions} name the evaluation's action, the highest-priority enforced match sets the verdict;
 * monitor matches are recorded and change nothing; no match allows. An app without an {@code access}
 * policy therefore only gathers signals on access, as seed 000 describes.
 */
public final class PolicyEngine implements PolicyStage {
    private final PolicyBook book;

    public PolicyEngine(PolicyBook book) {
        this.book = requireNonNull(book, "book is null");
    }

    @Override
    public PolicyDecision decide(String appId, PolicyFacts facts) {
        return decide(book.forApp(appId), facts);
    }

    /**
     * The {@code logout_url} of the highest enforced policy for the action that names one. Not a monitor
     * policy's: one tried in monitor mode only records what it would have done, and counted here it sent
     * every logged-out device to its page (the browser SDK follows the redirect; found in review).
     */
    @Override
    public Optional<String> logoutUrl(String appId, String action) {
        return book.forApp(appId).inOrder().stream()
                .filter(policy -> policy.definition().mode() == PolicyMode.ENFORCE && policy.definition().actions().contains(action))
                .flatMap(policy -> policy.definition().challenge().flatMap(ChallengeConfig::logoutUrl).stream())
                .findFirst();
    }

    /** Decides by the given policies; the backtest uses it to judge stored evaluations by one draft. */
    public static PolicyDecision decide(AppPolicies policies, PolicyFacts facts) {
        ConditionEvaluator evaluator = new ConditionEvaluator(facts, policies::list);
        Optional<Policy> enforced = Optional.empty();
        PolicyMatch enforcedMatch = null;
        List<PolicyMatch> monitored = new ArrayList<>();
        for (Policy policy : policies.inOrder()) {
            PolicyDefinition definition = policy.definition();
            boolean enforcing = definition.mode() == PolicyMode.ENFORCE;
            if (!definition.actions().contains(facts.action()) || (enforcing && enforced.isPresent())) {
                continue;
            }
            ConditionEvaluator.Result result = evaluator.evaluate(definition.conditions());
            if (result.truth() != Truth.TRUE) {
                continue;
            }
            PolicyMatch match = new PolicyMatch(policy.id(), definition.name(), definition.mode().wireName(), definition.verdict(), result.because());
            if (enforcing) {
                enforced = Optional.of(policy);
                enforcedMatch = match;
            }
            else {
                monitored.add(match);
            }
        }
        // What the evaluation records, bounded: the deciding policy's reasons first.
        ReasonBudget budget = new ReasonBudget();
        Optional<PolicyMatch> decided = Optional.ofNullable(enforcedMatch).map(budget::record);
        List<PolicyMatch> recorded = monitored.stream().map(budget::record).toList();
        if (decided.isPresent()) {
            return new PolicyDecision(decided.get().verdict(), decided, recorded, enforced);
        }
        return new PolicyDecision(Verdict.ALLOW, recorded.stream().findFirst(), recorded, Optional.empty());
    }
}

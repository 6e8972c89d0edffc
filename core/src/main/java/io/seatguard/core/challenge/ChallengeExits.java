package io.seatguard.core.challenge;

import io.seatguard.core.evaluation.Actions;
import java.util.Optional;

/**
 * Where the browser goes when a challenge ends (CONTRACT.md "Challenges"): a passed login or signup to
 * the policy's {@code success_url} with {@code ?evaluation=<id>}, a passed access back to
 * {@code return_to}; a person who declines or fails is offered the {@code success_url} (the app's
 * signup page) on access, and sent to {@code logout_url} when there is one.
 *
 * <p>Empty when the plan names nowhere to go: an access evaluated without {@code return_to}, or a
 * policy stored before {@code success_url} was required of a device-limit challenge on login or signup.
 * The page then says the person can close it, rather than send the browser to {@code about:blank},
 * which the page's own {@code form-action} would block anyway.
 */
public final class ChallengeExits {
    private ChallengeExits() {}

    public static Optional<String> passed(Challenge challenge) {
        ChallengePlan plan = challenge.plan();
        if (plan.action().equals(Actions.ACCESS)) {
            // Never success_url: on access that is what a sharer is offered (the signup page), not the owner.
            return plan.returnTo();
        }
        return plan.successUrl().map(url -> withEvaluation(url, challenge.evaluationId())).or(plan::returnTo);
    }

    public static Optional<String> declined(Challenge challenge) {
        ChallengePlan plan = challenge.plan();
        if (plan.action().equals(Actions.ACCESS)) {
            return plan.successUrl().or(plan::logoutUrl);
        }
        return plan.logoutUrl().or(plan::returnTo);
    }

    /** Which of the plan's URLs {@code url} is: {@code success_url}, {@code return_to}, {@code logout_url}, else {@code none}. */
    public static String kindOf(Challenge challenge, String url) {
        ChallengePlan plan = challenge.plan();
        if (plan.successUrl().filter(url::startsWith).isPresent()) {
            return "success_url";
        }
        if (plan.returnTo().filter(url::equals).isPresent()) {
            return "return_to";
        }
        if (plan.logoutUrl().filter(url::equals).isPresent()) {
            return "logout_url";
        }
        return "none";
    }

    static String withEvaluation(String url, String evaluationId) {
        return url + (url.contains("?") ? "&" : "?") + "evaluation=" + evaluationId;
    }

    /** The notice the page shows for a challenge that can take no more steps. */
    static String noticeFor(Challenge challenge) {
        return switch (challenge.status()) {
            case EXPIRED -> "expired";
            case FAILED -> "failed";
            case OVERRIDDEN -> "overridden";
            case COMPLETED -> "completed";
            default -> "send_first";
        };
    }
}

package io.seatguard.core.challenge;

/**
 * Where the browser goes when a challenge ends (CONTRACT.md "Challenges"): a passed login or signup to
 * the policy's {@code success_url} with {@code ?evaluation=<id>}, a passed access back to
 * {@code return_to}; a person who declines or fails is offered the {@code success_url} (the app's
 * signup page) on access, and sent to {@code logout_url} when there is one.
 */
public final class ChallengeExits {
    private ChallengeExits() {}

    public static String passed(Challenge challenge) {
        ChallengePlan plan = challenge.plan();
        if (plan.action().equals("access") && plan.returnTo().isPresent()) {
            return plan.returnTo().get();
        }
        return plan.successUrl().map(url -> withEvaluation(url, challenge.evaluationId()))
                .or(plan::returnTo)
                .orElse("about:blank");
    }

    public static String declined(Challenge challenge) {
        ChallengePlan plan = challenge.plan();
        if (plan.action().equals("access")) {
            return plan.successUrl().or(plan::logoutUrl).orElse("about:blank");
        }
        return plan.logoutUrl().or(plan::returnTo).orElse("about:blank");
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

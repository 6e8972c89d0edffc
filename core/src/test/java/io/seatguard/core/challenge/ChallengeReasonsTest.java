package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.evaluation.Verdict;
import io.seatguard.core.policy.MatchReason;
import io.seatguard.core.policy.PolicyMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page explains a challenge by the conditions that held, never by the opposite of what they saw. */
class ChallengeReasonsTest {
    private static List<String> reasons(MatchReason... reasons) {
        return ChallengeIssuer.reasons(new PolicyMatch("pol_1", "p", "enforce", Verdict.CHALLENGE, List.of(reasons)));
    }

    @Test
    void aFlagThatIsSetAndACountAboveItsBoundAreNamed() {
        assertThat(reasons(new MatchReason("ip_is_hosting", "eq", true, true, true), new MatchReason("device_count", "gt", 3, 5L, true),
                new MatchReason("is_new_device", "eq", true, false, false))).containsExactly("ip_is_hosting", "device_count");
    }

    /** Found on the page: "ip_is_hosting eq false" held and the page said the person seemed to be in a data centre. */
    @Test
    void aConditionThatHeldTheOtherWayIsGivenAsOther() {
        assertThat(reasons(new MatchReason("ip_is_hosting", "eq", false, false, true), new MatchReason("device_count", "lt", 2, 1L, true)))
                .containsExactly("other");
    }
}

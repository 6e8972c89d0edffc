package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.policy.ChallengeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Where a challenge leaves for, and that it names nowhere (never about:blank) when its plan has no URL for it. */
class ChallengeExitsTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private static Challenge ended(String action, Optional<String> successUrl, Optional<String> logoutUrl, Optional<String> returnTo) {
        return new Challenge("ch_1", "app", "ev_1", ChallengeType.DEVICE_LIMIT, new ChallengePlan("pol_1", action, successUrl, logoutUrl, returnTo,
                OptionalInt.of(2)), ChallengeStatus.COMPLETED, Optional.of("dina"), Optional.empty(), Optional.empty(), "dev-1", List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, T0, T0.plus(Duration.ofMinutes(10)), Optional.of(T0));
    }

    @Test
    void aPassedLoginGoesToSuccessUrlWithItsEvaluationAndAPassedAccessBackToReturnTo() {
        assertThat(ChallengeExits.passed(ended("login", Optional.of("https://app.example/ok?x=1"), Optional.empty(), Optional.empty())))
                .contains("https://app.example/ok?x=1&evaluation=ev_1");
        assertThat(ChallengeExits.passed(ended("access", Optional.of("https://app.example/plans"), Optional.empty(),
                Optional.of("https://app.example/watch/1")))).contains("https://app.example/watch/1");
    }

    /** Review finding E: a device-limit challenge on login without success_url, or an access without return_to, ended at about:blank. */
    @Test
    void withNoUrlForItAChallengeNamesNowhere() {
        Challenge storedLoginPolicy = ended("login", Optional.empty(), Optional.of("https://app.example/bye"), Optional.empty());
        assertThat(ChallengeExits.passed(storedLoginPolicy)).isEmpty();
        assertThat(ChallengeExits.passed(ended("access", Optional.of("https://app.example/plans"), Optional.empty(), Optional.empty())))
                .as("the owner is not sent to the page offered to sharers").isEmpty();
        assertThat(ChallengeExits.declined(ended("access", Optional.empty(), Optional.empty(), Optional.empty()))).isEmpty();
        assertThat(ChallengeExits.declined(ended("signup", Optional.of("https://app.example/ok"), Optional.empty(), Optional.empty()))).isEmpty();
    }
}

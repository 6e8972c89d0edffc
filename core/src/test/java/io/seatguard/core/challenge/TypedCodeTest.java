package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.policy.ChallengeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What a person types as the code: what cannot be one costs no attempt, and the right code typed with a
 * space, a hyphen or another script's digits is the right code.
 */
class TypedCodeTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final ChallengesInMemory store = new ChallengesInMemory();
    private final CodesSent codes = new CodesSent("email");
    private final ChallengeService service = store.service(codes, new DeviceLinksInMemory(List.of()), NOW);

    private Challenge openWithCodeSent() {
        Challenge challenge = presented();
        service.sendCode(challenge.id(), "email", "StreamFlix", Locale.ENGLISH);
        return challenge;
    }

    private Challenge presented() {
        Challenge challenge = new Challenge("ch_typed", "app", "ev_typed", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_new_device", "login", Optional.of("https://app.example/home"), Optional.empty(), Optional.empty(), OptionalInt.empty()),
                ChallengeStatus.PRESENTED, Optional.of("dina"), Optional.of("owner@example.com"), Optional.empty(), "dev-new", List.of("email"),
                List.of("is_new_device"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(10), NOW.plus(Duration.ofMinutes(10)),
                Optional.empty());
        store.put(challenge);
        return challenge;
    }

    /** Before a code is sent the page says to ask for one, whatever was typed; nothing is counted. */
    @Test
    void whatCannotBeACodeBeforeAnyCodeWasSentIsToldToAskForOne() {
        Challenge challenge = presented();
        assertThat(service.verify(challenge.id(), "abc")).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains("send_first"));
        assertThat(store.get(challenge.id()).attempts()).isZero();
    }

    @Test
    void whatCannotBeACodeCostsNoAttempt() {
        Challenge challenge = openWithCodeSent();
        for (String notACode : List.of("", "abcdef", "12345", "1234567", "12345a", "12 34 5")) {
            assertThat(service.verify(challenge.id(), notACode)).as(notACode).isInstanceOfSatisfying(ChallengeService.Step.Show.class, show -> {
                assertThat(show.notice()).contains(ChallengeService.NOT_A_CODE);
                assertThat(show.attemptsLeft()).isEqualTo(5);
            });
        }
        assertThat(store.get(challenge.id()).attempts()).isZero();

        String code = codes.messages.getFirst().code();
        String wrong = "000000".equals(code) ? "111111" : "000000";
        assertThat(service.verify(challenge.id(), wrong)).isInstanceOfSatisfying(ChallengeService.Step.Show.class, show -> {
            assertThat(show.notice()).as("six digits are judged").contains("wrong_code");
            assertThat(show.attemptsLeft()).isEqualTo(4);
        });
    }

    @Test
    void theRightCodeWithASpaceIsRight() {
        Challenge challenge = openWithCodeSent();
        String code = codes.messages.getFirst().code();
        assertThat(service.verify(challenge.id(), code.substring(0, 3) + " " + code.substring(3))).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(store.get(challenge.id()).status()).isEqualTo(ChallengeStatus.COMPLETED);
    }

    @Test
    void digitsOfOtherScriptsAndHyphensReadAsTheDigitsTheyAre() {
        assertThat(VerificationCodes.typed("١٢٣-٤٥٦")).as("Arabic-Indic digits").contains("123456");
        assertThat(VerificationCodes.typed("０１２３４５")).as("full-width digits").contains("012345");
        assertThat(VerificationCodes.typed(" 123\u00a0456 ")).contains("123456");
        assertThat(VerificationCodes.typed("123\u2013456")).as("an en dash").contains("123456");
        assertThat(VerificationCodes.typed(null)).isEmpty();
        assertThat(VerificationCodes.typed("12345６7")).isEmpty();
        assertThat(VerificationCodes.typed("①②③④⑤⑥")).as("circled numbers are no decimal digits").isEmpty();
    }
}

package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.policy.ChallengeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Review: a code was made with the JVM's default locale, whose digits are not ASCII in Egyptian or Saudi
 * Arabic, Persian, Bengali or Marathi ({@code -Duser.country=EG}, or {@code LANG=ar_EG.UTF-8} where installed). The message then said
 * "٠٤٢٧١٩", its hash was of those digits, and what the page read (ASCII digits, whatever was typed) never
 * matched it: no owner on such a server could pass a verification.
 */
class CodeDigitsWhateverTheLocaleTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreTheLocale() {
        Locale.setDefault(before);
    }

    @Test
    void aCodeIsSixAsciiDigitsAndTheOwnerWhoTypesItPassesWhateverTheServersLocale() {
        for (String tag : List.of("ar-EG", "ar-SA", "fa-IR", "bn-BD", "mr-IN", "th-TH-u-nu-thai")) {
            Locale.setDefault(Locale.forLanguageTag(tag));
            ChallengesInMemory store = new ChallengesInMemory();
            CodesSent codes = new CodesSent("email");
            ChallengeService service = store.service(codes, new DeviceLinksInMemory(List.of()), NOW);
            Challenge challenge = presented();
            store.put(challenge);

            service.sendCode(challenge.id(), "email", "StreamFlix", Locale.ENGLISH);
            String code = codes.messages.getFirst().code();
            assertThat(code).as(tag).matches("[0-9]{6}");
            assertThat(service.verify(challenge.id(), code)).as(tag).isInstanceOf(ChallengeService.Step.Leave.class);
            assertThat(store.get(challenge.id()).status()).as(tag).isEqualTo(ChallengeStatus.COMPLETED);
        }
    }

    private static Challenge presented() {
        return new Challenge("ch_locale", "app", "ev_locale", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_new_device", "login", Optional.of("https://app.example/home"), Optional.empty(), Optional.empty(), OptionalInt.empty()),
                ChallengeStatus.PRESENTED, Optional.of("dina"), Optional.of("owner@example.com"), Optional.empty(), "dev-new", List.of("email"),
                List.of("is_new_device"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(10), NOW.plus(Duration.ofMinutes(10)),
                Optional.empty());
    }
}

package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceType;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DeviceWordsTest {
    private static final String CRAFTED = "Account-suspended.Restore-it-at-evil-example.com";

    @Test
    void namesAWellKnownBrowserAndSystemAsPeopleCallThem() {
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.ENGLISH), "Chrome", "Windows NT", DeviceType.COMPUTER))
                .isEqualTo("Chrome on Windows (computer)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.FRENCH), "SamsungBrowser", "Android", DeviceType.MOBILE))
                .isEqualTo("Samsung Internet sur Android (téléphone)");
    }

    /** Review finding: the parser's name for an unknown browser is the header's own words, repeated to an address the caller chose. */
    @Test
    void anyOtherNameIsAnUnknownBrowserOrSystemInEveryLanguage() {
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.ENGLISH), CRAFTED, "Call +1 555 555 0124", DeviceType.COMPUTER))
                .isEqualTo("an unknown browser on an unknown system (computer)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.FRENCH), CRAFTED, "Windows NT", DeviceType.TABLET))
                .isEqualTo("un navigateur inconnu sur Windows (tablette)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.forLanguageTag("es")), "\u202Emoc.live", "Linux", DeviceType.UNKNOWN))
                .isEqualTo("un navegador desconocido en Linux (dispositivo)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.forLanguageTag("ar")), CRAFTED, "unknown", DeviceType.COMPUTER))
                .isEqualTo("متصفح غير معروف على نظام غير معروف (حاسوب)");
    }

    /** In Arabic text a Latin name is set apart (U+2068 … U+2069), so its punctuation stays where it belongs. */
    @Test
    void aNameInArabicIsIsolated() {
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.forLanguageTag("ar")), "Chrome", "Mac OS", DeviceType.COMPUTER))
                .isEqualTo("\u2068Chrome\u2069 على \u2068macOS\u2069 (حاسوب)");
    }
}

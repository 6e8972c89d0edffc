package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceType;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DeviceWordsTest {
    private static final String CRAFTED = "Account-suspended.Restore-it-at-evil-example.com";

    @Test
    void namesAWellKnownBrowserAndSystemAsPeopleCallThem() {
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.ENGLISH), "Chrome", "Windows NT", false, DeviceType.COMPUTER))
                .isEqualTo("Chrome on Windows (computer)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.FRENCH), "SamsungBrowser", "Android", false, DeviceType.MOBILE))
                .isEqualTo("Samsung Internet sur Android (téléphone)");
    }

    /** Review finding: the parser's name for an unknown browser is the header's own words, repeated to an address the caller chose. */
    @Test
    void anyOtherNameIsAnUnknownBrowserOrSystemInEveryLanguage() {
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.ENGLISH), CRAFTED, "Call +1 555 555 0124", false, DeviceType.COMPUTER))
                .isEqualTo("an unknown browser on an unknown system (computer)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.FRENCH), CRAFTED, "Windows NT", false, DeviceType.TABLET))
                .isEqualTo("un navigateur inconnu sur Windows (tablette)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.forLanguageTag("es")), "\u202Emoc.live", "Linux", false, DeviceType.UNKNOWN))
                .isEqualTo("un navegador desconocido en Linux (dispositivo)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.forLanguageTag("ar")), CRAFTED, "unknown", false, DeviceType.COMPUTER))
                .isEqualTo("متصفح غير معروف على نظام غير معروف (حاسوب)");
    }

    /**
     * An app's agent ({@code Acme/2.3 (iPhone; iOS 17.4)}) is named by its product token, the caller's
     * words like any unknown browser's, and was worded "an unknown browser" in every notice about an app's device.
     */
    @Test
    void anAppIsAnAppInEveryLanguageAndItsNameIsNotRepeated() {
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.ENGLISH), "Acme", "iOS", true, DeviceType.MOBILE))
                .isEqualTo("an app on iOS (phone)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.FRENCH), CRAFTED, "Android", true, DeviceType.TABLET))
                .isEqualTo("une application sur Android (tablette)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.forLanguageTag("es")), "Acme", "Call +1 555 555 0124", true, DeviceType.MOBILE))
                .isEqualTo("una app en un sistema desconocido (teléfono)");
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.forLanguageTag("ar")), "Acme", "Android", true, DeviceType.MOBILE))
                .isEqualTo("تطبيق على \u2068Android\u2069 (هاتف)");
    }

    /** A well-known browser is named even when its agent did not begin as a browser's (Opera Mini's {@code Opera/9.80 …}). */
    @Test
    void aWellKnownBrowserIsNamedWhateverItsAgentBeganWith() {
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.ENGLISH), "Opera Mini", "Android", true, DeviceType.MOBILE))
                .isEqualTo("Opera Mini on Android (phone)");
    }

    /** In Arabic text a Latin name is set apart (U+2068 … U+2069), so its punctuation stays where it belongs. */
    @Test
    void aNameInArabicIsIsolated() {
        assertThat(DeviceWords.describe(ChallengeTexts.of(Locale.forLanguageTag("ar")), "Chrome", "Mac OS", false, DeviceType.COMPUTER))
                .isEqualTo("\u2068Chrome\u2069 على \u2068macOS\u2069 (حاسوب)");
    }
}

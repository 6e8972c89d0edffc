package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceType;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Review finding: the Spanish code SMS, "123456 es tu código de verificación de Acme. Es válido durante 10
 * minutos.", was 74 characters; its ó and á are not in GSM-7, so it goes in UCS-2, 70 characters a
 * segment, and every Spanish code was sent (and paid for) as two parts, reassembled or not by the phone.
 * A code's SMS for a short app name now fits one segment in every language, whatever its lifetime.
 *
 * <p>Later review: past 9 characters of app name the Spanish code SMS was two parts again, and the new-device
 * notice by SMS was three in French (its ’ is not GSM-7 either), Spanish and Arabic. The SMS texts now keep
 * to GSM-7 where the language allows (Arabic never does, and is short instead): a code's SMS is one part for
 * an app name of 20 characters in every language (about 90 in the GSM-7 ones), the notice at most two.
 */
class SmsCodeFitsOneSegmentTest {
    /** GSM 03.38's default alphabet; its extension table's characters take two septets each. */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    @Test
    void aCodesSmsForAShortAppNameIsOneSegmentInEveryLanguage() {
        for (Locale locale : ChallengeTexts.SUPPORTED) {
            ChallengeTexts texts = ChallengeTexts.of(locale);
            for (long minutes = 1; minutes <= 60; minutes++) {
                String sms = texts.get("sms.body", texts.isolate("Acme"), "123456", minutes);
                assertThat(segments(sms)).as("%s: %s (%d characters)", locale, sms, sms.length()).isEqualTo(1);
            }
        }
    }

    /**
     * Lifetimes are 1 to 60 minutes: {@code --code-lifetime-seconds} is 60–3600, or less when the challenge
     * expires first, rounded up to the minute ({@link CodeDelivery#minutesShown}). Whether a text is one
     * part only grows with the name's length, but every length is tried: the name is a realistic one cut short.
     */
    @ParameterizedTest(name = "{0}: app names up to {1} characters")
    @CsvSource({"en, 90", "fr, 90", "es, 90", "ar, 20"})
    void aCodesSmsIsOneSegmentForAnAppNameOfUpTo(String language, int longestName) {
        ChallengeTexts texts = ChallengeTexts.of(Locale.forLanguageTag(language));
        for (int length = 1; length <= longestName; length++) {
            String appName = appName(length);
            for (long minutes = 1; minutes <= 60; minutes++) {
                String sms = texts.get("sms.body", texts.isolate(appName), "123456", minutes);
                assertThat(sms).contains(appName, "123456");
                assertThat(segments(sms)).as("%s: %s (%d characters)", language, sms, sms.length()).isEqualTo(1);
            }
        }
    }

    /**
     * The device as {@link DeviceWords} names it, at its longest: the longest names {@code WellKnownAgents}
     * gives (Internet Explorer, Windows Phone) and the unknown browser and system ({@code null}), which in
     * French and Spanish are longer still, with every device type, from a browser and from an app.
     */
    @ParameterizedTest(name = "{0}: app names up to {1} characters")
    @CsvSource({"en, 150", "fr, 120", "es, 120", "ar, 20"})
    void aNewDevicesNoticeIsAtMostTwoSegmentsForAnAppNameOfUpTo(String language, int longestName) {
        ChallengeTexts texts = ChallengeTexts.of(Locale.forLanguageTag(language));
        String appName = appName(longestName);
        for (String browser : Arrays.asList("Internet Explorer", "SamsungBrowser", "Chrome", null)) {
            for (String system : Arrays.asList("Windows Phone", "HarmonyOS", "Windows NT", null)) {
                for (DeviceType type : DeviceType.values()) {
                    for (boolean fromApp : new boolean[] {false, true}) {
                        String device = DeviceWords.describe(texts, browser, system, fromApp, type);
                        String sms = texts.get("owner.sms", texts.isolate(appName), device);
                        assertThat(sms).contains(appName, device);
                        assertThat(segments(sms)).as("%s: %s (%d characters)", language, sms, sms.length()).isLessThanOrEqualTo(2);
                    }
                }
            }
        }
    }

    /** The Spanish and French SMS texts keep to GSM-7 (an app name in it keeps them there), where their mails need not. */
    @Test
    void theSpanishAndFrenchSmsTextsAreGsm7() {
        for (String language : new String[] {"fr", "es"}) {
            ChallengeTexts texts = ChallengeTexts.of(Locale.forLanguageTag(language));
            String code = texts.get("sms.body", "Acme", "123456", 10L);
            String notice = texts.get("owner.sms", "Acme", DeviceWords.describe(texts, "Chrome", "Windows NT", false, DeviceType.MOBILE));
            String appNotice = texts.get("owner.sms", "Acme", DeviceWords.describe(texts, "Acme", "Android", true, DeviceType.MOBILE));
            assertThat(septets(code)).as(code).isNotNegative();
            assertThat(septets(notice)).as(notice).isNotNegative();
            assertThat(septets(appNotice)).as(appNotice).isNotNegative();
        }
        // MessageFormat reads a single ' as a quote: the French text doubles it, and the SMS has one.
        assertThat(ChallengeTexts.of(Locale.FRENCH).get("owner.sms", "Acme", "Chrome sur Windows (ordinateur)"))
                .isEqualTo("Un nouvel appareil s'est connecté à votre compte Acme : Chrome sur Windows (ordinateur). Ce n'était pas vous ?"
                        + " Changez votre mot de passe.");
    }

    @Test
    void segmentsAreCountedAsPhonesCountThem() {
        assertThat(segments("a".repeat(160))).isEqualTo(1);
        assertThat(segments("a".repeat(161))).isEqualTo(2);
        assertThat(segments("€".repeat(80))).as("two septets each").isEqualTo(1);
        assertThat(segments("ó".repeat(70))).as("UCS-2").isEqualTo(1);
        assertThat(segments("ó" + "a".repeat(70))).isEqualTo(2);
    }

    /** A name of {@code length} characters, cut from a realistic one that takes GSM-7's punctuation. */
    private static String appName(int length) {
        return "Stream+ (EU) Ltd. ".repeat(length / 18 + 1).substring(0, length);
    }

    /** The septets {@code text} takes in GSM-7, or -1 when a character is not in it. */
    private static int septets(String text) {
        int septets = 0;
        for (char c : text.toCharArray()) {
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets += 1;
            }
            else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            }
            else {
                return -1;
            }
        }
        return septets;
    }

    /** Single-part limits: 160 septets in GSM-7, else 70 UTF-16 units in UCS-2; longer texts go in parts of 153 or 67. */
    private static int segments(String text) {
        int septets = septets(text);
        if (septets < 0) {
            return text.length() <= 70 ? 1 : (text.length() + 66) / 67;
        }
        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}

package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Review finding: the Spanish code SMS, "123456 es tu código de verificación de Acme. Es válido durante 10
 * minutos.", was 74 characters; its ó and á are not in GSM-7, so it goes in UCS-2, 70 characters a
 * segment, and every Spanish code was sent (and paid for) as two parts, reassembled or not by the phone.
 * A code's SMS for a short app name now fits one segment in every language, whatever its lifetime.
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

    @Test
    void segmentsAreCountedAsPhonesCountThem() {
        assertThat(segments("a".repeat(160))).isEqualTo(1);
        assertThat(segments("a".repeat(161))).isEqualTo(2);
        assertThat(segments("€".repeat(80))).as("two septets each").isEqualTo(1);
        assertThat(segments("ó".repeat(70))).as("UCS-2").isEqualTo(1);
        assertThat(segments("ó" + "a".repeat(70))).isEqualTo(2);
    }

    /** Single-part limits: 160 septets in GSM-7, else 70 UTF-16 units in UCS-2; longer texts go in parts of 153 or 67. */
    private static int segments(String text) {
        int septets = 0;
        for (char c : text.toCharArray()) {
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets += 1;
            }
            else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            }
            else {
                return text.length() <= 70 ? 1 : (text.length() + 66) / 67;
            }
        }
        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}

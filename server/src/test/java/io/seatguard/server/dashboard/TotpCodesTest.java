package io.seatguard.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The codes are RFC 6238's (its Appendix B test values, SHA-1, cut to six digits), within one step of now. */
class TotpCodesTest {
    /** RFC 6238's SHA-1 seed, the ASCII "12345678901234567890", in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private final TotpCodes codes = new TotpCodes();

    @Test
    void codesAreTheRfcsTestValues() {
        // Appendix B: 94287082 at T = 59 s, 07081804 at 1111111109 s, 14050471 at 1111111111 s (eight digits; apps show the last six).
        assertThat(codes.codeAt(RFC_SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(codes.codeAt(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
        assertThat(codes.codeAt(RFC_SECRET, 1111111111L / 30)).isEqualTo("050471");
    }

    @Test
    void aCodeIsTakenWithinOneStepOfNowAndNamesItsStep() {
        Instant now = Instant.ofEpochSecond(1111111109L);
        long step = 1111111109L / 30;
        assertThat(codes.stepOf(RFC_SECRET, "081804", now)).isEqualTo(OptionalLong.of(step));
        assertThat(codes.stepOf(RFC_SECRET, codes.codeAt(RFC_SECRET, step - 1), now)).isEqualTo(OptionalLong.of(step - 1));
        assertThat(codes.stepOf(RFC_SECRET, codes.codeAt(RFC_SECRET, step + 1), now)).isEqualTo(OptionalLong.of(step + 1));
        assertThat(codes.stepOf(RFC_SECRET, codes.codeAt(RFC_SECRET, step + 2), now)).as("a minute off").isEmpty();
        for (String bad : new String[] {"", "08180", "0818045", "08l804", " 081804", null}) {
            assertThat(codes.stepOf(RFC_SECRET, bad, now)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void newSecretsAreLongBase32AndDiffer() {
        String one = codes.newSecret();
        assertThat(one).matches("[A-Z2-7]{32}");
        assertThat(codes.newSecret()).isNotEqualTo(one);
    }
}

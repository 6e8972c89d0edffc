package io.seatguard.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void aClientsLineBreaksCannotStartALogLine() {
        String forged = "x\n12:00:00.000 ERROR forged\r\u2028end\u0000";
        assertThat(LogText.oneLine(forged)).isEqualTo("x\\u000a12:00:00.000 ERROR forged\\u000d\\u2028end\\u0000").doesNotContain("\n");
    }

    @Test
    void plainTextIsKeptAsItIs() {
        String plain = "user: must be at most 256 characters — zoé 😀";
        assertThat(LogText.oneLine(plain)).isSameAs(plain);
        assertThat(LogText.oneLine(null)).isNull();
    }
}

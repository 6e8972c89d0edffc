package io.seatguard.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HistoryCursorTest {
    private static final HistoryCursor AT = new HistoryCursor(Instant.ofEpochMilli(1_796_491_513_842L), "01a2473d-0ff4-7f41-b34a-4e7966e5b4f8");

    @Test
    void aCursorComesBackAsTheSamePositionGivenForItsOwnHistoryOnly() {
        String text = AT.encode("app_a\nuser\nalice");

        HistoryCursor.Given given = HistoryCursor.decode(text).orElseThrow();

        assertThat(given.cursor()).isEqualTo(AT);
        assertThat(given.givenFor("app_a\nuser\nalice")).isTrue();
        assertThat(given.givenFor("app_a\nuser\nbob")).as("another account").isFalse();
        assertThat(given.givenFor("app_b\nuser\nalice")).as("another app's account of that name").isFalse();
        assertThat(given.givenFor("app_a\nip\nalice")).as("another search").isFalse();
    }

    @Test
    void aCursorGivenOutBeforeTagsIsTakenForAnyHistory() {
        String untagged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1796491513842:01a2473d-0ff4-7f41-b34a-4e7966e5b4f8".getBytes(StandardCharsets.US_ASCII));

        HistoryCursor.Given given = HistoryCursor.decode(untagged).orElseThrow();

        assertThat(given.cursor()).isEqualTo(AT);
        assertThat(given.givenFor("app_a\nuser\nanyone")).isTrue();
    }

    @Test
    void textThisClassDidNotWriteIsNoCursor() {
        String tagged = new String(Base64.getUrlDecoder().decode(AT.encode("s")), StandardCharsets.US_ASCII);
        for (String plain : new String[] {tagged + "0", tagged.toUpperCase(), "-1:01a2473d-0ff4-7f41-b34a-4e7966e5b4f8",
                "1796491513842:01a2473d-0ff4-7f41-b34a-4e7966e5b4f8:", "1796491513842:01a2473d-0ff4-7f41-b34a-4e7966e5b4f8:xyzxyzxyzxyz"}) {
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
            assertThat(HistoryCursor.decode(text)).as(plain).isEmpty();
        }
        assertThat(HistoryCursor.decode("not a cursor")).isEmpty();
        assertThat(HistoryCursor.decode("A".repeat(200))).isEmpty();
    }
}

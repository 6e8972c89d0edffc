package io.seatguard.core.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.history.HistoryCursor;
import io.seatguard.core.webhook.DeliveryCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cursors of the paged lists: each reads back what it wrote, and refuses another list's and anything else. */
class CursorTextTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:15:30.123Z");

    @Test
    void eachCursorReadsBackWhatItWroteAndRefusesTheOthers() {
        HistoryCursor history = new HistoryCursor(AT, "0f8fad5b-d9cb-469f-a165-70867728950e");
        DeliveryCursor delivery = new DeliveryCursor(AT, "msg_" + "a1".repeat(12));
        assertThat(HistoryCursor.decode(history.encode())).hasValue(history);
        assertThat(DeliveryCursor.decode(delivery.encode())).hasValue(delivery);
        assertThat(DeliveryCursor.decode(history.encode())).as("a history cursor in the delivery log").isEmpty();
        assertThat(HistoryCursor.decode(delivery.encode())).as("a delivery cursor in history").isEmpty();
        assertThat(delivery.encode()).as("URL-safe as it is").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void textThatNoCursorWroteIsRefused() {
        for (String text : List.of("", "nope", "%%%", "x".repeat(81), plain("12:msg_" + "a".repeat(24) + "\n"), plain("-1:msg_" + "a".repeat(24)),
                plain("1234567890123456:msg_" + "a".repeat(24)), plain(":msg_" + "a".repeat(24)), plain("12:msg_" + "A".repeat(24)),
                plain("12msg_" + "a".repeat(24)))) {
            assertThat(DeliveryCursor.decode(text)).as(text).isEmpty();
        }
        assertThat(DeliveryCursor.decode(null)).isEmpty();
        assertThat(DeliveryCursor.decode(plain("12:msg_" + "a".repeat(24)))).hasValue(new DeliveryCursor(Instant.ofEpochMilli(12), "msg_" + "a".repeat(24)));
    }

    private static String plain(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

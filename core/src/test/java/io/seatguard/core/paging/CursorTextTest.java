package io.seatguard.core.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.history.HistoryCursor;
import io.seatguard.core.webhook.DeliveryCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cursors of the paged lists: each reads back what it wrote, for its own list, and refuses another list's and anything else. */
class CursorTextTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:15:30.123Z");
    private static final String MESSAGE = "msg_" + "a1".repeat(12);

    @Test
    void eachCursorReadsBackWhatItWroteForItsOwnListAndRefusesTheOthers() {
        HistoryCursor history = new HistoryCursor(AT, "0f8fad5b-d9cb-469f-a165-70867728950e");
        DeliveryCursor delivery = new DeliveryCursor(AT, MESSAGE);
        String deliveries = delivery.encode("app_a", "we_1");
        assertThat(HistoryCursor.decode(history.encode("app_a\nuser\nann")).orElseThrow().cursor()).isEqualTo(history);
        assertThat(DeliveryCursor.decode(deliveries, "app_a", "we_1")).hasValue(delivery);
        assertThat(DeliveryCursor.decode(deliveries, "app_a", "we_2")).as("another endpoint's log").isEmpty();
        assertThat(DeliveryCursor.decode(deliveries, "app_b", "we_1")).as("another app's endpoint of that id").isEmpty();
        assertThat(DeliveryCursor.decode(history.encode(DeliveryCursor.scope("app_a", "we_1")), "app_a", "we_1")).as("a history cursor").isEmpty();
        assertThat(HistoryCursor.decode(deliveries)).as("a delivery cursor in history").isEmpty();
        assertThat(deliveries).as("URL-safe as it is").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void textThatNoCursorWroteIsRefused() {
        for (String text : List.of("", "nope", "%%%", "x".repeat(121), plain("12:" + MESSAGE + "\n"), plain("-1:" + MESSAGE),
                plain("1234567890123456:" + MESSAGE), plain(":" + MESSAGE), plain("12:" + MESSAGE.toUpperCase()), plain("12" + MESSAGE),
                plain("12:" + MESSAGE + ":"), plain("12:" + MESSAGE + ":xyzxyzxyzxyz"), plain("12:" + MESSAGE + ":" + "a".repeat(13)))) {
            assertThat(CursorText.decode(text, java.util.regex.Pattern.compile("msg_[0-9a-f]{24}"))).as(text).isEmpty();
        }
        assertThat(CursorText.decode(null, java.util.regex.Pattern.compile(".*"))).isEmpty();
        assertThat(DeliveryCursor.decode(plain("12:" + MESSAGE), "app_a", "we_1")).as("untagged: the delivery log never gave those out").isEmpty();
    }

    private static String plain(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

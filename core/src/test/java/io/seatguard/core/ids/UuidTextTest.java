package io.seatguard.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UuidTextTest {
    @Test
    void aUuidInEitherCaseIsItsLowerCaseText() {
        assertThat(UuidText.canonical("01a24546-c3fe-7abc-8def-0123456789ab")).contains("01a24546-c3fe-7abc-8def-0123456789ab");
        assertThat(UuidText.canonical("01A24546-C3FE-7ABC-8DEF-0123456789AB")).contains("01a24546-c3fe-7abc-8def-0123456789ab");
        assertThat(UuidText.canonical("01a24546-C3FE-7abc-8DEF-0123456789aB")).contains("01a24546-c3fe-7abc-8def-0123456789ab");
    }

    @Test
    void anythingElseIsNone() {
        for (String text : new String[] {null, "", "01a24546c3fe7abc8def0123456789ab", "{01a24546-c3fe-7abc-8def-0123456789ab}",
                "01a24546-c3fe-7abc-8def-0123456789ag", "01a24546-c3fe-7abc-8def-0123456789ab ", "urn:uuid:01a24546-c3fe-7abc-8def-0123456789ab",
                // Full-width digits and letters lower-case to themselves, never to ASCII hex.
                "０1a24546-c3fe-7abc-8def-0123456789ab", "01a24546-c3fe-7abc-8def-0123456789Ａb"}) {
            assertThat(UuidText.canonical(text)).as(String.valueOf(text)).isEmpty();
        }
    }
}

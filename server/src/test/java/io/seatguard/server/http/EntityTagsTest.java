package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {
    private static final String ETAG = "\"abc123\"";

    /** Found in review: W/"…" (what nginx sends back after gzipping) and lists got the whole script again. */
    @ParameterizedTest
    @ValueSource(strings = {"\"abc123\"", "W/\"abc123\"", "\"old\", \"abc123\"", "\"old\",W/\"abc123\"", " \"old\" ,\t\"abc123\" ", "*"})
    void aListNamingTheTagWeaklyMatches(String header) {
        assertThat(EntityTags.listed(List.of(header), ETAG)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"abc12\"", "\"abc1234\"", "abc123", "w/\"abc123\"", "\"old\"", "\"old\", \"other\"", "\"abc123", "W/", "\"a,\"abc123\"",
            "x, \"abc123\""})
    void anythingElseDoesNot(String header) {
        assertThat(EntityTags.listed(List.of(header), ETAG)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void anyOfSeveralHeaderLinesMayNameIt() {
        assertThat(EntityTags.listed(List.of("\"old\"", "W/\"abc123\""), ETAG)).isTrue();
        assertThat(EntityTags.listed(List.of(), ETAG)).isFalse();
    }
}

package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link QueryString} on what Jetty hands over: a raw byte that is not UTF-8 arrives as U+FFFD, and is
 * refused naming its parameter ({@link PercentEscapesTest} sends the bytes themselves).
 */
class QueryStringTest {
    @Test
    void aRawReplacementCharacterInAValueIsRefusedNamingItsParameter() {
        assertThatThrownBy(() -> QueryString.parameters("limit=1&ip=1\uFFFD2")).isInstanceOfSatisfying(SeatguardException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("ip"));
        assertThatThrownBy(() -> QueryString.parameters("ip=%41\uFFFD")).isInstanceOfSatisfying(SeatguardException.class, e ->
                assertThat(e.errors()).extracting(FieldError::message).containsExactly(QueryString.RAW_NOT_UTF8));
    }

    @Test
    void aRawReplacementCharacterInANameIsRefusedAsTheRequest() {
        assertThatThrownBy(() -> QueryString.parameters("a\uFFFDb=1")).isInstanceOfSatisfying(SeatguardException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("request"));
        assertThatThrownBy(() -> QueryString.parameters("=\uFFFD")).as("no name at all").isInstanceOfSatisfying(SeatguardException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("request"));
    }

    @Test
    void anEscapedReplacementCharacterAndRawUtf8AreTaken() {
        assertThat(QueryString.parameters("ip=%EF%BF%BD&name=\u00e9t\u00e9")).isEqualTo(Map.of("ip", List.of("\uFFFD"), "name", List.of("\u00e9t\u00e9")));
    }
}

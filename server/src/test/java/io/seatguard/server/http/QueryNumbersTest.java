package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryNumbersTest {
    /** Found in review: {@code ?days=007} was refused while {@code ?days=01} was taken (a length rule, not a number rule). */
    @ParameterizedTest
    @CsvSource({"7, 7", "007, 7", "01, 1", "30, 30", "0000000000000000000030, 30"})
    void readsDigitsAsTheNumberTheyWrite(String text, int number) {
        assertThat(QueryNumbers.read(text, 1, 30)).hasValue(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "31", "-1", "+5", " 5", "5 ", "1e1", "5.0", "0x1F", "٣", "99999999999", "2147483648"})
    void refusesAnythingElse(String text) {
        assertThat(QueryNumbers.read(text, 1, 30)).isEqualTo(OptionalInt.empty());
    }
}

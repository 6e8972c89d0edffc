package io.seatguard.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodesTest {
    @Test
    void takesAssignedCodesInEitherCaseAndKosovo() {
        assertThat(CountryCodes.normalize("fr")).hasValue("FR");
        assertThat(CountryCodes.normalize("Gb")).hasValue("GB");
        assertThat(CountryCodes.normalize("XK")).hasValue("XK");
    }

    /** Found in re-review: "ıt" (dotless i) and "ſe" (long s) upper-cased to IT and SE and were taken. */
    @ParameterizedTest
    @ValueSource(strings = {"ıt", "ſe", "UK", "EU", "XX", "F", "FRA", " F", "F1", ""})
    void refusesAnythingElse(String code) {
        assertThat(CountryCodes.normalize(code)).isEmpty();
    }

    @Test
    void aKnownMistakeIsToldTheCodeToWrite() {
        assertThat(CountryCodes.expectation("uk")).contains("for UK write \"GB\"");
    }
}

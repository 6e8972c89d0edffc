package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbbreviatedValuesTest {
    @Test
    void aLongValueIsCutAt64UnitsAndShortOnesAreLeftWhole() {
        assertThat(Problems.abbreviate("a".repeat(64))).isEqualTo("a".repeat(64));
        assertThat(Problems.abbreviate("a".repeat(65))).isEqualTo("a".repeat(64) + "…");
    }

    /** Found in review of the Java SDK: a cut between an emoji's two halves sent the lone half, which went out as '?'. */
    @Test
    void aCutNeverSplitsACharacterOfTwoUnits() {
        String id = "a".repeat(63) + "😀" + "tail";
        String cut = Problems.abbreviate(id);
        assertThat(cut).isEqualTo("a".repeat(63) + "…");
        assertThat(cut.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= 0xFFFF)).isTrue();
        assertThat(Problems.abbreviate("a".repeat(62) + "😀" + "tail")).as("a pair ending at the 64th unit stays whole").isEqualTo("a".repeat(62) + "😀" + "…");
    }
}

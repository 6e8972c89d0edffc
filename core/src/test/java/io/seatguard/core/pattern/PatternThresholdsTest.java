package io.seatguard.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * How {@code --pattern-thresholds} text is read. Review finding: a trailing comma was taken without a word
 * (the same defect {@code --risk-weights} had), and an empty entry in the middle was refused as "'' is not
 * pattern=…", naming nothing.
 */
class PatternThresholdsTest {
    @Test
    void anEmptyEntryIsRefusedWhereverItIs() {
        for (String text : new String[] {"many_devices=5:10,", "many_devices=5:10,,multiple_countries=3:5", ",many_devices=5:10",
                "many_devices=5:10 , "}) {
            assertThatThrownBy(() -> PatternThresholds.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text.strip() + "' has an empty entry (two commas in a row, or a comma at the start or end): give"
                            + " pattern=suspicious:dangerous, comma-separated");
        }
    }

    @Test
    void entriesWithSpacesAroundThemAreRead() {
        PatternThresholds thresholds = PatternThresholds.parse(" many_devices = 4:8 , multiple_countries=2:6 ");
        assertThat(thresholds).isEqualTo(PatternThresholds.parse("many_devices=4:8,multiple_countries=2:6"));
        assertThat(thresholds).isNotEqualTo(PatternThresholds.DEFAULTS);
    }
}

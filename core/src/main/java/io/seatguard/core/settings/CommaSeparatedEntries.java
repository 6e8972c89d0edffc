package io.seatguard.core.settings;

import java.util.List;

/**
 * The entries of a comma-separated setting such as {@code --risk-weights} or {@code --pattern-thresholds},
 * where every entry carries a value. An empty entry ({@code a=1,,b=2}, a comma at the start or end) is
 * refused: {@code split(",")} dropped trailing ones, so {@code new_ip=0,} was taken without a word, and a
 * stray comma most often marks an entry lost in editing, which one being the operator's to say.
 */
public final class CommaSeparatedEntries {
    private CommaSeparatedEntries() {
    }

    /**
     * @param text the setting's text, not blank (a blank setting is the caller's "nothing given")
     * @param form how one entry is written, for the refusal ({@code name=points})
     * @throws IllegalArgumentException when an entry is empty or blank
     */
    public static List<String> of(String text, String form) {
        // -1 keeps trailing empty entries, so that they can be refused.
        List<String> entries = List.of(text.split(",", -1));
        if (entries.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("'" + text.strip() + "' has an empty entry (two commas in a row, or a comma at the start or end):"
                    + " give " + form + ", comma-separated");
        }
        return entries;
    }
}

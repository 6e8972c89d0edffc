package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A page of history, newest first; pass {@link #nextCursor()} for the next one. */
public record HistoryPage(List<JsonNode> rows, Optional<String> nextCursor) {
    static HistoryPage of(JsonNode json) {
        List<JsonNode> rows = new ArrayList<>();
        AnswerFields.array(json, "data", "a history page").forEach(rows::add);
        return new HistoryPage(rows, Evaluation.text(json.path("next_cursor")));
    }

    /**
     * As a record's, but without the personal data an app's log must not keep ({@link Redacted}):
     * the rows (accounts, addresses, emails) by their number.
     */
    @Override
    public String toString() {
        return "HistoryPage[rows=" + Redacted.values(rows) + ", nextCursor=" + nextCursor + "]";
    }
}

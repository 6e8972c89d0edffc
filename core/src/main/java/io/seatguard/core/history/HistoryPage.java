package io.seatguard.core.history;

import java.util.List;
import java.util.Optional;

/** One page of history, newest first, and the cursor of the next page when there may be one. */
public record HistoryPage(List<HistoryRow> rows, Optional<HistoryCursor> next) {
    public HistoryPage {
        rows = List.copyOf(rows);
        java.util.Objects.requireNonNull(next, "next is null");
    }
}

package io.seatguard.server.http;

import java.util.List;

/**
 * Rows read one past a cap: those to show, and whether more matched. Reading {@code cap + 1} is how a
 * cut list is told from a complete one without a count; a page or export that says nothing of the cut
 * lets its reader take the first rows for all of them.
 *
 * @param rows at most the cap
 * @param truncated whether more rows matched than are in {@code rows}
 */
public record CappedRows<T>(List<T> rows, boolean truncated) {
    public CappedRows {
        rows = List.copyOf(rows);
    }

    /** @param read what a query limited to {@code cap + 1} returned */
    public static <T> CappedRows<T> of(List<T> read, int cap) {
        return read.size() > cap ? new CappedRows<>(read.subList(0, cap), true) : new CappedRows<>(read, false);
    }
}

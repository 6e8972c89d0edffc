package io.seatguard.intel.ip;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One intelligence source as {@code /readyz} shows it: what it is, the date of the data in use, how many
 * entries it holds, and the last load error (the previous data stays in use after a failed reload).
 * Not loaded, with no error and never checked: a URL list whose first fetch has not ended yet.
 *
 * <p>{@code unreadableLines} counts the lines of the data in use that held no readable row (skipped,
 * not fatal, while fewer than the readable ones: {@link ReadableRows}), so an operator sees a damaged
 * list without reading the log; a refused reload leaves the count of the data still in use. -1 when the
 * source has no lines to count: a MaxMind database, a JSON list (whose structure lines are no rows), or
 * no data loaded.
 */
public record SourceStatus(String kind, String name, boolean loaded, Optional<LocalDate> date, long entries, long unreadableLines,
        Optional<String> error, Optional<Instant> checkedAt) {
    public SourceStatus {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(date, "date is null");
        requireNonNull(error, "error is null");
        requireNonNull(checkedAt, "checkedAt is null");
    }

    /** Turned off: nothing configured to load (e.g. {@code --geoip-db off}), as opposed to a list still pending or failing. */
    public boolean off() {
        return !loaded && error.isEmpty() && checkedAt.isPresent();
    }
}

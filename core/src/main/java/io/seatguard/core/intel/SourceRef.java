package io.seatguard.core.intel;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which data source said something, and how fresh it is: every location, ASN and anonymity flag
 * carries one, so an operator reading an evaluation can tell "DB-IP of 2026-06-05" from "a Tor list
 * fetched this morning" and judge how far to trust it.
 *
 * @param name a short, stable name, e.g. {@code dbip-city} or {@code tor:/etc/seatguard/tor-exits.csv}
 * @param date the data's own date (its build date, or when it was last changed or fetched); empty when unknown
 */
public record SourceRef(String name, Optional<LocalDate> date) {
    public SourceRef {
        requireNonNull(name, "name is null");
        requireNonNull(date, "date is null");
    }
}

package io.seatguard.intel.ip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The data date a file's modification time stands for, when it can stand for one. An operator's file
 * fetched or edited on this machine has a time near its data's, which is the best date there is. One
 * unpacked from a package does not: npm sets every file in a tarball to 1985-10-26, zip and Python wheels
 * to 1980-01-01, reproducible builds and Nix to 1970-01-01, and /readyz then said the data was 41 years
 * old. No IP data of use today is older than 2000, so a time before that is no date: unknown.
 */
final class FileDates {
    /** Times before this day are packaging artefacts, not data dates. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private FileDates() {}

    static Optional<LocalDate> of(Instant modified) {
        LocalDate date = LocalDate.ofInstant(modified, ZoneOffset.UTC);
        return date.isBefore(EARLIEST) ? Optional.empty() : Optional.of(date);
    }

    /** Empty when the file's time is an artefact or cannot be read. */
    static Optional<LocalDate> of(Path file) {
        try {
            return of(Files.getLastModifiedTime(file).toInstant());
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}

package io.seatguard.intel.ip;

import io.seatguard.core.intel.AsnListParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A curated ASN list shipped as a resource, plus the operator's files of more ASNs. The curated list
 * always loads: an operator file that cannot be read is reported by name and left out, never taking the
 * curated list down with it; so is an empty or mostly unreadable one, which is not the list it stands for.
 * Files are decoded as UTF-8 with malformed bytes replaced (a Latin-1
 * comment spoils its own line, which holds no number anyway), as downloaded lists are.
 */
final class AsnSetFiles {
    private static final Pattern DATE_LINE = Pattern.compile("^#\\s*date:\\s*(\\d{4}-\\d{2}-\\d{2})", Pattern.MULTILINE);

    private AsnSetFiles() {}

    /**
     * What was read. {@code date} is the freshest part's: a list that only grows is as new as its
     * newest file. {@code unreadableLines} counts the lines holding no ASN in the operator files read
     * (the curated list is ours, and a file left out is not in use). {@code failures} names each
     * operator file left out and why.
     */
    record Read(Set<Long> asns, Optional<LocalDate> date, long unreadableLines, List<String> failures) {}

    static Read read(String resource, List<Path> extraFiles) {
        String bundled = resource(resource);
        Set<Long> asns = new HashSet<>(AsnListParser.parse(bundled).asns());
        Optional<LocalDate> date = dateLine(bundled);
        long unreadableLines = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : extraFiles) {
            try {
                AsnListParser.Parsed parsed = parse(file);
                asns.addAll(parsed.asns());
                unreadableLines += parsed.unreadableLines();
            }
            catch (ReadableRows.Refused e) {
                failures.add(e.getMessage());
                continue;
            }
            catch (IOException e) {
                failures.add("cannot read " + file + ": " + IoFailure.describe(e));
                continue;
            }
            Optional<LocalDate> fileDate = FileDates.of(file);
            if (fileDate.isPresent() && (date.isEmpty() || fileDate.get().isAfter(date.get()))) {
                date = fileDate;
            }
        }
        return new Read(Set.copyOf(asns), date, unreadableLines, List.copyOf(failures));
    }

    /** The file read; an empty or mostly unreadable file fails like an unreadable one (see {@link ReadableRows}). */
    private static AsnListParser.Parsed parse(Path file) throws IOException {
        AsnListParser.Parsed parsed;
        // InputStreamReader with a Charset replaces malformed input; Files.readString threw on it.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            parsed = AsnListParser.parse(reader.lines());
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        ReadableRows.require(file.toString(), "ASN", parsed.entries(), parsed.skippedLines());
        return parsed;
    }

    private static String resource(String name) {
        try (InputStream in = AsnSetFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<LocalDate> dateLine(String text) {
        Matcher m = DATE_LINE.matcher(text);
        try {
            return m.find() ? Optional.of(LocalDate.parse(m.group(1))) : Optional.empty();
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

}

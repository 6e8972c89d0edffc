package io.seatguard.intel.ip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Time zones by country and place, from the tz database's {@code zone.tab} (public domain, shipped as a
 * resource; copied from Debian's tzdata 2025b). DB-IP Lite has no time zones, so an address's zones are
 * derived here: every zone of its country, whatever point in it the database gives.
 *
 * <p>Why every zone and not the ones near the point: a zone's reference city is one city, not the
 * zone's area, and a city-level point is often far from the truth (a mobile carrier's addresses are
 * placed at its hub). Keeping only zones whose city lay within 1,000 km gave Dallas
 * {@code America/Indiana/Vincennes} but not {@code America/Chicago}, Fort Worth and San Antonio
 * {@code America/Denver}, and Seattle {@code America/Boise}: browsers in their own zone were called a
 * mismatch. A timezone mismatch is only called when the browser agrees with none of the candidates, so
 * the whole country is the set that never errs this way. Its blind spot, accepted: a browser zone of the
 * same country in another offset (New York's address, Los Angeles' browser) is not a mismatch. The
 * zones are in no particular order: the mismatch asks only whether any of them agrees, so each lookup is
 * one map read, with no distances to measure on the evaluation's path.
 */
public final class ZoneTable {
    private static final Pattern COORDINATES = Pattern.compile("([+-])(\\d{2})(\\d{2})(\\d{2})?([+-])(\\d{3})(\\d{2})(\\d{2})?");

    private final Map<String, List<ZoneId>> byCountry;

    private ZoneTable(Map<String, List<ZoneId>> byCountry) {
        this.byCountry = byCountry;
    }

    /** The table shipped with Seatguard. */
    public static ZoneTable bundled() {
        try (InputStream in = ZoneTable.class.getResourceAsStream("zone.tab")) {
            if (in == null) {
                throw new IllegalStateException("zone.tab is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ZoneTable parse(String text) {
        Map<String, List<ZoneId>> byCountry = new HashMap<>();
        for (String line : text.split("\\R")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 3) {
                continue;
            }
            // A row whose reference point is malformed is a damaged row: skipped, like an unknown zone.
            Optional<ZoneId> id = zone(fields[2]);
            if (!COORDINATES.matcher(fields[1]).matches() || id.isEmpty()) {
                continue;
            }
            byCountry.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(id.get());
        }
        byCountry.replaceAll((k, v) -> List.copyOf(v));
        return new ZoneTable(Map.copyOf(byCountry));
    }

    /** The zones an address of {@code country} may be in: all of the country's. */
    public List<ZoneId> candidates(Optional<String> country) {
        return country.map(byCountry::get).orElse(List.of());
    }

    private static Optional<ZoneId> zone(String name) {
        try {
            return Optional.of(ZoneId.of(name));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

package io.seatguard.intel.ip;

import io.seatguard.core.geo.GreatCircle;
import io.seatguard.core.intel.Coordinates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time zones by country and place, from the tz database's {@code zone.tab} (public domain, shipped as a
 * resource; copied from Debian's tzdata 2025b). DB-IP Lite has no time zones, so an address's zones are
 * derived here: every zone of its country, nearest reference city first when there is a point.
 *
 * <p>Why every zone and not the ones near the point: a zone's reference city is one city, not the
 * zone's area, and a city-level point is often far from the truth (a mobile carrier's addresses are
 * placed at its hub). Keeping only zones whose city lay within 1,000 km gave Dallas
 * {@code America/Indiana/Vincennes} but not {@code America/Chicago}, Fort Worth and San Antonio
 * {@code America/Denver}, and Seattle {@code America/Boise}: browsers in their own zone were called a
 * mismatch. A timezone mismatch is only called when the browser agrees with none of the candidates, so
 * the whole country is the set that never errs this way. Its blind spot, accepted: a browser zone of the
 * same country in another offset (New York's address, Los Angeles' browser) is not a mismatch.
 */
public final class ZoneTable {
    private static final Pattern COORDINATES = Pattern.compile("([+-])(\\d{2})(\\d{2})(\\d{2})?([+-])(\\d{3})(\\d{2})(\\d{2})?");

    private record Zone(ZoneId id, double latitude, double longitude) {}

    private final Map<String, List<Zone>> byCountry;

    private ZoneTable(Map<String, List<Zone>> byCountry) {
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
        Map<String, List<Zone>> byCountry = new HashMap<>();
        for (String line : text.split("\\R")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 3) {
                continue;
            }
            Matcher m = COORDINATES.matcher(fields[1]);
            Optional<ZoneId> id = zone(fields[2]);
            if (!m.matches() || id.isEmpty()) {
                continue;
            }
            double latitude = degrees(m.group(1), m.group(2), m.group(3), m.group(4));
            double longitude = degrees(m.group(5), m.group(6), m.group(7), m.group(8));
            byCountry.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(new Zone(id.get(), latitude, longitude));
        }
        byCountry.replaceAll((k, v) -> List.copyOf(v));
        return new ZoneTable(Map.copyOf(byCountry));
    }

    /** The zones an address of {@code country} may be in: all of the country's, nearest to {@code point} first. */
    public List<ZoneId> candidates(Optional<String> country, Optional<Coordinates> point) {
        List<Zone> zones = country.map(byCountry::get).orElse(List.of());
        if (zones.size() <= 1 || point.isEmpty()) {
            return zones.stream().map(Zone::id).toList();
        }
        // Each zone's distance is computed once (a country like the US has 29 zones; a comparator that
        // measured on every comparison cost several times as many trigonometric calls per lookup).
        Coordinates p = point.get();
        double[] distances = new double[zones.size()];
        Integer[] order = new Integer[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            Zone zone = zones.get(i);
            distances[i] = GreatCircle.distanceKm(p.latitude(), p.longitude(), zone.latitude(), zone.longitude());
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> distances[i]));
        List<ZoneId> candidates = new ArrayList<>(order.length);
        for (int i : order) {
            candidates.add(zones.get(i).id());
        }
        return List.copyOf(candidates);
    }

    private static double degrees(String sign, String whole, String minutes, String seconds) {
        double value = Integer.parseInt(whole) + Integer.parseInt(minutes) / 60.0 + (seconds == null ? 0 : Integer.parseInt(seconds) / 3600.0);
        return "-".equals(sign) ? -value : value;
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

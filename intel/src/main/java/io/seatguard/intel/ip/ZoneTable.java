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
 * derived here: the zones of its country whose reference city lies within {@link #NEAR_KM} of the point
 * (plus the point's accuracy), nearest first; the single nearest when none is that near; every zone of the
 * country when there is no point. Several candidates are on purpose: a timezone mismatch is only called
 * when the browser agrees with none of them.
 */
public final class ZoneTable {
    /** How far from an address a zone's reference city may lie and still be a candidate (the US Mountain zone spans ~1,000 km). */
    static final double NEAR_KM = 1000;
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

    public List<ZoneId> candidates(Optional<String> country, Optional<Coordinates> point) {
        List<Zone> zones = country.map(byCountry::get).orElse(List.of());
        if (zones.isEmpty()) {
            return List.of();
        }
        if (point.isEmpty()) {
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
        double near = NEAR_KM + p.accuracyKm();
        List<ZoneId> candidates = new ArrayList<>();
        for (int i : order) {
            if (distances[i] <= near) {
                candidates.add(zones.get(i).id());
            }
        }
        return candidates.isEmpty() ? List.of(zones.get(order[0]).id()) : List.copyOf(candidates);
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

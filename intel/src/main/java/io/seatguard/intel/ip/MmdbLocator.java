package io.seatguard.intel.ip;

import com.maxmind.db.Reader;
import io.seatguard.core.intel.Coordinates;
import io.seatguard.core.intel.IpLocation;
import io.seatguard.core.intel.SourceRef;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * City-level geolocation from MaxMind-format ({@code .mmdb}) files. Reads both schemas in the wild:
 * DB-IP Lite as repackaged by ip-location-db (flat: {@code country_code, city, latitude, longitude,
 * timezone}) and MaxMind's GeoLite2/GeoIP2 (nested: {@code country.iso_code, city.names.en,
 * location.{latitude, longitude, accuracy_radius, time_zone}}), so an operator can swap in their own file.
 *
 * <p>Several files may be given (DB-IP ships IPv4 and IPv6 apart); the first that knows an address answers.
 * Files are memory-mapped, so a lookup costs a few microseconds and no heap (docs/benchmarks.md). A file
 * rewritten in place while mapped answers nothing (unknown) until the next reload; replace files by
 * renaming a complete copy over them, which leaves the mapped one intact.
 *
 * <p>Accuracy: DB-IP Lite has no radius, so its points get {@link #CITY_ACCURACY_KM} when they name a
 * city and {@link #COUNTRY_ACCURACY_KM} when they do not. Time zones, when the file has none (DB-IP's
 * field is empty), are derived from the country by {@link ZoneTable}; a file's own zone stands alone
 * only on a city-precise record.
 *
 * <p>A record that cannot be read (a damaged node, a map that points at itself, maps nested past the
 * stack) leaves that address unknown in that file; the locator counts such lookups, and the source's
 * status shows them ({@link #unreadable()}), since the file itself opened without complaint.
 */
public final class MmdbLocator implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(MmdbLocator.class);

    /** Radius given to a city-level point without its own: DB-IP Lite places most addresses within this of their city. */
    public static final double CITY_ACCURACY_KM = 50;
    /** Radius given to a point that names no city (a country's or region's centre). */
    public static final double COUNTRY_ACCURACY_KM = 500;

    /** Up to this radius a record naming a city is trusted with its own time zone alone. */
    public static final double OWN_ZONE_MAX_KM = 100;

    /** Compiled once: {@code String.matches} compiled it on every lookup. */
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    private final List<Reader> readers;
    /** Each reader's file name, for the status: the reader does not keep it. */
    private final List<String> fileNames;
    private final SourceRef source;
    private final ZoneTable zones;
    private final AtomicLong unreadableLookups = new AtomicLong();
    private volatile String lastUnreadable = "";

    private MmdbLocator(List<Reader> readers, List<String> fileNames, SourceRef source, ZoneTable zones) {
        this.readers = readers;
        this.fileNames = fileNames;
        this.source = source;
        this.zones = zones;
    }

    /** Opens the files; fails with the file's name when one cannot be read as a MaxMind database. */
    public static MmdbLocator open(String name, List<Path> files, ZoneTable zones) throws IOException {
        List<Reader> readers = new ArrayList<>();
        try {
            for (Path file : files) {
                readers.add(new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED));
            }
        }
        catch (IOException | RuntimeException e) {
            for (Reader reader : readers) {
                reader.close();
            }
            throw new IOException("cannot read " + files + " as a MaxMind database: " + e.getMessage(), e);
        }
        if (readers.isEmpty()) {
            throw new IOException("no geolocation file given");
        }
        // The oldest file dates the set: a fresh IPv4 file beside a stale IPv6 one is stale data.
        LocalDate date = readers.stream().map(r -> LocalDate.ofInstant(r.getMetadata().buildTime(), ZoneOffset.UTC)).min(LocalDate::compareTo).orElseThrow();
        List<String> fileNames = files.stream().map(file -> String.valueOf(file.getFileName())).toList();
        return new MmdbLocator(List.copyOf(readers), fileNames, new SourceRef(name, Optional.of(date)), zones);
    }

    public SourceRef source() {
        return source;
    }

    public Optional<IpLocation> locate(InetAddress address) {
        for (int i = 0; i < readers.size(); i++) {
            Reader reader = readers.get(i);
            if (address instanceof Inet6Address && reader.getMetadata().ipVersion() == 4) {
                // An IPv4-only tree walked with an IPv6 address follows its first 32 bits and answers for
                // some IPv4 address instead (2a00:1450:: as 42.0.20.80); such a file knows no IPv6 address.
                continue;
            }
            Map<?, ?> record;
            try {
                record = reader.get(address, Map.class);
            }
            catch (IOException | RuntimeException e) {
                // A damaged node or record: this file does not know the address.
                unreadable(i, e);
                continue;
            }
            catch (InternalError e) {
                // The file was rewritten in place under its mapping (cp over it): reading past its new end
                // faults, which the JVM raises as "a fault occurred in an unsafe memory access". Unknown
                // until the next reload maps the new file; files are to be replaced by rename.
                unreadable(i, e);
                continue;
            }
            catch (StackOverflowError e) {
                // A record that points back into itself, or maps nested deeper than the stack: the decoder
                // recurses until the stack runs out. Caught here, at the lookup, and nowhere deeper: the
                // frames it unwinds are the decoder's alone, which works on a buffer and a decoder of this
                // lookup's own (no cache, no lock), so nothing is left half-done. The classes it runs were
                // initialised by the shallow frames of this very lookup, not at the depth where it failed.
                unreadable(i, e);
                continue;
            }
            if (record != null) {
                return toLocation(record, source, zones);
            }
        }
        return Optional.empty();
    }

    /**
     * What the status shows while some lookups cannot read their record: how many since the file was
     * loaded and the last failure. Empty while every lookup has been read. A new file (a reload) starts
     * again from none.
     */
    public Optional<String> unreadable() {
        long count = unreadableLookups.get();
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of((count == 1 ? "1 lookup could not read its record" : count + " lookups could not read their record")
                + " since the file was loaded (last: " + lastUnreadable + "); those addresses are unknown until the file is replaced");
    }

    private void unreadable(int reader, Throwable e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()) + " in " + fileNames.get(reader);
        lastUnreadable = what;
        if (unreadableLookups.getAndIncrement() == 0) {
            // Once per file: a damaged record may be hit by every evaluation, and the status keeps the count.
            LOG.warn("IP intelligence: {} is damaged: a lookup could not read its record ({}); such addresses are unknown", source.name(), what);
        }
    }

    /** One record of either schema as a location; package-private so both schemas are tested without a GeoLite2 file. */
    static Optional<IpLocation> toLocation(Map<?, ?> record, SourceRef source, ZoneTable zones) {
        Optional<String> country = text(record.get("country_code")).or(() -> text(path(record, "country", "iso_code")))
                .map(code -> code.toUpperCase(Locale.ROOT))
                .filter(code -> COUNTRY_CODE.matcher(code).matches() && !code.equals("ZZ"));
        Optional<String> city = text(record.get("city")).or(() -> text(path(record, "city", "names", "en")));
        Optional<Double> latitude = number(record.get("latitude")).or(() -> number(path(record, "location", "latitude")));
        Optional<Double> longitude = number(record.get("longitude")).or(() -> number(path(record, "location", "longitude")));
        Optional<Double> radius = number(path(record, "location", "accuracy_radius"));
        Optional<Coordinates> point = coordinates(latitude, longitude, radius.orElse(city.isPresent() ? CITY_ACCURACY_KM : COUNTRY_ACCURACY_KM));
        if (country.isEmpty() && point.isEmpty()) {
            return Optional.empty();
        }
        Optional<ZoneId> own = text(record.get("timezone")).or(() -> text(path(record, "location", "time_zone"))).flatMap(MmdbLocator::zone);
        return Optional.of(new IpLocation(country, city, point, zones(own, city, point, country, zones), source));
    }

    /**
     * The file's own zone alone when the record is city-precise (a city, and a radius within
     * {@link #OWN_ZONE_MAX_KM}); otherwise the own zone first, then the country's (see {@link ZoneTable}),
     * and none when the record names no country (a continent-level record): its own is a guess. A country
     * the tz database lists no zones for (Kosovo, XK, in MaxMind's and DB-IP's files) keeps its own zone.
     * GeoLite2 gives country-only records a zone too (with a 1,000 km radius), which for a country of
     * several offsets is a guess: taken alone it made every browser in the country's other offsets a
     * timezone mismatch.
     */
    private static List<ZoneId> zones(Optional<ZoneId> own, Optional<String> city, Optional<Coordinates> point, Optional<String> country,
            ZoneTable zones) {
        boolean precise = city.isPresent() && point.isPresent() && point.get().accuracyKm() <= OWN_ZONE_MAX_KM;
        if (own.isPresent() && precise) {
            return List.of(own.get());
        }
        if (country.isEmpty()) {
            // With no country to bound it, a wide record's own zone (a continent-level record's
            // "Europe/Berlin") stood alone and made the continent's other offsets a mismatch: no zones then.
            return List.of();
        }
        List<ZoneId> derived = zones.candidates(country);
        if (own.isEmpty()) {
            return derived;
        }
        // A country zone.tab does not list (Kosovo, XK) derives nothing, and its own zone is then its only
        // one: refusing it as if no country were named left Kosovo's timezone_mismatch always null.
        List<ZoneId> merged = new ArrayList<>(derived.size() + 1);
        merged.add(own.get());
        derived.stream().filter(zone -> !zone.equals(own.get())).forEach(merged::add);
        return merged;
    }

    private static Optional<Coordinates> coordinates(Optional<Double> latitude, Optional<Double> longitude, double accuracyKm) {
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Coordinates(latitude.get(), longitude.get(), accuracyKm));
        }
        catch (IllegalArgumentException e) {
            // A damaged record: better no point than a wrong one.
            return Optional.empty();
        }
    }

    private static Object path(Map<?, ?> record, String... keys) {
        Object node = record;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    private static Optional<Double> number(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue()) ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private static Optional<ZoneId> zone(String name) {
        try {
            return Optional.of(ZoneId.of(name));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        for (Reader reader : readers) {
            reader.close();
        }
    }
}

package io.seatguard.intel.ip;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.intel.Anonymity;
import java.nio.file.Path;
import java.util.List;

/**
 * Where IP intelligence comes from. Every part may be empty: what is not configured is unknown.
 *
 * @param geoipFiles {@code .mmdb} files, searched in order (empty: no geolocation)
 * @param geoipName the name flags and {@code /readyz} give the geolocation source
 * @param asnFiles ip-location-db {@code asn} CSV files (empty: no ASN data, so no ASN-based flags)
 * @param asnName the name given the ASN source
 * @param asnDating the ASN data's date when known from its package (files unpacked from npm carry no useful
 *     modification time), asked at each load of the files: the installed data's folder says it in a file
 *     that is rewritten with them; otherwise the oldest file's own time, unless any file's time is a
 *     packaging artefact (before 2000: npm's 1985-10-26), which leaves the date unknown
 * @param extraHostingAsns operator files of hosting ASNs, added to the curated list
 * @param extraVpnAsns operator files of VPN ASNs, added to the curated list
 * @param lists operator range lists (Tor exits, VPN, cloud, relay), files or URLs
 */
public record IntelConfig(
        List<Path> geoipFiles,
        String geoipName,
        List<Path> asnFiles,
        String asnName,
        AsnDating asnDating,
        List<Path> extraHostingAsns,
        List<Path> extraVpnAsns,
        List<ListSpec> lists) {
    public static final IntelConfig NONE = new IntelConfig(List.of(), "geoip", List.of(), "asn", java.util.Optional.empty(), List.of(), List.of(),
            List.of());

    public IntelConfig {
        geoipFiles = List.copyOf(requireNonNull(geoipFiles, "geoipFiles is null"));
        requireNonNull(geoipName, "geoipName is null");
        asnFiles = List.copyOf(requireNonNull(asnFiles, "asnFiles is null"));
        requireNonNull(asnName, "asnName is null");
        requireNonNull(asnDating, "asnDating is null");
        extraHostingAsns = List.copyOf(requireNonNull(extraHostingAsns, "extraHostingAsns is null"));
        extraVpnAsns = List.copyOf(requireNonNull(extraVpnAsns, "extraVpnAsns is null"));
        lists = numbered(requireNonNull(lists, "lists is null"));
    }

    /** With an ASN date that does not change: known at start, or from the files' own times. */
    public IntelConfig(List<Path> geoipFiles, String geoipName, List<Path> asnFiles, String asnName, java.util.Optional<java.time.LocalDate> asnDate,
            List<Path> extraHostingAsns, List<Path> extraVpnAsns, List<ListSpec> lists) {
        this(geoipFiles, geoipName, asnFiles, asnName, constant(requireNonNull(asnDate, "asnDate is null")), extraHostingAsns, extraVpnAsns, lists);
    }

    private static AsnDating constant(java.util.Optional<java.time.LocalDate> date) {
        return new AsnDating("fixed: " + date.map(Object::toString).orElse("unknown"), () -> date);
    }

    /** The ASN data's date as its package says it now (see {@code asnDating}). */
    public java.util.Optional<java.time.LocalDate> asnDate() {
        return requireNonNull(asnDating.date().get(), "asnDating gave null");
    }

    /**
     * How the ASN data's date is known, asked at each load of the files. Equal, and shown, by where it comes
     * from ({@code from}), not by its function: two configurations read from the same settings are equal
     * (the start compares them, and logs them), though each holds a function of its own.
     */
    public record AsnDating(String from, java.util.function.Supplier<java.util.Optional<java.time.LocalDate>> date) {
        public AsnDating {
            requireNonNull(from, "from is null");
            requireNonNull(date, "date is null");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AsnDating dating && from.equals(dating.from);
        }

        @Override
        public int hashCode() {
            return from.hashCode();
        }

        @Override
        public String toString() {
            return "AsnDating[" + from + "]";
        }
    }

    /**
     * The lists, each numbered among those of its kind shown alike ({@link ListSpec#occurrence}): two URLs
     * that differ only in what is never shown (user info, query, fragment) would otherwise share a name in
     * {@code /readyz}, {@code detection_sources} and the metrics' labels, and the second's state be
     * invisible. There is nowhere to name a list, so the name is made distinct rather than the start refused.
     */
    private static List<ListSpec> numbered(List<ListSpec> lists) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        return lists.stream()
                .map(spec -> new ListSpec(spec.kind(), spec.location(), seen.merge(spec.kind().wireName() + ":" + spec.location(), 1, Integer::sum)))
                .toList();
    }

    /**
     * One operator list: what it lists and where it is.
     *
     * @param occurrence 1, or which of the configuration's lists of this kind shown alike this one is
     *     ({@link IntelConfig} numbers them), so that each has a name of its own
     */
    public record ListSpec(Anonymity kind, ListLocation location, int occurrence) {
        public ListSpec {
            requireNonNull(kind, "kind is null");
            requireNonNull(location, "location is null");
            if (occurrence < 1) {
                throw new IllegalArgumentException("occurrence must be 1 or more: " + occurrence);
            }
        }

        public ListSpec(Anonymity kind, ListLocation location) {
            this(kind, location, 1);
        }

        /** Parses {@code kind=location}, kind one of tor, vpn, hosting (or cloud), relay. */
        public static ListSpec parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + ListLocation.withoutSecrets(text.strip()) + "' must be kind=file-or-url with kind tor, vpn, hosting, cloud or relay");
            }
            String kind = text.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            Anonymity anonymity = switch (kind) {
                case "tor" -> Anonymity.TOR;
                case "vpn" -> Anonymity.VPN;
                case "hosting", "cloud", "datacenter" -> Anonymity.HOSTING;
                case "relay" -> Anonymity.RELAY;
                default -> throw new IllegalArgumentException("'" + ListLocation.withoutSecrets(kind) + "' is not a list kind: use tor, vpn, hosting, cloud or relay");
            };
            return new ListSpec(anonymity, ListLocation.parse(text.substring(eq + 1)));
        }

        /** How {@code /readyz}, {@code detection_sources} and the metrics name it: the second of two lists shown alike is {@code … (2)}. */
        public String name() {
            return kind.wireName() + ":" + location + (occurrence == 1 ? "" : " (" + occurrence + ")");
        }
    }
}

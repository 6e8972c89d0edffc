package io.seatguard.intel.ip;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.intel.Anonymity;
import io.seatguard.core.intel.AsnInfo;
import io.seatguard.core.intel.IpFacts;
import io.seatguard.core.intel.IpIntelligence;
import io.seatguard.core.intel.IpListParser;
import io.seatguard.core.intel.IpLocation;
import io.seatguard.core.intel.Judgement;
import io.seatguard.core.intel.LineNumbers;
import io.seatguard.core.intel.SourceRef;
import io.seatguard.core.net.IpRangeSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IP intelligence from local data: geolocation (.mmdb), ASN ranges (CSV), curated and operator ASN lists,
 * and operator range lists for Tor, VPN, hosting and relay.
 *
 * <p>Lookups read one immutable snapshot per source from memory and never block on a reload.
 * {@link #start} loads the machine's own files; {@link #refresh()} (run by the server in the background
 * at once, then on a schedule) fetches URL lists and re-reads each source that changed and swaps it in; a source that fails to load keeps its previous data and reports the error in {@link #status()}; a
 * source never loaded is unknown, so its flags are absent rather than false.
 *
 * <p>How each anonymity kind is judged: Tor and relay by their lists alone; VPN and hosting by their
 * lists, then by the address's ASN against the curated ASN lists (plus the operator's). With ASN data
 * installed (the default), hosting and VPN are therefore judged out of the box.
 */
public final class IpIntelService implements IpIntelligence {
    private static final Logger LOG = LoggerFactory.getLogger(IpIntelService.class);

    private final IntelConfig config;
    private final ZoneTable zones;
    private final InstantSource clock;
    private final ListFetcher fetcher;

    private final Slot<MmdbLocator> geo;
    private final Slot<AsnTable> asn;
    private final Slot<AsnSet> hostingAsns;
    private final Slot<AsnSet> vpnAsns;
    private final List<Slot<RangeList>> lists = new ArrayList<>();

    /** A named set of ASNs with its source. */
    record AsnSet(Set<Long> asns, SourceRef source) {}

    /** A loaded range list with its source. */
    record RangeList(Anonymity kind, IpRangeSet ranges, SourceRef source) {}

    public IpIntelService(IntelConfig config, ZoneTable zones, InstantSource clock) {
        this(config, zones, clock, new ListFetcher());
    }

    IpIntelService(IntelConfig config, ZoneTable zones, InstantSource clock, ListFetcher fetcher) {
        this.fetcher = requireNonNull(fetcher, "fetcher is null");
        this.config = requireNonNull(config, "config is null");
        this.zones = requireNonNull(zones, "zones is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.geo = new Slot<>("geoip", config.geoipName());
        this.asn = new Slot<>("asn", config.asnName());
        this.hostingAsns = new Slot<>("hosting-asns", "hosting-asns");
        this.vpnAsns = new Slot<>("vpn-asns", "vpn-asns");
        for (IntelConfig.ListSpec spec : config.lists()) {
            lists.add(new Slot<>(spec.kind().wireName() + "-list", spec.name()));
        }
    }

    /**
     * Builds the service and loads the sources on this machine ({@link #refreshLocal()}); sources that
     * fail are reported, not thrown. URL lists wait for the first {@link #refresh()}, which the caller
     * runs in the background: a slow or stalled list server must not hold up the server's start.
     */
    public static IpIntelService start(IntelConfig config, InstantSource clock) {
        IpIntelService service = new IpIntelService(config, ZoneTable.bundled(), clock);
        service.refreshLocal();
        return service;
    }

    @Override
    public IpFacts lookup(InetAddress address) {
        Optional<IpLocation> location = geo.data().flatMap(locator -> locator.locate(address));
        Optional<AsnInfo> asnInfo = asn.data().flatMap(table -> table.lookup(address));
        Map<Anonymity, Judgement> anonymity = new EnumMap<>(Anonymity.class);
        judge(Anonymity.TOR, address, Optional.empty(), asnInfo).ifPresent(j -> anonymity.put(Anonymity.TOR, j));
        judge(Anonymity.RELAY, address, Optional.empty(), asnInfo).ifPresent(j -> anonymity.put(Anonymity.RELAY, j));
        judge(Anonymity.VPN, address, vpnAsns.data(), asnInfo).ifPresent(j -> anonymity.put(Anonymity.VPN, j));
        judge(Anonymity.HOSTING, address, hostingAsns.data(), asnInfo).ifPresent(j -> anonymity.put(Anonymity.HOSTING, j));
        return new IpFacts(location, asnInfo, anonymity);
    }

    /**
     * A kind's judgement: true with the first list or ASN set that holds the address; false, with the
     * first source that looked, when some source could look; absent when none could (no list loaded, and
     * no ASN known for the ASN sets).
     */
    private Optional<Judgement> judge(Anonymity kind, InetAddress address, Optional<AsnSet> asnSet, Optional<AsnInfo> asnInfo) {
        Optional<SourceRef> looked = Optional.empty();
        for (Slot<RangeList> slot : lists) {
            Optional<RangeList> list = slot.data().filter(l -> l.kind() == kind);
            if (list.isEmpty()) {
                continue;
            }
            if (list.get().ranges().contains(address)) {
                return Optional.of(new Judgement(true, list.get().source()));
            }
            looked = looked.or(() -> Optional.of(list.get().source()));
        }
        if (asnSet.isPresent() && asnInfo.isPresent()) {
            if (asnSet.get().asns().contains(asnInfo.get().number())) {
                return Optional.of(new Judgement(true, asnSet.get().source()));
            }
            looked = looked.or(() -> Optional.of(asnSet.get().source()));
        }
        return looked.map(source -> new Judgement(false, source));
    }

    /**
     * Re-reads every source that changed, fetching URL lists too (each within {@link ListFetcher#DEADLINE}).
     * Safe to call from any thread; calls do not overlap.
     */
    public synchronized void refresh() {
        refresh(true);
    }

    /** Re-reads the sources that changed among the machine's own files; URL lists are left as they are. */
    public synchronized void refreshLocal() {
        refresh(false);
    }

    private void refresh(boolean fetchUrls) {
        geo.refresh(clock, version(config.geoipFiles()), () -> {
            MmdbLocator locator = MmdbLocator.open(config.geoipName(), config.geoipFiles(), zones);
            return new Loaded<>(locator, locator.source().date(), -1, -1);
        });
        asn.refresh(clock, version(config.asnFiles()), () -> {
            Optional<LocalDate> date = config.asnDate().or(() -> oldestFileDate(config.asnFiles()));
            AsnTable.Loaded loaded = AsnTable.load(new SourceRef(config.asnName(), date), config.asnFiles());
            loaded.unreadable().forEach(file -> warnOfUnreadableLines(file.file().toString(), file.lines(), ""));
            return new Loaded<>(loaded.table(), date, loaded.table().size(), loaded.skippedLines());
        });
        hostingAsns.refresh(clock, Optional.of(versionOf(config.extraHostingAsns())), () -> asnSet("hosting-asns", "hosting-asns.txt", config.extraHostingAsns(), hostingAsns.data().isPresent()));
        vpnAsns.refresh(clock, Optional.of(versionOf(config.extraVpnAsns())), () -> asnSet("vpn-asns", "vpn-asns.txt", config.extraVpnAsns(), vpnAsns.data().isPresent()));
        for (int i = 0; i < lists.size(); i++) {
            IntelConfig.ListSpec spec = config.lists().get(i);
            Slot<RangeList> slot = lists.get(i);
            if (!fetchUrls && spec.location().url().isPresent()) {
                continue;
            }
            slot.refreshFetched(clock, known -> fetcher.fetch(spec.location(), known), fetched -> {
                IpListParser.Parsed parsed = parse(spec.location(), fetched.text());
                try {
                    requireList(spec.location(), parsed);
                    if (slot.entriesInUse().isPresent()) {
                        ShrinkGuard.require(spec.location().toString(), slot.entriesInUse().getAsLong(), parsed.entries());
                    }
                }
                catch (IOException refused) {
                    // The refusal says what the list is short of; this says which rows were too wide.
                    warnOfTooWideRows(spec.location(), parsed);
                    throw refused;
                }
                if (parsed.json()) {
                    warnOfTooWideRows(spec.location(), parsed);
                }
                else {
                    // One line: the too-wide rows are among the unreadable ones, and were named twice.
                    warnOfUnreadableLines(spec.location().toString(), parsed.unreadable(), tooWideNote(parsed));
                }
                Optional<LocalDate> date = spec.location().file().isPresent() ? FileDates.of(fetched.dated())
                        : Optional.of(LocalDate.ofInstant(fetched.dated(), ZoneOffset.UTC));
                return new Loaded<>(new RangeList(spec.kind(), parsed.ranges(), new SourceRef(spec.name(), date)), date, parsed.entries(),
                        // A JSON list's skipped lines are its structure, not rows it could not read.
                        parsed.json() ? -1 : parsed.unreadableLines());
            });
        }
    }

    public List<SourceStatus> status() {
        List<SourceStatus> all = new ArrayList<>();
        // A database that opened whole may still hold records it cannot read: shown like a failed reload.
        all.add(geo.status(MmdbLocator::unreadable));
        all.add(asn.status());
        all.add(hostingAsns.status());
        all.add(vpnAsns.status());
        lists.forEach(slot -> all.add(slot.status()));
        return all;
    }

    /**
     * Refuses what is not a list (see {@link ReadableRows}). A text that opens with markup is a web page
     * whatever its lines hold. JSON (AWS's ip-ranges.json, GCP's cloud.json) has more structure lines
     * than addresses by design, so only an empty one is refused.
     */
    private static void requireList(ListLocation location, IpListParser.Parsed parsed) throws IOException {
        if (parsed.opening().filter(c -> c == '<').isPresent()) {
            throw new IOException(location + " is a web page or other markup, not a list (" + parsed.entries() + " addresses among "
                    + (parsed.entries() + parsed.skippedLines()) + " lines)");
        }
        ReadableRows.require(location.toString(), "address or CIDR", parsed.entries(), parsed.json() ? 0 : parsed.skippedLines());
    }

    /**
     * Names the lines of rows refused as too wide (0.0.0.0/0, a range ending in the wrong row): counted
     * among the unreadable lines they would pass unseen, and they are an operator's mistake to correct.
     */
    private static void warnOfTooWideRows(ListLocation location, IpListParser.Parsed parsed) {
        if (parsed.tooWide() > 0) {
            LOG.warn("IP intelligence: {} has {} row(s) wider than an IPv4 /8 or an IPv6 /16, refused as unreadable (line(s) {})", location,
                    parsed.tooWide(), new LineNumbers(parsed.tooWide(), parsed.tooWideLines()).describe());
        }
    }

    /**
     * Names where a list or ASN file taken into use had unreadable lines: /readyz only counts them, and an
     * operator told "3" could not find them. Numbers only: a line's contents may be long, or hostile in a
     * log viewer. Logged once per load, and a source is loaded again only when it changes.
     */
    private static void warnOfUnreadableLines(String source, LineNumbers lines, String note) {
        if (lines.count() > 0) {
            LOG.warn("IP intelligence: {} has {} unreadable line(s), skipped (line(s) {}){}", source, lines.count(), lines.describe(), note);
        }
    }

    /** Which of a list's unreadable lines were too wide rather than unreadable as written, or nothing. */
    private static String tooWideNote(IpListParser.Parsed parsed) {
        if (parsed.tooWide() == 0) {
            return "";
        }
        return "; " + parsed.tooWide() + " of them " + (parsed.tooWide() == 1 ? "is a row" : "are rows")
                + " wider than an IPv4 /8 or an IPv6 /16 (line(s) " + new LineNumbers(parsed.tooWide(), parsed.tooWideLines()).describe() + ")";
    }

    private static IpListParser.Parsed parse(ListLocation location, ListFetcher.Text text) throws IOException {
        try (BufferedReader reader = text.open()) {
            return IpListParser.parse(reader.lines());
        }
        catch (IOException e) {
            throw new IOException("cannot read " + location + ": " + IoFailure.describe(e), e);
        }
        catch (UncheckedIOException e) {
            throw new IOException("cannot read " + location + ": " + IoFailure.describe(e.getCause()), e.getCause());
        }
    }

    /**
     * The curated list plus the operator's files. A file that cannot be read is left out and named in
     * the status; on a reload the previous data (which holds that file's earlier ASNs) is kept instead.
     */
    private static Loaded<AsnSet> asnSet(String name, String resource, List<Path> extraFiles, boolean loadedBefore) throws IOException {
        AsnSetFiles.Read read = AsnSetFiles.read(resource, extraFiles);
        Optional<String> problem = read.failures().isEmpty() ? Optional.empty() : Optional.of(String.join("; ", read.failures()));
        if (problem.isPresent() && loadedBefore) {
            throw new IOException(problem.get());
        }
        String sourceName = extraFiles.isEmpty() ? name : name + "+" + extraFiles;
        return new Loaded<>(new AsnSet(read.asns(), new SourceRef(sourceName, read.date())), read.date(), read.asns().size(), read.unreadableLines(),
                problem.map(p -> p + " (the curated list and the other files are in use)"));
    }

    /**
     * The oldest file's date: a table is as old as its oldest part. Unknown when any file's time is no
     * data date ({@link FileDates}): a table partly of unknown age is of unknown age.
     */
    private static Optional<LocalDate> oldestFileDate(List<Path> files) {
        Optional<LocalDate> oldest = Optional.empty();
        for (Path file : files) {
            Optional<LocalDate> date = FileDates.of(file);
            if (date.isEmpty()) {
                return Optional.empty();
            }
            if (oldest.isEmpty() || date.get().isBefore(oldest.get())) {
                oldest = date;
            }
        }
        return oldest;
    }

    /** Empty when there are no files (the source is off); otherwise what changes when any file does. */
    private static Optional<String> version(List<Path> files) {
        return files.isEmpty() ? Optional.empty() : Optional.of(versionOf(files));
    }

    private static String versionOf(List<Path> files) {
        StringBuilder version = new StringBuilder("v");
        for (Path file : files) {
            try {
                version.append('|').append(file).append(':').append(Files.getLastModifiedTime(file).toMillis()).append(':').append(Files.size(file));
            }
            catch (IOException e) {
                version.append('|').append(file).append(":missing");
            }
        }
        return version.toString();
    }

    /**
     * What a loader produced. {@code entries} is -1 when the source cannot count them, and
     * {@code unreadableLines} (the lines skipped as holding no row) when it has no lines to count;
     * {@code problem} is what failed in a load that still produced data (an operator file left out).
     */
    record Loaded<T>(T data, Optional<LocalDate> date, long entries, long unreadableLines, Optional<String> problem) {
        Loaded(T data, Optional<LocalDate> date, long entries, long unreadableLines) {
            this(data, date, entries, unreadableLines, Optional.empty());
        }
    }

    @FunctionalInterface
    interface Loader<T> {
        Loaded<T> load() throws IOException;
    }

    @FunctionalInterface
    interface FetchStep {
        Optional<ListFetcher.Fetched> fetch(Optional<ListFetcher.Version> known) throws IOException;
    }

    @FunctionalInterface
    interface FetchedLoader<T> {
        Loaded<T> load(ListFetcher.Fetched fetched) throws IOException;
    }

    /**
     * One source: its data in use and how its last load went, as one {@link State} swapped whole. The
     * fields were once written one after another, so a /readyz read between two writes could show the new
     * data's count under the old date, or a fresh error beside the check time of the load before.
     */
    private static final class Slot<T> {
        /** Everything {@link #status} shows, and the data: replaced at once, never changed in place. */
        private record State<T>(Optional<T> data, Optional<LocalDate> date, long entries, long unreadableLines, Optional<String> error,
                Optional<Instant> checkedAt) {}

        private final String kind;
        private final String name;
        private volatile State<T> state = new State<>(Optional.empty(), Optional.empty(), 0, -1, Optional.empty(), Optional.empty());
        private Optional<String> version = Optional.empty();
        private Optional<ListFetcher.Version> fetchedVersion = Optional.empty();

        Slot(String kind, String name) {
            this.kind = kind;
            this.name = name;
        }

        Optional<T> data() {
            return state.data();
        }

        /** How many entries the data in use holds; empty when none is loaded. */
        OptionalLong entriesInUse() {
            State<T> now = state;
            return now.data().isPresent() ? OptionalLong.of(now.entries()) : OptionalLong.empty();
        }

        /** Loads when {@code current} differs from the loaded version; an empty {@code current} means the source is off. */
        void refresh(InstantSource clock, Optional<String> current, Loader<T> loader) {
            Optional<Instant> checked = Optional.of(clock.instant());
            if (current.isEmpty() || current.equals(version) && state.error().isEmpty()) {
                State<T> now = state;
                state = new State<>(now.data(), now.date(), now.entries(), now.unreadableLines(), now.error(), checked);
                return;
            }
            try {
                Loaded<T> loaded = loader.load();
                accept(loaded, checked);
                version = current;
            }
            catch (IOException | RuntimeException | OutOfMemoryError e) {
                fail(e, checked);
            }
        }

        /** Fetches and loads; the check counts as made when it ends, so a list never fetched yet shows as pending. */
        void refreshFetched(InstantSource clock, FetchStep fetch, FetchedLoader<T> loader) {
            Optional<Instant> started = Optional.of(clock.instant());
            try {
                Optional<ListFetcher.Fetched> fetched = fetch.fetch(state.error().isEmpty() ? fetchedVersion : Optional.empty());
                if (fetched.isEmpty()) {
                    State<T> now = state;
                    state = new State<>(now.data(), now.date(), now.entries(), now.unreadableLines(), now.error(), started);
                    return;
                }
                accept(loader.load(fetched.get()), started);
                fetchedVersion = Optional.of(fetched.get().version());
            }
            catch (IOException | RuntimeException | OutOfMemoryError e) {
                fail(e, started);
            }
        }

        private void accept(Loaded<T> loaded, Optional<Instant> checked) {
            state = new State<>(Optional.of(loaded.data()), loaded.date(), loaded.entries(), loaded.unreadableLines(), loaded.problem(), checked);
            loaded.problem().ifPresent(problem -> LOG.warn("IP intelligence: {} {}: {}", kind, name, problem));
            // A MaxMind-format database does not say how many networks it holds: no count then, as at /readyz.
            LOG.info("IP intelligence: loaded {} {} (data date {}{}{})", kind, name, loaded.date().map(LocalDate::toString).orElse("unknown"),
                    loaded.entries() < 0 ? "" : ", " + loaded.entries() + " entries",
                    loaded.unreadableLines() > 0 ? ", " + loaded.unreadableLines() + " unreadable lines skipped" : "");
        }

        /**
         * Records a failed load. An OutOfMemoryError is one too: the half-built data is garbage once we
         * return, and the other sources still deserve their reload (and /readyz an explanation).
         */
        private void fail(Throwable e, Optional<Instant> checked) {
            String message = e instanceof OutOfMemoryError ? "out of memory while loading (" + e.getMessage() + ")"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            State<T> now = state;
            state = new State<>(now.data(), now.date(), now.entries(), now.unreadableLines(), Optional.of(message), checked);
            LOG.warn("IP intelligence: cannot load {} {}: {}{}", kind, name, message, now.data().isPresent() ? " (keeping the previous data)" : "");
        }

        SourceStatus status() {
            return status(data -> Optional.empty());
        }

        /** The status with what is wrong in the data in use (asked of the data the status shows) beside the last load's error. */
        SourceStatus status(java.util.function.Function<T, Optional<String>> problemOf) {
            State<T> now = state;
            Optional<String> dataProblem = now.data().flatMap(problemOf);
            Optional<String> shown = dataProblem.isEmpty() ? now.error() : now.error().map(e -> e + "; " + dataProblem.get()).or(() -> dataProblem);
            return new SourceStatus(kind, name, now.data().isPresent(), now.date(), now.entries(), now.unreadableLines(), shown, now.checkedAt());
        }
    }
}

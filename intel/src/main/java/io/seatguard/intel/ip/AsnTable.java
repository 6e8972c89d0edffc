package io.seatguard.intel.ip;

import io.seatguard.core.intel.AsnInfo;
import io.seatguard.core.intel.LineNumbers;
import io.seatguard.core.intel.SourceRef;
import io.seatguard.core.net.AddressKey;
import io.seatguard.core.net.IpAddresses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Address ranges to autonomous systems, from ip-location-db's {@code asn} CSV files
 * ({@code range_start,range_end,asn,"organisation"}; RouteViews, the five RIRs and DB-IP, CC BY 4.0).
 * Each family is held as sorted parallel arrays (~515k ranges in all) searched by binary search, with
 * each organisation name stored once.
 */
public final class AsnTable {
    private final Family v4;
    private final Family v6;
    private final String[] organizations;
    private final SourceRef source;

    private AsnTable(Family v4, Family v6, String[] organizations, SourceRef source) {
        this.v4 = v4;
        this.v6 = v6;
        this.organizations = organizations;
        this.source = source;
    }

    /**
     * The table and the lines skipped as unreadable, {@code unreadable} numbering them file by file (only
     * the files that had some), for the caller to log where they are.
     */
    public record Loaded(AsnTable table, int skippedLines, List<UnreadableLines> unreadable) {
        public Loaded {
            unreadable = List.copyOf(unreadable);
        }
    }

    /** A file's unreadable lines, numbered as an editor shows them (comment and blank lines count). */
    public record UnreadableLines(Path file, LineNumbers lines) {}

    /**
     * Reads the files, past a byte-order mark and whole-line {@code #} comments; unreadable rows are counted and skipped, an unreadable file fails with its name, and
     * so does one with no readable row or more unreadable rows than readable ones (see {@link ReadableRows}):
     * an empty or damaged download must not replace the table with nothing.
     */
    public static Loaded load(SourceRef source, List<Path> files) throws IOException {
        List<Row> v4 = new ArrayList<>();
        List<Row> v6 = new ArrayList<>();
        Map<String, Integer> orgIndex = new HashMap<>();
        List<String> orgs = new ArrayList<>();
        int skipped = 0;
        List<UnreadableLines> unreadable = new ArrayList<>();
        for (Path file : files) {
            int readInFile = 0;
            LineNumbers.Counter skippedInFile = new LineNumbers.Counter();
            int number = 0;
            // Malformed UTF-8 (an organisation name in Latin-1) is replaced, spoiling that name only:
            // Files.newBufferedReader threw on it and lost the whole table.
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
                String line;
                boolean first = true;
                while ((line = reader.readLine()) != null) {
                    number++;
                    // A byte-order mark (a file saved by Windows Notepad) stuck to the first row's address, and a
                    // comment line counted as an unreadable row: a file of one commented correction was refused
                    // as half unreadable. Only whole-line comments: a '#' in a row may be its organisation's.
                    if (first && line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                    first = false;
                    if (line.strip().startsWith("#")) {
                        continue;
                    }
                    Optional<Row> row = parse(line, orgIndex, orgs);
                    if (row.isPresent()) {
                        (row.get().v4 ? v4 : v6).add(row.get());
                        readInFile++;
                    }
                    else if (!line.isBlank()) {
                        skippedInFile.add(number);
                    }
                }
            }
            catch (IOException e) {
                throw new IOException("cannot read " + file + ": " + IoFailure.describe(e), e);
            }
            LineNumbers lines = skippedInFile.counted();
            ReadableRows.require(file.toString(), "ASN range", readInFile, lines.count());
            skipped += lines.count();
            if (lines.count() > 0) {
                unreadable.add(new UnreadableLines(file, lines));
            }
        }
        return new Loaded(new AsnTable(Family.of(v4), Family.of(v6), orgs.toArray(String[]::new), source), skipped, unreadable);
    }

    public SourceRef source() {
        return source;
    }

    public int size() {
        return v4.asn.length + v6.asn.length;
    }

    public Optional<AsnInfo> lookup(InetAddress address) {
        byte[] bytes = address.getAddress();
        Family family = bytes.length == 4 ? v4 : v6;
        int found = family.find(AddressKey.high(bytes), AddressKey.low(bytes));
        if (found < 0) {
            return Optional.empty();
        }
        String org = organizations[family.organization[found]];
        return Optional.of(new AsnInfo(Integer.toUnsignedLong(family.asn[found]), org.isEmpty() ? Optional.empty() : Optional.of(org), source));
    }

    private record Row(boolean v4, long sh, long sl, long eh, long el, long asn, int org) {}

    private static Optional<Row> parse(String line, Map<String, Integer> orgIndex, List<String> orgs) {
        int first = line.indexOf(',');
        int second = first < 0 ? -1 : line.indexOf(',', first + 1);
        int third = second < 0 ? -1 : line.indexOf(',', second + 1);
        if (third < 0) {
            return Optional.empty();
        }
        Optional<InetAddress> start = IpAddresses.parse(line.substring(0, first).strip());
        Optional<InetAddress> end = IpAddresses.parse(line.substring(first + 1, second).strip());
        long number;
        try {
            number = Long.parseLong(line.substring(second + 1, third).strip());
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (start.isEmpty() || end.isEmpty() || (start.get() instanceof Inet4Address) != (end.get() instanceof Inet4Address)
                || number < 0 || number > 0xFFFF_FFFFL) {
            return Optional.empty();
        }
        String name = unquote(line.substring(third + 1).strip());
        Integer index = orgIndex.get(name);
        if (index == null) {
            index = orgs.size();
            orgs.add(name);
            orgIndex.put(name, index);
        }
        byte[] s = start.get().getAddress();
        byte[] e = end.get().getAddress();
        if (AddressKey.compare(AddressKey.high(s), AddressKey.low(s), AddressKey.high(e), AddressKey.low(e)) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Row(s.length == 4, AddressKey.high(s), AddressKey.low(s), AddressKey.high(e), AddressKey.low(e), number, index));
    }

    /**
     * One family's ranges, sorted by start (the wider first of two that start together). Ranges may
     * overlap: ip-location-db's have a few partial overlaps, and an operator's file of corrections beside
     * it nests ranges inside the installed ones. An address takes the range that starts nearest below it
     * among those holding it, so a range inside another wins inside it and the outer one answers around
     * it. {@code wider[i]} is the nearest range before {@code i} that ends after it (-1 when none does):
     * when the range starting nearest below an address ends before the address, the ranges between it and
     * its {@code wider} end even sooner, so the search steps from range to {@code wider} range, each
     * ending later, until one holds the address or none is left (a step for each range nested around it).
     */
    private record Family(long[] startHigh, long[] startLow, long[] endHigh, long[] endLow, int[] asn, int[] organization, int[] wider) {
        static Family of(List<Row> rows) {
            rows.sort((a, b) -> {
                int byStart = AddressKey.compare(a.sh, a.sl, b.sh, b.sl);
                return byStart != 0 ? byStart : AddressKey.compare(b.eh, b.el, a.eh, a.el);
            });
            int n = rows.size();
            long[] sh = new long[n], sl = new long[n], eh = new long[n], el = new long[n];
            int[] asn = new int[n], org = new int[n], wider = new int[n];
            for (int i = 0; i < n; i++) {
                Row r = rows.get(i);
                sh[i] = r.sh;
                sl[i] = r.sl;
                eh[i] = r.eh;
                el[i] = r.el;
                asn[i] = (int) r.asn;
                org[i] = r.org;
                int before = i - 1;
                while (before >= 0 && AddressKey.compare(eh[before], el[before], eh[i], el[i]) <= 0) {
                    before = wider[before];
                }
                wider[i] = before;
            }
            return new Family(sh, sl, eh, el, asn, org, wider);
        }

        /** The index of the range holding the address, or -1. */
        int find(long h, long l) {
            int lo = 0, hi = asn.length - 1, found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (AddressKey.compare(startHigh[mid], startLow[mid], h, l) <= 0) {
                    found = mid;
                    lo = mid + 1;
                }
                else {
                    hi = mid - 1;
                }
            }
            while (found >= 0 && AddressKey.compare(h, l, endHigh[found], endLow[found]) > 0) {
                found = wider[found];
            }
            return found;
        }
    }

    private static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }




}

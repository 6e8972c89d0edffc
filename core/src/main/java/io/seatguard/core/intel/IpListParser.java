package io.seatguard.core.intel;

import io.seatguard.core.net.Cidr;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.net.IpRangeSet;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the address lists operators feed us (Tor exits, VPN, cloud and relay ranges) in the shapes the
 * public sources publish them, without being told which:
 *
 * <ul>
 *   <li>one address or CIDR per line ({@code check.torproject.org/torbulkexitlist}, X4BNet
 *       {@code output/vpn/ipv4.txt}, lord-alfred {@code ipv4_merged.txt}, AWS-style text dumps);
 *   <li>CSV rows with the address in any field (Onionoo-derived {@code latest.exits.csv}: fingerprint,
 *       ipaddr, port; Apple's {@code egress-ip-ranges.csv}: prefix, country, region, city);
 *   <li>start and end addresses, as two fields or joined by {@code -} (client9/ipcat's
 *       {@code datacenters.csv}: start, end, name, url); an IPv4 network and its netmask as two fields
 *       ({@code 198.51.100.0 255.255.255.0}) are that network;
 *   <li>{@code #} and {@code ;} comments, blank lines, headers and a byte-order mark are skipped.
 * </ul>
 *
 * A line with nothing readable is counted, not fatal: one bad row in a 40,000-line list must not
 * throw away the other rows. A row wider than an IPv4 /8 or an IPv6 /16 ({@link #WIDEST_V4_PREFIX}) is
 * counted so too, and its line number kept for the caller to log. Pure: text in, ranges out.
 */
public final class IpListParser {
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("[,;\\s]+");
    /** A quoted field of two address-like words joined by a dash with spaces round it. */
    private static final Pattern QUOTED_RANGE = Pattern.compile("\"\\s*([0-9A-Fa-f.:]+)\\s*-\\s*([0-9A-Fa-f.:]+)\\s*\"");

    /**
     * The widest row a list may hold, as a prefix: an IPv4 /8 (16.7 million addresses) is the largest
     * block any one holder was ever given at once (the legacy class A networks), and an IPv6 /16 is
     * 65,536 /32s, a regional registry's scale, not a network's. No VPN, Tor, hosting or relay
     * list holds a wider row, while {@code 0.0.0.0/0}, {@code ::/0}, {@code ::ffff:0:0/96} or a range
     * ending in the wrong row flags every client or a large share of them: an operator's mistake or a
     * damaged file, refused rather than loaded.
     */
    static final int WIDEST_V4_PREFIX = 8;
    /** See {@link #WIDEST_V4_PREFIX}. */
    static final int WIDEST_V6_PREFIX = 16;
    /** The too-wide rows' line numbers kept for the log: the count says how many there were. */
    static final int TOO_WIDE_LINES_KEPT = LineNumbers.KEPT;

    private enum Row { READ, UNREADABLE, TOO_WIDE }

    private IpListParser() {}

    /**
     * What was read. {@code opening} is the first character of the text's content (past a byte-order
     * mark, blanks and comments), empty when there is none: {@code <} for a web page served in a list's
     * place, {@code {} or {@code [} for JSON, whose structure lines outnumber its addresses.
     * {@code json} says the text is JSON: it opens with {@code {} or {@code [} on a line that is no row, for
     * a list's first row may be a bracketed IPv6 address ({@code [2001:db8::1]:9001}), whose list is text.
     * {@code tooWide} counts the rows refused as too wide (they are among {@code skippedLines}), and
     * {@code tooWideLines} holds the first {@value #TOO_WIDE_LINES_KEPT} of their line numbers, from 1.
     * {@code header} says the first line is a CSV header ({@link #isHeader}), among {@code skippedLines}.
     * {@code unreadable} numbers the lines {@link #unreadableLines} counts (all skipped lines but a header;
     * for JSON they are its structure), for the caller to log where they are.
     */
    public record Parsed(IpRangeSet ranges, int entries, int skippedLines, Optional<Character> opening, boolean json, int tooWide,
            List<Integer> tooWideLines, boolean header, LineNumbers unreadable) {
        public Parsed {
            java.util.Objects.requireNonNull(opening, "opening is null");
            java.util.Objects.requireNonNull(unreadable, "unreadable is null");
            tooWideLines = List.copyOf(tooWideLines);
        }

        /**
         * The unreadable lines an operator is shown: the skipped ones but a header, which a clean list such
         * as the Tor exits' {@code latest.exits.csv} has for good. Whether a text is a list at all
         * ({@code ReadableRows}) still counts the header: "Rate limit exceeded." above one address is no list.
         */
        public int unreadableLines() {
            return skippedLines - (header ? 1 : 0);
        }
    }

    /**
     * Whether the text's first content line, which held no row, is a header naming columns
     * ({@code fingerprint, ipaddr, port}, {@code ASN,Entity}): no digit at all, so no address or number
     * mistyped.
     */
    public static boolean isHeader(String firstContent) {
        return firstContent.chars().noneMatch(Character::isDigit);
    }

    public static Parsed parse(CharSequence text) {
        return parse(text.toString().lines());
    }

    /**
     * Reads the lines as they come, so a caller streaming a large list from a file or a download holds
     * one line at a time rather than the whole text and an array of its lines.
     */
    public static Parsed parse(Stream<String> lines) {
        IpRangeSet.Builder ranges = IpRangeSet.builder();
        int entries = 0;
        int skipped = 0;
        Optional<Character> opening = Optional.empty();
        boolean json = false;
        boolean header = false;
        int tooWide = 0;
        List<Integer> tooWideLines = new ArrayList<>();
        LineNumbers.Counter unreadable = new LineNumbers.Counter();
        int number = 0;
        for (String line : (Iterable<String>) lines::iterator) {
            number++;
            String content = stripComment(line).strip();
            if (content.isEmpty()) {
                continue;
            }
            Row row = addFirstRange(content, ranges);
            boolean headerLine = false;
            if (opening.isEmpty()) {
                opening = Optional.of(content.charAt(0));
                json = (content.charAt(0) == '{' || content.charAt(0) == '[') && row != Row.READ;
                header = !json && row == Row.UNREADABLE && isHeader(content);
                headerLine = header;
            }
            if (row == Row.READ) {
                entries++;
                continue;
            }
            skipped++;
            if (!headerLine) {
                unreadable.add(number);
            }
            if (row == Row.TOO_WIDE && tooWide++ < TOO_WIDE_LINES_KEPT) {
                tooWideLines.add(number);
            }
        }
        return new Parsed(ranges.build(), entries, skipped, opening, json, tooWide, tooWideLines, header, unreadable.counted());
    }

    /**
     * Adds the row's first address or CIDR, or the range from a bare address to the one directly after it
     * ({@code 1.0.0.0,1.0.0.255}, {@code 1.0.0.0-1.0.0.255}, {@code 1.0.0.0 - 1.0.0.255}), as start–end
     * lists are written (client9/ipcat's {@code datacenters.csv}): read as the start alone, such a list
     * loaded whole-looking and held one address per range. The end must be of the start's family and not
     * below it. Joined by a dash, a pair that is no range refuses the row (the dash says it is one, so the
     * start alone would be a guess); as two fields, the start stands alone (two addresses in a row may be
     * two columns, not a range). What became of the row.
     */
    private static Row addFirstRange(String content, IpRangeSet.Builder ranges) {
        // A quoted range with spaces round its dash ("1.0.0.0 - 1.0.0.255", a CSV writer that quotes every
        // field) was split at the spaces into pieces each holding a quote, none an address: joined first.
        String[] fields = FIELD_SEPARATOR.split(QUOTED_RANGE.matcher(content).replaceAll("$1-$2"));
        for (int i = 0; i < fields.length; i++) {
            String token = token(fields[i]);
            int dash = token.indexOf('-');
            if (dash > 0 && dash == token.lastIndexOf('-')) {
                Optional<InetAddress> start = IpAddresses.parse(token.substring(0, dash));
                Optional<InetAddress> end = IpAddresses.parse(token.substring(dash + 1));
                if (start.isPresent() && end.isPresent()) {
                    if (!inOrder(start.get(), end.get())) {
                        // A dash says "range": one backwards or across families is a typo or damage, and
                        // its start alone would be a guess loaded in silence. Counted unreadable instead.
                        return Row.UNREADABLE;
                    }
                    return add(start.get(), end.get(), ranges);
                }
            }
            if (token.indexOf('.') < 0 && token.indexOf(':') < 0) {
                continue;
            }
            Optional<Cidr> cidr = Cidr.parse(token);
            if (cidr.isEmpty()) {
                continue;
            }
            Optional<InetAddress> start = token.indexOf('/') < 0 ? IpAddresses.parse(token) : Optional.empty();
            boolean dashed = i + 1 < fields.length && token(fields[i + 1]).equals("-");
            int next = dashed ? i + 2 : i + 1;
            Optional<InetAddress> end = start.isPresent() && next < fields.length ? IpAddresses.parse(token(fields[next])) : Optional.empty();
            if (dashed && end.isPresent() && !inOrder(start.get(), end.get())) {
                return Row.UNREADABLE; // "a - b" backwards: refused as "a-b" is, above
            }
            // A netmask only as a second field: "a - b" says it is a range, as "a-b" does.
            Optional<Cidr> masked = dashed ? Optional.empty() : end.flatMap(mask -> network(start.get(), mask));
            if (masked.isPresent()) {
                return add(masked.get(), ranges);
            }
            if (end.isPresent() && inOrder(start.get(), end.get())) {
                return add(start.get(), end.get(), ranges);
            }
            return add(cidr.get(), ranges);
        }
        return Row.UNREADABLE;
    }

    private static Row add(Cidr cidr, IpRangeSet.Builder ranges) {
        if (cidr.prefixLength() < (cidr.network().length == 4 ? WIDEST_V4_PREFIX : WIDEST_V6_PREFIX)) {
            return Row.TOO_WIDE;
        }
        ranges.add(cidr);
        return Row.READ;
    }

    /** {@code first} and {@code last} in order, of one family: too wide past as many addresses as the widest prefix holds. */
    private static Row add(InetAddress first, InetAddress last, IpRangeSet.Builder ranges) {
        byte[] f = first.getAddress();
        BigInteger size = new BigInteger(1, last.getAddress()).subtract(new BigInteger(1, f)).add(BigInteger.ONE);
        int widest = f.length == 4 ? WIDEST_V4_PREFIX : WIDEST_V6_PREFIX;
        if (size.compareTo(BigInteger.ONE.shiftLeft(f.length * 8 - widest)) > 0) {
            return Row.TOO_WIDE;
        }
        ranges.add(first, last);
        return Row.READ;
    }

    /** A field as an address is read from it: unquoted, brackets taken off. */
    private static String token(String field) {
        String token = unquote(field);
        if (token.startsWith("[") && token.contains("]")) {
            token = token.substring(1, token.indexOf(']'));
        }
        return token;
    }

    /**
     * The network an IPv4 address and a netmask after it name ({@code 198.51.100.0 255.255.255.0}, as ACLs,
     * PAC files and firewall exports write networks), when {@code mask} is one (leading ones, then zeros)
     * and the address lies on it. Read as a start and an end, the pair was a range from the network to the
     * mask, most of IPv4. Only for two fields: {@code a-b} says it is a range.
     */
    private static Optional<Cidr> network(InetAddress address, InetAddress mask) {
        byte[] a = address.getAddress();
        byte[] m = mask.getAddress();
        if (a.length != 4 || m.length != 4) {
            return Optional.empty();
        }
        int bits = java.nio.ByteBuffer.wrap(m).getInt();
        int prefix = Integer.bitCount(bits);
        boolean contiguous = bits != 0 && Integer.numberOfTrailingZeros(bits) == 32 - prefix;
        if (!contiguous || (java.nio.ByteBuffer.wrap(a).getInt() & ~bits) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(a, prefix));
    }

    /** Whether {@code start} and {@code end} are of one family, {@code end} not below {@code start}. */
    private static boolean inOrder(InetAddress start, InetAddress end) {
        byte[] s = start.getAddress();
        byte[] e = end.getAddress();
        return s.length == e.length && java.util.Arrays.compareUnsigned(s, e) <= 0;
    }

    static String stripComment(String line) {
        String content = line.startsWith("\uFEFF") ? line.substring(1) : line;
        int hash = content.indexOf('#');
        if (hash >= 0) {
            content = content.substring(0, hash);
        }
        return content.startsWith(";") ? "" : content;
    }

    private static String unquote(String field) {
        String token = field.strip();
        if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
            token = token.substring(1, token.length() - 1);
        }
        return token;
    }
}

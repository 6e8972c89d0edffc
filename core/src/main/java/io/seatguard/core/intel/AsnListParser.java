package io.seatguard.core.intel;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads lists of autonomous system numbers: {@code AS9009 # M247, GB} (X4BNet), {@code 198375,"INULOGIC
 * SARL, FR"} or {@code "52321","name"} (brianhama), or a bare number per line. The number is the first field; headers and comments
 * are skipped. Pure: text in, numbers out.
 */
public final class AsnListParser {
    /**
     * The number must be the whole first field: followed by the line's end, a blank, a separator
     * ({@code , ; |}) or a quote. A word boundary let an address list given as an ASN file read each
     * line's first octet as an ASN ({@code 174.138.0.0/17} as AS174, Cogent), every line readable.
     */
    private static final Pattern LEADING_ASN = Pattern.compile("^\"?(?:AS)?(\\d{1,10})(?=$|[\\s,;|\"])", Pattern.CASE_INSENSITIVE);

    private AsnListParser() {}

    /**
     * {@code entries} counts the lines that held a number, repeats included: {@code asns} holds each once.
     * {@code header} says the first line is a header ({@link IpListParser#isHeader}), among {@code skippedLines}.
     */
    public record Parsed(Set<Long> asns, int entries, int skippedLines, boolean header) {
        /** The unreadable lines an operator is shown: a header is not one (see {@link IpListParser.Parsed#unreadableLines}). */
        public int unreadableLines() {
            return skippedLines - (header ? 1 : 0);
        }
    }

    public static Parsed parse(CharSequence text) {
        return parse(text.toString().lines());
    }

    /** Reads the lines as they come (see {@link IpListParser#parse(Stream)}). */
    public static Parsed parse(Stream<String> lines) {
        Set<Long> asns = new HashSet<>();
        int entries = 0;
        int skipped = 0;
        boolean first = true;
        boolean header = false;
        for (String line : (Iterable<String>) lines::iterator) {
            String content = IpListParser.stripComment(line).strip();
            if (content.isEmpty()) {
                continue;
            }
            Matcher matcher = LEADING_ASN.matcher(content);
            long number = matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
            if (number >= 0 && number <= 0xFFFF_FFFFL) {
                asns.add(number);
                entries++;
            }
            else {
                skipped++;
                header = header || first && IpListParser.isHeader(content);
            }
            first = false;
        }
        return new Parsed(Set.copyOf(asns), entries, skipped, header);
    }
}

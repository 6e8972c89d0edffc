package io.seatguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link IpAddresses#parse} reads IPv4 by hand since the ASN table's million addresses made its regular
 * expression and the JDK's parser most of a start, and IPv6 by hand since the JDK was found to take text
 * outside the standard grammar ({@link Ipv6Literals}): it must take and refuse exactly what the grammar it
 * replaced did, less those two laxities. That grammar is kept here as the reference (RFC 3986's dotted
 * quad as a regular expression, then the JDK, then the two laxities as regular expressions), and both
 * read the same texts: every octet value in every position, texts near the grammar's edges, and random
 * texts of the characters that matter.
 */
class IpAddressesAsBeforeTest {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    /** The JDK's laxities in IPv6 text: a piece of five or more hex digits, an embedded octet with a leading zero. */
    private static final Pattern LONG_PIECE = Pattern.compile("(^|:)[0-9A-Fa-f]{5,}(:|$|\\.)");
    private static final Pattern LEADING_ZERO_OCTET = Pattern.compile("(^|[:.])0\\d[0-9.]*$");
    private static final String ALPHABET = "0123456789..::aAfFgx -+%[]/\u0660\uff11";

    /** The parser before: a literal in this grammar, read by the JDK (which looks nothing up for these). */
    private static Optional<InetAddress> before(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        try {
            if (IPV4.matcher(text).matches()) {
                return Optional.of(InetAddress.getByName(text));
            }
            if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches() && !LONG_PIECE.matcher(text).find()
                    && !(text.indexOf('.') >= 0 && LEADING_ZERO_OCTET.matcher(text).find())) {
                return Optional.of(InetAddress.getByName(text));
            }
        }
        catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Test
    void everyOctetInEveryPositionReadsAsBefore() {
        String[] octets = new String[300];
        for (int i = 0; i < 260; i++) {
            octets[i] = Integer.toString(i);
        }
        String[] odd = {"00", "01", "09", "000", "001", "010", "099", "0255", "1000", "", "+1", "-1", " 1", "1 ", "a", "1a", "25a", "２"};
        System.arraycopy(odd, 0, octets, 260, odd.length);
        int checked = 0;
        for (String octet : octets) {
            if (octet == null) {
                continue;
            }
            for (int position = 0; position < 4; position++) {
                String[] parts = {"192", "0", "2", "1"};
                parts[position] = octet;
                String text = String.join(".", parts);
                assertThat(IpAddresses.parse(text)).as(text).isEqualTo(before(text));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4 * (260 + odd.length));
        assertThat(IpAddresses.parse("255.255.255.255")).isPresent();
        assertThat(IpAddresses.parse("0.0.0.0")).isPresent();
    }

    @Test
    void textsAtTheGrammarsEdgesReadAsBefore() {
        String[] texts = {"1.2.3", "1.2.3.4.", ".1.2.3.4", "1..2.3.4", "1.2.3.4.5", "1.2.3.4 ", "1.2.3.4\n", "1.2.3.4:80", "1.2.3.４",
                "0.0.0.0", "00.0.0.0", "255.255.255.255", "255.255.255.256", "1.1.1.1111", "111.111.111.111", "1111.1.1.1", "::1", "::",
                "::ffff:1.2.3.4", "::ffff:01.2.3.4", "::ffff:1.2.3.04", "00000::1", "::0000a", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:8::", "1::", "2001:db8::1", "2001:DB8::A", ".::", ":", "a:", "g::1", "1.2.3.4::", "[::1]",
                "fe80::1%1", "0:0:0:0:0:0:0:1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4", "1." + "1".repeat(44)};
        for (String text : texts) {
            assertThat(IpAddresses.parse(text)).as(text).isEqualTo(before(text));
        }
    }

    @Test
    void randomTextsReadAsBefore() {
        SplittableRandom random = new SplittableRandom(20261207);
        int present = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = i % 2 == 0 ? randomText(random) : randomQuad(random);
            Optional<InetAddress> expected = before(text);
            assertThat(IpAddresses.parse(text)).as(text).isEqualTo(expected);
            if (expected.isPresent()) {
                present++;
            }
        }
        // Both sides of the grammar were met, not only refusals.
        assertThat(present).isBetween(10_000, 190_000);
    }

    private static String randomText(SplittableRandom random) {
        int length = random.nextInt(0, 20);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** Four numbers, now and then with a leading zero, out of range, or a dot too few or too many. */
    private static String randomQuad(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int octets = random.nextInt(10) == 0 ? random.nextInt(2, 6) : 4;
        for (int i = 0; i < octets; i++) {
            if (i > 0) {
                text.append('.');
            }
            int value = random.nextInt(10) == 0 ? random.nextInt(0, 1000) : random.nextInt(0, 256);
            if (random.nextInt(20) == 0) {
                text.append('0');
            }
            text.append(value);
        }
        return text.toString();
    }
}

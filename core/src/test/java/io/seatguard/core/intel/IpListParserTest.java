package io.seatguard.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.net.IpAddresses;
import org.junit.jupiter.api.Test;

/** Each shape the public lists come in, with the rows that must be skipped rather than fail the list. */
class IpListParserTest {
    private static boolean holds(IpListParser.Parsed parsed, String ip) {
        return parsed.ranges().contains(IpAddresses.parse(ip).orElseThrow());
    }

    @Test
    void readsOneAddressOrCidrPerLineWithCommentsAndBlankLines() {
        IpListParser.Parsed parsed = IpListParser.parse("\uFEFF# Tor exits\n185.220.101.1\n\n  2.26.157.0/24  # a VPN block\n2a02:26f7:b00a:4000::/64\r\n; old style comment\n");
        assertThat(parsed.entries()).isEqualTo(3);
        assertThat(parsed.skippedLines()).isZero();
        assertThat(holds(parsed, "185.220.101.1")).isTrue();
        assertThat(holds(parsed, "185.220.101.2")).isFalse();
        assertThat(holds(parsed, "2.26.157.255")).isTrue();
        assertThat(holds(parsed, "2a02:26f7:b00a:4000::1")).isTrue();
    }

    @Test
    void findsTheAddressInCsvRowsAndSkipsTheHeader() {
        IpListParser.Parsed onionoo = IpListParser.parse("""
                fingerprint, ipaddr, port
                0008D9640FE4947F73E355F67E20C2D290BBC72C, 204.8.96.141, 444
                0008D9640FE4947F73E355F67E20C2D290BBC72C, 2620:7:6003::141, 81
                """);
        assertThat(onionoo.entries()).isEqualTo(2);
        assertThat(onionoo.skippedLines()).isEqualTo(1);
        assertThat(holds(onionoo, "204.8.96.141")).isTrue();
        assertThat(holds(onionoo, "2620:7:6003::141")).isTrue();

        IpListParser.Parsed apple = IpListParser.parse("172.224.226.0/27,GB,GB-EN,London,\n\"[2a02:26f7:b3c0:4000::]\",US,US-CA,\n");
        assertThat(holds(apple, "172.224.226.31")).isTrue();
        assertThat(holds(apple, "172.224.226.32")).isFalse();
        assertThat(holds(apple, "2a02:26f7:b3c0:4000::")).isTrue();
    }

    /**
     * Review finding: a list of start and end addresses (client9/ipcat's {@code datacenters.csv}, a hosting
     * list: {@code 1.0.0.0,1.0.0.255,Cloudflare,https://…}; ranges written {@code 1.0.0.0-1.0.0.255} or
     * {@code 1.0.0.0 - 1.0.0.255}) was read as its start addresses alone: every row counted, /readyz said ok,
     * and 1.0.0.1 was no hosting address. A bare address directly followed by another of its family, not
     * below it, is the range between them; an end below its start, or an address after a CIDR, is no end.
     */
    @Test
    void readsStartAndEndAddressRowsAsTheRangeBetweenThem() {
        IpListParser.Parsed parsed = IpListParser.parse("""
                start,end,name,url
                1.0.0.0,1.0.0.255,Cloudflare,https://www.cloudflare.com
                2001:db8::,2001:db8::ffff,Example v6,https://example.net
                5.0.0.0-5.0.0.15
                6.0.0.0 - 6.0.0.15
                7.0.0.9,7.0.0.1,backwards
                8.0.0.0/30,8.0.0.100
                9.0.0.1,2001:db8:1::1
                """);
        assertThat(parsed.entries()).isEqualTo(7);
        assertThat(parsed.skippedLines()).isEqualTo(1);
        assertThat(holds(parsed, "1.0.0.1")).isTrue();
        assertThat(holds(parsed, "1.0.0.255")).isTrue();
        assertThat(holds(parsed, "1.0.1.0")).isFalse();
        assertThat(holds(parsed, "2001:db8::abcd")).isTrue();
        assertThat(holds(parsed, "2001:db8::1:0")).isFalse();
        assertThat(holds(parsed, "5.0.0.15")).isTrue();
        assertThat(holds(parsed, "5.0.0.16")).isFalse();
        assertThat(holds(parsed, "6.0.0.7")).isTrue();
        assertThat(holds(parsed, "7.0.0.9")).isTrue();
        assertThat(holds(parsed, "7.0.0.5")).as("an end below its start is no end").isFalse();
        assertThat(holds(parsed, "8.0.0.3")).isTrue();
        assertThat(holds(parsed, "8.0.0.50")).as("an address after a CIDR is no end").isFalse();
        assertThat(holds(parsed, "9.0.0.1")).isTrue();
        assertThat(holds(parsed, "2001:db8:1::1")).as("another family is no end").isFalse();
    }

    /**
     * Review finding: a list written as network and netmask ({@code 198.51.100.0 255.255.255.0}, as Cisco
     * ACLs, PAC files and many firewall exports write networks; {@code 203.0.113.7 255.255.255.255} for one
     * host) read as the range from the network to its mask: 198.51.100.0–255.255.255.0 held most of IPv4,
     * and every client above it was flagged. Before start–end rows, each was its network address alone. An
     * address followed by a netmask it lies on is that network; a range written with {@code -} is a range.
     */
    @Test
    void readsAnAddressAndItsNetmaskAsThatNetworkNotAsARangeToTheMask() {
        IpListParser.Parsed parsed = IpListParser.parse("""
                198.51.100.0 255.255.255.0
                203.0.113.7,255.255.255.255
                192.0.2.0	255.255.255.128
                255.0.0.0-255.255.255.255
                """);
        assertThat(parsed.entries()).isEqualTo(4);
        assertThat(holds(parsed, "198.51.100.200")).isTrue();
        assertThat(holds(parsed, "198.51.101.1")).as("past the /24").isFalse();
        assertThat(holds(parsed, "203.0.113.7")).isTrue();
        assertThat(holds(parsed, "203.0.113.8")).as("a host mask is one address").isFalse();
        assertThat(holds(parsed, "192.0.2.127")).isTrue();
        assertThat(holds(parsed, "192.0.2.128")).isFalse();
        assertThat(holds(parsed, "8.8.8.8")).isFalse();
        assertThat(holds(parsed, "230.0.0.1")).isFalse();
        assertThat(holds(parsed, "255.1.2.3")).as("a dash range to 255.255.255.255 is a range").isTrue();
    }

    /**
     * Review finding: a range in a quoted field with spaces round its dash ({@code "1.0.0.0 - 1.0.0.255"},
     * a WHOIS inetnum column in a CSV whose writer quotes every field) was split at the spaces into
     * {@code "1.0.0.0}, {@code -} and {@code 1.0.0.255"}, none an address: the row was unreadable, while the
     * same range unquoted, or quoted without spaces, was read.
     */
    @Test
    void readsARangeInAQuotedFieldWithSpacesRoundItsDash() {
        IpListParser.Parsed parsed = IpListParser.parse("""
                "inetnum","netname"
                "1.0.0.0 - 1.0.0.255","APNIC-LABS"
                "2001:db8:: - 2001:db8::ff","EXAMPLE-V6"
                """);
        assertThat(parsed.entries()).isEqualTo(2);
        assertThat(holds(parsed, "1.0.0.77")).isTrue();
        assertThat(holds(parsed, "1.0.1.0")).isFalse();
        assertThat(holds(parsed, "2001:db8::80")).isTrue();
    }

    /**
     * Review finding: the docs said a reversed range leaves the row's first address standing alone, true
     * of {@code a,b} but not of {@code a-b}, which was unreadable, while {@code a - b} kept its start. A
     * dash says the row is a range: one backwards, or across families, is a typo or damage, refused and
     * counted unreadable however the dash is spaced. Two fields are not said to be a range, so the first
     * address of a backwards pair stands alone. A netmask after a dash is a range's end, not a mask.
     */
    @Test
    void aBackwardsRangeWrittenWithADashIsUnreadableAndTwoFieldsKeepTheirFirstAddress() {
        IpListParser.Parsed parsed = IpListParser.parse("""
                7.0.0.9-7.0.0.1
                7.0.1.9 - 7.0.1.1
                "7.0.2.9 - 7.0.2.1",backwards
                7.0.3.9 - 2001:db8::1
                7.0.4.9,7.0.4.1
                255.0.0.0 - 255.255.255.255
                7.0.5.1 - Tor exit
                """);
        assertThat(parsed.entries()).isEqualTo(3);
        assertThat(parsed.skippedLines()).as("the four backwards or cross-family dash ranges").isEqualTo(4);
        assertThat(holds(parsed, "7.0.0.9")).isFalse();
        assertThat(holds(parsed, "7.0.1.9")).isFalse();
        assertThat(holds(parsed, "7.0.2.9")).isFalse();
        assertThat(holds(parsed, "7.0.3.9")).isFalse();
        assertThat(holds(parsed, "7.0.4.9")).as("two fields: the first address alone").isTrue();
        assertThat(holds(parsed, "7.0.4.5")).isFalse();
        assertThat(holds(parsed, "255.1.2.3")).as("spaced dash to 255.255.255.255 is a range, not a mask").isTrue();
        assertThat(holds(parsed, "7.0.5.1")).as("a dash before words is no range").isTrue();
    }

    /** Review finding: {@code ::ffff:1.2.3.4/8} was read as 1.0.0.0/8; an IPv4-mapped prefix counts IPv6's 128 bits. */
    @Test
    void readsAnIpv4MappedRangeAsTheIpv4RangeItIsAndSkipsOneReachingBeyondIpv4() {
        IpListParser.Parsed parsed = IpListParser.parse("::ffff:198.51.100.0/120\n::ffff:1.2.3.4/8\n");
        assertThat(parsed.entries()).isEqualTo(1);
        assertThat(parsed.skippedLines()).isEqualTo(1);
        assertThat(holds(parsed, "198.51.100.255")).isTrue();
        assertThat(holds(parsed, "198.51.101.0")).isFalse();
        assertThat(holds(parsed, "1.9.9.9")).isFalse();

        IpListParser.Parsed wide = IpListParser.parse("::/16\n");
        assertThat(holds(wide, "::1:2")).isTrue();
        assertThat(holds(wide, "::ffff:198.51.100.7")).as("::/16 is IPv6's; a mapped client is its IPv4 address").isFalse();
        assertThat(holds(IpListParser.parse("::ffff:198.0.0.0/104\n"), "198.51.100.7")).as("198.0.0.0/8, written mapped").isTrue();
    }

    /**
     * Review finding: a row covering everything ({@code 0.0.0.0/0}, {@code ::/0}, {@code ::ffff:0:0/96}) or
     * most of it (a range ending in the wrong row) flagged every client, or a large share, as Tor, VPN or
     * hosting: an operator's mistake or a damaged file, never a real list's row. A row wider than an IPv4
     * /8 or an IPv6 /16 is refused and counted unreadable, its line number kept for the log; a /8 and a
     * /16, and ranges as wide, are read.
     */
    @Test
    void refusesRowsWiderThanAnIpv4SlashEightOrAnIpv6SlashSixteenAndNamesTheirLines() {
        IpListParser.Parsed parsed = IpListParser.parse("""
                # a list gone wrong
                185.220.101.1
                0.0.0.0/0
                ::/0
                ::ffff:0:0/96
                1.0.0.0-1.255.255.255
                1.0.0.0-2.0.0.0
                2001:db8::/15
                2a00:: - 2a01:0:ffff:ffff:ffff:ffff:ffff:ffff
                10.0.0.0/8
                2001::/16
                3.0.0.0-3.255.255.255
                "2a02:: - 2a02:ffff:ffff:ffff:ffff:ffff:ffff:ffff",whole /16
                128.0.0.0 128.0.0.0
                """);
        assertThat(parsed.entries()).isEqualTo(6);
        assertThat(parsed.skippedLines()).isEqualTo(7);
        assertThat(parsed.tooWide()).isEqualTo(7);
        assertThat(parsed.tooWideLines()).containsExactly(3, 4, 5, 7, 8, 9, 14);
        assertThat(holds(parsed, "8.8.8.8")).isFalse();
        assertThat(holds(parsed, "2.0.0.0")).isFalse();
        assertThat(holds(parsed, "2a01::1")).isFalse();
        assertThat(holds(parsed, "128.0.0.0")).as("an address and a /1 netmask is 128.0.0.0/1: refused").isFalse();
        assertThat(holds(parsed, "1.2.3.4")).as("a range of exactly a /8").isTrue();
        assertThat(holds(parsed, "10.200.0.1")).isTrue();
        assertThat(holds(parsed, "2001:ffff::1")).isTrue();
        assertThat(holds(parsed, "3.3.3.3")).isTrue();
        assertThat(holds(parsed, "2a02:1::1")).isTrue();

        StringBuilder many = new StringBuilder("185.220.101.1\n");
        for (int i = 0; i < 12; i++) {
            many.append("0.0.0.0/0\n");
        }
        IpListParser.Parsed damaged = IpListParser.parse(many);
        assertThat(damaged.tooWide()).isEqualTo(12);
        assertThat(damaged.tooWideLines()).as("the first lines only").hasSize(IpListParser.TOO_WIDE_LINES_KEPT).startsWith(2, 3);
    }

    /** The numbers an operator is given to find the unreadable lines: from 1, past comments and blanks, the header not among them. */
    @Test
    void numbersTheUnreadableLinesButNotTheHeaderKeepingTheFirstTen() {
        IpListParser.Parsed parsed = IpListParser.parse("prefix,country\n# note\n1.2.3.0/24,GB\n\nnot an address\n0.0.0.0/0,XX\n5.6.7.8,FR\n");
        assertThat(parsed.unreadable()).isEqualTo(new LineNumbers(2, java.util.List.of(5, 6)));
        assertThat(parsed.unreadable().count()).isEqualTo(parsed.unreadableLines());

        IpListParser.Parsed junk = IpListParser.parse("1.1.1.1\n" + "junk\n".repeat(12) + "2.2.2.2\n".repeat(13));
        assertThat(junk.unreadable().count()).isEqualTo(12);
        assertThat(junk.unreadable().first()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(junk.unreadable().describe()).isEqualTo("2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …");
    }

    @Test
    void countsRowsItCannotReadWithoutThrowingTheRestAway() {
        IpListParser.Parsed parsed = IpListParser.parse("1.2.3.4\nnot an address\n999.1.1.1\n10.0.0.0/33\nexample.com\n5.6.7.8\n");
        assertThat(parsed.entries()).isEqualTo(2);
        assertThat(parsed.skippedLines()).isEqualTo(4);
    }

    @Test
    void tellsHowTheTextOpens() {
        assertThat(IpListParser.parse("\uFEFF# exits\n\n1.2.3.4\n").opening()).contains('1');
        assertThat(IpListParser.parse("<!DOCTYPE html>\n<p>Your IP: 8.8.8.8</p>\n").opening()).contains('<');
        assertThat(IpListParser.parse("{\n  \"prefixes\": [\n    {\"ip_prefix\": \"3.2.34.0/26\"}\n  ]\n}\n").opening()).contains('{');
        assertThat(IpListParser.parse("# only a comment\n").opening()).isEmpty();
    }

    @Test
    void tellsJsonFromAListOpeningWithABracketedAddress() {
        assertThat(IpListParser.parse("{\n  \"prefixes\": [\n    {\"ip_prefix\": \"3.2.34.0/26\"}\n  ]\n}\n").json()).isTrue();
        assertThat(IpListParser.parse("[\n  \"3.2.34.0/26\",\n  \"3.2.35.0/26\"\n]\n").json()).isTrue();
        assertThat(IpListParser.parse("[2001:db8::1]:9001\n[2001:db8::2]:9001\n").json()).isFalse();
        assertThat(IpListParser.parse("1.2.3.4\n").json()).isFalse();
    }

    @Test
    void readsAsnListsInEitherShape() {
        AsnListParser.Parsed x4b = AsnListParser.parse("AS9009 # M247, GB (NordVPN)\nas20448 # lower case\n# comment\n");
        assertThat(x4b.asns()).containsExactlyInAnyOrder(9009L, 20448L);
        AsnListParser.Parsed csv = AsnListParser.parse("ASN,Entity\n198375,\"INULOGIC SARL, FR\"\n51447, \"RootLayer Web Services Ltd, NL\"\n\"52321\",\"Fideicomiso&#243;n\"\nAS99999999999\n");
        assertThat(csv.asns()).containsExactlyInAnyOrder(198375L, 51447L, 52321L);
        assertThat(csv.skippedLines()).isEqualTo(2);
    }

    @Test
    void anAsnIsAWholeFieldNotTheFirstNumberOfAnAddressOrADate() {
        AsnListParser.Parsed addresses = AsnListParser.parse("174.138.0.0/17\n10.0.0.1\n2001:db8::/32\n2026-06-17\n");
        assertThat(addresses.asns()).isEmpty();
        assertThat(addresses.skippedLines()).isEqualTo(4);
        AsnListParser.Parsed fields = AsnListParser.parse("AS174\n174,\"Cogent\"\n\"3356\";\"Lumen\"\n15169   | 8.8.8.8 | GOOGLE\n13335\tCloudflare\n");
        assertThat(fields.asns()).containsExactlyInAnyOrder(174L, 3356L, 15169L, 13335L);
        assertThat(fields.skippedLines()).isZero();
    }

    /**
     * Review finding: a clean list with a header (the Tor exits' {@code latest.exits.csv}, brianhama's
     * {@code bad-asn-list.csv}) showed one unreadable line in /readyz for good, so a count above 0 could not
     * tell damage from a header. A first line with no digit that holds no row is a header: skipped, not
     * shown. A first line with a digit (a mistyped address) and a header-like line further down are shown;
     * whether the text is a list at all still counts the header (ReadableRows).
     */
    @Test
    void aHeaderIsSkippedButNotShownAsUnreadable() {
        IpListParser.Parsed onionoo = IpListParser.parse("fingerprint, ipaddr, port\nAB, 204.8.96.141, 444\nAB, 204.8.96.142, 444\n");
        assertThat(onionoo.skippedLines()).isEqualTo(1);
        assertThat(onionoo.unreadableLines()).isZero();

        IpListParser.Parsed mistyped = IpListParser.parse("204.8.96.1411\n204.8.96.141\n204.8.96.142\n");
        assertThat(mistyped.unreadableLines()).as("a first line with a digit is no header").isEqualTo(1);
        IpListParser.Parsed lower = IpListParser.parse("204.8.96.141\nnot an address\n204.8.96.142\n");
        assertThat(lower.unreadableLines()).as("only the first line can be the header").isEqualTo(1);
        IpListParser.Parsed headerAndDamage = IpListParser.parse("ipaddr\n204.8.96.141\ngarbage\n204.8.96.142\n");
        assertThat(headerAndDamage.unreadableLines()).isEqualTo(1);
        assertThat(IpListParser.parse("{\n\"prefixes\": []\n}\n").header()).as("JSON has no header").isFalse();

        AsnListParser.Parsed brianhama = AsnListParser.parse("ASN,Entity\n198375,\"INULOGIC SARL, FR\"\nnot a number\n51447,\"RootLayer\"\n");
        assertThat(brianhama.skippedLines()).isEqualTo(2);
        assertThat(brianhama.unreadableLines()).as("the header is not shown, the damaged row is").isEqualTo(1);
        assertThat(AsnListParser.parse("x1\n198375\n").unreadableLines()).as("a first line with a digit is no header").isEqualTo(1);
    }
}

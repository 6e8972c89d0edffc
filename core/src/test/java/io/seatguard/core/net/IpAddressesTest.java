package io.seatguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "0x7f.0.0.1", "01.2.3.4", "256.1.1.1", "1.2.3.4.5", "localhost", "example.com", "", " 1.2.3.4",
            "fe80::1%eth0", "[::1]", "1.2.3.4/32", "::g", "12345::1"})
    void refusesAnythingButAStrictLiteral(String text) {
        assertThat(IpAddresses.parse(text)).isEmpty();
    }

    /**
     * Found by comparing with Python's ipaddress and Chromium: the JDK took a piece of five or more digits
     * that start with zeros and an embedded IPv4 octet with a leading zero, which RFC 3986, WHATWG URL,
     * glibc's inet_pton and Python all refuse. {@code ::ffff:010.0.0.1} came back as 10.0.0.1 although
     * {@code 010.0.0.1} alone is refused for being octal 8.0.0.1 to other readers.
     */
    @ParameterizedTest
    @ValueSource(strings = {"::ffff:010.0.0.1", "::ffff:01.2.3.4", "::1.2.3.00", "1:2:3:4:5:6:0.00.0.1", "00000::1", "::00001",
            "0:0:0:0:0:0:0:00001", "2001:0db80::1"})
    void ipv6TextOutsideTheStandardGrammarIsRefused(String text) {
        assertThat(IpAddresses.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:10.0.0.1", "::1.2.3.0", "1:2:3:4:5:6:0.0.0.1", "0000::1", "::0001", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
            "0:0:0:0:0:0:0:0001", "2001:0DB8::1"})
    void ipv6TextInTheStandardGrammarIsRead(String text) {
        assertThat(IpAddresses.parse(text)).isPresent();
    }

    /**
     * Found in review: text of the literal's characters that starts with a dot (".::", ".be.ef:") is not
     * a literal to the JDK but a host name, which it resolved through DNS, in the request's thread: any
     * caller could make the server look up names of its choosing (an ip search, evaluate's ip and
     * local_ips, a forwarded-for hop), each lookup blocking for as long as the resolver takes.
     */
    @ParameterizedTest
    @ValueSource(strings = {".::", "..::", ".be.ef:", ".1.2.3.4:", ".::ffff:1.2.3.4"})
    void textThatIsNoLiteralIsRefusedWithoutALookup(String text) {
        assertThat(RecordingResolverProvider.lookedUpDuring(() -> assertThat(IpAddresses.parse(text)).isEmpty())).as("names looked up").isEmpty();
    }

    @Test
    void readsIpv4AndIpv6Literals() {
        assertThat(IpAddresses.parse("203.0.113.7")).isPresent();
        assertThat(IpAddresses.parse("2001:db8::1")).isPresent();
        assertThat(IpAddresses.parse("::ffff:192.0.2.1").map(IpAddresses::format)).contains("192.0.2.1");
    }

    @Test
    void formatsIpv6InItsCanonicalCompressedForm() {
        assertThat(format("2001:0DB8:0000:0000:0000:0000:0000:0001")).isEqualTo("2001:db8::1");
        assertThat(format("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
        assertThat(format("::")).isEqualTo("::");
        assertThat(format("::1")).isEqualTo("::1");
        assertThat(format("1:0:0:2:0:0:0:3")).isEqualTo("1:0:0:2::3");
    }

    @Test
    void anAddressesNetworkIsItsSlash24OrSlash64() {
        assertThat(network("203.0.113.7")).isEqualTo("203.0.113.0/24");
        assertThat(network("203.0.113.254")).isEqualTo("203.0.113.0/24");
        assertThat(network("203.0.114.7")).isEqualTo("203.0.114.0/24");
        assertThat(network("::ffff:192.0.2.1")).isEqualTo("192.0.2.0/24");
        assertThat(network("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(network("2001:db8:1:2::9")).isEqualTo("2001:db8:1:2::/64");
        assertThat(network("2001:db8::1:2:3:4")).isEqualTo("2001:db8::/64");
        assertThat(network("2001:db8:1:3::9")).isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void onlyInternetRoutableAddressesAreGlobal() {
        for (String global : List.of("8.8.8.8", "100.63.255.255", "100.128.0.0", "2001:4860::8888", "223.255.255.255", "198.17.255.255", "198.20.0.0", "192.0.1.0", "191.255.255.255",
                "64:ff9b::808:808", "2002:808:808::1")) {
            assertThat(IpAddresses.isGlobal(address(global))).as(global).isTrue();
        }
        for (String local : List.of("10.1.2.3", "172.16.0.1", "192.168.1.20", "127.0.0.1", "169.254.1.1", "100.64.0.1", "100.127.255.255",
                "0.0.0.0", "240.0.0.1", "224.0.0.1", "::1", "::", "fe80::1", "fd12:3456::1", "fc00::1", "ff02::1", "198.18.0.1", "198.19.255.255",
                "192.0.0.1", "192.0.0.255",
                // IPv4 carried in IPv6: NAT64 to the metadata address, 6to4 from 10/8, IPv4-compatible loopback
                "64:ff9b::a9fe:a9fe", "2002:a00:1::1", "::7f00:1")) {
            assertThat(IpAddresses.isGlobal(address(local))).as(local).isFalse();
        }
    }

    /**
     * Review finding (special-purpose ranges taken as public): the documentation, 6to4-relay, discard-only,
     * dummy, SRv6 and IETF-protocol ranges the IANA special-purpose registries mark "Globally Reachable:
     * False" were global, so a webhook could target them and {@code local_ip} chose 192.0.2.1 over 8.8.8.8.
     * The registries nest ranges, and the most specific row decides: inside 192.0.0.0/24 and 2001::/23
     * (not reachable) sit anycast and other blocks that are.
     */
    @Test
    void everyRangeTheIanaRegistriesMarkNotGloballyReachableIsNotGlobal() {
        for (String local : List.of("192.0.2.1", "198.51.100.7", "203.0.113.255", "192.88.99.1", "192.88.99.2", "192.0.0.8", "192.0.0.11",
                "192.0.0.170", "192.0.0.171", "255.255.255.255", "2001:db8::1", "3fff::1", "3fff:fff:ffff::1", "100::1", "100::ffff:ffff:ffff:ffff",
                "100:0:0:1::1", "5f00::1", "2001:1::4", "2001:2::1", "2001:10::1", "2001:1ff::1", "fec0::1",
                // outside 2000::/3, the only global unicast space: reserved by the IETF
                "4000::1", "1000::1", "1fff:ffff::1", "4001:db8::1", "8000::1", "e000::1", "fbff::1", "101::1")) {
            assertThat(IpAddresses.isGlobal(address(local))).as(local).isFalse();
        }
        for (String global : List.of("192.0.0.9", "192.0.0.10", "192.31.196.1", "192.52.193.1", "192.175.48.1", "192.88.98.255", "192.88.100.0",
                "198.51.101.0", "203.0.112.255", "2001:1::1", "2001:1::2", "2001:1::3", "2001:3::1", "2001:4:112::1", "2001:20::1",
                "2001:30::1", "2001:200::1", "2001:db9::1", "2620:4f:8000::1", "3fff:1000::1", "2000::1", "3fff:ffff:ffff::1")) {
            assertThat(IpAddresses.isGlobal(address(global))).as(global).isTrue();
        }
    }

    @Test
    void anIpv6AddressCarryingADocumentationAddressIsNotGlobal() throws Exception {
        // RFC 4380's example Teredo address: a public server (65.54.227.120) and the client 192.0.2.45, stored
        // inverted. NAT64 and 6to4 of 198.51.100.1, IPv4-mapped 203.0.113.1.
        for (String local : List.of("2001:0:4136:e378:8000:63bf:3fff:fdd2", "64:ff9b::c633:6401", "2002:c633:6401::1",
                "::ffff:203.0.113.1")) {
            assertThat(IpAddresses.isGlobal(ipv6(local))).as(local).isFalse();
        }
    }

    /**
     * Review finding (webhook SSRF): the JDK's resolver answers an AAAA record {@code ::ffff:7f00:1} with an
     * {@code Inet6Address} (parsing the literal would give an {@code Inet4Address}), which the JDK does not
     * call loopback, and a webhook to it reached 127.0.0.1. Built here with {@code Inet6Address.getByAddress},
     * which keeps the IPv6 form as the resolver does ({@code InetAddress.getByAddress} would convert it).
     */
    @Test
    void anIpv6AddressCarryingAnIpv4OneIsJudgedByTheIpv4Address() throws Exception {
        for (String local : List.of("::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.1.1", "::ffff:0.0.0.0",
                "::ffff:0:127.0.0.1", "::ffff:0:10.0.0.1", "64:ff9b:1::808:808", "64:ff9b:1:a9fe:a9fe::",
                // Teredo: a public server, and a client 10.0.0.1 (stored inverted); a private server
                "2001:0:4136:e378:8000:63bf:f5ff:fffe", "2001:0:a00:1:8000:63bf:3fff:fdd2")) {
            InetAddress address = ipv6(local);
            assertThat(address).as(local).isInstanceOf(Inet6Address.class);
            assertThat(IpAddresses.isGlobal(address)).as(local).isFalse();
        }
        // Teredo: a public server and the client 8.8.8.8 (inverted, f7f7:f7f7)
        for (String global : List.of("::ffff:8.8.8.8", "::ffff:0:8.8.8.8", "2001:0:4136:e378:8000:63bf:f7f7:f7f7")) {
            assertThat(IpAddresses.isGlobal(ipv6(global))).as(global).isTrue();
        }
    }

    /** The address as an {@code Inet6Address} even when it is IPv4-mapped, as the JDK's resolver returns it. */
    static InetAddress ipv6(String text) throws Exception {
        byte[] bytes = InetAddress.getByName(text).getAddress(); // a literal: no lookup
        return Inet6Address.getByAddress(null, bytes.length == 16 ? bytes : mapped(bytes), -1);
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    private static InetAddress address(String text) {
        return IpAddresses.parse(text).orElseThrow(() -> new AssertionError("not an address: " + text));
    }

    private static String format(String text) {
        return IpAddresses.format(address(text));
    }

    private static String network(String text) {
        return IpAddresses.network(address(text));
    }

    @Test
    void aClientIsAnIpv4AddressOrAnIpv6Slash64() throws Exception {
        assertThat(IpAddresses.clientKey(InetAddress.getByName("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(IpAddresses.clientKey(InetAddress.getByName("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(IpAddresses.clientKey(InetAddress.getByName("2001:db8:1:2::ffff"))).isEqualTo("2001:db8:1:2::/64");
    }
}

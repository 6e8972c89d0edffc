package io.seatguard.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/checks.md, {@code is_new_ip}: the key an account knows an address by. */
class AccountIpKeyTest {
    @Test
    void anIpv4AddressIsItsOwnKeyAndAnIpv4MappedOneIsItsIpv4Address() {
        assertThat(AccountIpKey.of("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(AccountIpKey.of("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void anIpv6AddressIsKnownByItsSlashSixtyFourHoweverWritten() {
        assertThat(AccountIpKey.of("2001:db8:1:2:a1b2:c3d4:e5f6:7788")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AccountIpKey.of("2001:DB8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AccountIpKey.of("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(AccountIpKey.of("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).as("the longest key fits user_ips.ip, VARCHAR(45)")
                .isEqualTo("ffff:ffff:ffff:ffff::/64").hasSizeLessThanOrEqualTo(45);
    }

    /** A cache in front of the store hands its reader the key; the reader must read that key, not another. */
    @Test
    void aKeyIsItsOwnKey() {
        assertThat(AccountIpKey.of("2001:db8:1:2::/64")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AccountIpKey.of("198.51.100.7")).isEqualTo("198.51.100.7");
    }
}

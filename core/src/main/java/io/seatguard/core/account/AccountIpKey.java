package io.seatguard.core.account;

import io.seatguard.core.net.IpAddresses;

/**
 * The key under which an account's addresses are known ({@code is_new_ip}, the {@code user_ips} rows): an
 * IPv4 address itself (an IPv4-mapped IPv6 address is its IPv4 one), and for IPv6 the address's /64
 * ({@link IpAddresses#clientKey}, {@code 2001:db8:1:2::/64}).
 *
 * <p>Why the /64: IPv6 hosts replace their temporary "privacy" addresses (RFC 8981) within their /64 as
 * often as daily, so the exact address made every IPv6 user's next day {@code is_new_ip}, and a policy on it
 * challenged them daily. One /64 is one household's line everywhere else too (concurrent sessions, the
 * per-client limits).
 */
public final class AccountIpKey {
    private AccountIpKey() {}

    /**
     * The key of an address given as text. Text that is no address is its own key, and so is a key (a
     * prefix is no address): a reader handed a key by a cache in front of it reads that key.
     */
    public static String of(String ip) {
        return IpAddresses.parse(ip).map(IpAddresses::clientKey).orElse(ip);
    }
}

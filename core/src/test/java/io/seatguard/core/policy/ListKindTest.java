package io.seatguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListKindTest {
    @Test
    void normalizesEachKindAndRefusesWhatIsNotOfIt() {
        assertThat(ListKind.IP.normalize("203.0.113.9")).hasValue("203.0.113.9/32");
        // A range is kept as its network: host bits written by the operator are dropped.
        assertThat(ListKind.IP.normalize("2001:db8::1/48")).isPresent().isEqualTo(ListKind.IP.normalize("2001:0db8:0000::/48"));
        assertThat(ListKind.IP.normalize("2001:db8::1/48").orElseThrow()).endsWith("/48").doesNotContain("::1/");
        assertThat(ListKind.IP.normalize("example.com")).isEmpty();
        assertThat(ListKind.IP.normalize("10.0.0.0/33")).isEmpty();
        assertThat(ListKind.COUNTRY.normalize("fr")).hasValue("FR");
        assertThat(ListKind.COUNTRY.normalize("FRA")).isEmpty();
        assertThat(ListKind.EMAIL.normalize(" Alice@Example.COM ")).hasValue("alice@example.com");
        assertThat(ListKind.EMAIL.normalize("not-an-email")).isEmpty();
        assertThat(ListKind.EMAIL.normalize("a@b@c")).isEmpty();
        assertThat(ListKind.EMAIL_DOMAIN.normalize("@Example.com")).hasValue("example.com");
        assertThat(ListKind.EMAIL_DOMAIN.normalize("exa mple.com")).isEmpty();
        assertThat(ListKind.DEVICE.normalize("6F0C3C5E-54A4-4C1C-9A57-0A4BB2B9F7A1")).hasValue("6f0c3c5e-54a4-4c1c-9a57-0a4bb2b9f7a1");
        assertThat(ListKind.DEVICE.normalize("device-1")).isEmpty();
        assertThat(ListKind.USER.normalize("user-ü-1")).hasValue("user-ü-1");
        assertThat(ListKind.USER.normalize(" ")).isEmpty();
    }

    @Test
    void anIpListMatchesAddressesInsideItsRangesOnly() {
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        ListMatcher matcher = ListMatcher.of(new NamedList("lst_1", "app", "office", ListKind.IP,
                List.of("203.0.113.0/24", "2001:db8:1::/48"), t0, t0));
        assertThat(matcher.contains("203.0.113.77")).isTrue();
        assertThat(matcher.contains("203.0.114.1")).isFalse();
        assertThat(matcher.contains("2001:db8:1:ffff::9")).isTrue();
        assertThat(matcher.contains("2001:db8:2::1")).isFalse();
        assertThat(matcher.contains("not an ip")).isFalse();
    }
}

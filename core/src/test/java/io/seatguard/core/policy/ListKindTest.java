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
        assertThat(ListKind.IP.normalize("::ffff:198.51.100.0/120")).as("IPv4-mapped, prefix in 128 bits").hasValue("198.51.100.0/24");
        assertThat(ListKind.IP.normalize("::ffff:1.2.3.4/8")).as("::/8 in IPv6, beyond IPv4").isEmpty();
        assertThat(ListKind.IP.expectation("::ffff:1.2.3.4/8")).startsWith("must be an IP address or a CIDR range such as 203.0.113.0/24")
                .contains("\"::ffff:1.2.3.4/8\"").contains("from /96");
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

    /** Review 48, finding 3: values evaluate refuses were stored, and could never match. */
    @Test
    void aListRefusesWhatEvaluateRefusesByTheSameRules() {
        assertThat(ListKind.USER.normalize(".")).isEmpty();
        assertThat(ListKind.USER.normalize("..")).isEmpty();
        assertThat(ListKind.USER.normalize("u".repeat(257))).isEmpty();
        assertThat(ListKind.USER.normalize("a.b")).hasValue("a.b");
        assertThat(ListKind.USER.expectation("..")).contains("\".\" or \"..\"");

        assertThat(ListKind.EMAIL.normalize("a@b")).as("no dot in the domain").isEmpty();
        assertThat(ListKind.EMAIL.normalize("a..b@example.com")).isEmpty();
        assertThat(ListKind.EMAIL.normalize(".a@example.com")).isEmpty();
        assertThat(ListKind.EMAIL.normalize("a,b@example.com")).isEmpty();
        assertThat(ListKind.EMAIL.normalize("a@ex\u00e4_mple.com")).as("a non-ASCII domain with no A-label form").isEmpty();
        assertThat(ListKind.EMAIL.normalize("\u00dcn\u00ef@Example.com")).as("a non-ASCII local part, as evaluate takes it").hasValue("\u00fcn\u00ef@example.com");
        assertThat(ListKind.EMAIL.normalize("o'neil+tag@mail.example.co.uk")).hasValue("o'neil+tag@mail.example.co.uk");

        assertThat(ListKind.COUNTRY.normalize("gb")).hasValue("GB");
        assertThat(ListKind.COUNTRY.normalize("xk")).as("Kosovo, as geolocation reports it").hasValue("XK");
        for (String never : List.of("UK", "XX", "ZZ", "EU", "AA")) {
            assertThat(ListKind.COUNTRY.normalize(never)).as(never).isEmpty();
        }
        assertThat(ListKind.COUNTRY.expectation("uk")).contains("for UK write \"GB\"");
        assertThat(ListKind.COUNTRY.expectation("XX")).doesNotContain("write");
    }

    /**
     * Review finding: a domain of 2,000 labels overflowed the stack in the whole-name pattern (recursing once
     * per label) before its length was judged: a 500 with an empty body. Judged on a thread with the stack a
     * request's has (-Xss1m, as deployed), and up to 253 characters as before.
     */
    @Test
    void aDomainOfThousandsOfLabelsIsRefusedWithoutOverflowingTheStack() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread request = new Thread(null, () -> {
            try {
                for (int labels : List.of(2_000, 50_000)) {
                    String domain = "a.".repeat(labels) + "com";
                    assertThat(ListKind.EMAIL_DOMAIN.normalize(domain)).isEmpty();
                    assertThat(ListKind.EMAIL_DOMAIN.expectation(domain)).contains("at most 253 characters");
                    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
                    assertThat(ListMatcher.of(new NamedList("lst_1", "app", "d", ListKind.EMAIL_DOMAIN, List.of("com"), t0, t0)).contains("x@" + domain))
                            .as("an evaluation's email is judged by the same rule").isFalse();
                }
            }
            catch (Throwable e) {
                failed.set(e);
            }
        }, "request", 1024 * 1024);
        request.start();
        request.join();
        assertThat(failed.get()).isNull();
        String longest = ("a".repeat(61) + ".").repeat(4) + "abcde";
        assertThat(longest).hasSize(253);
        assertThat(ListKind.EMAIL_DOMAIN.normalize(longest)).hasValue(longest);
        assertThat(ListKind.EMAIL_DOMAIN.normalize(longest + "f")).isEmpty();
        assertThat(ListKind.EMAIL_DOMAIN.normalize("a".repeat(63) + ".com")).isPresent();
        assertThat(ListKind.EMAIL_DOMAIN.normalize("a".repeat(64) + ".com")).as("a label of 64").isEmpty();
        for (String notADomain : List.of("com", "a..com", ".a.com", "a.com.", "-a.com", "a-.com", "a_b.com", "")) {
            assertThat(ListKind.EMAIL_DOMAIN.normalize(notADomain)).as(notADomain).isEmpty();
        }
        assertThat(ListKind.EMAIL_DOMAIN.normalize("x-1.Example.co.uk")).hasValue("x-1.example.co.uk");
    }

    /**
     * Review finding: {@code josé@example.com} with a composed é (NFC) in a list never matched an
     * evaluation's {@code jose\u0301@example.com} (an e and a combining accent, NFD, as macOS writes it),
     * nor the other way round. Both sides are taken in the composed form; an entry stored decomposed before
     * still matches what it matched and can be removed.
     */
    @Test
    void anEmailListMatchesAnAddressWhicheverUnicodeFormItIsWrittenIn() {
        String composed = "jos\u00e9@example.com";
        String decomposed = "jose\u0301@example.com";
        assertThat(ListKind.EMAIL.normalize(decomposed)).hasValue(composed);
        assertThat(ListKind.EMAIL.normalize(" JOSE\u0301@Example.com ")).hasValue(composed);
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        for (String entry : List.of(composed, decomposed)) {
            ListMatcher emails = ListMatcher.of(new NamedList("lst_1", "app", "e", ListKind.EMAIL, List.of(ListKind.EMAIL.normalize(entry).orElseThrow()), t0, t0));
            assertThat(emails.contains(composed)).as(entry).isTrue();
            assertThat(emails.contains(decomposed)).as(entry).isTrue();
            assertThat(emails.contains("Jos\u00c9@example.com")).as("and whatever the case").isTrue();
            assertThat(emails.contains("jose@example.com")).isFalse();
        }
        ListMatcher storedBefore = ListMatcher.of(new NamedList("lst_2", "app", "old", ListKind.EMAIL, List.of(decomposed), t0, t0));
        assertThat(storedBefore.contains(decomposed)).as("a decomposed entry stored before matches what it matched").isTrue();
        assertThat(ListKind.EMAIL.earlierForm(decomposed)).hasValue(decomposed);
        assertThat(ListKind.EMAIL.earlierForm(composed)).isEmpty();
        assertThat(ListKind.EMAIL.earlierForm("ann@example.com")).isEmpty();
        assertThat(ListKind.EMAIL_DOMAIN.normalize("ex\u00e4mple.com")).as("a domain is kept in A-labels").hasValue("xn--exmple-cua.com");
    }

    /** A value stored before the stricter rules is still matched as it was: the rules judge writes, not reads. */
    @Test
    void aListStoredBeforeTheStricterRulesStillMatchesAsItDid() {
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        ListMatcher countries = ListMatcher.of(new NamedList("lst_1", "app", "old", ListKind.COUNTRY, List.of("UK", "FR"), t0, t0));
        assertThat(countries.contains("FR")).isTrue();
        assertThat(countries.contains("UK")).isTrue();
        assertThat(countries.contains("GB")).isFalse();
        ListMatcher users = ListMatcher.of(new NamedList("lst_2", "app", "old", ListKind.USER, List.of("..", "ann"), t0, t0));
        assertThat(users.contains("ann")).isTrue();
        assertThat(users.contains("bob")).isFalse();
        ListMatcher emails = ListMatcher.of(new NamedList("lst_3", "app", "old", ListKind.EMAIL, List.of("a@b", "ann@example.com"), t0, t0));
        assertThat(emails.contains("Ann@Example.com")).isTrue();
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

    /** Evaluate keeps an email's non-ASCII domain in A-labels: a list keeps its entries so, and either spelling finds the other. */
    @Test
    void anInternationalDomainIsKeptInItsALabelFormAndMatchedWrittenEitherWay() {
        assertThat(ListKind.EMAIL.normalize("Ana@Ex\u00e4mple.com")).hasValue("ana@xn--exmple-cua.com");
        assertThat(ListKind.EMAIL.storedForm("ana@ex\u00e4mple.com")).isEqualTo(ListKind.EMAIL.storedForm("ana@XN--EXMPLE-CUA.com"));
        assertThat(ListKind.EMAIL.earlierForm("ana@ex\u00e4mple.com")).as("an entry kept as typed before").hasValue("ana@ex\u00e4mple.com");
        assertThat(ListKind.EMAIL.earlierForm("ana@example.com")).isEmpty();
        assertThat(ListKind.EMAIL_DOMAIN.normalize("@Ex\u00e4mple.com")).hasValue("xn--exmple-cua.com");
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        ListMatcher emails = ListMatcher.of(new NamedList("lst_1", "app", "e", ListKind.EMAIL, List.of(ListKind.EMAIL.normalize("ana@ex\u00e4mple.com").orElseThrow()), t0, t0));
        assertThat(emails.contains("ana@xn--exmple-cua.com")).isTrue();
        ListMatcher domains = ListMatcher.of(new NamedList("lst_2", "app", "d", ListKind.EMAIL_DOMAIN, List.of(ListKind.EMAIL_DOMAIN.normalize("ex\u00e4mple.com").orElseThrow()), t0, t0));
        assertThat(domains.contains("bo@mail.xn--exmple-cua.com")).isTrue();
        assertThat(ValueForm.EMAIL.normalize("Ana@Ex\u00e4mple.com")).as("a policy's value, compared with what evaluate keeps").hasValue("Ana@xn--exmple-cua.com");
        assertThat(ValueForm.EMAIL.normalize("ana@ex\u00e4_mple.com")).isEmpty();
    }

    /** straße.de is not strasse.de (EmailAddressesTest): lists and policy values keep it as evaluate does, as its own domain. */
    @Test
    void aDomainIdna2003WouldHaveMadeAnotherIsKeptAsItsOwn() {
        assertThat(ListKind.EMAIL.normalize("ana@stra\u00dfe.de")).hasValue("ana@xn--strae-oqa.de");
        assertThat(ListKind.EMAIL_DOMAIN.normalize("stra\u00dfe.de")).hasValue("xn--strae-oqa.de");
        assertThat(ValueForm.EMAIL.normalize("ana@stra\u00dfe.de")).hasValue("ana@xn--strae-oqa.de");
    }
}

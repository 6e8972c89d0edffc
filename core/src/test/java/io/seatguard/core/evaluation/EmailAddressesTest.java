package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"name@example.com", "A.B@Example.COM", "o'neil+tag@mail.example.co.uk", "a!#$%&'*+-/=?^_`{|}~@x.io",
            "\u00fcn\u00ef@example.com", "\u7528\u6237@example.cn", "x@a-b.example"})
    void takesPlainMailboxes(String address) {
        assertThat(EmailAddresses.isMailbox(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "a@b", "@example.com", "a@", "a@@example.com", "a@b@example.com", "a..b@example.com", ".a@example.com",
            "a.@example.com", "a,b@example.com", "a b@example.com", "\"ab\"@example.com", "a\\b@example.com", "a(b)@example.com",
            "a@ex\u00e4mple.com", "a@-x.example", "a@x_y.example", "a\u00a0b@example.com", "a\u200bb@example.com", "a\u0085@example.com"})
    void refusesTheRest(String address) {
        assertThat(EmailAddresses.isMailbox(address)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void boundsTheLocalPartAndTheWhole() {
        assertThat(EmailAddresses.isMailbox("a".repeat(64) + "@example.com")).isTrue();
        assertThat(EmailAddresses.isMailbox("a".repeat(65) + "@example.com")).isFalse();
        String domain = ("d".repeat(60) + ".").repeat(4) + "io";
        assertThat(EmailAddresses.isMailbox("a".repeat(254 - 1 - domain.length()) + "@" + domain)).isTrue();
        assertThat(EmailAddresses.isMailbox("a".repeat(255 - 1 - domain.length()) + "@" + domain)).isFalse();
    }

    /** Stores keep addresses lower-cased, and İ lowers to two characters: 64 of them took a 254-character address past its column. */
    @org.junit.jupiter.api.Test
    void boundsTheWholeInLowerCaseToo() {
        String domain = ("d".repeat(61) + ".").repeat(3) + "io";
        String dotted = "\u0130".repeat(64) + "@" + domain;
        assertThat(dotted.length()).isLessThanOrEqualTo(EmailAddresses.MAX_LENGTH);
        assertThat(dotted.toLowerCase(java.util.Locale.ROOT)).hasSizeGreaterThan(EmailAddresses.MAX_LENGTH);
        assertThat(EmailAddresses.isMailbox(dotted)).isFalse();
        String fits = "\u0130".repeat(64) + "@" + domain.substring(domain.length() - (EmailAddresses.MAX_LENGTH - 128 - 1));
        assertThat(EmailAddresses.isMailbox(fits)).as("lower-cased, exactly 254").isTrue();
        assertThat(fits.toLowerCase(java.util.Locale.ROOT)).hasSize(EmailAddresses.MAX_LENGTH);
    }

    /** A domain typed with its own letters is the same mailbox as its xn-- spelling, which is what isMailbox then judges. */
    @org.junit.jupiter.api.Test
    void convertsANonAsciiDomainToItsALabels() {
        assertThat(EmailAddresses.withAsciiDomain("ana@ex\u00e4mple.com")).isEqualTo("ana@xn--exmple-cua.com");
        assertThat(EmailAddresses.withAsciiDomain("ana@EX\u00c4MPLE.com")).isEqualTo("ana@xn--exmple-cua.com");
        assertThat(EmailAddresses.withAsciiDomain("\u00fcn\u00ef@m\u00fcnchen.example")).isEqualTo("\u00fcn\u00ef@xn--mnchen-3ya.example");
        assertThat(EmailAddresses.isMailbox(EmailAddresses.withAsciiDomain("ana@ex\u00e4mple.com"))).isTrue();
    }

    @org.junit.jupiter.api.Test
    void leavesAnAsciiDomainAndAnUnconvertibleOneAsWritten() {
        assertThat(EmailAddresses.withAsciiDomain("A.B@Example.COM")).isEqualTo("A.B@Example.COM");
        assertThat(EmailAddresses.withAsciiDomain("nope")).isEqualTo("nope");
        // An underscore breaks the STD3 rules: left as it is, and refused as any bad domain is.
        assertThat(EmailAddresses.withAsciiDomain("a@x_\u00e4.example")).isEqualTo("a@x_\u00e4.example");
        assertThat(EmailAddresses.isMailbox(EmailAddresses.withAsciiDomain("a@x_\u00e4.example"))).isFalse();
        assertThat(EmailAddresses.isMailbox(EmailAddresses.withAsciiDomain("a@" + "\u00e4".repeat(70) + ".example"))).isFalse();
    }

    /**
     * Review finding (brief 18): java.net.IDN, used then, is IDNA2003, which maps ß to ss, ς to σ and drops
     * the zero-width joiners: straße.de was kept, counted and mailed as strasse.de, someone else's domain,
     * and was refused since. Read as browsers read it now (UTS 46, nontransitional), each is the domain of
     * its own that IDNA2008 names; a joiner is kept only where RFC 5892 allows it (after a virama), as in
     * Chromium.
     */
    @org.junit.jupiter.api.Test
    void aDomainWhoseIdna2003FormWasAnotherDomainIsItsOwnDomain() {
        assertThat(EmailAddresses.withAsciiDomain("ana@stra\u00dfe.de")).isEqualTo("ana@xn--strae-oqa.de");
        assertThat(EmailAddresses.asciiDomain("\u03c3\u03bf\u03c6\u03bf\u03c2.example")).isEqualTo("xn--0xaajbq.example");
        assertThat(EmailAddresses.asciiDomain("\u0915\u094d\u200d.example")).as("a joiner after a virama").isEqualTo("xn--11b6iy14e.example");
        for (String domain : new String[] {"a\u200db.example", "a\u200cb.example"}) {
            assertThat(EmailAddresses.asciiDomain(domain)).as("a joiner where RFC 5892 allows none").isEqualTo(domain);
            assertThat(EmailAddresses.isMailbox(EmailAddresses.withAsciiDomain("ana@" + domain))).as(domain).isFalse();
        }
    }

    /**
     * Found by the Chromium differential test (UrlsReadAsChromiumReadsThemBrowserTest): java.net.IDN knows
     * Unicode 3.2 only, so a domain in any script encoded since 2002 was refused (a signup with such an
     * address failed with 400), and a Georgian capital was converted to another domain than a browser's.
     */
    @org.junit.jupiter.api.Test
    void aDomainInAScriptEncodedSinceUnicode32ConvertsAsInABrowser() {
        assertThat(EmailAddresses.asciiDomain("\u07d2\u07de\u07cf.example")).as("N'Ko").isEqualTo("xn--qsbf0b.example");
        assertThat(EmailAddresses.asciiDomain("\u2d30\u2d63\u2d53\u2d4d.ma")).as("Tifinagh").isEqualTo("xn--4lj0cra7d.ma");
        assertThat(EmailAddresses.asciiDomain("\uabb3\uab83\uab79.example")).as("Cherokee's small letters").isEqualTo("xn--f9dt7l.example");
        assertThat(EmailAddresses.asciiDomain("\u10a0\u10a1.example")).as("Georgian capitals, lowered").isEqualTo("xn--rkjc.example");
        assertThat(EmailAddresses.asciiDomain("\u06ff.example")).as("Arabic Extended").isEqualTo("xn--smb.example");
    }

    /**
     * Found by the Chromium differential test (UrlsReadAsChromiumReadsThemBrowserTest): IDNA2003 has no
     * rule for right-to-left text, so a domain breaking RFC 5893's Bidi rule (Arabic-Indic digits alone,
     * or inside a left-to-right label; a label of a right-to-left domain starting with a digit) was
     * converted and mailed to, though no registry takes it and no browser goes there. It is refused now
     * (UTS 46's CheckBidi); right-to-left domains that keep the rule convert as before.
     */
    @org.junit.jupiter.api.Test
    void refusesADomainBreakingTheBidiRuleAndConvertsOneKeepingIt() {
        for (String domain : new String[] {"\u0661\u0662.example", "x\u0663\u06f3.example", "\u05d0.1example", "a\u05d0.example",
                "\u0627\u0663" + "4.example"}) {
            assertThat(EmailAddresses.asciiDomain(domain)).as(domain).isEqualTo(domain);
            assertThat(EmailAddresses.isMailbox(EmailAddresses.withAsciiDomain("ana@" + domain))).as(domain).isFalse();
        }
        assertThat(EmailAddresses.asciiDomain("\u0645\u062b\u0627\u0644.\u0625\u062e\u062a\u0628\u0627\u0631")).isEqualTo("xn--mgbh0fb.xn--kgbechtv");
        assertThat(EmailAddresses.asciiDomain("\u05d3\u05d5\u05d2\u05de\u05d4.\u05d8\u05e2\u05e1\u05d8")).isEqualTo("xn--6dbbec0c.xn--deba0ad");
        assertThat(EmailAddresses.asciiDomain("\u05d0.example")).as("a left-to-right label beside a right-to-left one").isEqualTo("xn--4db.example");
        assertThat(EmailAddresses.asciiDomain("b\u00fccher.de")).as("no right-to-left text: no rule").isEqualTo("xn--bcher-kva.de");
    }
}

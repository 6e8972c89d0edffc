package io.seatguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Chromium's readings of these hosts (UrlsReadAsChromiumReadsThemBrowserTest compares many more with Chromium itself). */
class WebDomainsTest {
    @ParameterizedTest
    @CsvSource({
        "M\u00fcnchen.de, xn--mnchen-3ya.de",
        // Nontransitional: the domain of its own IDNA2008 names, not strasse.de.
        "stra\u00dfe.de, xn--strae-oqa.de",
        // Full-width letters and digits, an ideographic full stop: the ASCII ones.
        "\uff21\uff30\uff30\u3002example, app.example",
        "\uff11\uff12\uff17.\uff10.\uff10.\uff11, 127.0.0.1",
        // A browser overlooks hyphens where registries refuse them (CheckHyphens off).
        "-m\u00fcnchen.de, xn---mnchen-o2a.de",
        // A joiner after a virama is allowed (RFC 5892's CONTEXTJ rule).
        "\u0915\u094d\u200d.example, xn--11b6iy14e.example",
    })
    void convertsAsABrowserDoes(String domain, String ascii) {
        assertThat(WebDomains.toAscii(domain)).hasValue(ascii);
    }

    /** A joiner anywhere else, and a label of Arabic-Indic digits alone, which the Bidi rule refuses: Chromium refuses both. */
    @ParameterizedTest
    @ValueSource(strings = {"a\u200db.example", "a\u200cb.example", "\u0661\u0662\u0663.example", "\u0301a.example"})
    void refusesWhatABrowserRefuses(String domain) {
        assertThat(WebDomains.toAscii(domain)).isEmpty();
    }

    /**
     * A URL's host with non-ASCII letters, in its ASCII form; the rest of the URL as written. Webhook
     * endpoints and challenge URLs take their hosts so (WebhooksTest, PolicyParserTest).
     */
    @Test
    void aUrlsInternationalHostIsWrittenInItsAsciiForm() {
        assertThat(WebDomains.withAsciiHost("https://hooks.b\u00fccher.example/in/\u00fc?x=\u00fc#no")).as("the host alone")
                .isEqualTo("https://hooks.xn--bcher-kva.example/in/\u00fc?x=\u00fc#no");
        assertThat(WebDomains.withAsciiHost("HTTPS://B\u00dcCHER.example:8443/hook")).isEqualTo("HTTPS://xn--bcher-kva.example:8443/hook");
        assertThat(WebDomains.withAsciiHost("https://user@stra\u00dfe.example/")).as("nontransitional, after the credentials")
                .isEqualTo("https://user@xn--strae-oqa.example/");
        assertThat(WebDomains.withAsciiHost("https://\uff41\uff50\uff50\u3002example/hook")).as("full-width letters, an ideographic full stop")
                .isEqualTo("https://app.example/hook");
        assertThat(WebDomains.withAsciiHost("https://b\u00fccher.example")).as("no path").isEqualTo("https://xn--bcher-kva.example");
        assertThat(WebDomains.withAsciiHost("https://b\u00fccher.example.:8443")).as("a final dot, a port").isEqualTo("https://xn--bcher-kva.example.:8443");
    }

    /**
     * Left as written, for the caller to refuse: ASCII hosts, other schemes, IPv6 literals, hosts a browser
     * refuses, conversions that would move the URL (a full-width '/', ':' or '@' becomes the ASCII one),
     * and hosts that convert to an IPv4 address (full-width digits).
     */
    @Test
    void aUrlWhoseHostCannotBeConvertedIsLeftAsWritten() {
        for (String unchanged : List.of("https://hooks.example/\u00fc", "https://xn--bcher-kva.example/", "ftp://b\u00fccher.example/",
                "https://[::1]/b\u00fccher", "https://example.com\uff0fb\u00fccher.example/", "https://b\u00fccher.example\uff1a8443/",
                "https://evil.example\uff20b\u00fccher.example/", "https://a\u200db.example/", "https://\u05d0b.example/",
                "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11:9/hook", "http://\uff11\uff12\uff17\u3002\uff11/", "http://0x\uff17f.1/",
                "http://b\u00fccher.0x\uff17f/", "https://:8443/", "not a url \u00fc", "https://b\u00fccher.example/" + "x".repeat(8192))) {
            assertThat(WebDomains.withAsciiHost(unchanged)).as(unchanged).isEqualTo(unchanged);
        }
    }
}

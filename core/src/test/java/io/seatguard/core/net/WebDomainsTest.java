package io.seatguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;

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
}

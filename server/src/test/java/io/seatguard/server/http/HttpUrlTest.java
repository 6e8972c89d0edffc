package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpUrlTest {
    /** What a browser's {@code location.href} (or a server) sends, the form stored, and the origin a browser would go to. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                // Found in review: browsers leave these raw in location.href, java.net.URI refused them (and so the whole evaluation).
                Arguments.of("http://localhost:8483/a?q=100%", "http://localhost:8483/a?q=100%25", "http://localhost:8483"),
                Arguments.of("https://app.example/list?sort=name|asc", "https://app.example/list?sort=name%7Casc", "https://app.example"),
                Arguments.of("https://app.example/?q={1}", "https://app.example/?q=%7B1%7D", "https://app.example"),
                Arguments.of("https://app.example/?x=^", "https://app.example/?x=%5E", "https://app.example"),
                Arguments.of("https://app.example/?q=`x`", "https://app.example/?q=%60x%60", "https://app.example"),
                Arguments.of("https://app.example/?q=\"x\"", "https://app.example/?q=%22x%22", "https://app.example"),
                Arguments.of("https://app.example/p#a#b", "https://app.example/p#a%23b", "https://app.example"),
                Arguments.of("https://app.example/?q=<b>", "https://app.example/?q=%3Cb%3E", "https://app.example"),
                Arguments.of("https://app.example/?q=a\\b", "https://app.example/?q=a%5Cb", "https://app.example"),
                Arguments.of("https://app.example/p[1]/x", "https://app.example/p%5B1%5D/x", "https://app.example"),
                Arguments.of("https://app.example/?q=%zz&r=%4", "https://app.example/?q=%25zz&r=%254", "https://app.example"),
                Arguments.of("https://app.example/a b?c d#e f", "https://app.example/a%20b?c%20d#e%20f", "https://app.example"),
                // Left as they were: escapes, brackets in a query, everything RFC 3986 allows.
                Arguments.of("https://app.example/?filter[status]=active", "https://app.example/?filter[status]=active", "https://app.example"),
                Arguments.of("https://app.example/%7e/%20?x=%2F#%41", "https://app.example/%7e/%20?x=%2F#%41", "https://app.example"),
                Arguments.of("https://app.example/x'y!$&()*+,;=:@~", "https://app.example/x'y!$&()*+,;=:@~", "https://app.example"),
                Arguments.of("https://app.example", "https://app.example", "https://app.example"),
                Arguments.of("https://app.example./x", "https://app.example./x", "https://app.example."),
                // Non-ASCII from a server: UTF-8, as a browser requests it.
                Arguments.of("https://app.example/caf\u00e9?\ud83d\ude00", "https://app.example/caf%C3%A9?%F0%9F%98%80", "https://app.example"),
                // Scheme, host and port in the browser's serialization.
                Arguments.of("HTTPS://APP.Example:443/X", "https://app.example/X", "https://app.example"),
                Arguments.of("http://app.example:080/", "http://app.example/", "http://app.example"),
                Arguments.of("https://app.example:/x", "https://app.example/x", "https://app.example"),
                Arguments.of("https://app.example:8443", "https://app.example:8443", "https://app.example:8443"),
                Arguments.of("http://[0:0::1]:8080/x", "http://[::1]:8080/x", "http://[::1]:8080"),
                Arguments.of("http://[::FFFF:1.2.3.4]:8080", "http://[::ffff:102:304]:8080", "http://[::ffff:102:304]:8080"),
                Arguments.of("http://[2001:DB8:0:0:1:0:0:1]/", "http://[2001:db8::1:0:0:1]/", "http://[2001:db8::1:0:0:1]"),
                Arguments.of("http://[1:0:2:3:4:5:6:7]/", "http://[1:0:2:3:4:5:6:7]/", "http://[1:0:2:3:4:5:6:7]"),
                Arguments.of("http://[::]/", "http://[::]/", "http://[::]"),
                Arguments.of("https://01.2.3.4/", "https://1.2.3.4/", "https://1.2.3.4"),
                Arguments.of("http://2130706433/", "http://127.0.0.1/", "http://127.0.0.1"),
                Arguments.of("http://0x7F.1/", "http://127.0.0.1/", "http://127.0.0.1"),
                Arguments.of("http://127.0.0.1./", "http://127.0.0.1/", "http://127.0.0.1"),
                // A domain with non-ASCII letters, converted as a browser converts it (UTS 46): the origin its requests carry.
                Arguments.of("https://M\u00fcnchen.de/x", "https://xn--mnchen-3ya.de/x", "https://xn--mnchen-3ya.de"),
                Arguments.of("https://stra\u00dfe.de/", "https://xn--strae-oqa.de/", "https://xn--strae-oqa.de"),
                Arguments.of("https://ev\u0131l.example/", "https://xn--evl-kua.example/", "https://xn--evl-kua.example"),
                Arguments.of("https://-m\u00fcnchen.de/", "https://xn---mnchen-o2a.de/", "https://xn---mnchen-o2a.de"),
                // Full-width letters and an ideographic full stop are the ASCII ones to a browser, full-width digits an IPv4 address.
                Arguments.of("https://\uff21\uff30\uff30\u3002example/", "https://app.example/", "https://app.example"),
                Arguments.of("http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/", "http://127.0.0.1/", "http://127.0.0.1"),
                Arguments.of("https://\u212aa.example/", "https://ka.example/", "https://ka.example"),
                // Credentials: a browser goes to the host after the @, and the stored URL holds none.
                Arguments.of("https://user:pw@app.example/x", "https://app.example/x", "https://app.example"),
                Arguments.of("https://app.example@evil.example/", "https://evil.example/", "https://evil.example"),
                Arguments.of("https://app.example:443@evil.example/", "https://evil.example/", "https://evil.example"),
                // A backslash ends the host for a browser and is a slash in the path: this is a page on app.example.
                Arguments.of("https://app.example\\@evil.example", "https://app.example/@evil.example", "https://app.example"),
                Arguments.of("https://evil.example\\.app.example/", "https://evil.example/.app.example/", "https://evil.example"));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void readsAUrlAsABrowserDoesAndWritesItSafely(String sent, String stored, String origin) {
        HttpUrl url = HttpUrl.parse(sent).orElseThrow(() -> new AssertionError("refused " + sent));
        assertThat(url.text()).isEqualTo(stored);
        assertThat(url.origin()).isEqualTo(origin);
        // What is stored reads back as itself, and holds nothing a Location header could not carry.
        assertThat(HttpUrl.parse(stored).map(HttpUrl::text)).hasValue(stored);
        assertThat(stored.chars().allMatch(c -> c > 0x20 && c < 0x7f)).isTrue();
    }

    static Stream<String> refused() {
        return Stream.of(
                "javascript:alert(1)", "ftp://app.example/", "//app.example/x", "/relative", "app.example/x", "https:", "https://", "https://:443/",
                // Slashes other than exactly // after the scheme: a browser skips them, and https:///evil.example is evil.example.
                "https:///evil.example/", "https:/\\evil.example/", "https://\\evil.example/", "https:\\\\evil.example/", "https:evil.example",
                // More than one @: which host is meant is not plain.
                "https://a@b@evil.example/",
                // Ports.
                "https://app.example:99999/", "https://app.example:0/", "https://app.example:8a/", "https://app.example:-1/",
                // Hosts that are not plainly a domain or an address.
                "https://app.exa mple/", "https://%65vil.example/", "https://a_b.example/", "https://app..example/",
                "https://app.example:443:443/", "https://1.2.3.256/", "https://09.1.1.1/", "https://1.2.3.4.5/", "https://a.0x/",
                "https://[::1/", "https://[1::2::3]/", "https://[::1]x/", "https://[fe80::1%25eth0]/", "https://[1:2:3:4:5:6:7:8:9]/",
                "https://[::1.2.3.04]/", "https://[::\uff11]/",
                // Domains with non-ASCII letters a browser refuses (a joiner where none may be, a label of Arabic-Indic digits alone, which
                // the Bidi rule refuses), or that it converts to what is not plainly a domain (a full-width colon, a percent-escape).
                "https://a\u200db.example/", "https://\u0661\u0662\u0663.example/", "https://app.example\uff1a8080/", "https://\u00fc%41.example/",
                "https://\u00fc_x.example/",
                // Within 254 characters as sent, past them once converted.
                "https://" + ("\u00e4".repeat(60) + ".").repeat(4) + "de/",
                // Control characters (a header could be split), a trailing space a browser would drop, a lone surrogate.
                "https://app.example/\r\nSet-Cookie: x=1", "https://app.example/\tx", "https://app.example/x\u007f", "https://app.example/x ",
                "https://app.example/a\ud800");
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWhatIsNoHttpUrlOrReadsAmbiguously(String sent) {
        assertThat(HttpUrl.parse(sent)).isEmpty();
        assertThat(Origins.of(sent)).isEmpty();
    }
}

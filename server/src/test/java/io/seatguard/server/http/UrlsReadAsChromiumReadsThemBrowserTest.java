package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.net.Ipv6Literals;
import io.seatguard.server.browser.Chromium;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@link HttpUrl} against the parser it imitates: Chromium's own {@code new URL(…)}, over a few thousand
 * URLs made of the pieces browsers read in surprising ways (numeric and bracketed hosts, credentials,
 * ports, backslashes, stray percent signs, characters outside RFC 3986). Why: the allowed origins and the
 * hosted pages' return address are compared and redirected to by what {@code HttpUrl} reads, and a
 * browser goes where it reads. Every URL {@code HttpUrl} accepts must be one Chromium accepts, with the
 * same origin, and the text {@code HttpUrl} writes back must lead Chromium to the same URL. Refusing what
 * Chromium accepts is allowed: {@code HttpUrl} is narrower on purpose, and a refusal only loses a
 * convenience, never sends a browser elsewhere. The same browser reads a corpus of internationalized
 * email domains, whose A-label form codes and notices are mailed to, and of IP address literals, as every
 * client address, forwarded hop and list entry is read.
 */
class UrlsReadAsChromiumReadsThemBrowserTest {
    /** Chromium's reading of each URL: its origin and, credentials removed, its whole href; null when it refuses it. */
    private static final String READ_ALL = """
            return arguments[0].map(text => {
              try {
                const url = new URL(text);
                url.username = '';
                url.password = '';
                return [url.origin, url.href];
              } catch (e) {
                return null;
              }
            });""";
    private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser(@TempDir Path work) {
        Chromium.requireInstalled();
        browser = Chromium.start(work.resolve("profile"), false);
        browser.get("about:blank");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyUrlAcceptedIsReadAsChromiumReadsItAndWrittenBackToTheSamePlace() {
        List<String> sent = urls();
        List<HttpUrl> ours = sent.stream().map(text -> HttpUrl.parse(text).orElse(null)).toList();
        List<List<String>> chromium = readInChromium(sent);
        List<String> written = ours.stream().filter(url -> url != null).map(HttpUrl::text).toList();
        List<List<String>> writtenInChromium = readInChromium(written);

        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < sent.size(); i++) {
            HttpUrl url = ours.get(i);
            if (url == null) {
                continue;
            }
            List<String> theirs = chromium.get(i);
            List<String> backAgain = writtenInChromium.get(accepted++);
            if (theirs == null) {
                disagreements.add(sent.get(i) + " : accepted here as " + url.text() + ", refused by Chromium");
            }
            else if (!theirs.get(0).equals(url.origin())) {
                disagreements.add(sent.get(i) + " : origin " + url.origin() + " here, " + theirs.get(0) + " in Chromium");
            }
            else if (backAgain == null || !sameUrl(backAgain.get(1), theirs.get(1))) {
                disagreements.add(sent.get(i) + " : written back as " + url.text() + ", which Chromium reads as "
                        + (backAgain == null ? "nothing" : backAgain.get(1)) + ", not " + theirs.get(1));
            }
        }
        assertThat(disagreements).as("of %d URLs, %d accepted here", sent.size(), accepted).isEmpty();
        // The corpus reaches both sides of the parser: a test that accepted nothing, or everything, would prove little.
        assertThat(accepted).isBetween(sent.size() / 5, sent.size() * 4 / 5);
    }

    /** {@link #READ_ALL} for each URL. */
    private static List<List<String>> readInChromium(List<String> urls) {
        return inChromium(READ_ALL, urls);
    }

    /** What {@code script} answers for each text, 500 texts to a run (one script's arguments stay small). */
    @SuppressWarnings("unchecked")
    private static <T> List<T> inChromium(String script, List<String> texts) {
        List<T> answers = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += 500) {
            answers.addAll((List<T>) browser.executeScript(script, texts.subList(from, Math.min(texts.size(), from + 500))));
        }
        return answers;
    }

    /**
     * Whether two hrefs name the same resource, escapes aside: {@code HttpUrl} percent-encodes some
     * printable characters a browser leaves raw ({@code | ^ ` { }}, a stray {@code %}, a second
     * {@code #}), and every server decodes those escapes to the characters themselves.
     */
    private static boolean sameUrl(String one, String other) {
        return printableDecoded(one).equals(printableDecoded(other));
    }

    private static String printableDecoded(String href) {
        Matcher escape = ESCAPE.matcher(href);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            int value = Integer.parseInt(escape.group(1), 16);
            String replacement = value > 0x20 && value < 0x7f ? String.valueOf((char) value) : "%" + escape.group(1).toUpperCase(Locale.ROOT);
            escape.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        escape.appendTail(out);
        return out.toString();
    }

    /** HttpUrlTest's own cases, then pieces combined at random (a fixed seed: the same corpus every run). */
    private static List<String> urls() {
        Set<String> urls = new LinkedHashSet<>();
        HttpUrlTest.accepted().forEach(arguments -> urls.add((String) arguments.get()[0]));
        HttpUrlTest.refused().forEach(urls::add);
        List<String> schemes = List.of("http://", "https://", "HTTPS://", "hTtP://");
        List<String> credentials = List.of("", "", "", "user@", "user:pw@", "app.example@", "a%40b@", ":@", "u:p:q@", "app.example:443@");
        List<String> hosts = List.of("app.example", "APP.Example", "app.example.", "xn--bcher-kva.example", "xn--zz.example", "a-b.example",
                "-a.example", "a-.example", "1a.example", "localhost", "a..b", ".a", "a", "127.0.0.1", "127.0.0.1.", "0x7f.1", "0x7F.0.0.1",
                "0177.0.0.1", "2130706433", "4294967295", "4294967296", "1.2.3", "1.2", "1.2.3.4.", "256.1.1.1", "1.2.3.256", "1.2.65536",
                "0x100000000", "1.2.3.4.5", "0x", "0x.1", "00", "08", "09.1", "0.0.0.0", "1.0x", "a.1", "1.a", "a.0x1", "0x1.a", "1e3",
                "[::1]", "[::]", "[::FFFF:1.2.3.4]", "[0:0::1]", "[1:0:0:0:0:0:0:1]", "[1::2:0:0:3]", "[1:0:0:2:0:0:0:3]", "[::1.2.3.4]",
                "[1:2:3:4:5:6:7::]", "[::2:3:4:5:6:7:8]", "[1:2:3:4:5:6::8]", "[1:2:3:4:5:6:1.2.3.4]", "[1:2:3:4:5:6:7:1.2.3.4]",
                "[::ffff:0:0]", "[2001:DB8::A]", "[0000:0000::00001]", "[:1]", "[1:]", "[1:::2]", "[::1.2.3]", "[::1.2.3.4.5]",
                "[::256.1.1.1]", "[::01.2.3.4]", "[1::2::3]", "[g::1]", "[12345::1]", "[::1]x", "m\u00fcnchen.de", "M\u00dcNCHEN.de",
                "\uff21\uff30\uff30\u3002example", "\uff11\uff12\uff17.\uff10.\uff10.\uff11", "\u05d0.example", "\u00fc_x.example", "a\u200db.example");
        List<String> ports = List.of("", "", "", ":", ":80", ":443", ":8080", ":0080", ":0", ":65535", ":65536", ":99999999999999999999",
                ":8a", ":+80", ": 80");
        List<String> rests = List.of("", "", "/", "/a/b", "/a b", "/a%", "/a%4", "/%zz", "/%41%2e%2E/", "/a|b^{}`\"<>", "/\\evil.example",
                "\\@evil.example", "/./a/../b", "/a/%2e%2e/b", "?x=%&y=[]", "?q=a\\b", "?q='x'", "?%", "#f#g", "#a b`<>", "/p[1]/x",
                "/caf\u00e9", "?q=\u00e9", "/\ud83d\ude00", "/x'y!$&()*+,;=:@~", "?a=1#b?c", "/;x", "/~u", "/a?b?c", "//double", "?", "#");
        Random random = new Random(68);
        while (urls.size() < 3_000) {
            urls.add(pick(random, schemes) + pick(random, credentials) + pick(random, hosts) + pick(random, ports) + pick(random, rests));
        }
        return List.copyOf(urls);
    }

    private static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /**
     * Chromium's host for each text as the host of an http URL (a domain, an IPv4 address, or an IPv6 one,
     * bracketed since it holds a colon); null when it refuses it.
     */
    private static final String HOSTS = """
            return arguments[0].map(text => {
              try {
                return new URL('http://' + (text.includes(':') ? '[' + text + ']' : text) + '/').hostname;
              } catch (e) {
                return null;
              }
            });""";

    /** {@link #HOSTS} for each text. */
    private static List<String> hostsInChromium(List<String> texts) {
        return inChromium(HOSTS, texts);
    }

    /**
     * An email's internationalized domain is written in A-label form ({@code EmailAddresses.asciiDomain}:
     * UTS 46 with the Bidi and joiner rules and STD3's letters, digits and hyphens), and codes and notices
     * are mailed there: every domain converted must be the one Chromium (UTS 46, as browsers, registries
     * and mail servers read names) goes to, or a code would reach another domain or none. And every domain
     * Chromium goes to that is a mail domain (letters, digits and hyphens, a dot) must be taken: refusing
     * one fails the evaluation of a person with that address. Found by this test: java.net.IDN, used
     * before, converted domains that break the Bidi rule, refused every script encoded since Unicode 3.2
     * (60 of the 88 scripts' domains below) and converted Georgian capitals to another domain.
     */
    @Test
    void everyEmailDomainConvertedIsTheDomainChromiumGoesTo() {
        List<String> domains = internationalDomains();
        List<String> chromium = hostsInChromium(domains);
        List<String> disagreements = new ArrayList<>();
        int converted = 0;
        for (int i = 0; i < domains.size(); i++) {
            String domain = domains.get(i);
            String theirs = chromium.get(i) == null ? null : withoutFinalDot(chromium.get(i));
            String ours = io.seatguard.core.evaluation.EmailAddresses.asciiDomain(domain);
            boolean accepted = io.seatguard.core.evaluation.EmailAddresses.isMailbox("someone@" + ours);
            if (accepted && !ours.equals(domain)) {
                converted++;
                String mailed = withoutFinalDot(ours.toLowerCase(Locale.ROOT));
                if (!mailed.equals(theirs)) {
                    disagreements.add(domain + " : mailed at " + mailed + ", Chromium goes to " + theirs);
                }
            }
            else if (!accepted && theirs != null && couldBeAMailDomain(domain) && io.seatguard.core.evaluation.EmailAddresses.isMailbox("someone@" + theirs)) {
                disagreements.add(domain + " : refused here, Chromium goes to " + theirs);
            }
        }
        assertThat(disagreements).as("of %d domains, %d converted", domains.size(), converted).isEmpty();
        assertThat(converted).as("the corpus converts many of its domains").isGreaterThan(domains.size() / 2);
    }

    /**
     * A URL's host with non-ASCII letters (an app's allowed origin, a {@code return_to}) is converted as
     * Chromium converts it: the same origin, both ways. What is taken is the host Chromium goes to, and
     * every host Chromium converts to a plain domain (letters, digits, hyphens, dots) is taken, unless it
     * was written with a percent-escape, which Chromium decodes first and Seatguard refuses.
     */
    @Test
    void everyInternationalHostIsTheOriginChromiumGoesTo() {
        List<String> hosts = new ArrayList<>(internationalDomains());
        hosts.addAll(List.of("\uff11\uff12\uff17.\uff10.\uff10.\uff11", "0x\uff17f.1", "\uff21\uff30\uff30\u3002example", "a\u2025b.example",
                "\u2488.example", "\u0301a.example", "\u0661\u0662\u0663.example", "-m\u00fcnchen.de", "m\u00fcnchen-.de", "ab--\u00fc.example",
                "xn--bcher-kva.\u00fc", "xn--zz.\u00fc", "xn--a.\u00fc", "app.example\u3002", "a\ufe0f.example", "\u212aa.example", "\u0130.example",
                "\u00a0a.example", "app.example\uff1a8080", "\u00fc\uff20x.example", "\u00fc\uff0fx.example", "\u00fc\uff1fx.example",
                ("\u00e4".repeat(60) + ".").repeat(4) + "de", "\u00e4".repeat(70) + ".example"));
        List<String> urls = hosts.stream().map(host -> "https://" + host + "/").toList();
        List<List<String>> chromium = readInChromium(urls);
        List<String> disagreements = new ArrayList<>();
        int taken = 0;
        for (int i = 0; i < urls.size(); i++) {
            Optional<String> ours = Origins.of(urls.get(i));
            String theirs = chromium.get(i) == null ? null : chromium.get(i).get(0);
            if (ours.isPresent()) {
                taken++;
                if (!ours.get().equals(theirs)) {
                    disagreements.add(hosts.get(i) + " : " + ours.get() + " here, " + theirs + " in Chromium");
                }
            }
            else if (theirs != null && PLAIN_ORIGIN.matcher(theirs).matches() && theirs.length() <= "https://".length() + 254
                    && !hosts.get(i).contains("%")) {
                disagreements.add(hosts.get(i) + " : refused here, " + theirs + " in Chromium");
            }
        }
        assertThat(disagreements).as("of %d hosts, %d taken", hosts.size(), taken).isEmpty();
        assertThat(taken).as("the corpus's hosts are mostly taken").isGreaterThan(hosts.size() / 2);
    }

    /** An https origin whose host is plainly a domain: letters, digits, hyphens, dots. */
    private static final Pattern PLAIN_ORIGIN = Pattern.compile("https://[a-z0-9.-]+");

    /**
     * Domains with non-ASCII letters in many scripts, cases and forms, and ones a browser or mail refuses:
     * joiners, the Bidi rule's cases, symbols UTS 46 maps or refuses, what a URL gives other meanings.
     */
    private static List<String> internationalDomains() {
        List<String> domains = new ArrayList<>(List.of("bücher.de", "Bücher.DE", "café.fr", "ÉCOLE.fr", "Ångström.se", "zürich.ch", "ñandú.es", "straße.de",
                "fußball.example", "ελληνικά.gr", "ΕΛΛΗΝΙΚΑ.gr", "σίσυφος.gr", "σίσυφοσ.gr", "пример.рф", "ПРИМЕР.РФ", "例え.jp", "中国.cn",
                "日本語。jp", "ｅｘａｍｐｌｅ．ｃｏｍ", "ｅｘａｍｐｌｅ｡com", "☕.example", "\ud83d\udca9.la", "e\u0301cole.fr", "exa\u200bmple.com",
                "exa\u00admple.com", "a\u200db.example", "a\u200cb.example", "\u0915\u094d\u200d.example", "İstanbul.tr", "ıstanbul.tr",
                "ꙮ.example", "a\u2024com", "ⅷ.example", "ｍüller.de", "müller.de.", "xn--mller-kva.de", "ü.example", "ü-.example", "-ü.example",
                "ü_x.example", "ü x.example", "ü@x.example", "ü/x.example", "ü%41.example", "\ud800.example", "〇.example", "ǅ.example", "ﬀ.example",
                "ℌ.example", "㎏.example", "½.example", "①.example", "ä".repeat(30) + ".example", "ä".repeat(70) + ".example", "日本語.jp",
                "한국.kr", "ไทย.th", "ລາວ.la", "ⴰⵣⵓⵍ.ma", "उदाहरण.परीक्षा",
                // Right-to-left text: what the Bidi rule takes and refuses.
                "مثال.إختبار", "דוגמה.טעסט", "مثال١.إختبار", "مثال1.إختبار", "דוגמה1.טעסט", "מבחן-1.טעסט", "\u05d0.example", "\u05d0b.example",
                "a\u05d0.example", "1\u05d0.example", "\u05d01.example", "\u05d0.1example", "\u05d0.example1", "\u0627\u064b.example",
                "\u0627\u0663\u0664.example", "\u0627\u0663" + "4.example", "\u0627\u06f3\u06f4.example", "\u0661\u0662.example",
                "x\u0663\u06f3.example", "x\u06f3.example", "\u05d0-\u05d1.example", "\u05d0\u05b0.example", "\u05d0.\u05d1", "abc.\u0627\u0628",
                "\u0627\u0628.xn--bcher-kva", "ü.\u05d0", "\u05d0.ü", "\u0628\u0663\u0628.example", "\u05d0!.example", "\u05d0\u00e9.example"));
        // Scripts and letters encoded after Unicode 3.2, and capitals that case-fold since: labels under .example.
        String newerLabels = ""
                + "\ud83a\udd00\ud83a\udd23\ud83a\udd24\ud83a\udd22\ud83a\udd25 \u13e3\u13b3\u13a9 \uabb3\uab83\uab79 \u1c90 "
                + "\u10d0 \u07d2\u07de\u07cf \u1c5a\u1c5e \ua997\ua9ae \u1b29\u1b2e\u1b36 \ua559\ua524 \u1956\u196d\u1970 "
                + "\u10a0\u10a1 \u2d00\u2d01 \u1c90\u1c91 \ua7b5 \u0242 \u2c65 \ua641 \u04cf \u04a9 \u1ef3 \u217d \u01c6 \u0221 "
                + "\u0238 \u0247 \u1d00 \u01f9 \u0452 \u0511 \u0527 \u052f \u1d79 \ua727 \ua7f9 \uab70 \ufb01 \u01c8 \uab30 "
                + "\u0250 \u024b \u02bcn \u017f \u1c80 \u1d80 \u1e01 \u1e9c \u24d0 \u1401 \ua4d0 \ud801\udc00 \ud801\udc28 \u2c30 "
                + "\u2c00 \ua64b \ua699 \u1a00 \u1a50 \u1b83 \u1c00 \ua882 \ua90a \uaa00 \uaa80 \uaae0 \ud804\udc05 \ud804\udc83 "
                + "\u1980 \u1700 \u1760 \ua840 \u1901 \u1450\u14c7 \u16a0 \u1200 \u2d80 \uab01 \u1380 \u1250 \u0840 \u08a0 \u0780 "
                + "\u0710 \u06bd \u06ff \u0750 \u0800";
        for (String label : newerLabels.split(" ")) {
            domains.add(label + ".example");
        }
        domains.add("\u2d30\u2d63\u2d53\u2d4d.ma");
        return domains;
    }

    /**
     * Whether text a URL parser reads as a host could be an email's domain at all: not with what a URL gives
     * other meanings ({@code @}, {@code %}, {@code /}), not ending in a dot (no mailbox's does), and no label
     * starting or ending with a hyphen, which IDNA2008 forbids and browsers alone overlook.
     */
    private static boolean couldBeAMailDomain(String domain) {
        if (domain.chars().anyMatch(c -> "@%/\\?# :".indexOf(c) >= 0) || domain.endsWith(".")) {
            return false;
        }
        return java.util.Arrays.stream(domain.split("\\.")).noneMatch(label -> label.startsWith("-") || label.endsWith("-"));
    }

    private static String withoutFinalDot(String domain) {
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }

    /** An embedded IPv4 part with an octet written with a leading zero (see {@link #ipLiteralsAreReadAsChromiumReadsThem}). */
    private static final Pattern LEADING_ZERO_OCTET = Pattern.compile("(^|[:.])0\\d[0-9.]*$");
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    /**
     * {@link IpAddresses#parse} reads every IP literal a client sends (evaluate's {@code ip} and
     * {@code local_ips}, a forwarded hop, an {@code ip} search, a list's entries). IPv6 text must be read
     * exactly as a browser reads a bracketed host, both ways: the same texts taken, as the same address.
     * IPv4 is narrower on purpose (no octal, hex or short forms): what is taken must be what Chromium reads,
     * and a dotted quad Chromium keeps as written must be taken. Found by this comparison: the JDK's reader,
     * used before, took {@code 00000::1} and {@code ::ffff:010.0.0.1}. The one place Chromium is laxer
     * than the URL standard it implements, and than RFC 3986: an embedded IPv4 octet with a leading zero,
     * which it reads as its IPv4 parser does, in octal ({@code ::ffff:010.0.0.1} is {@code ::ffff:8.0.0.1}
     * to Chromium, {@code ::ffff:10.0.0.1} to the JDK). Two readers disagreeing is why such text is refused.
     */
    @Test
    void ipLiteralsAreReadAsChromiumReadsThem() {
        List<String> texts = ipTexts();
        List<String> chromium = hostsInChromium(texts);
        List<String> disagreements = new ArrayList<>();
        int ipv6Read = 0;
        int ipv4Read = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String theirs = chromium.get(i);
            Optional<InetAddress> ours = IpAddresses.parse(text);
            if (text.indexOf(':') >= 0) {
                String oursAsHost = ours.map(address -> "[" + Ipv6Literals.compressed(sixteenBytes(address)) + "]").orElse(null);
                boolean refusedOnPurpose = ours.isEmpty() && LEADING_ZERO_OCTET.matcher(text).find();
                if (!Objects.equals(oursAsHost, theirs) && !refusedOnPurpose) {
                    disagreements.add(text + " : " + oursAsHost + " here, " + theirs + " in Chromium");
                }
                ipv6Read += ours.isPresent() ? 1 : 0;
            }
            else if (ours.isPresent() ? !IpAddresses.format(ours.get()).equals(theirs) : text.equals(theirs) && DOTTED_QUAD.matcher(text).matches()) {
                disagreements.add(text + " : " + ours.map(IpAddresses::format).orElse(null) + " here, " + theirs + " in Chromium");
            }
            else {
                ipv4Read += ours.isPresent() ? 1 : 0;
            }
        }
        assertThat(disagreements).as("of %d texts", texts.size()).isEmpty();
        // Both sides of each grammar were met: a corpus read wholly one way would prove little.
        assertThat(ipv6Read).isBetween(texts.size() / 20, texts.size() / 2);
        assertThat(ipv4Read).isBetween(texts.size() / 50, texts.size() / 4);
    }

    /** An IPv4 address as the IPv4-mapped IPv6 one, which is how a bracketed {@code ::ffff:1.2.3.4} reads in a browser. */
    private static byte[] sixteenBytes(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }

    /** Pieces joined by colons or dots, the way a mistyped or hostile address is (a fixed seed: the same corpus every run). */
    private static List<String> ipTexts() {
        List<String> pieces = List.of("0", "1", "00", "ff", "FFFF", "fFfF", "12345", "abcd", "0000", "00000", "000a", "g", "", "255",
                "256", "01", "010", "1.2.3.4", "01.2.3.4", "1.2.3.04", "256.1.1.1", "1.2.3", "1.2.3.4.5", "0.0.0.0", "255.255.255.255",
                "1.2.3.00", "192.0.2.1", "0x1", "1e1", "::");
        Set<String> texts = new LinkedHashSet<>(List.of("::", "::1", ":::", "1::", ":1", "1:", "::ffff:1.2.3.4", "::ffff:010.0.0.1",
                "00000::1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4",
                "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4", "1.2.3.4", "01.2.3.4", "1.2.3", "0177.0.0.1", "4294967295", "255.255.255.255"));
        Random random = new Random(69);
        while (texts.size() < 3_000) {
            int count = random.nextInt(1, 10);
            char separator = random.nextInt(8) == 0 ? '.' : ':';
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "::" : "");
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    text.append(separator);
                }
                text.append(pick(random, pieces));
            }
            if (random.nextInt(10) == 0) {
                text.append("::");
            }
            texts.add(text.toString());
        }
        while (texts.size() < 6_000) {
            texts.add(nearlyAnAddress(random, pieces));
        }
        while (texts.size() < 7_000) {
            // Four numbers, now and then one with a leading zero or over 255.
            StringBuilder quad = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                quad.append(i > 0 ? "." : "").append(random.nextInt(12) == 0 ? "0" : "").append(random.nextInt(12) == 0 ? 300 : random.nextInt(256));
            }
            texts.add(quad.toString());
        }
        return List.copyOf(texts);
    }

    /**
     * An address written as people and programs write them (eight pieces, or fewer around a {@code ::}, the
     * last two now and then as a dotted quad), half of them with one piece replaced by an odd one.
     */
    private static String nearlyAnAddress(Random random, List<String> oddPieces) {
        List<String> written = new ArrayList<>();
        boolean quad = random.nextInt(4) == 0;
        int count = quad ? 6 : 8;
        for (int i = 0; i < count; i++) {
            int value = random.nextInt(3) == 0 ? 0 : random.nextInt(0x10000);
            String hex = Integer.toHexString(value);
            written.add(random.nextBoolean() ? hex : "0".repeat(4 - hex.length()) + hex.toUpperCase(Locale.ROOT));
        }
        if (quad) {
            written.add(random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
        }
        if (random.nextBoolean()) {
            written.set(random.nextInt(written.size()), pick(random, oddPieces));
        }
        String text = String.join(":", written);
        if (random.nextBoolean()) {
            // Drop a run of pieces for "::", as a compressed address does.
            int from = random.nextInt(count);
            int to = random.nextInt(from, count + 1);
            text = String.join(":", written.subList(0, from)) + "::" + String.join(":", written.subList(to, written.size()));
        }
        return text;
    }
}

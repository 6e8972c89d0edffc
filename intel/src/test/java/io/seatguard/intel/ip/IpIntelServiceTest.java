package io.seatguard.intel.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.seatguard.core.intel.Anonymity;
import io.seatguard.core.intel.IpFacts;
import io.seatguard.core.intel.Judgement;
import io.seatguard.core.net.IpAddresses;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with small fixtures of its own: curated ASN lists with ASN data, operator lists from files
 * and from a local HTTP server, reloads without a restart, and sources that are missing or broken.
 */
class IpIntelServiceTest {
    @TempDir
    Path folder;

    private HttpServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    private IpIntelService service(IntelConfig config) {
        IpIntelService service = new IpIntelService(config, ZoneTable.bundled(), InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z")));
        service.refresh();
        return service;
    }

    private IntelConfig config(List<Path> asnFiles, List<IntelConfig.ListSpec> lists) {
        return new IntelConfig(List.of(), "geoip", asnFiles, "asn-test", Optional.of(LocalDate.of(2026, 6, 17)), List.of(), List.of(), lists);
    }

    private static IpFacts lookup(IpIntelService service, String ip) {
        return service.lookup(IpAddresses.parse(ip).orElseThrow());
    }

    @Test
    void hostingIsJudgedOutOfTheBoxFromAsnDataAndTheCuratedList() throws Exception {
        IpIntelService service = service(config(AsnTableTest.write(folder), List.of()));
        IpFacts aws = lookup(service, "3.5.140.2");
        assertThat(aws.asn()).map(a -> a.number()).contains(16509L);
        Judgement hosting = aws.judged(Anonymity.HOSTING).orElseThrow();
        assertThat(hosting.value()).isTrue();
        assertThat(hosting.source().name()).isEqualTo("hosting-asns");
        assertThat(hosting.source().date()).contains(LocalDate.of(2026, 11, 24));
        assertThat(aws.judged(Anonymity.VPN)).map(Judgement::value).contains(false);
        assertThat(aws.judged(Anonymity.TOR)).as("no Tor list configured: unknown").isEmpty();

        assertThat(lookup(service, "8.8.8.8").judged(Anonymity.HOSTING)).map(Judgement::value).as("Google's AS15169 is not in the list").contains(false);
        assertThat(lookup(service, "192.0.2.1").judged(Anonymity.HOSTING)).as("no ASN known for it: unknown").isEmpty();
        assertThat(lookup(service, "192.0.2.1").location()).isEmpty();
    }

    @Test
    void withNoDataEverythingIsUnknown() {
        IpIntelService service = service(IntelConfig.NONE);
        assertThat(lookup(service, "3.5.140.2")).isEqualTo(IpFacts.UNKNOWN);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("geoip")).singleElement()
                .satisfies(s -> assertThat(s.loaded()).isFalse());
    }

    @Test
    void operatorListsFlagTheirKindWithTheirSourceAndDate() throws Exception {
        Path tor = Files.writeString(folder.resolve("tor.csv"), "fingerprint, ipaddr, port\nABC, 185.220.101.1, 443\nDEF, 185.220.101.9, 443\n");
        Files.setLastModifiedTime(tor, FileTime.from(Instant.parse("2026-08-22T21:13:34Z")));
        Path relay = Files.writeString(folder.resolve("relay.txt"), "172.224.226.0/27\n");
        IpIntelService service = service(config(List.of(), List.of(IntelConfig.ListSpec.parse("tor=" + tor), IntelConfig.ListSpec.parse("relay=" + relay))));

        Judgement exit = lookup(service, "185.220.101.1").judged(Anonymity.TOR).orElseThrow();
        assertThat(exit.value()).isTrue();
        assertThat(exit.source().name()).isEqualTo("tor:" + tor);
        assertThat(exit.source().date()).contains(LocalDate.of(2026, 8, 22));
        assertThat(lookup(service, "185.220.101.2").judged(Anonymity.TOR)).map(Judgement::value).contains(false);
        assertThat(lookup(service, "172.224.226.5").judged(Anonymity.RELAY)).map(Judgement::value).contains(true);
        assertThat(lookup(service, "172.224.226.5").judged(Anonymity.VPN)).as("no VPN list and no ASN: unknown").isEmpty();
    }

    /**
     * Review finding: files unpacked from npm are all dated 1985-10-26, and an --asn-db or --ip-list file
     * with no date of its own was dated by that time: /readyz and the flags' sources said the data was from
     * 1985. A time before 2000 is a packaging artefact, not a data date: unknown.
     */
    @Test
    void aFileTimeThatIsAPackagingArtefactIsNoDataDate() throws Exception {
        List<Path> asnFiles = AsnTableTest.write(folder);
        Path tor = Files.writeString(folder.resolve("tor.txt"), "185.220.101.1\n");
        FileTime npm = FileTime.from(Instant.parse("1985-10-26T08:15:00Z"));
        for (Path file : List.of(asnFiles.get(0), tor)) {
            Files.setLastModifiedTime(file, npm);
        }
        Files.setLastModifiedTime(asnFiles.get(1), FileTime.from(Instant.parse("2026-09-01T00:00:00Z")));
        IpIntelService service = service(new IntelConfig(List.of(), "geoip", asnFiles, "asn-test", Optional.empty(), List.of(), List.of(),
                List.of(IntelConfig.ListSpec.parse("tor=" + tor))));

        assertThat(service.status()).filteredOn(s -> s.kind().equals("asn") || s.kind().equals("tor-list")).hasSize(2).allSatisfy(s -> {
            assertThat(s.loaded()).as(s.name()).isTrue();
            assertThat(s.date()).as(s.name() + ": unknown, not 1985").isEmpty();
        });
        assertThat(lookup(service, "185.220.101.1").judged(Anonymity.TOR)).hasValueSatisfying(j -> assertThat(j.source().date()).isEmpty());

        Files.setLastModifiedTime(asnFiles.get(0), FileTime.from(Instant.parse("2026-08-22T00:00:00Z")));
        service.refresh();
        assertThat(service.status()).filteredOn(s -> s.kind().equals("asn")).singleElement()
                .satisfies(s -> assertThat(s.date()).as("the oldest file's day once every time is one").contains(LocalDate.of(2026, 8, 22)));
    }

    @Test
    void aChangedFileIsReloadedWithoutARestartAndABrokenOneKeepsThePreviousData() throws Exception {
        Path vpn = Files.writeString(folder.resolve("vpn.txt"), "2.26.157.0/24\n");
        IpIntelService service = service(config(List.of(), List.of(IntelConfig.ListSpec.parse("vpn=" + vpn))));
        assertThat(lookup(service, "5.5.5.5").judged(Anonymity.VPN)).map(Judgement::value).contains(false);

        Files.writeString(vpn, "2.26.157.0/24\n5.5.5.0/24\n");
        Files.setLastModifiedTime(vpn, FileTime.from(Instant.now().plusSeconds(5)));
        service.refresh();
        assertThat(lookup(service, "5.5.5.5").judged(Anonymity.VPN)).map(Judgement::value).contains(true);

        Files.writeString(vpn, "nothing readable here\n");
        Files.setLastModifiedTime(vpn, FileTime.from(Instant.now().plusSeconds(10)));
        service.refresh();
        assertThat(lookup(service, "5.5.5.5").judged(Anonymity.VPN)).as("previous data kept").map(Judgement::value).contains(true);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("vpn-list")).singleElement().satisfies(s -> {
            assertThat(s.loaded()).isTrue();
            assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("no address"));
        });
    }

    @Test
    void aMissingFileIsReportedAndLeavesItsKindUnknown() {
        IpIntelService service = service(config(List.of(), List.of(IntelConfig.ListSpec.parse("tor=" + folder.resolve("absent.txt")))));
        assertThat(lookup(service, "185.220.101.1").judged(Anonymity.TOR)).isEmpty();
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> {
            assertThat(s.loaded()).isFalse();
            assertThat(s.error()).isPresent();
        });
    }

    @Test
    void aUrlIsFetchedAgainOnlyWhenItChanged() throws Exception {
        AtomicReference<String> body = new AtomicReference<>("185.220.101.1\n");
        AtomicInteger fullResponses = new AtomicInteger();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/tor.txt", exchange -> {
            String etag = "\"" + Integer.toHexString(body.get().hashCode()) + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            }
            else {
                byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.getResponseHeaders().add("Last-Modified", "Sat, 22 Aug 2026 21:13:34 GMT");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                fullResponses.incrementAndGet();
            }
            exchange.close();
        });
        http.start();
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/tor.txt";
        IpIntelService service = service(config(List.of(), List.of(IntelConfig.ListSpec.parse("tor=" + url))));
        Judgement exit = lookup(service, "185.220.101.1").judged(Anonymity.TOR).orElseThrow();
        assertThat(exit.value()).isTrue();
        assertThat(exit.source().date()).contains(LocalDate.of(2026, 8, 22));

        service.refresh();
        assertThat(fullResponses).as("unchanged: 304").hasValue(1);

        body.set("185.220.101.2\n");
        service.refresh();
        assertThat(fullResponses).hasValue(2);
        assertThat(lookup(service, "185.220.101.1").judged(Anonymity.TOR)).map(Judgement::value).contains(false);
        assertThat(lookup(service, "185.220.101.2").judged(Anonymity.TOR)).map(Judgement::value).contains(true);
    }

    /**
     * Review finding: a list's status was written field by field (data, date, count, error, then the check
     * time once the log line was written), so /readyz read during a reload could show the new list's count
     * beside the old list's date or check time. Each reload here swaps a list of one address dated 2020 for
     * one of two dated 2021 or back, each at its own clock second; every status read must be one reload's.
     */
    @Test
    void aStatusReadDuringReloadsIsAlwaysOneReloadsWhole() throws Exception {
        Path list = folder.resolve("tor.txt");
        AtomicInteger second = new AtomicInteger();
        IpIntelService service = new IpIntelService(new IntelConfig(List.of(), "geoip", List.of(), "asn", Optional.empty(), List.of(), List.of(),
                List.of(IntelConfig.ListSpec.parse("tor=" + list))), ZoneTable.bundled(), () -> Instant.ofEpochSecond(second.get()));
        AtomicReference<String> mix = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!done.get() && mix.get() == null) {
                io.seatguard.intel.ip.SourceStatus s = service.status().get(4);
                if (s.checkedAt().isEmpty() || !s.loaded()) {
                    continue;
                }
                long odd = s.checkedAt().get().getEpochSecond() % 2;
                boolean whole = s.entries() == odd + 1 && s.date().equals(Optional.of(LocalDate.of(2020 + (int) odd, 1, 1)));
                if (!whole) {
                    mix.set(s.toString());
                }
            }
        });
        reader.start();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            for (int i = 0; i < 4000 && mix.get() == null && System.nanoTime() < until; i++) {
                Path next = folder.resolve("next.txt");
                Files.writeString(next, i % 2 == 0 ? "185.220.101.1\n" : "185.220.101.1\n185.220.101.2\n");
                Files.setLastModifiedTime(next, FileTime.from(Instant.parse((2020 + i % 2) + "-01-01T00:00:00Z")));
                Files.move(next, list, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                second.set(i);
                service.refreshLocal();
            }
        }
        finally {
            done.set(true);
            reader.join();
        }
        assertThat(mix.get()).as("a status read during a reload").isNull();
    }

    /**
     * Review finding: a list served from a folder whose files carry a packaging time (a Nix store, where
     * every file is dated 1970-01-01 00:00:01, or files unpacked from npm, 1985-10-26) is answered with
     * that time as its Last-Modified. A list file so dated has no data date, but a download took the header
     * as it came: /readyz and every flag's source said the Tor list was 56 years old. Such a Last-Modified
     * is no date, as if the server had sent none: the list is dated by the time it was fetched.
     */
    @Test
    void aLastModifiedThatIsAPackagingArtefactIsNoDataDate() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/tor.txt", exchange -> {
            byte[] bytes = "185.220.101.1\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Last-Modified", "Thu, 01 Jan 1970 00:00:01 GMT");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        LocalDate before = LocalDate.now(java.time.ZoneOffset.UTC);
        IpIntelService service = service(config(List.of(),
                List.of(IntelConfig.ListSpec.parse("tor=http://127.0.0.1:" + http.getAddress().getPort() + "/tor.txt"))));
        LocalDate after = LocalDate.now(java.time.ZoneOffset.UTC);

        Judgement exit = lookup(service, "185.220.101.1").judged(Anonymity.TOR).orElseThrow();
        assertThat(exit.value()).isTrue();
        assertThat(exit.source().date()).as("the time it was fetched, not 1970").hasValueSatisfying(d -> assertThat(d).isBetween(before, after));
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement()
                .satisfies(s -> assertThat(s.date()).hasValueSatisfying(d -> assertThat(d).isBetween(before, after)));
    }

    /**
     * Review finding: a list URL that answered 200 with a rate-limit page ("Your IP: 8.8.8.8") replaced the
     * whole list with that one address: /readyz said ok, 8.8.8.8 became a relay and the real relays did not.
     */
    @Test
    void aPageAnsweredInAListsPlaceIsRefusedAndTheListKept() throws Exception {
        String page = "<!DOCTYPE html>\n<html><head><title>Too many requests</title></head>\n<body>\n<h1>Slow down</h1>\n<p>Your IP:\n8.8.8.8\n</p>\n</body></html>\n";
        AtomicReference<String> body = new AtomicReference<>("172.224.226.0/27\n172.225.0.0/16\n");
        AtomicReference<String> type = new AtomicReference<>("text/plain; charset=utf-8");
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/relay.csv", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type.get());
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/relay.csv";
        IpIntelService service = service(config(List.of(), List.of(IntelConfig.ListSpec.parse("relay=" + url))));
        assertThat(lookup(service, "172.224.226.5").judged(Anonymity.RELAY)).map(Judgement::value).contains(true);

        record Answer(String type, String body, String refusal) {}
        for (Answer answer : List.of(
                new Answer("text/html; charset=UTF-8", page, "answered a web page (Content-Type text/html)"),
                new Answer("text/plain", page, "is a web page"),
                new Answer("text/plain", "Rate limit exceeded.\nYour IP: 8.8.8.8\nPlease try again in 60 seconds.\n", "is mostly unreadable: 2 of 3 lines"),
                // Review finding: a tie passed "more unreadable than readable", so this two-line page was the list.
                new Answer("text/plain", "Your IP: 8.8.8.8\nSign in to use this network.\n", "is half unreadable: 1 of 2 lines"))) {
            type.set(answer.type());
            body.set(answer.body());
            service.refresh();
            assertThat(service.status()).as(answer.refusal()).filteredOn(s -> s.kind().equals("relay-list")).singleElement().satisfies(s -> {
                assertThat(s.loaded()).isTrue();
                assertThat(s.entries()).as("the previous list").isEqualTo(2);
                assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(answer.refusal()));
            });
            assertThat(lookup(service, "8.8.8.8").judged(Anonymity.RELAY)).as(answer.refusal()).map(Judgement::value).contains(false);
            assertThat(lookup(service, "172.224.226.5").judged(Anonymity.RELAY)).as(answer.refusal()).map(Judgement::value).contains(true);
        }

        type.set("text/csv");
        body.set("172.224.226.0/27,GB,GB-EN,London,\n");
        service.refresh();
        assertThat(service.status()).filteredOn(s -> s.kind().equals("relay-list")).singleElement().satisfies(s -> {
            assertThat(s.entries()).isEqualTo(1);
            assertThat(s.error()).as("a list again: loaded").isEmpty();
        });
    }

    /**
     * Review finding: a list row covering everything ({@code 0.0.0.0/0}) flagged every client. Such a row
     * is left out and counted unreadable, the rest of the list is read, and a warning names its line; a
     * list of nothing else is refused and keeps its previous data.
     */
    @Test
    void aListRowWiderThanASlashEightIsLeftOutAndItsLineLogged() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(IpIntelService.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Path vpn = Files.writeString(folder.resolve("vpn.txt"), "# X4B\n2.26.157.0/24\n0.0.0.0/0\n5.5.5.0/24\n");
            IpIntelService service = service(config(List.of(), List.of(IntelConfig.ListSpec.parse("vpn=" + vpn))));
            assertThat(lookup(service, "2.26.157.9").judged(Anonymity.VPN)).map(Judgement::value).contains(true);
            assertThat(lookup(service, "8.8.8.8").judged(Anonymity.VPN)).as("0.0.0.0/0 left out").map(Judgement::value).contains(false);
            // One line names the unreadable rows and which of them were too wide (it was two lines naming line 3 each).
            assertThat(appender.list).map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).filteredOn(m -> m.contains(vpn.toString()) && m.contains("line(s)"))
                    .singleElement().satisfies(m -> assertThat(m).contains("1 unreadable line(s), skipped (line(s) 3)")
                            .endsWith("; 1 of them is a row wider than an IPv4 /8 or an IPv6 /16 (line(s) 3)"));
            appender.list.clear();

            Files.writeString(vpn, "0.0.0.0/0\n");
            Files.setLastModifiedTime(vpn, FileTime.from(Instant.now().plusSeconds(5)));
            service.refresh();
            assertThat(lookup(service, "8.8.8.8").judged(Anonymity.VPN)).as("refused: the previous list kept").map(Judgement::value).contains(false);
            assertThat(lookup(service, "5.5.5.5").judged(Anonymity.VPN)).map(Judgement::value).contains(true);
            assertThat(service.status()).filteredOn(s -> s.kind().equals("vpn-list")).singleElement()
                    .satisfies(s -> assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("holds no address")));
            // Refused, the list's too-wide rows are still named: the refusal only says it holds no address.
            assertThat(appender.list).map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).contains(vpn.toString()).contains("1 row(s) wider than an IPv4 /8").endsWith("(line(s) 1)"));
        }
        finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void aListFileMostlyUnreadableIsRefusedAndJsonWithItsStructureIsRead() throws Exception {
        Path vpn = Files.writeString(folder.resolve("vpn.txt"), "# X4B\n2.26.157.0/24\n5.5.5.0/24\n");
        Path aws = Files.writeString(folder.resolve("ip-ranges.json"), """
                {
                  "syncToken": "1732000000",
                  "createDate": "2026-11-24-10-00-00",
                  "prefixes": [
                    {
                      "ip_prefix": "3.2.34.0/26",
                      "region": "af-south-1",
                      "service": "AMAZON",
                      "network_border_group": "af-south-1"
                    }
                  ]
                }
                """);
        IpIntelService service = service(config(List.of(), List.of(IntelConfig.ListSpec.parse("vpn=" + vpn), IntelConfig.ListSpec.parse("hosting=" + aws))));
        assertThat(lookup(service, "3.2.34.1").judged(Anonymity.HOSTING)).as("JSON has more structure than addresses").map(Judgement::value).contains(true);

        Files.writeString(vpn, "Service unavailable\nYour address 8.8.8.8 is not allowed\nContact support\n");
        Files.setLastModifiedTime(vpn, FileTime.from(Instant.now().plusSeconds(5)));
        service.refresh();
        assertThat(lookup(service, "5.5.5.5").judged(Anonymity.VPN)).as("previous data kept").map(Judgement::value).contains(true);
        assertThat(lookup(service, "8.8.8.8").judged(Anonymity.VPN)).map(Judgement::value).contains(false);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("vpn-list")).singleElement()
                .satisfies(s -> assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(vpn.toString()).contains("mostly unreadable")));
    }

    /**
     * A list loaded past lines it could not read said so nowhere an operator looks: the status counts
     * them for the data in use, a URL list's as a file's, down to 0 once the list is clean, and a refused
     * reload keeps the count of the data it leaves in use. The ASN table counts its skipped rows too; a
     * JSON list's structure lines and a MaxMind database are no lines to count.
     */
    @Test
    void theStatusCountsTheUnreadableLinesOfTheDataInUse() throws Exception {
        AtomicReference<String> body = new AtomicReference<>("185.220.101.1\n185.220.101.2\nexit list v2\n185.220.101.3\n300.1.1.1\n");
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/tor.txt", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/tor.txt";
        Path aws = Files.writeString(folder.resolve("ip-ranges.json"), "{\n  \"prefixes\": [\n    {\n      \"ip_prefix\": \"3.2.34.0/26\"\n    }\n  ]\n}\n");
        IpIntelService service = service(config(AsnTableTest.write(folder),
                List.of(IntelConfig.ListSpec.parse("tor=" + url), IntelConfig.ListSpec.parse("hosting=" + aws))));
        assertThat(unreadableLines(service, "tor-list")).isEqualTo(2);
        assertThat(unreadableLines(service, "hosting-list")).as("JSON: its structure lines are no rows").isEqualTo(-1);
        assertThat(unreadableLines(service, "asn")).as("the fixture's one bad row").isEqualTo(1);
        assertThat(unreadableLines(service, "geoip")).as("off").isEqualTo(-1);

        body.set("Rate limit exceeded.\nYour IP: 8.8.8.8\nPlease try again in 60 seconds.\n");
        service.refresh();
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> {
            assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("mostly unreadable"));
            assertThat(s.unreadableLines()).as("the list still in use").isEqualTo(2);
        });

        body.set("185.220.101.1\n185.220.101.2\n185.220.101.3\n");
        service.refresh();
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> {
            assertThat(s.error()).isEmpty();
            assertThat(s.unreadableLines()).isZero();
        });
    }

    /**
     * Review: the count is the data in use's on every path that keeps the data: a URL answered 304, a
     * file unchanged, an operator ASN file or an ASN table refused on reload, a list file gone. Each of
     * them rebuilds the status from the one before, and must carry the count over.
     */
    @Test
    void theCountStaysWithTheDataOnEveryReloadThatKeepsIt() throws Exception {
        String text = "185.220.101.1\n185.220.101.2\nexit list v2\n";
        AtomicInteger fullResponses = new AtomicInteger();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/tor.txt", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            }
            else {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                fullResponses.incrementAndGet();
            }
            exchange.close();
        });
        http.start();
        Path vpn = Files.writeString(folder.resolve("vpn.txt"), "198.51.100.1\n198.51.100.2\nexit list v2\n");
        Path extra = Files.writeString(folder.resolve("hosting-extra.txt"), "AS15169\nAS16509\nGoogle\n");
        List<Path> asnFiles = AsnTableTest.write(folder);
        IpIntelService service = service(new IntelConfig(List.of(), "geoip", asnFiles, "asn-test", Optional.of(LocalDate.of(2026, 6, 17)),
                List.of(extra), List.of(), List.of(IntelConfig.ListSpec.parse("tor=http://127.0.0.1:" + http.getAddress().getPort() + "/tor.txt"),
                        IntelConfig.ListSpec.parse("vpn=" + vpn))));
        assertThat(List.of(unreadableLines(service, "tor-list"), unreadableLines(service, "vpn-list"), unreadableLines(service, "hosting-asns"),
                unreadableLines(service, "asn"))).containsExactly(1L, 1L, 1L, 1L);

        service.refresh();
        assertThat(fullResponses).as("unchanged: 304").hasValue(1);
        assertThat(List.of(unreadableLines(service, "tor-list"), unreadableLines(service, "vpn-list"), unreadableLines(service, "hosting-asns"),
                unreadableLines(service, "asn"))).as("nothing changed").containsExactly(1L, 1L, 1L, 1L);

        Files.writeString(extra, "Too many requests\nretry later\nAS15169\n");
        Files.setLastModifiedTime(extra, FileTime.from(Instant.now().plusSeconds(10)));
        Files.writeString(asnFiles.get(0), "Too many requests\nretry later\n");
        Files.setLastModifiedTime(asnFiles.get(0), FileTime.from(Instant.now().plusSeconds(10)));
        Files.delete(vpn);
        service.refresh();
        for (String kind : List.of("vpn-list", "hosting-asns", "asn")) {
            assertThat(service.status()).filteredOn(s -> s.kind().equals(kind)).singleElement().satisfies(s -> {
                assertThat(s.error()).as(kind).isPresent();
                assertThat(s.unreadableLines()).as(kind + ": the data still in use").isEqualTo(1);
            });
        }
    }

    /**
     * Review finding: a text list whose first row is a bracketed IPv6 address ({@code [2001:db8::1]:9001},
     * as relay lists write one with its port) opens with '[' as JSON does, so its unreadable lines were
     * neither counted nor held against it: /readyz showed no count, and a list mostly of text loaded.
     */
    @Test
    void aListOpeningWithABracketedIpv6AddressIsNoJson() throws Exception {
        Path relays = Files.writeString(folder.resolve("relays.txt"), "[2001:db8::1]:9001\n[2001:db8::2]:9001\n[2001:db8::3]:9001\nnot an address\n");
        Path page = Files.writeString(folder.resolve("page.txt"), "[2001:db8::9]\nRate limit exceeded.\nPlease try again in 60 seconds.\n");
        IpIntelService service = service(config(List.of(),
                List.of(IntelConfig.ListSpec.parse("relay=" + relays), IntelConfig.ListSpec.parse("vpn=" + page))));
        assertThat(unreadableLines(service, "relay-list")).isEqualTo(1);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("vpn-list")).singleElement().satisfies(s -> {
            assertThat(s.loaded()).as("mostly text: refused").isFalse();
            assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("mostly unreadable"));
        });
    }

    private static long unreadableLines(IpIntelService service, String kind) {
        return service.status().stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow().unreadableLines();
    }

    /**
     * Review finding: a page holding one address and nothing else (a captive portal's "8.8.8.8", a stub
     * served in a list's place) reads as a list of one, and replaced a list of thousands. A reload that
     * keeps under a tenth of a list of 100 or more is refused, logged and shown stale; a restart takes it.
     */
    @Test
    void aReloadThatShrinksALargeListToATenthIsRefusedAndTheListKept() throws Exception {
        StringBuilder exits = new StringBuilder("# Tor exits\n");
        for (int i = 0; i < 200; i++) {
            exits.append("185.220.").append(100 + i / 100).append('.').append(i % 100).append('\n');
        }
        Path tor = Files.writeString(folder.resolve("tor.txt"), exits);
        Path own = Files.writeString(folder.resolve("own.txt"), "198.51.100.1\n198.51.100.2\n198.51.100.3\n198.51.100.4\n198.51.100.5\n");
        IntelConfig config = config(List.of(), List.of(IntelConfig.ListSpec.parse("tor=" + tor), IntelConfig.ListSpec.parse("vpn=" + own)));
        IpIntelService service = service(config);

        Files.writeString(tor, "8.8.8.8\n");
        Files.writeString(own, "198.51.100.1\n");
        for (Path file : List.of(tor, own)) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        }
        service.refresh();
        assertThat(lookup(service, "8.8.8.8").judged(Anonymity.TOR)).as("the page's address is no exit").map(Judgement::value).contains(false);
        assertThat(lookup(service, "185.220.101.99").judged(Anonymity.TOR)).as("the list in use is kept").map(Judgement::value).contains(true);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> {
            assertThat(s.entries()).isEqualTo(200);
            assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(tor.toString()).contains("shrank from 200 to 1 entries"));
        });
        assertThat(service.status()).filteredOn(s -> s.kind().equals("vpn-list")).singleElement().as("a small list of the operator's is theirs to cut")
                .satisfies(s -> {
                    assertThat(s.entries()).isEqualTo(1);
                    assertThat(s.error()).isEmpty();
                });

        Files.writeString(tor, exits.substring(0, exits.indexOf("185.220.100.20\n")));
        Files.setLastModifiedTime(tor, FileTime.from(Instant.now().plusSeconds(10)));
        service.refresh();
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().as("a tenth is kept: taken").satisfies(s -> {
            assertThat(s.entries()).isEqualTo(20);
            assertThat(s.error()).isEmpty();
        });

        Files.writeString(tor, "185.220.100.0\n");
        Files.setLastModifiedTime(tor, FileTime.from(Instant.now().plusSeconds(15)));
        assertThat(service(config).status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().as("a restart takes the list as it is")
                .satisfies(s -> {
                    assertThat(s.entries()).isEqualTo(1);
                    assertThat(s.error()).isEmpty();
                });
    }

    /**
     * Review finding: a download whose body ends where the server closes the connection (no
     * Content-Length, no chunks) cannot show that it arrived whole. Cut mid-line, its last range read
     * wider than it is ("185.220.102.0/24" cut to "185.220.102.0/2" is 128.0.0.0/2), and a quarter of
     * IPv4 became Tor exits until the next refresh.
     */
    @Test
    void aDownloadCutMidLineWithNoLengthIsRefusedAndTheListKept() throws Exception {
        try (CloseDelimitedHttpServer server = new CloseDelimitedHttpServer()) {
            server.body.set("185.220.101.1\n185.220.102.0/24\n");
            IpIntelService service = service(config(List.of(), List.of(IntelConfig.ListSpec.parse("tor=" + server.url("/tor.txt")))));
            assertThat(lookup(service, "185.220.102.7").judged(Anonymity.TOR)).as("a whole body, line break last: read").map(Judgement::value).contains(true);

            server.body.set("185.220.101.1\n185.220.102.0/2");
            service.refresh();
            assertThat(lookup(service, "151.101.1.1").judged(Anonymity.TOR)).as("no range read from the cut line").map(Judgement::value).contains(false);
            assertThat(lookup(service, "185.220.102.7").judged(Anonymity.TOR)).as("previous data kept").map(Judgement::value).contains(true);
            assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> {
                assertThat(s.loaded()).isTrue();
                assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(server.url("/tor.txt")).contains("ended mid-line"));
            });
        }

        // A body with a length (or in chunks) is known whole: its last line needs no line break.
        for (long length : new long[] {0, "185.220.103.0/24".length()}) {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/tor.txt", exchange -> {
                byte[] bytes = "185.220.103.0/24".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            http.start();
            IpIntelService framed = service(config(List.of(), List.of(IntelConfig.ListSpec.parse("tor=http://127.0.0.1:" + http.getAddress().getPort() + "/tor.txt"))));
            assertThat(lookup(framed, "185.220.103.9").judged(Anonymity.TOR)).as(length == 0 ? "chunked" : "Content-Length").map(Judgement::value).contains(true);
            http.stop(0);
            http = null;
        }
    }

    /**
     * Review finding: a list file rewritten in place (cp, curl -o) while it was read was taken as the
     * file it was when its size and time were looked at: the half-written new text, its last line cut
     * ("185.220.102.0/24" as "185.220.102.0/2", 128.0.0.0/2), flagged a quarter of IPv4 until the next
     * refresh.
     */
    @Test
    void aListFileRewrittenWhileItIsReadIsRefusedAndTheListKept() throws Exception {
        Path tor = Files.writeString(folder.resolve("tor.txt"), "185.220.101.1\n");
        AtomicReference<String> writtenDuringTheRead = new AtomicReference<>();
        ListFetcher writer = new ListFetcher() {
            @Override
            Optional<Fetched> fetch(ListLocation location, Optional<Version> known) throws java.io.IOException {
                Optional<Fetched> fetched = super.fetch(location, known);
                String partial = writtenDuringTheRead.getAndSet(null);
                if (partial != null) {
                    Files.writeString(tor, partial);
                }
                return fetched;
            }
        };
        IpIntelService service = new IpIntelService(config(List.of(), List.of(IntelConfig.ListSpec.parse("tor=" + tor))), ZoneTable.bundled(),
                InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z")), writer);
        service.refresh();
        assertThat(lookup(service, "185.220.101.1").judged(Anonymity.TOR)).map(Judgement::value).contains(true);

        Files.writeString(tor, "185.220.101.1\n185.220.102.0/24\n");
        Files.setLastModifiedTime(tor, FileTime.from(Instant.now().plusSeconds(5)));
        writtenDuringTheRead.set("185.220.101.1\n185.220.102.0/2");
        service.refresh();
        assertThat(lookup(service, "151.101.1.1").judged(Anonymity.TOR)).as("nothing read from the half-written file").map(Judgement::value).contains(false);
        assertThat(lookup(service, "185.220.101.1").judged(Anonymity.TOR)).as("previous data kept").map(Judgement::value).contains(true);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> {
            assertThat(s.loaded()).isTrue();
            assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(tor.toString()).contains("changed while it was read"));
        });

        writtenDuringTheRead.set("185.220.101.1\n185.220.102.0/24\n185.220.103.0/24\n185.220.104.0/2");
        service.refresh();
        assertThat(lookup(service, "151.101.1.1").judged(Anonymity.TOR)).as("grown while read: refused too").map(Judgement::value).contains(false);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement()
                .satisfies(s -> assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("changed while it was read")));

        Files.writeString(tor, "185.220.101.1\n185.220.102.0/24\n");
        service.refresh();
        assertThat(lookup(service, "185.220.102.7").judged(Anonymity.TOR)).as("the whole file, at the next refresh").map(Judgement::value).contains(true);
        assertThat(lookup(service, "151.101.1.1").judged(Anonymity.TOR)).map(Judgement::value).contains(false);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> assertThat(s.error()).isEmpty());
    }

    /**
     * Review finding: a list served gzip-encoded whatever the request asked (an S3 object stored with
     * Content-Encoding gzip, a server that compresses everything) was parsed as its compressed bytes
     * and never loaded, its error saying it held no address.
     */
    @Test
    void aGzipEncodedAnswerIsDecodedAndACutOrOversizedOneRefused() throws Exception {
        AtomicReference<byte[]> body = new AtomicReference<>(gzip("185.220.101.1\n185.220.102.0/24\n".getBytes(StandardCharsets.UTF_8)));
        AtomicReference<String> encoding = new AtomicReference<>("gzip");
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/tor.txt", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.getResponseHeaders().add("Content-Encoding", encoding.get());
            exchange.sendResponseHeaders(200, body.get().length);
            exchange.getResponseBody().write(body.get());
            exchange.close();
        });
        http.start();
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/tor.txt";
        int cap = 64 * 1024;
        IpIntelService service = new IpIntelService(config(List.of(), List.of(IntelConfig.ListSpec.parse("tor=" + url))), ZoneTable.bundled(),
                InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z")), new ListFetcher(ListFetcher.DEADLINE, cap));
        service.refresh();
        assertThat(lookup(service, "185.220.102.7").judged(Anonymity.TOR)).map(Judgement::value).contains(true);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> {
            assertThat(s.entries()).isEqualTo(2);
            assertThat(s.error()).isEmpty();
        });

        byte[] whole = gzip("185.220.101.1\n185.220.103.0/24\n".getBytes(StandardCharsets.UTF_8));
        byte[] newlines = new byte[cap + 1];
        java.util.Arrays.fill(newlines, (byte) '\n');
        record Answer(String encoding, byte[] body, String refusal) {}
        for (Answer answer : List.of(
                new Answer("gzip", java.util.Arrays.copyOf(whole, whole.length - 12), "cannot read"),
                new Answer("gzip", gzip(newlines), "larger than " + cap + " bytes once decompressed"),
                new Answer("br", whole, "Content-Encoding br"))) {
            encoding.set(answer.encoding());
            body.set(answer.body());
            service.refresh();
            assertThat(service.status()).as(answer.refusal()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> {
                assertThat(s.entries()).as("the previous list").isEqualTo(2);
                assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(answer.refusal()));
            });
            assertThat(lookup(service, "185.220.102.7").judged(Anonymity.TOR)).as(answer.refusal()).map(Judgement::value).contains(true);
        }
    }

    private static byte[] gzip(byte[] bytes) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zipped = new java.util.zip.GZIPOutputStream(out)) {
            zipped.write(bytes);
        }
        return out.toByteArray();
    }

    /** Review finding: refresh() ran at startup and waited on every URL, so a stalled list server held the start. */
    @Test
    void startLoadsTheFilesAndLeavesUrlListsToTheFirstRefreshWhichEndsAtTheDeadline() throws Exception {
        Path relay = Files.writeString(folder.resolve("relay.txt"), "172.224.226.0/27\n");
        try (StallingHttpServer stalling = new StallingHttpServer()) {
            IntelConfig config = config(List.of(), List.of(IntelConfig.ListSpec.parse("relay=" + relay), IntelConfig.ListSpec.parse("tor=" + stalling.url("/tor"))));
            IpIntelService started = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> IpIntelService.start(config, InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z"))));
            assertThat(stalling.requests).as("no fetch at start").hasValue(0);
            assertThat(lookup(started, "172.224.226.5").judged(Anonymity.RELAY)).map(Judgement::value).contains(true);
            assertThat(started.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> {
                assertThat(s.loaded()).isFalse();
                assertThat(s.error()).isEmpty();
                assertThat(s.checkedAt()).as("pending").isEmpty();
            });

            IpIntelService service = new IpIntelService(config, ZoneTable.bundled(), InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z")),
                    new ListFetcher(Duration.ofSeconds(1)));
            assertTimeoutPreemptively(Duration.ofSeconds(15), service::refresh);
            assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> {
                assertThat(s.loaded()).isFalse();
                assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("did not arrive"));
                assertThat(s.checkedAt()).isPresent();
            });
            assertThat(lookup(service, "172.224.226.5").judged(Anonymity.RELAY)).as("the other sources load regardless").map(Judgement::value).contains(true);
        }
    }

    /** Review finding: an Error from a huge list escaped refresh(), and the lists after it were never reloaded. */
    @Test
    void aListTooLargeForTheHeapFailsAloneAndTheOthersStillLoad() throws Exception {
        Path relay = Files.writeString(folder.resolve("relay.txt"), "172.224.226.0/27\n");
        ListFetcher exhausted = new ListFetcher() {
            @Override
            Optional<Fetched> fetch(ListLocation location, Optional<Version> known) throws java.io.IOException {
                if (location.toString().endsWith("huge.txt")) {
                    return Optional.of(new Fetched(() -> {
                        throw new OutOfMemoryError("Java heap space");
                    }, new Version("v1"), Instant.EPOCH));
                }
                return super.fetch(location, known);
            }
        };
        IntelConfig config = config(List.of(), List.of(IntelConfig.ListSpec.parse("tor=" + folder.resolve("huge.txt")), IntelConfig.ListSpec.parse("relay=" + relay)));
        IpIntelService service = new IpIntelService(config, ZoneTable.bundled(), InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z")), exhausted);
        service.refresh();
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement()
                .satisfies(s -> assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("out of memory")));
        assertThat(lookup(service, "172.224.226.5").judged(Anonymity.RELAY)).map(Judgement::value).contains(true);
    }

    @Test
    void aLargeListIsReadLineByLineWithEveryEntry() throws Exception {
        StringBuilder text = new StringBuilder("# many entries\r\n");
        for (int i = 0; i < 50_000; i++) {
            text.append("10.").append(i >> 8 & 0xff).append('.').append(i & 0xff).append(".1\r\n");
        }
        Path vpn = Files.writeString(folder.resolve("vpn.txt"), text);
        IpIntelService service = service(config(List.of(), List.of(IntelConfig.ListSpec.parse("vpn=" + vpn))));
        assertThat(service.status()).filteredOn(s -> s.kind().equals("vpn-list")).singleElement().satisfies(s -> assertThat(s.entries()).isEqualTo(50_000));
        assertThat(lookup(service, "10.195.79.1").judged(Anonymity.VPN)).map(Judgement::value).contains(true);
    }

    /**
     * Review finding: one non-UTF-8 byte in an operator's ASN file threw MalformedInputException, which
     * disabled the whole source, curated list included, with an error that named no file.
     */
    @Test
    void anOperatorAsnFileInLatin1AddsItsAsnsToTheCuratedList() throws Exception {
        Path extra = Files.writeString(folder.resolve("hosting-extra.txt"), "# Soci\u00e9t\u00e9 g\u00e9n\u00e9rale, Z\u00fcrich\nAS15169\n",
                StandardCharsets.ISO_8859_1);
        Path tor = Files.writeString(folder.resolve("tor.txt"), "# n\u00e9ud de sortie \u00e0 Z\u00fcrich\n185.220.101.1\n", StandardCharsets.ISO_8859_1);
        IpIntelService service = service(new IntelConfig(List.of(), "geoip", AsnTableTest.write(folder), "asn-test", Optional.of(LocalDate.of(2026, 6, 17)),
                List.of(extra), List.of(), List.of(IntelConfig.ListSpec.parse("tor=" + tor))));
        assertThat(lookup(service, "8.8.8.8").judged(Anonymity.HOSTING)).map(Judgement::value).as("AS15169 from the operator's file").contains(true);
        assertThat(lookup(service, "3.5.140.2").judged(Anonymity.HOSTING)).map(Judgement::value).as("AS16509 from the curated list").contains(true);
        assertThat(lookup(service, "185.220.101.1").judged(Anonymity.TOR)).map(Judgement::value).contains(true);
        assertThat(service.status()).allSatisfy(s -> assertThat(s.error()).as(s.kind()).isEmpty());
    }

    /**
     * Review finding: an address list given as an ASN file (--vpn-asns with X4BNet's ipv4.txt instead of
     * --ip-list vpn=) was read as ASNs, each line's first octet one ("174.138.0.0/17" as AS174), every
     * line readable: Cogent's AS174 and the other networks numbered 1 to 255 became VPNs.
     */
    @Test
    void anAddressListGivenAsAnAsnFileIsRefusedNotReadAsItsFirstOctets() throws Exception {
        Path asns = Files.writeString(folder.resolve("asn-ipv4.csv"), "38.0.0.0,38.255.255.255,174,Cogent Communications\n");
        Path addresses = Files.writeString(folder.resolve("ipv4.txt"), "174.138.0.0/17\n185.220.101.0/24\n2001:db8::/32\n");
        IpIntelService service = service(new IntelConfig(List.of(), "geoip", List.of(asns), "asn-test", Optional.of(LocalDate.of(2026, 6, 17)),
                List.of(), List.of(addresses), List.of()));
        assertThat(lookup(service, "38.1.2.3").judged(Anonymity.VPN)).as("AS174 is no VPN").map(Judgement::value).contains(false);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("vpn-asns")).singleElement()
                .satisfies(s -> assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(addresses.toString()).contains("holds no ASN")));
    }

    @Test
    void anUnreadableOperatorAsnFileIsNamedAndTheCuratedListStaysLoaded() throws Exception {
        Path absent = folder.resolve("gone.txt");
        IpIntelService service = service(new IntelConfig(List.of(), "geoip", AsnTableTest.write(folder), "asn-test", Optional.of(LocalDate.of(2026, 6, 17)),
                List.of(absent), List.of(), List.of()));
        assertThat(lookup(service, "3.5.140.2").judged(Anonymity.HOSTING)).map(Judgement::value).contains(true);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("hosting-asns")).singleElement().satisfies(s -> {
            assertThat(s.loaded()).isTrue();
            assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(absent.toString()).contains("no such file"));
        });

        Files.writeString(absent, "AS15169\n");
        service.refresh();
        assertThat(lookup(service, "8.8.8.8").judged(Anonymity.HOSTING)).map(Judgement::value).as("read once it is there").contains(true);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("hosting-asns")).singleElement().satisfies(s -> assertThat(s.error()).isEmpty());
    }

    /**
     * Review finding: an empty or garbage --asn-db file loaded as "ok" with 0 entries and dropped the ASN
     * data in use. It now keeps the previous data (stale); at the first start there is none: error, unknown.
     */
    @Test
    void anEmptyOrGarbageAsnFileKeepsThePreviousTableOrLeavesAsnsUnknown() throws Exception {
        List<Path> asnFiles = AsnTableTest.write(folder);
        IpIntelService service = service(config(asnFiles, List.of()));
        assertThat(lookup(service, "8.8.8.8").asn()).map(a -> a.number()).contains(15169L);

        record Damage(String text, String refusal) {}
        int step = 0;
        for (Damage damage : List.of(new Damage("", "holds no ASN range"),
                new Damage("<html>\n<body>Service unavailable</body>\n</html>\n1.0.0.0,1.0.0.255,13335,Cloudflare\n", "is mostly unreadable: 3 of 4 lines"))) {
            Files.writeString(asnFiles.get(0), damage.text());
            Files.setLastModifiedTime(asnFiles.get(0), FileTime.from(Instant.now().plusSeconds(10 * ++step)));
            service.refresh();
            assertThat(lookup(service, "8.8.8.8").asn()).as(damage.refusal()).map(a -> a.number()).contains(15169L);
            assertThat(service.status()).filteredOn(s -> s.kind().equals("asn")).singleElement().satisfies(s -> {
                assertThat(s.loaded()).isTrue();
                assertThat(s.entries()).as("the previous table").isEqualTo(6);
                assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(asnFiles.get(0).toString()).contains(damage.refusal()));
            });
        }

        IpIntelService fresh = service(config(asnFiles, List.of()));
        assertThat(lookup(fresh, "2001:4860::1").asn()).as("no table: unknown, whatever the other file holds").isEmpty();
        assertThat(lookup(fresh, "8.8.8.8").judged(Anonymity.HOSTING)).isEmpty();
        assertThat(fresh.status()).filteredOn(s -> s.kind().equals("asn")).singleElement().satisfies(s -> {
            assertThat(s.loaded()).isFalse();
            assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("mostly unreadable"));
        });
    }

    /** Review finding: an empty or garbage --hosting-asns file dropped the operator's ASNs loaded before, reporting ok. */
    @Test
    void anEmptyOrGarbageOperatorAsnFileKeepsThePreviousSet() throws Exception {
        Path extra = Files.writeString(folder.resolve("hosting-extra.txt"), "AS15169 # Google\n");
        IpIntelService service = service(new IntelConfig(List.of(), "geoip", AsnTableTest.write(folder), "asn-test", Optional.of(LocalDate.of(2026, 6, 17)),
                List.of(extra), List.of(), List.of()));
        assertThat(lookup(service, "8.8.8.8").judged(Anonymity.HOSTING)).map(Judgement::value).contains(true);

        int step = 0;
        for (String damaged : List.of("", "# nothing but comments\n", "Too many requests\nretry later\nAS15169\n")) {
            Files.writeString(extra, damaged);
            Files.setLastModifiedTime(extra, FileTime.from(Instant.now().plusSeconds(10 * ++step)));
            service.refresh();
            assertThat(lookup(service, "8.8.8.8").judged(Anonymity.HOSTING)).as(damaged).map(Judgement::value).contains(true);
            assertThat(service.status()).filteredOn(s -> s.kind().equals("hosting-asns")).singleElement().satisfies(s -> {
                assertThat(s.loaded()).isTrue();
                assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(extra.toString()).containsAnyOf("holds no ASN", "mostly unreadable"));
            });
        }

        // At the first start the curated list still loads (as for an unreadable file), the file named in the error.
        IpIntelService fresh = service(new IntelConfig(List.of(), "geoip", AsnTableTest.write(folder), "asn-test", Optional.of(LocalDate.of(2026, 6, 17)),
                List.of(extra), List.of(), List.of()));
        assertThat(lookup(fresh, "3.5.140.2").judged(Anonymity.HOSTING)).map(Judgement::value).contains(true);
        assertThat(fresh.status()).filteredOn(s -> s.kind().equals("hosting-asns")).singleElement()
                .satisfies(s -> assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(extra.toString()).contains("mostly unreadable")));
    }

    /** Review finding: a list named by its raw URL showed its credentials on /readyz and in every evaluation. */
    @Test
    void aUrlListIsNamedWithoutItsCredentials() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/lists/tor.txt", exchange -> {
            byte[] bytes = "185.220.101.1\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        String shown = "http://127.0.0.1:" + http.getAddress().getPort() + "/lists/tor.txt";
        String secret = "http://reader:s3cret@127.0.0.1:" + http.getAddress().getPort() + "/lists/tor.txt?token=t0ken#s3ction";
        IntelConfig.ListSpec spec = IntelConfig.ListSpec.parse("tor=" + secret);
        assertThat(spec.name()).isEqualTo("tor:" + shown);
        assertThat(spec.location().url()).map(Object::toString).contains(secret);

        IpIntelService service = service(config(List.of(), List.of(spec)));
        assertThat(lookup(service, "185.220.101.1").judged(Anonymity.TOR).orElseThrow().source().name()).isEqualTo("tor:" + shown);
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("tor:" + shown));

        http.removeContext("/lists/tor.txt");
        service.refresh();
        assertThat(service.status()).filteredOn(s -> s.kind().equals("tor-list")).singleElement()
                .satisfies(s -> assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains(shown).doesNotContain("s3cret", "t0ken", "s3ction")));
        assertThat(IntelConfig.ListSpec.parse("vpn=https://[2001:db8::1]:8443/v.txt?key=k").name()).isEqualTo("vpn:https://[2001:db8::1]:8443/v.txt");
        assertThat(IntelConfig.ListSpec.parse("vpn=https://lists.example").name()).isEqualTo("vpn:https://lists.example");
    }

    @Test
    void listSpecsAreReadOrRefusedClearly() {
        assertThat(IntelConfig.ListSpec.parse("cloud=/x.txt").kind()).isEqualTo(Anonymity.HOSTING);
        assertThat(IntelConfig.ListSpec.parse("relay=https://mask-api.icloud.com/egress-ip-ranges.csv").location().url()).isPresent();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IntelConfig.ListSpec.parse("/x.txt")).hasMessageContaining("kind=");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IntelConfig.ListSpec.parse("botnet=/x.txt")).hasMessageContaining("not a list kind");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IntelConfig.ListSpec.parse("tor=")).hasMessageContaining("empty");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IntelConfig.ListSpec.parse("tor=https://")).isInstanceOf(IllegalArgumentException.class);
    }
}

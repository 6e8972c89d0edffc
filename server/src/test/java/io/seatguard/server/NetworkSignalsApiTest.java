package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.intel.ip.IntelConfig;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.NetworkSettings;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.server.intel.InstalledIpData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IP intelligence over HTTP with the installed data and an operator Tor list: what an evaluation shows
 * ({@code public_ip}, {@code local_ip}, flags with their sources, checks) and what {@code /readyz} says.
 * Client addresses come through {@code X-Forwarded-For} from loopback, the default trusted proxy.
 */
class NetworkSignalsApiTest {
    /**
     * The installed ASN table's own rows for 3.0.0.0/8 (Amazon's 3.5.140.2 among them), not all 515,158: each
     * server here parsed the whole table as it started, about 1.4 s of CPU, seven times a class. What the
     * tests read of it is the same; InstalledIpDataTest loads the whole installed table.
     */
    private static Path asnRows;

    @TempDir
    Path dataDir;

    private TestServer server;
    private TestApp app;
    private Path torList;

    @BeforeAll
    static void cutAsnRows(@TempDir Path shared) throws Exception {
        Path installedTable = InstalledIpData.besideJar().flatMap(InstalledIpData::read).orElseThrow().files("asn").getFirst();
        try (var lines = Files.lines(installedTable)) {
            asnRows = Files.write(shared.resolve("asn-ipv4-3.csv"), lines.filter(line -> line.startsWith("3.")).toList());
        }
    }

    @BeforeEach
    void start() throws Exception {
        torList = Files.writeString(dataDir.resolve("tor-exits.txt"), "# test list\n185.220.101.1\n");
        IntelConfig installed = InstalledIpData.besideJar().flatMap(InstalledIpData::read).orElseThrow().intelConfig();
        IntelConfig config = new IntelConfig(installed.geoipFiles(), installed.geoipName(), List.of(asnRows), installed.asnName(), installed.asnDate(),
                List.of(), List.of(), List.of(IntelConfig.ListSpec.parse("tor=" + torList)));
        server = TestServer.startWith(TestServer.config(dataDir.resolve("db"))
                .network(new NetworkSettings(config, NetworkSettings.DEFAULT_REFRESH, CheckSettings.DEFAULTS)).build());
        app = server.defaultApp();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode evaluate(String user, String ip, String device) {
        String body = "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"access\",\"user\":\"" + user + "\",\"device\":" + device + "}";
        TestServer.Response answer = server.post("/v3/evaluate", body, Map.of("X-Forwarded-For", ip));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return server.get("/v3/evaluations/" + answer.json().get("evaluation_id").asText(), app.bearer()).json();
    }

    @Test
    void aDataCentreAddressIsLocatedNamedAndFlaggedWithItsSource() {
        JsonNode evaluation = evaluate("ann", "3.5.140.2", "{\"token\":\"tok_ann_laptop_000001\"}");
        JsonNode ip = evaluation.get("public_ip");
        assertThat(ip.get("address").asText()).isEqualTo("3.5.140.2");
        assertThat(ip.get("country").asText()).matches("[A-Z]{2}");
        assertThat(ip.get("asn").asLong()).isEqualTo(16509);
        assertThat(ip.get("asn_org").asText()).containsIgnoringCase("amazon");
        assertThat(evaluation.get("detection_flags").get("hosting").asBoolean()).isTrue();
        assertThat(evaluation.get("detection_flags").get("tor").asBoolean()).isFalse();
        assertThat(evaluation.get("detection_sources").get("hosting").get("source").asText()).isEqualTo("hosting-asns");
        assertThat(evaluation.get("detection_sources").get("hosting").get("date").asText()).isEqualTo("2026-11-24");
        assertThat(evaluation.get("detection_sources").get("tor").get("source").asText()).isEqualTo("tor:" + torList);
        assertThat(evaluation.get("checks").get("ip_is_hosting").asBoolean()).isTrue();
        assertThat(evaluation.get("checks").get("ip_country").asText()).isEqualTo(ip.get("country").asText());
        assertThat(evaluation.get("risk").get("signals")).anySatisfy(signal -> assertThat(signal.get("name").asText()).isEqualTo("ip_hosting"));
    }

    @Test
    void aTorExitFromTheOperatorsListIsFlagged() {
        JsonNode evaluation = evaluate("ann", "185.220.101.1", "{\"token\":\"tok_ann_laptop_000001\"}");
        assertThat(evaluation.get("detection_flags").get("tor").asBoolean()).isTrue();
        assertThat(evaluation.get("checks").get("ip_is_tor").asBoolean()).isTrue();
    }

    @Test
    void theRealNetworkBehindAProxyBecomesTheLocalIp() {
        // Browser in the Netherlands (RIPE NCC's network), calling through an AWS address.
        JsonNode evaluation = evaluate("ann", "3.5.140.2",
                "{\"token\":\"tok_ann_laptop_000001\",\"local_ips\":[\"192.168.1.20\",\"193.0.6.139\"],\"timezone\":\"Europe/Amsterdam\"}");
        assertThat(evaluation.get("local_ip").get("address").asText()).isEqualTo("193.0.6.139");
        assertThat(evaluation.get("local_ip").get("country").asText()).isEqualTo("NL");
        assertThat(evaluation.get("detection_flags").get("proxy").asBoolean()).isTrue();
        assertThat(evaluation.get("detection_sources").get("proxy").get("source").asText()).isEqualTo("stun");
        assertThat(evaluation.get("detection_flags").get("ip_mismatch").asBoolean()).isEqualTo(!"NL".equals(evaluation.get("public_ip").get("country").asText()));
        assertThat(evaluation.get("checks").get("is_new_country").asBoolean()).isTrue();
    }

    @Test
    void anMdnsHostCandidateIsKeptAndIgnoredForTheLocalIp() {
        // Every current browser names its host candidate so; only the STUN address says where it is.
        JsonNode evaluation = evaluate("ann", "3.5.140.2", "{\"token\":\"tok_ann_laptop_000001\",\"local_ips\":"
                + "[\"1F4712DB-EA17-4BCF-A596-105139DFD8BF.local\",\"193.0.6.139\"],\"timezone\":\"Europe/Amsterdam\"}");
        assertThat(evaluation.get("device").get("local_ips")).extracting(JsonNode::asText)
                .containsExactly("1f4712db-ea17-4bcf-a596-105139dfd8bf.local", "193.0.6.139");
        assertThat(evaluation.get("local_ip").get("address").asText()).isEqualTo("193.0.6.139");
        // Other host names are still refused, naming the entry.
        String body = "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"access\",\"user\":\"ann\",\"device\":{\"local_ips\":[\"1.2.3.4\","
                + "\"printer.example.com\"]}}";
        TestServer.Response refused = server.post("/v3/evaluate", body, Map.of("X-Forwarded-For", "3.5.140.2"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("device.local_ips[1]");
    }

    @Test
    void twoCitiesAnOceanApartMinutesApartAreImpossibleTravel() {
        evaluate("bob", "193.0.6.139", "{\"token\":\"tok_bob_laptop_0000001\"}");
        JsonNode second = evaluate("bob", "8.8.8.8", "{\"token\":\"tok_bob_laptop_0000001\"}");
        assertThat(second.get("checks").get("impossible_travel").asBoolean()).isTrue();
        assertThat(second.get("checks").get("country_count_24h").asInt()).isEqualTo(2);
        assertThat(second.get("checks").get("event_count").asInt()).isEqualTo(2);
    }

    @Test
    void readinessListsEverySourceWithItsDataDate() {
        JsonNode ready = server.get("/readyz", Map.of()).json();
        List<String> kinds = new ArrayList<>();
        for (JsonNode source : ready.get("checks").get("ip_data").get("sources")) {
            kinds.add(source.get("kind").asText());
            assertThat(source.get("status").asText()).as(source.toString()).isEqualTo("ok");
            assertThat(source.get("data_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        assertThat(kinds).containsExactly("geoip", "asn", "hosting-asns", "vpn-asns", "tor-list");
    }

    @Test
    void aListThatVanishesKeepsItsDataAndReadinessSaysSo() throws Exception {
        String torSeries = "{kind=\"tor-list\",source=\"tor:" + torList + "\"}";
        String before = server.get("/metrics", Map.of()).body();
        assertThat(MetricsText.value(before, "seatguard_ip_source_loaded" + torSeries)).isEqualTo(1.0);
        assertThat(MetricsText.value(before, "seatguard_ip_source_failing" + torSeries)).isZero();
        assertThat(MetricsText.value(before, "seatguard_ip_source_loaded{kind=\"hosting-asns\",source=\"hosting-asns\"}")).isEqualTo(1.0);
        Files.delete(torList);
        server.server().refreshIpData();
        JsonNode tor = null;
        for (JsonNode source : server.get("/readyz", Map.of()).json().get("checks").get("ip_data").get("sources")) {
            if (source.get("kind").asText().equals("tor-list")) {
                tor = source;
            }
        }
        assertThat(tor).isNotNull();
        assertThat(tor.get("status").asText()).isEqualTo("stale");
        assertThat(tor.get("error").asText()).isNotBlank();
        JsonNode evaluation = evaluate("ann", "185.220.101.1", "{\"token\":\"tok_ann_laptop_000001\"}");
        assertThat(evaluation.get("detection_flags").get("tor").asBoolean()).isTrue();
        assertThat(server.get("/readyz", Map.of()).status()).isEqualTo(200);
        // What an alert watches: the list still holds its data, and its refresh fails.
        String after = server.get("/metrics", Map.of()).body();
        assertThat(MetricsText.value(after, "seatguard_ip_source_loaded" + torSeries)).isEqualTo(1.0);
        assertThat(MetricsText.value(after, "seatguard_ip_source_failing" + torSeries)).isEqualTo(1.0);
    }
}

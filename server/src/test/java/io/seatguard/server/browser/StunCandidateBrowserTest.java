package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.config.NetworkSettings;
import io.seatguard.server.config.ServerConfig;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 4's real network address in a real browser: Debian's Chromium, running the SDK served by the
 * server, gathers a server-reflexive ICE candidate from the server's own STUN responder, and the
 * evaluation records it in {@code device.local_ips} and as {@code local_ip}.
 *
 * <p>On one machine there is no NAT: the reflexive address is the address the browser's socket is bound
 * to. Chromium gathers on the machine's network interface, not on loopback, and towards a loopback STUN
 * server it reports 127.0.0.1, which says nothing; so the server listens on every interface and the SDK
 * is pointed at the machine's own interface address, as a browser elsewhere would reach a public
 * server. The page itself is loaded over loopback, so the HTTP peer (127.0.0.1) and the UDP path
 * differ, which is what a proxy looks like when the machine's address is a global one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StunCandidateBrowserTest {
    @TempDir
    static Path work;

    private TestServer server;
    private TestApp app;
    private int stunPort;
    private InetAddress machine;

    @BeforeAll
    void startServer() throws Exception {
        Chromium.requireInstalled();
        machine = interfaceAddress();
        ServerConfig everywhere = TestServer.config(work.resolve("data"))
                .host("0.0.0.0")
                .network(NetworkSettings.NONE.withStunPort(OptionalInt.of(0)))
                .build();
        server = TestServer.startWith(everywhere);
        app = server.defaultApp();
        stunPort = server.server().stunPort().orElseThrow();
    }

    /** The machine's first non-loopback IPv4 address; the test cannot run without one. */
    private static InetAddress interfaceAddress() throws Exception {
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address instanceof java.net.Inet4Address && !address.isLinkLocalAddress()) {
                    return address;
                }
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address for the browser to gather a candidate on");
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theReflexiveCandidateReachesTheEvaluation() throws Exception {
        ChromeDriver browser = Chromium.start(work.resolve("profile"), false);
        Object result;
        try {
            String origin = "http://127.0.0.1:" + server.server().port();
            browser.get(origin + "/healthz");
            result = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import(arguments[0] + '/v3/sdk.js')
                      .then((sdk) => new sdk.Seatguard({ clientId: arguments[1], endpoint: arguments[0], stun: 'stun:' + arguments[3] + ':' + arguments[2] }))
                      // The login comes after the gathering's whole budget (5 s), as a person's does: a cold
                      // browser on a busy machine took more than the 1.6 s this test once waited.
                      .then((client) => new Promise((r) => setTimeout(() => r(client), 5500)))
                      .then((client) => client.evaluate.login({ user: 'stun-user' }))
                      .then((answer) => done(JSON.stringify(answer)), (e) => done('failed: ' + e));
                    """, origin, app.clientId(), stunPort, machine.getHostAddress());
        }
        finally {
            browser.quit();
        }
        JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(result));
        assertThat(answer.path("evaluation_id").asText("")).as("the SDK's answer: %s", result).isNotEmpty();
        JsonNode evaluation = server.get("/v3/evaluations/" + answer.get("evaluation_id").asText(), app.bearer()).json();

        List<String> reported = new java.util.ArrayList<>();
        for (JsonNode ip : evaluation.get("device").get("local_ips")) {
            reported.add(ip.asText());
        }
        assertThat(reported).as("what the SDK reported: %s", evaluation.get("device")).isNotEmpty();
        String reflexive = reported.get(0);
        assertThat(IpAddresses.parse(reflexive)).as("the reflexive candidate is the machine's interface address (%s)", reported).contains(machine);
        assertThat(evaluation.get("local_ip").path("address").asText()).as("local_ip of %s", evaluation).isEqualTo(reflexive);
        if (IpAddresses.isGlobal(machine)) {
            assertThat(evaluation.get("detection_flags").get("proxy").asBoolean())
                    .as("the UDP path (%s) is another network than the HTTP one (loopback)", reflexive).isTrue();
            assertThat(evaluation.get("detection_sources").get("proxy").get("source").asText()).isEqualTo("stun");
        }
        else {
            // A machine on a private or documentation address (192.0.2.2 on some test hosts): a local IP that is
            // not global may be any interface of the machine, and judges nothing.
            assertThat(evaluation.get("detection_flags").get("proxy").isNull()).as("proxy of %s", evaluation).isTrue();
            assertThat(evaluation.get("detection_sources").has("proxy")).isFalse();
        }
    }
}

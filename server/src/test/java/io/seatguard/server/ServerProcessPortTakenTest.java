package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session 55's CI failure, staged: the port a server process was given is taken, before it binds it, by
 * another server that answers {@code /readyz} with 200. The test helper must not take that answer for
 * its own process's, and starts it again on another port.
 */
class ServerProcessPortTakenTest {
    @TempDir
    Path work;

    @Test
    void aPortTakenByAnotherServerBeforeTheProcessBindsItIsLeftForAnother() throws Exception {
        List<HttpServer> impostors = new ArrayList<>();
        List<Integer> given = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(work, port -> {
            given.add(port);
            if (impostors.isEmpty()) {
                impostors.add(readyImpostorOn(port));
            }
            return new ServerProcess.Launch(ServerProcess.mainCommand("serve", "--port", Integer.toString(port), "--no-stun", "--data-dir", work.resolve("data").toString(),
                    // No IP data to load: the quicker start, twice.
                    "--geoip-db", "off", "--asn-db", "off"),
                    Map.of());
        })) {
            assertThat(given).as("a second port after the first was taken").hasSize(2);
            assertThat(server.port()).isEqualTo(given.get(1));
            assertThat(server.send("GET", "/readyz", null, Map.of()).body()).as("Seatguard's own readiness, not the impostor's").contains("\"checks\"");
        }
        finally {
            impostors.forEach(impostor -> impostor.stop(0));
        }
    }

    private static HttpServer readyImpostorOn(int port) {
        try {
            HttpServer impostor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            impostor.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            impostor.start();
            return impostor;
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.seatguard.server;

import io.seatguard.server.config.ServerConfig;
import java.nio.file.Path;

/**
 * Run in a JVM of its own by {@link StartFailingWithAnErrorTest}, on a class path without Micrometer's
 * Prometheus registry, so that making the server's metrics ends in a NoClassDefFoundError: starts twice
 * on the data folder given and says how each start ended, then returns from main. The JVM exits only if no
 * non-daemon thread (the store's writer) is left.
 */
public final class StartWithMetricsThatCannotBeMade {
    private StartWithMetricsThatCannotBeMade() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        ServerConfig config = TestServer.config(dataDir).host("127.0.0.1").build();
        for (String start : new String[] {"first", "second"}) {
            try {
                SeatguardServer.start(config).close();
                System.out.println(start + " start: started");
            }
            catch (Throwable e) {
                System.out.println(start + " start: " + e);
            }
        }
    }
}

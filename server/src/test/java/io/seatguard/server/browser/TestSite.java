package io.seatguard.server.browser;

import io.seatguard.server.TestServer;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A made-up site whose every name Chromium resolves to this machine, with a Seatguard server on it: for
 * tests whose pages and Seatguard sit on different origins ({@code app.}, {@code api.}, {@code auth.}), as
 * a real app's do, so that CORS, preflights and cookie domains are what a browser really does.
 */
final class TestSite implements AutoCloseable {
    static final String SITE = "seatguard.test";

    private final TestServer server;

    TestSite(Path data) {
        Chromium.requireInstalled();
        this.server = TestServer.start(TestServer.Store.SQLITE, data);
    }

    TestServer server() {
        return server;
    }

    /** {@code http://host.seatguard.test:port}, served by the server. */
    String origin(String host) {
        return "http://" + host + "." + SITE + ":" + server.server().port();
    }

    /** A Chromium with its own profile that finds every name of the site on this machine. */
    ChromeDriver browser(Path profile) {
        return Chromium.start(profile, false, "--host-resolver-rules=MAP *." + SITE + " 127.0.0.1");
    }

    @Override
    public void close() {
        server.close();
    }
}

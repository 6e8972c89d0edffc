package io.seatguard.server.browser;

import io.seatguard.server.TestServer;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app's pages at {@code app.…} and Seatguard at {@code api.…}, two origins that resolve to this machine
 * ({@link TestSite}), and one app that allows the pages: the setting of the cross-origin browser tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PagesBesideSeatguardBrowserTest {
    @TempDir
    static Path work;

    TestSite site;
    TestServer server;
    TestApp app;
    /** The pages' origin. */
    String pages;
    /** Seatguard's origin, where the pages' SDK calls go. */
    String seatguard;

    /** The name of the app the test creates. */
    abstract String appName();

    @BeforeAll
    void startServer() {
        site = new TestSite(work.resolve("data"));
        server = site.server();
        pages = site.origin("app");
        seatguard = site.origin("api");
        app = server.createApp(appName(), pages);
    }

    @AfterAll
    void stopServer() {
        if (site != null) {
            site.close();
        }
    }
}

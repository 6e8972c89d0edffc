package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Two documents of one origin that load the SDK together on a first visit (two tabs; here a page and its
 * same-origin frame, each with its own copy of the SDK) keep one device token: the SDK makes a token under
 * a Web Lock after reading the stores again. Without it, both found no token and each made one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAcrossTabsBrowserTest {
    @TempDir
    static Path work;

    private TestSite site;

    @BeforeAll
    void startServer() {
        site = new TestSite(work.resolve("data"));
    }

    @AfterAll
    void stopServer() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void twoDocumentsOnAFirstVisitMakeOneToken() throws Exception {
        ChromeDriver browser = site.browser(work.resolve("profile"));
        try {
            // A secure context, as Web Locks need (an https page, or a loopback address such as this one):
            // on an http origin elsewhere, the browser has none and the two documents made two tokens.
            browser.get(site.server().url() + "/healthz");
            Object result = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const frame = document.createElement('iframe');
                    frame.src = '/healthz';
                    frame.onload = async () => {
                      try {
                        // The frame's own module map: a second copy of the SDK, as another tab has.
                        const [page, other] = await Promise.all([import('/v3/sdk.js'), frame.contentWindow.eval("import('/v3/sdk.js')")]);
                        const [mine, theirs] = await Promise.all([page.collectSignals(), other.collectSignals()]);
                        done(JSON.stringify({ page: mine.token, frame: theirs.token, stored: localStorage.getItem('seatguard.token'), locks: 'locks' in navigator }));
                      } catch (e) {
                        done('failed: ' + e);
                      }
                    };
                    document.body.appendChild(frame);
                    """);
            JsonNode tokens = new ObjectMapper().readTree(String.valueOf(result));
            assertThat(tokens.path("locks").asBoolean()).as("Chromium has Web Locks: %s", result).isTrue();
            assertThat(tokens.path("page").asText()).matches("[0-9a-f]{32}");
            assertThat(tokens.path("frame").asText()).as("the second document's token").isEqualTo(tokens.path("page").asText());
            assertThat(tokens.path("stored").asText()).isEqualTo(tokens.path("page").asText());
        }
        finally {
            browser.quit();
        }
    }
}

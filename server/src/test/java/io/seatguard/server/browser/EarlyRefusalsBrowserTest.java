package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page on an allowed origin reads a refusal the browser route makes before its handler runs (a query
 * parameter it does not take), as it reads a malformed body's: the problem's detail and request id, not
 * a failed fetch (found in review). Both names resolve to this machine through Chromium's host resolver rules.
 */
class EarlyRefusalsBrowserTest extends PagesBesideSeatguardBrowserTest {
    @Override
    String appName() {
        return "cross-origin";
    }

    @Test
    void aPageReadsAQueryRefusedBeforeTheHandler() {
        ChromeDriver browser = site.browser(work.resolve("profile"));
        try {
            browser.get(pages + "/healthz");
            // The preflight reads no query, so it passes even one that cannot be decoded, and the call's refusal
            // reaches the page (docs/api.md).
            Map<String, String> refusals = Map.of(
                    "?x=1", "400 x: is not a parameter of this route, which takes none [0-9a-f]{32}",
                    "?v=%zz", "400 .*v.* [0-9a-f]{32}");
            refusals.forEach((query, expected) -> {
                Object result = browser.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[1] + '/v3/evaluate' + arguments[2], { method: 'POST', headers: { 'Content-Type': 'application/json' },
                            body: JSON.stringify({ client_id: arguments[0], action: 'signup' }) })
                          .then((r) => r.json().then((p) => done(r.status + ' ' + p.detail + ' ' + p.request_id)), (e) => done('failed: ' + e));
                        """, app.clientId(), seatguard, query);
                assertThat(String.valueOf(result)).as(query).matches(expected);
            });
        }
        finally {
            browser.quit();
        }
    }
}

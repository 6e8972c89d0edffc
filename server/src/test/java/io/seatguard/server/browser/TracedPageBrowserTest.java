package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page whose tracing adds its headers to every fetch (Sentry's {@code sentry-trace} and {@code baggage},
 * OpenTelemetry's {@code traceparent}), the SDK's calls to Seatguard on another origin included: the
 * browser sends them only once the preflight allows those headers. Before, it allowed {@code Content-Type}
 * alone, and every call failed as a network error. Both names resolve to this machine through Chromium's
 * host resolver rules.
 */
class TracedPageBrowserTest extends PagesBesideSeatguardBrowserTest {
    @Override
    String appName() {
        return "traced";
    }

    @Test
    void theSdkWorksOnAPageWhoseTracingAddsHeadersToEveryFetch() {
        ChromeDriver browser = site.browser(work.resolve("profile"));
        try {
            browser.get(pages + "/healthz");
            Object result = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const original = window.fetch;
                    window.fetch = (url, init = {}) => original(url, { ...init, headers: { ...(init.headers || {}),
                      'sentry-trace': '771a43a4192642f0b136d5159a501700-b7e3a0d2d4d5bdb2-1', baggage: 'sentry-environment=test',
                      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } });
                    import(arguments[1] + '/v3/sdk.js')
                      .then((sdk) => new sdk.Seatguard({ clientId: arguments[0], endpoint: arguments[1], stun: false })
                        .evaluate.login({ user: 'traced-tina' }))
                      .then((answer) => done(JSON.stringify(answer)), (e) => done('failed: ' + e));
                    """, app.clientId(), seatguard);
            assertThat(String.valueOf(result)).as("the evaluation from the traced page").contains("\"verdict\":\"allow\"").contains("\"error\":null");
        }
        finally {
            browser.quit();
        }
    }
}

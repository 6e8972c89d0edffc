package io.seatguard.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A protected page ends its session when it goes away (pagehide), as a real app has it: the page on the
 * app's origin, Seatguard on another. The end call is a keepalive {@code fetch} of JSON, which a browser
 * sends cross-origin only after a CORS preflight; were that dropped while the page unloads, the session
 * would stay live for the whole active window and a second device opened meanwhile would look like a
 * concurrent session. Both names resolve to this machine through Chromium's host resolver rules.
 */
class CrossOriginSessionEndBrowserTest extends PagesBesideSeatguardBrowserTest {
    @Override
    String appName() {
        return "cross-origin";
    }

    @Test
    void leavingTheProtectedPageEndsItsSessionAcrossOrigins() throws Exception {
        ChromeDriver browser = site.browser(work.resolve("profile"));
        try {
            browser.get(pages + "/healthz");
            Object result = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import(arguments[1] + '/v3/sdk.js')
                      .then((sdk) => new sdk.Seatguard({ clientId: arguments[0], endpoint: arguments[1], stun: false })
                        .evaluate.access({ user: 'gail' }))
                      .then((answer) => done(JSON.stringify(answer)), (e) => done('failed: ' + e));
                    """, app.clientId(), seatguard);
            assertThat(String.valueOf(result)).as("the evaluation from the app's origin").contains("\"verdict\":\"allow\"");
            assertThat(connected("gail")).as("live while the page shows").isTrue();

            browser.get(pages + "/healthz?elsewhere");

            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (connected("gail") && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(connected("gail")).as("the page's session ended when it went away, not at the end of the active window").isFalse();
        }
        finally {
            browser.quit();
        }
    }

    private boolean connected(String user) {
        JsonNode devices = server.get("/v3/users/" + user + "/devices", app.bearer()).json().get("data");
        assertThat(devices).hasSize(1);
        return devices.get(0).get("actively_connected").asBoolean();
    }
}

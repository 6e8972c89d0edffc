package io.seatguard.server.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs axe-core (the webjar on the test class path) on the page the browser shows, against WCAG 2.0/2.1
 * A and AA, and answers the serious and critical violations as readable lines. WebDriver's scripts run
 * outside the page's Content-Security-Policy, so the page needs no change to be checked.
 */
final class Accessibility {
    private static final String AXE = read("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");

    private Accessibility() {}

    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(ChromeDriver browser) {
        browser.executeScript(AXE);
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html)}))))
                  .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));""");
        List<String> lines = new ArrayList<>();
        for (Object item : (List<Object>) result) {
            Map<String, Object> violation = (Map<String, Object>) item;
            lines.add(violation.get("id") + ": " + violation.get("help") + " " + violation.get("nodes"));
        }
        return lines;
    }

    private static String read(String resource) {
        try (InputStream in = Accessibility.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

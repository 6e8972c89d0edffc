package io.seatguard.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.UserAgentInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WellKnownAgentsTest {
    private final YauaaUserAgentParser parser = YauaaUserAgentParser.shared();

    /** The parser's spellings of common agents, as the map keys them: a release of Yauaa that renames one shows here. */
    @ParameterizedTest(name = "{1} on {2}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|Chrome|Windows",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0|Edge|Windows",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15|Safari|macOS",
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0|Firefox|Linux",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1|Safari|iOS",
            "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36|Samsung Internet|Android",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|Chrome|ChromeOS",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0|Opera|Windows",
    })
    void namesTheCommonBrowsersAndSystems(String userAgent, String browser, String system) {
        UserAgentInfo info = parser.parse(userAgent);
        assertThat(WellKnownAgents.browser(info.browser())).contains(browser);
        assertThat(WellKnownAgents.system(info.os())).contains(system);
    }

    /** Review finding: the parser names an unknown browser by the header's last product token, words and all. */
    @Test
    void aBrowserNamedByTheHeadersOwnWordsIsNotKnown() {
        String prefix = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 ";
        for (String token : new String[] {"Account-suspended.Restore-it-at-evil-example.com/9", "Call+15555550124/9", "\u202Emoc.live/9", "Windows/1"}) {
            UserAgentInfo info = parser.parse(prefix + token);
            assertThat(info.browser()).as("what the parser makes of it").isNotEqualTo("Chrome");
            assertThat(WellKnownAgents.browser(info.browser())).as(token).isEmpty();
        }
        assertThat(WellKnownAgents.browser(null)).isEmpty();
        assertThat(WellKnownAgents.system("unknown")).isEmpty();
        assertThat(WellKnownAgents.system("Windows NT ")).as("only the parser's exact spelling").isEmpty();
    }
}

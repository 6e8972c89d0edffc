package io.seatguard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppAgentsTest {
    /** The integration guide's agents, the systems' and libraries' defaults, and a script's. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Acme/2.3 (iPhone; iOS 17.4)",
            "Acme/2.3 (Linux; Android 14; Tablet; SM-X700)",
            "Acme/5 CFNetwork/1408.0.4 Darwin/22.5.0",
            "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/UQ1A.240205.002)",
            "Acme/2.3 (Linux; Android 14; Pixel 8) okhttp/4.12.0",
            "Dart/3.3 (dart:io)",
            "curl/8.5.0",
            "  Acme/2.3 (iPhone; iOS 17.4)"})
    void anAgentThatDoesNotBeginAsABrowsersIsAnApps(String agent) {
        assertThat(AppAgents.isApp(Optional.of(agent))).isTrue();
    }

    /** Browsers, in any case, and the web views inside apps, which show web pages as a browser does. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36",
            "mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
            " Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"})
    void aBrowsersAgentIsNot(String agent) {
        assertThat(AppAgents.isApp(Optional.of(agent))).isFalse();
    }

    /** No agent says nothing of what sent it: the notice keeps its unknown browser. */
    @Test
    void noAgentIsNotAnApp() {
        assertThat(AppAgents.isApp(Optional.empty())).isFalse();
        assertThat(AppAgents.isApp(Optional.of(""))).isFalse();
        assertThat(AppAgents.isApp(Optional.of("   "))).isFalse();
    }
}

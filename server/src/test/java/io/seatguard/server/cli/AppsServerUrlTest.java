package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Review finding: {@code apps} assumed port 8080 whatever {@code SEATGUARD_PORT}, which serve reads, said. */
class AppsServerUrlTest {
    @Test
    void withoutAnyAddressTheDefaultPortOnLoopback() {
        assertThat(AppsServerUrl.resolve(null, Map.of())).isEqualTo(new AppsServerUrl.Resolved.Url("http://127.0.0.1:8080"));
        assertThat(AppsServerUrl.resolve(null, Map.of("SEATGUARD_PORT", " ", "SEATGUARD_URL", ""))).as("blank is unset")
                .isEqualTo(new AppsServerUrl.Resolved.Url("http://127.0.0.1:8080"));
    }

    @Test
    void theServersPortFromTheEnvironmentIsUsed() {
        assertThat(AppsServerUrl.resolve(null, Map.of("SEATGUARD_PORT", "9090"))).isEqualTo(new AppsServerUrl.Resolved.Url("http://127.0.0.1:9090"));
    }

    @Test
    void theUrlFlagThenTheUrlVariableWinOverThePort() {
        Map<String, String> both = Map.of("SEATGUARD_PORT", "9090", "SEATGUARD_URL", "https://seatguard.example");
        assertThat(AppsServerUrl.resolve("http://10.0.0.5:8080", both)).isEqualTo(new AppsServerUrl.Resolved.Url("http://10.0.0.5:8080"));
        assertThat(AppsServerUrl.resolve(null, both)).isEqualTo(new AppsServerUrl.Resolved.Url("https://seatguard.example"));
    }

    @Test
    void aPortThatNamesNoServerIsRefusedNamingTheVariable() {
        for (String port : new String[] {"0", "65536", "80 80", "http"}) {
            assertThat(AppsServerUrl.resolve(null, Map.of("SEATGUARD_PORT", port))).as(port).isInstanceOfSatisfying(AppsServerUrl.Resolved.Refused.class,
                    refused -> assertThat(refused.message()).startsWith("seatguard: SEATGUARD_PORT is '" + port + "'").contains("--url or SEATGUARD_URL"));
        }
    }

    /**
     * Review: an environment file with SEATGUARD_HOST=10.0.0.5 (and --production) started the server there,
     * but apps went on to 127.0.0.1, where nothing answers. The host serve reads is used as its port is; a
     * wildcard listens on loopback too, so loopback is kept for it.
     */
    @Test
    void theServersHostFromTheEnvironmentIsUsedUnlessItIsAWildcard() {
        assertThat(AppsServerUrl.resolve(null, Map.of("SEATGUARD_HOST", "10.0.0.5", "SEATGUARD_PORT", "9090")))
                .isEqualTo(new AppsServerUrl.Resolved.Url("http://10.0.0.5:9090"));
        assertThat(AppsServerUrl.resolve(null, Map.of("SEATGUARD_HOST", " seatguard.internal "))).isEqualTo(new AppsServerUrl.Resolved.Url("http://seatguard.internal:8080"));
        assertThat(AppsServerUrl.resolve(null, Map.of("SEATGUARD_HOST", "::1"))).isEqualTo(new AppsServerUrl.Resolved.Url("http://[::1]:8080"));
        assertThat(AppsServerUrl.resolve(null, Map.of("SEATGUARD_HOST", "[fd00::5]"))).isEqualTo(new AppsServerUrl.Resolved.Url("http://[fd00::5]:8080"));
        for (String wildcard : new String[] {"0.0.0.0", "::", "[::]", " "}) {
            assertThat(AppsServerUrl.resolve(null, Map.of("SEATGUARD_HOST", wildcard))).as(wildcard).isEqualTo(new AppsServerUrl.Resolved.Url("http://127.0.0.1:8080"));
        }
    }
}

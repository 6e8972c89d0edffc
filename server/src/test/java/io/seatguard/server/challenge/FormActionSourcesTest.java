package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.http.Origins;
import org.junit.jupiter.api.Test;

class FormActionSourcesTest {
    @Test
    void aHostOrAnIpv4AddressIsNamedAsItsOrigin() {
        assertThat(FormActionSources.of("https://app.example")).isEqualTo("https://app.example");
        assertThat(FormActionSources.of("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
    }

    /** Chromium ignores {@code form-action http://[::1]:8599} and blocks the post; {@code http:} lets it through. */
    @Test
    void anIpv6LiteralIsNamedByItsSchemeSinceCspCannotNameIt() {
        assertThat(FormActionSources.of(Origins.of("http://[::1]:8599/back?x=1").orElseThrow())).isEqualTo("http:");
        assertThat(FormActionSources.of(Origins.of("https://[2001:db8::1]/").orElseThrow())).isEqualTo("https:");
    }
}

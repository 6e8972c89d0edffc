package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** An endpoint as the API answers it, and what it shows when logged. */
class WebhookEndpointTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /**
     * Regression: the record's generated {@code toString()} printed {@code secret=Optional[whsec_…]}, so
     * a backend that logged the endpoint it had just made (or rotated) wrote the signing secret into its
     * logs, and anyone reading them could forge webhooks.
     */
    @Test
    void itsToStringNeverHoldsTheSigningSecret() throws Exception {
        WebhookEndpoint made = WebhookEndpoint.of(new ObjectMapper().readTree("""
                {"id":"wh_1","url":"https://app.example/hooks","events":["evaluation.created"],"created_at":"2026-12-01T08:00:00Z",
                 "secret":"%s","previous_secret_expires_at":"2026-12-02T08:00:00Z"}""".formatted(SECRET)));
        assertThat(made.secret()).as("still there to keep").contains(SECRET);
        assertThat(made.toString()).doesNotContain(SECRET).doesNotContain(SECRET.substring("whsec_".length()))
                .contains("wh_1", "https://app.example/hooks", "evaluation.created", "secret=(hidden)", "2026-12-02T08:00:00Z");

        WebhookEndpoint listed = WebhookEndpoint.of(new ObjectMapper().readTree("""
                {"id":"wh_1","url":"https://app.example/hooks","events":["evaluation.created"],"created_at":"2026-12-01T08:00:00Z"}"""));
        assertThat(listed.toString()).as("a listed endpoint has none").contains("secret=none");
    }

    /** Review finding: a receiver that checks a token of its own in the URL's query had it printed with the endpoint. */
    @Test
    void itsToStringHidesTheUrlsQuery() throws Exception {
        WebhookEndpoint endpoint = WebhookEndpoint.of(new ObjectMapper().readTree("""
                {"id":"wh_2","url":"https://app.example/hooks?token=tk_8c1f55","events":["evaluation.created"],"created_at":"2026-12-01T08:00:00Z"}"""));
        assertThat(endpoint.url()).as("still there to read").endsWith("token=tk_8c1f55");
        assertThat(endpoint.toString()).doesNotContain("tk_8c1f55").contains("url=https://app.example/hooks?(hidden)");
    }

    @Test
    void itReadsWhetherTheEndpointIsEnabledAndSinceWhenItFails() throws Exception {
        WebhookEndpoint disabled = WebhookEndpoint.of(new ObjectMapper().readTree("""
                {"id":"wh_3","url":"https://app.example/hooks","events":["evaluation.created"],"created_at":"2026-12-01T08:00:00Z",
                 "enabled":false,"disabled_reason":"failing","disabled_at":"2026-12-06T08:00:00Z","failing_since":"2026-12-01T07:00:00Z"}"""));
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).contains("failing");
        assertThat(disabled.disabledAt()).contains(java.time.Instant.parse("2026-12-06T08:00:00Z"));
        assertThat(disabled.failingSince()).contains(java.time.Instant.parse("2026-12-01T07:00:00Z"));

        WebhookEndpoint older = WebhookEndpoint.of(new ObjectMapper().readTree("""
                {"id":"wh_4","url":"https://app.example/hooks","events":["evaluation.created"],"created_at":"2026-12-01T08:00:00Z"}"""));
        assertThat(older.enabled()).as("a server that cannot disable endpoints sends to every one").isTrue();
        assertThat(older.disabledReason()).isEmpty();
        assertThat(older.failingSince()).isEmpty();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookEndpoint.of(new ObjectMapper().readTree("""
                {"id":"wh_5","url":"https://app.example/hooks","events":[],"created_at":"2026-12-01T08:00:00Z","enabled":"no"}""")))
                .isInstanceOf(SeatguardException.class).hasMessageContaining("enabled");
    }
}

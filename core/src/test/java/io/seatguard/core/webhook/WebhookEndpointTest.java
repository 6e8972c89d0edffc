package io.seatguard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.webhook.WebhookEndpoint.RetiredSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which secrets sign, across rotations. */
class WebhookEndpointTest {
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void rotationsKeepTheNewestReplacedSecretsUpToTheBound() {
        WebhookEndpoint endpoint = endpoint("whsec_0", List.of());
        for (int i = 1; i <= WebhookEndpoint.MAX_RETIRED + 2; i++) {
            Instant now = T0.plusSeconds(i);
            endpoint = endpoint("whsec_" + i, endpoint.retiredAfterRotation(now, now.plus(DAY)));
        }

        List<String> expected = new ArrayList<>();
        expected.add("whsec_" + (WebhookEndpoint.MAX_RETIRED + 2));
        for (int i = WebhookEndpoint.MAX_RETIRED + 1; i >= 2; i--) {
            expected.add("whsec_" + i);
        }
        assertThat(endpoint.signingSecrets(T0.plusSeconds(60))).as("the current one, then the newest replaced ones").containsExactlyElementsOf(expected);
    }

    @Test
    void aReplacedSecretStopsSigningAtItsOwnTime() {
        WebhookEndpoint endpoint = endpoint("whsec_c", List.of(new RetiredSecret("whsec_b", T0.plusSeconds(10)), new RetiredSecret("whsec_a", T0)));

        assertThat(endpoint.signingSecrets(T0.minusSeconds(1))).containsExactly("whsec_c", "whsec_b", "whsec_a");
        assertThat(endpoint.signingSecrets(T0)).containsExactly("whsec_c", "whsec_b");
        assertThat(endpoint.signingSecrets(T0.plusSeconds(10))).containsExactly("whsec_c");
        assertThat(endpoint.retiredAfterRotation(T0.plusSeconds(5), T0.plus(DAY))).as("a rotation drops those no longer signing")
                .containsExactly(new RetiredSecret("whsec_c", T0.plus(DAY)), new RetiredSecret("whsec_b", T0.plusSeconds(10)));
    }

    /**
     * Review finding: a rotation's overlap could not be chosen (its body was never read). It now can; a
     * rotation stopping the replaced secret at once leaves the new one signing alone, and a shorter overlap
     * cuts earlier secrets' time to its own.
     */
    @Test
    void aRotationsOverlapBoundsEveryReplacedSecret() {
        WebhookEndpoint endpoint = endpoint("whsec_c", List.of(new RetiredSecret("whsec_b", T0.plus(Duration.ofDays(6))),
                new RetiredSecret("whsec_a", T0.plusSeconds(30))));

        assertThat(endpoint.retiredAfterRotation(T0, T0)).as("stopped at once: the new secret alone").isEmpty();
        assertThat(endpoint.retiredAfterRotation(T0, T0.plus(DAY))).containsExactly(new RetiredSecret("whsec_c", T0.plus(DAY)),
                new RetiredSecret("whsec_b", T0.plus(DAY)), new RetiredSecret("whsec_a", T0.plusSeconds(30)));
        assertThat(endpoint.retiredAfterRotation(T0, T0.plus(Duration.ofDays(7)))).as("a longer overlap lengthens none of the earlier ones")
                .containsExactly(new RetiredSecret("whsec_c", T0.plus(Duration.ofDays(7))), new RetiredSecret("whsec_b", T0.plus(Duration.ofDays(6))),
                        new RetiredSecret("whsec_a", T0.plusSeconds(30)));
    }

    private static WebhookEndpoint endpoint(String secret, List<RetiredSecret> retired) {
        return new WebhookEndpoint("we_1", "app_1", "https://hooks.example/1", List.of(WebhookEventType.EVALUATION_CREATED), secret, retired, T0);
    }
}

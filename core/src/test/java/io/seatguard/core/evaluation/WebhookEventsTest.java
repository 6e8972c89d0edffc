package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.account.Seen;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.testing.EvaluationSamples;
import io.seatguard.core.webhook.OutboxEvent;
import io.seatguard.core.webhook.WebhookEventType;
import io.seatguard.core.webhook.WebhookSubscriptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code device.attached} goes with the link: only an evaluation that attaches the device raises it. */
class WebhookEventsTest {
    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
    private static final WebhookSubscriptions EVERYTHING = (appId, type) -> true;

    private static List<WebhookEventType> types(AccountState account, boolean attach) {
        EvaluationWrite write = EvaluationSamples.write("app", "ev_1", "dina", "dev-1", true, "tok-dina-phone-0001", "fp-1", DeviceType.MOBILE,
                "198.51.100.1", T0);
        return WebhookEvents.of(EVERYTHING, write.evaluation(), account, write.device(), attach).stream().map(OutboxEvent::type).toList();
    }

    private static AccountState withLink(Optional<LinkStatus> status) {
        return new AccountState(Optional.of(new Seen(T0, T0)),
                status.map(s -> List.of(new LinkedDevice("dev-1", DeviceType.MOBILE, s, T0, T0))).orElse(List.of()), Optional.empty(), Optional.empty());
    }

    @Test
    void anAllowedEvaluationAttachingTheDeviceRaisesIt() {
        assertThat(types(withLink(Optional.empty()), true)).contains(WebhookEventType.DEVICE_ATTACHED);
        assertThat(types(withLink(Optional.of(LinkStatus.DETACHED)), true)).as("attached again").contains(WebhookEventType.DEVICE_ATTACHED);
        assertThat(types(withLink(Optional.of(LinkStatus.ATTACHED)), true)).as("already attached").doesNotContain(WebhookEventType.DEVICE_ATTACHED);
    }

    /** A challenged or denied evaluation links nothing (seed 003), so it announces nothing; passing the challenge does. */
    @Test
    void anEvaluationThatDoesNotAttachRaisesNothingAboutTheDevice() {
        assertThat(types(withLink(Optional.empty()), false)).containsExactly(WebhookEventType.EVALUATION_CREATED);
        assertThat(types(withLink(Optional.of(LinkStatus.DETACHED)), false)).containsExactly(WebhookEventType.EVALUATION_CREATED);
    }
}

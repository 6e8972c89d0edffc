package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.account.Seen;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.risk.Risk;
import io.seatguard.core.risk.RiskCategory;
import io.seatguard.core.risk.RiskSignal;
import io.seatguard.core.testing.EvaluationSamples;
import io.seatguard.core.webhook.OutboxEvent;
import io.seatguard.core.webhook.WebhookEventType;
import io.seatguard.core.webhook.WebhookSubscriptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code device.attached} goes with the link: only an evaluation that attaches the device raises it.
 * {@code user.account_sharing_signal} goes with a high or maximum account-sharing risk.
 */
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

    private static Evaluation withSharingRisk(Evaluation evaluation, String severity) {
        Risk risk = new Risk(80, List.of(new RiskSignal("concurrent_sessions", 45, "another session is active"),
                new RiskSignal("impossible_travel", 35, "too far, too fast")), List.of(new RiskCategory("account_sharing", 80, severity),
                        new RiskCategory("ato", 20, "low")));
        return copy(evaluation, evaluation.user(), risk);
    }

    /** The evaluation with another account and risk, the rest as it is. */
    private static Evaluation copy(Evaluation evaluation, UserRef user, Risk risk) {
        return new Evaluation(evaluation.id(), evaluation.appId(), evaluation.action(), evaluation.verdict(), evaluation.createdAt(),
                evaluation.consumedAt(), evaluation.redirect(), user, evaluation.metadata(), evaluation.sessionId(), evaluation.returnTo(),
                evaluation.device(), evaluation.publicIp(), evaluation.localIp(), evaluation.detectionFlags(), evaluation.checks(), risk,
                evaluation.policy(), evaluation.monitoredPolicies(), evaluation.challenge(), evaluation.logout());
    }

    private static List<OutboxEvent> sharingEvents(String user, String severity, WebhookSubscriptions subscriptions) {
        EvaluationWrite write = EvaluationSamples.write("app", "ev_1", user, "dev-1", true, "tok-dina-phone-0001", "fp-1", DeviceType.MOBILE,
                "198.51.100.1", T0);
        Evaluation evaluation = withSharingRisk(write.evaluation(), severity);
        return WebhookEvents.of(subscriptions, evaluation, withLink(Optional.of(LinkStatus.ATTACHED)), write.device(), true).stream()
                .filter(event -> event.type() == WebhookEventType.USER_ACCOUNT_SHARING_SIGNAL).toList();
    }

    /** The event webhooks.md documents, with its fields: found never raised in any test by a coverage run. */
    @Test
    void aHighOrMaximumSharingRiskRaisesTheSharingSignalWithItsFields() {
        for (String severity : List.of("high", "maximum")) {
            List<OutboxEvent> events = sharingEvents("dina", severity, EVERYTHING);
            assertThat(events).as(severity).hasSize(1);
            OutboxEvent event = events.get(0);
            assertThat(event.appId()).isEqualTo("app");
            assertThat(event.userId()).contains("dina");
            assertThat(event.at()).isEqualTo(T0);
            assertThat(event.data()).containsExactlyEntriesOf(mapOf("user", "dina", "evaluation_id", "ev_1", "score", 80, "severity", severity,
                    "signals", List.of("concurrent_sessions", "impossible_travel")));
        }
    }

    @Test
    void aLowerSharingRiskAnUnnamedAccountOrNoSubscriptionRaisesNoSharingSignal() {
        assertThat(sharingEvents("dina", "medium", EVERYTHING)).as("medium").isEmpty();
        assertThat(sharingEvents("dina", "low", EVERYTHING)).as("low").isEmpty();
        WebhookSubscriptions allButSharing = (appId, type) -> type != WebhookEventType.USER_ACCOUNT_SHARING_SIGNAL;
        assertThat(sharingEvents("dina", "maximum", allButSharing)).as("not subscribed").isEmpty();
    }

    @Test
    void anEvaluationWithoutAnAccountRaisesNoSharingSignal() {
        EvaluationWrite write = EvaluationSamples.write("app", "ev_1", "dina", "dev-1", true, "tok-dina-phone-0001", "fp-1", DeviceType.MOBILE,
                "198.51.100.1", T0);
        Evaluation shared = withSharingRisk(write.evaluation(), "maximum");
        Evaluation anonymous = copy(shared, new UserRef(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), shared.risk());
        assertThat(WebhookEvents.of(EVERYTHING, anonymous, withLink(Optional.empty()), write.device(), true)).extracting(OutboxEvent::type)
                .containsExactly(WebhookEventType.EVALUATION_CREATED);
    }

    /** An insertion-ordered map of these pairs (Map.of has no order, and the event's data keeps one). */
    private static Map<String, Object> mapOf(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

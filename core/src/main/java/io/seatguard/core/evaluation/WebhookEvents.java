package io.seatguard.core.evaluation;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.risk.RiskCategory;
import io.seatguard.core.risk.RiskSignal;
import io.seatguard.core.webhook.OutboxEvent;
import io.seatguard.core.webhook.WebhookEventType;
import io.seatguard.core.webhook.WebhookSubscriptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The webhook events one evaluation raises, for the types its app subscribes to: {@code
 * evaluation.created}; {@code device.attached} when it links a device the account did not have
 * attached; {@code user.account_sharing_signal} when its account-sharing risk is high or maximum.
 */
final class WebhookEvents {
    private static final Set<String> SHARING_SEVERITIES = Set.of("high", "maximum");

    private WebhookEvents() {}

    /** @param attach whether the evaluation attaches the device to its account (an allowed one not logged out) */
    static List<OutboxEvent> of(WebhookSubscriptions webhooks, Evaluation evaluation, AccountState account, DeviceResolution device, boolean attach) {
        List<OutboxEvent> events = new ArrayList<>();
        String appId = evaluation.appId();
        Optional<String> user = evaluation.user().id();
        if (webhooks.wants(appId, WebhookEventType.EVALUATION_CREATED)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("evaluation_id", evaluation.id());
            data.put("action", evaluation.action());
            data.put("verdict", evaluation.verdict().wireName());
            data.put("user", user.orElse(null));
            data.put("device_id", evaluation.device().id());
            data.put("ip", evaluation.publicIp().address());
            data.put("risk_score", evaluation.risk().score());
            data.put("policy_id", evaluation.policy().map(policy -> policy.id()).orElse(null));
            // With the id: when only monitor policies matched, policy_id names one that did not decide the
            // verdict, and a receiver acting on the id alone acted on a policy meant only to be watched.
            data.put("policy_mode", evaluation.policy().map(policy -> policy.mode()).orElse(null));
            data.put("challenge_id", evaluation.challenge().map(challenge -> challenge.id()).orElse(null));
            events.add(new OutboxEvent(appId, WebhookEventType.EVALUATION_CREATED, user, data, evaluation.createdAt()));
        }
        if (user.isEmpty()) {
            return events;
        }
        boolean newlyAttached = device.isKnownDevice() && attach
                && account.device(device.deviceId()).map(LinkedDevice::status).map(status -> status != LinkStatus.ATTACHED).orElse(true);
        if (newlyAttached && webhooks.wants(appId, WebhookEventType.DEVICE_ATTACHED)) {
            events.add(new OutboxEvent(appId, WebhookEventType.DEVICE_ATTACHED, user, Map.of("user", user.get(), "device_id", device.deviceId(),
                    "type", evaluation.device().type().wireName(), "evaluation_id", evaluation.id()), evaluation.createdAt()));
        }
        Optional<RiskCategory> sharing = evaluation.risk().risks().stream().filter(risk -> risk.category().equals("account_sharing")).findFirst();
        if (sharing.isPresent() && SHARING_SEVERITIES.contains(sharing.get().severity())
                && webhooks.wants(appId, WebhookEventType.USER_ACCOUNT_SHARING_SIGNAL)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("user", user.get());
            data.put("evaluation_id", evaluation.id());
            data.put("score", sharing.get().score());
            data.put("severity", sharing.get().severity());
            data.put("signals", evaluation.risk().signals().stream().map(RiskSignal::name).toList());
            events.add(new OutboxEvent(appId, WebhookEventType.USER_ACCOUNT_SHARING_SIGNAL, user, data, evaluation.createdAt()));
        }
        return events;
    }
}

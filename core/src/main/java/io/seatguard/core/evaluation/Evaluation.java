package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.policy.ChallengeRef;
import io.seatguard.core.policy.PolicyMatch;
import io.seatguard.core.risk.Risk;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation, as recorded: the request's facts, every check with its value, the risk, and the
 * decision with the policy that made it (and the monitor policies that would have). This is what {@code GET /v3/evaluations/{id}} returns and what
 * history reads; it is written once and only {@code consumedAt} changes afterwards.
 */
public record Evaluation(
        String id,
        String appId,
        String action,
        Verdict verdict,
        Instant createdAt,
        Optional<Instant> consumedAt,
        Optional<String> redirect,
        UserRef user,
        Map<String, Object> metadata,
        Optional<String> sessionId,
        Optional<String> returnTo,
        DeviceInfo device,
        IpInfo publicIp,
        Optional<IpInfo> localIp,
        DetectionFlags detectionFlags,
        Map<String, Object> checks,
        Risk risk,
        Optional<PolicyMatch> policy,
        List<PolicyMatch> monitoredPolicies,
        Optional<ChallengeRef> challenge,
        boolean logout) {
    public Evaluation {
        requireNonNull(id, "id is null");
        requireNonNull(appId, "appId is null");
        requireNonNull(action, "action is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(consumedAt, "consumedAt is null");
        requireNonNull(redirect, "redirect is null");
        requireNonNull(user, "user is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(returnTo, "returnTo is null");
        requireNonNull(device, "device is null");
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(localIp, "localIp is null");
        requireNonNull(detectionFlags, "detectionFlags is null");
        requireNonNull(checks, "checks is null");
        requireNonNull(risk, "risk is null");
        requireNonNull(policy, "policy is null");
        monitoredPolicies = List.copyOf(monitoredPolicies);
        requireNonNull(challenge, "challenge is null");
        // Serialized maps keep a fixed order: insertion order for checks (the registry's order), as given for metadata.
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    public boolean consumed() {
        return consumedAt.isPresent();
    }

    /** The same evaluation showing its challenge as it stands now (the stored one shows it as opened). */
    public Evaluation withChallenge(ChallengeRef current) {
        return new Evaluation(id, appId, action, verdict, createdAt, consumedAt, redirect, user, metadata, sessionId, returnTo,
                device, publicIp, localIp, detectionFlags, checks, risk, policy, monitoredPolicies, Optional.of(current), logout);
    }

    public Evaluation withConsumedAt(Instant at) {
        return new Evaluation(id, appId, action, verdict, createdAt, Optional.of(at), redirect, user, metadata, sessionId, returnTo,
                device, publicIp, localIp, detectionFlags, checks, risk, policy, monitoredPolicies, challenge, logout);
    }
}

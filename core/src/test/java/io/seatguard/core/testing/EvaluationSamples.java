package io.seatguard.core.testing;

import io.seatguard.core.evaluation.DetectionFlags;
import io.seatguard.core.intel.SourceRef;
import java.time.LocalDate;
import io.seatguard.core.evaluation.DeviceInfo;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.evaluation.Touches;
import io.seatguard.core.evaluation.IpInfo;
import io.seatguard.core.evaluation.UserRef;
import io.seatguard.core.evaluation.Verdict;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceResolution.MatchKind;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.Fingerprint;
import io.seatguard.core.policy.ChallengeRef;
import io.seatguard.core.policy.MatchReason;
import io.seatguard.core.policy.PolicyMatch;
import io.seatguard.core.risk.Risk;
import io.seatguard.core.risk.RiskCategory;
import io.seatguard.core.risk.RiskSignal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ready-made evaluations and writes for storage tests. */
public final class EvaluationSamples {
    private EvaluationSamples() {}

    /** A write of an evaluation on a device identified by token and fingerprint. */
    public static EvaluationWrite write(String appId, String evaluationId, String user, String deviceId, boolean newDevice, String token,
            String fingerprintId, DeviceType type, String ip, Instant at) {
        return write(appId, evaluationId, user, deviceId, newDevice, token, fingerprintId, type, ip, at, Optional.empty());
    }

    /** The same, with how its account came to be named ({@code identity} on the evaluation). */
    public static EvaluationWrite write(String appId, String evaluationId, String user, String deviceId, boolean newDevice, String token,
            String fingerprintId, DeviceType type, String ip, Instant at, Optional<io.seatguard.core.evaluation.IdentityProof> identity) {
        DeviceResolution device = new DeviceResolution(deviceId, newDevice, newDevice ? MatchKind.NEW_DEVICE : MatchKind.TOKEN, 1.0,
                Optional.ofNullable(fingerprintId), Optional.ofNullable(token).map(Fingerprint::sha256Hex));
        Evaluation evaluation = new Evaluation(evaluationId, appId, "login", Verdict.ALLOW, at, Optional.empty(), Optional.empty(),
                new UserRef(Optional.ofNullable(user), Optional.empty(), Optional.empty(), identity), Map.of(), Optional.empty(), Optional.empty(),
                new DeviceInfo(deviceId, type, newDevice, Optional.ofNullable(fingerprintId), 1.0, "Chrome", "Linux"),
                IpInfo.addressOnly(ip), Optional.empty(), DetectionFlags.UNKNOWN, Map.of("is_new_device", newDevice), Risk.NONE,
                Optional.empty(), List.of(), Optional.empty(), false);
        return new EvaluationWrite(evaluation, device, true, Touches.ALL, Map.of());
    }

    /** An evaluation with every optional part filled, to prove a store keeps all of it. */
    public static Evaluation everythingSet(String appId, String evaluationId, Instant at) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("plan", "premium");
        metadata.put("seats", 3L);
        metadata.put("nested", Map.of("flag", true, "list", List.of("a", "b")));
        return everythingSet(appId, evaluationId, at, metadata);
    }

    /** {@link #everythingSet(String, String, Instant)} with this metadata. */
    public static Evaluation everythingSet(String appId, String evaluationId, Instant at, Map<String, Object> metadata) {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("is_new_user", true);
        checks.put("device_count", 2L);
        checks.put("ip_country", "FR");
        return new Evaluation(evaluationId, appId, "access", Verdict.CHALLENGE, at, Optional.empty(), Optional.of("https://sg.example/challenge/c1"),
                new UserRef(Optional.of("user-ü-1"), Optional.of("owner@example.com"), Optional.of("+33612345678"),
                        Optional.of(io.seatguard.core.evaluation.IdentityProof.SIGNED)), metadata, Optional.of("tab-1"),
                Optional.of("https://app.example/watch"),
                new DeviceInfo("6f0c3c5e-54a4-4c1c-9a57-0a4bb2b9f7a1", DeviceType.TABLET, true, Optional.of("ab".repeat(16)), 0.87, "Safari", "iOS"),
                new IpInfo("2001:db8::1", Optional.of("FR"), Optional.of("Paris"), Optional.of(48.85), Optional.of(2.35), Optional.of(3215L),
                        Optional.of("Orange")),
                Optional.of(new IpInfo("192.168.1.20", Optional.of("FR"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty())),
                new DetectionFlags(Optional.of(true), Optional.of(false), Optional.empty(), Optional.of(false), Optional.empty(), Optional.of(true),
                        Optional.of(false), Map.of("vpn", new SourceRef("vpn:/etc/seatguard/vpn.txt", Optional.of(LocalDate.of(2026, 8, 22))),
                                "proxy", new SourceRef("stun", Optional.empty()))),
                checks,
                new Risk(72, List.of(new RiskSignal("concurrent_sessions", 40, "2 live sessions")), List.of(new RiskCategory("account_sharing", 72, "high"))),
                Optional.of(new PolicyMatch("pol_1", "Verify the owner", "enforce", Verdict.CHALLENGE,
                        List.of(new MatchReason("concurrent_sessions", "eq", true, true, true), new MatchReason("metadata.seats", "gte", 3.0, 3.0, true)))),
                List.of(new PolicyMatch("pol_2", "Watch many countries", "monitor", Verdict.DENY,
                        List.of(new MatchReason("country_count_24h", "gt", 2.0, 1.0, false)))),
                Optional.of(new ChallengeRef("ch_1", "verification", "created", at.plusSeconds(600))),
                true);
    }
}

package io.seatguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.evaluation.DetectionFlags;
import io.seatguard.core.evaluation.DeviceInfo;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.IpInfo;
import io.seatguard.core.policy.MatchReason;
import io.seatguard.core.policy.PolicyMatch;
import io.seatguard.core.policy.PolicyTree;
import io.seatguard.core.risk.RiskCategory;
import io.seatguard.core.risk.RiskSignal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** Domain {@link Evaluation} → the API's JSON (CONTRACT.md "Evaluations"): snake_case, RFC 3339 UTC times, null for unknown. */
final class EvaluationJson {
    private EvaluationJson() {}

    /** The short answer to {@code POST /v3/evaluate}. */
    static ObjectNode verdict(Evaluation evaluation) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("evaluation_id", evaluation.id());
        json.put("verdict", evaluation.verdict().wireName());
        json.put("redirect", evaluation.redirect().orElse(null));
        json.put("device_id", evaluation.device().id());
        json.put("logout", evaluation.logout());
        // The client IP as we saw it, for ShieldLabs-style callbacks (checkAuthenticatedUser's "ip").
        json.put("ip", evaluation.publicIp().address());
        return json;
    }

    static ObjectNode full(Evaluation evaluation) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", evaluation.id());
        json.put("action", evaluation.action());
        json.put("verdict", evaluation.verdict().wireName());
        json.put("created_at", time(evaluation.createdAt()));
        json.put("consumed", evaluation.consumed());
        json.put("consumed_at", evaluation.consumedAt().map(EvaluationJson::time).orElse(null));
        json.put("redirect", evaluation.redirect().orElse(null));
        ObjectNode user = json.putObject("user");
        user.put("id", evaluation.user().id().orElse(null));
        user.put("email", evaluation.user().email().orElse(null));
        user.put("phone", evaluation.user().phone().orElse(null));
        // How the user, email and phone came to be believed: server, signed or unsigned (null: recorded before it was kept).
        json.put("identity", evaluation.user().identity().map(io.seatguard.core.evaluation.IdentityProof::wireName).orElse(null));
        json.set("metadata", Json.MAPPER.valueToTree(evaluation.metadata()));
        json.put("session", evaluation.sessionId().orElse(null));
        json.put("return_to", evaluation.returnTo().orElse(null));
        json.set("device", device(evaluation.device()));
        json.set("public_ip", ip(evaluation.publicIp()));
        if (evaluation.localIp().isPresent()) {
            ObjectNode local = json.putObject("local_ip");
            local.put("address", evaluation.localIp().get().address());
            local.put("country", evaluation.localIp().get().country().orElse(null));
        }
        else {
            json.putNull("local_ip");
        }
        json.set("detection_flags", flags(evaluation.detectionFlags()));
        json.set("detection_sources", sources(evaluation.detectionFlags()));
        json.set("checks", checks(evaluation.checks()));
        ObjectNode risk = json.putObject("risk");
        risk.put("score", evaluation.risk().score());
        for (RiskSignal signal : evaluation.risk().signals()) {
            risk.withArray("signals").addObject().put("name", signal.name()).put("points", signal.points()).put("detail", signal.detail());
        }
        risk.withArray("signals");
        for (RiskCategory category : evaluation.risk().risks()) {
            risk.withArray("risks").addObject().put("category", category.category()).put("score", category.score()).put("severity", category.severity());
        }
        risk.withArray("risks");
        if (evaluation.policy().isPresent()) {
            json.set("policy", policy(evaluation.policy().get()));
        }
        else {
            json.putNull("policy");
        }
        ArrayNode monitored = json.putArray("monitored_policies");
        evaluation.monitoredPolicies().forEach(match -> monitored.add(policy(match)));
        if (evaluation.challenge().isPresent()) {
            json.putObject("challenge").put("id", evaluation.challenge().get().id()).put("type", evaluation.challenge().get().type())
                    .put("status", evaluation.challenge().get().status()).put("expires_at", time(evaluation.challenge().get().expiresAt()));
        }
        else {
            json.putNull("challenge");
        }
        json.put("logout", evaluation.logout());
        return json;
    }

    /** A matched policy and the conditions that held, with the values they saw. */
    static ObjectNode policy(PolicyMatch match) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", match.id()).put("name", match.name()).put("mode", match.mode()).put("verdict", match.verdict().wireName());
        json.set("reasons", reasons(match.reasons()));
        json.put("reasons_omitted", match.reasonsOmitted());
        return json;
    }

    static ArrayNode reasons(java.util.List<MatchReason> matchReasons) {
        ArrayNode reasons = Json.MAPPER.createArrayNode();
        for (MatchReason reason : matchReasons) {
            reasons.addObject()
                    .put("check", reason.field())
                    .put("op", reason.op())
                    .put("held", reason.held())
                    .put("truncated", reason.truncated())
                    .<ObjectNode>set("value", Json.MAPPER.valueToTree(PolicyTree.wholeNumbers(reason.value())))
                    .set("actual", Json.MAPPER.valueToTree(PolicyTree.wholeNumbers(reason.actual())));
        }
        return reasons;
    }

    private static ObjectNode device(DeviceInfo device) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", device.id());
        json.put("type", device.type().wireName());
        json.put("is_new", device.isNew());
        ObjectNode fingerprint = json.putObject("fingerprint");
        fingerprint.put("id", device.fingerprintId().orElse(null));
        fingerprint.put("confidence", device.confidence());
        json.putObject("info").put("browser", device.browser()).put("os", device.os());
        device.localIps().forEach(json.putArray("local_ips")::add);
        return json;
    }

    private static ObjectNode ip(IpInfo ip) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("address", ip.address());
        json.put("country", ip.country().orElse(null));
        json.put("city", ip.city().orElse(null));
        putNumber(json, "latitude", ip.latitude());
        putNumber(json, "longitude", ip.longitude());
        if (ip.asn().isPresent()) {
            json.put("asn", ip.asn().get());
        }
        else {
            json.putNull("asn");
        }
        json.put("asn_org", ip.asnOrg().orElse(null));
        return json;
    }

    private static void putNumber(ObjectNode json, String name, Optional<Double> value) {
        if (value.isPresent()) {
            json.put(name, value.get());
        }
        else {
            json.putNull(name);
        }
    }

    private static ObjectNode flags(DetectionFlags flags) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        putFlag(json, "vpn", flags.vpn());
        putFlag(json, "proxy", flags.proxy());
        putFlag(json, "tor", flags.tor());
        putFlag(json, "hosting", flags.hosting());
        putFlag(json, "relay", flags.relay());
        putFlag(json, "ip_mismatch", flags.ipMismatch());
        putFlag(json, "timezone_mismatch", flags.timezoneMismatch());
        return json;
    }

    /** Which source set each flag, and that source's date: {@code {"vpn": {"source": "vpn-asns", "date": "2026-11-24"}}}. */
    private static ObjectNode sources(DetectionFlags flags) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        new java.util.TreeMap<>(flags.sources()).forEach((flag, source) -> json.putObject(flag)
                .put("source", source.name())
                .put("date", source.date().map(java.time.LocalDate::toString).orElse(null)));
        return json;
    }

    private static void putFlag(ObjectNode json, String name, Optional<Boolean> value) {
        if (value.isPresent()) {
            json.put(name, value.get());
        }
        else {
            json.putNull(name);
        }
    }

    private static JsonNode checks(Map<String, Object> checks) {
        return Json.MAPPER.valueToTree(checks);
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}

package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a policy would have done to the app's recent evaluations (docs/policies.md, "Backtest"): each
 * replayed with the signals it recorded, nothing stored or sent.
 *
 * @param policyId the stored policy's id; empty for a draft
 * @param truncated whether older evaluations of the period were left out (only the newest are replayed)
 * @param outcomes how many of the matched would have been answered {@code allow}, {@code deny} or {@code challenge}
 * @param samples some of the matched evaluations, with why they matched
 */
public record Backtest(Optional<String> policyId, Instant from, Instant to, int evaluated, boolean truncated, int matched, Map<String, Integer> outcomes,
        List<Sample> samples) {

    /**
     * A matched evaluation.
     *
     * @param reasons why it matched, as Seatguard explains a policy's match ({@code reasons} in an evaluation)
     */
    public record Sample(String evaluationId, Instant createdAt, String action, String recordedVerdict, JsonNode reasons) {
        /** As a record's, but the reasons (they may quote the address or account matched) by their size ({@link Redacted}). */
        @Override
        public String toString() {
            return "Sample[evaluationId=" + evaluationId + ", createdAt=" + createdAt + ", action=" + action + ", recordedVerdict=" + recordedVerdict
                    + ", reasons=" + Redacted.json(reasons) + "]";
        }
    }

    static Backtest of(JsonNode json) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        json.path("outcomes").properties().forEach(entry -> outcomes.put(entry.getKey(), entry.getValue().asInt()));
        List<Sample> samples = new ArrayList<>();
        json.path("samples").forEach(sample -> samples.add(new Sample(sample.path("evaluation_id").asText(), AnswerFields.instant(sample, "created_at", "a backtest's sample"),
                sample.path("action").asText(), sample.path("recorded_verdict").asText(), sample.path("reasons"))));
        return new Backtest(Optional.ofNullable(json.path("policy_id").textValue()), AnswerFields.instant(json, "from", "a backtest"),
                AnswerFields.instant(json, "to", "a backtest"), json.path("evaluated").asInt(), json.path("truncated").asBoolean(), json.path("matched").asInt(),
                java.util.Collections.unmodifiableMap(outcomes), List.copyOf(samples));
    }
}

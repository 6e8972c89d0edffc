package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The short answer to an evaluation ({@code POST /v3/evaluate}); {@link SeatguardClient#getEvaluation}
 * reads the whole record.
 *
 * @param verdict {@code allow}, {@code deny} or {@code challenge}
 * @param redirect the hosted challenge page to send the browser to; for a device logged out of the
 *     account, your policy's {@code logout_url}; else empty
 * @param deviceId the durable device id; {@code 00000000-0000-0000-0000-000000000000} when no usable
 *     device signals came with the request
 * @param logout this device was logged out of this account: end its session
 */
public record EvaluateResult(String evaluationId, String verdict, Optional<String> redirect, String deviceId, boolean logout, JsonNode raw) {
    static EvaluateResult of(JsonNode json) {
        String answer = "an evaluation's verdict";
        return new EvaluateResult(AnswerFields.text(json, "evaluation_id", answer), AnswerFields.text(json, "verdict", answer), Evaluation.text(json.path("redirect")),
                AnswerFields.text(json, "device_id", answer), json.path("logout").asBoolean(), json);
    }

    /**
     * As a record's, but without the personal data an app's log must not keep ({@link Redacted}):
     * the raw JSON (it holds the address evaluated) by its size.
     */
    @Override
    public String toString() {
        return "EvaluateResult[evaluationId=" + evaluationId + ", verdict=" + verdict + ", redirect=" + redirect + ", deviceId=" + deviceId + ", logout=" + logout
                + ", raw=" + Redacted.json(raw) + "]";
    }
}

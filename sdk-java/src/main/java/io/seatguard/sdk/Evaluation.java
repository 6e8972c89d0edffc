package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * An evaluation as {@code GET /v3/evaluations/{id}} answers it: the fields a backend checks before it
 * lets someone in (seed 003), typed; everything else in {@link #raw()}.
 *
 * @param email the {@code user.email} it was evaluated with: where a verification code went by email
 * @param phone the {@code user.phone} it was evaluated with: where a verification code went by SMS. A
 *     backend checks both against the account's own before it trusts a completed challenge, since a
 *     browser-mode evaluation names them itself.
 */
public record Evaluation(
        String id,
        String action,
        String verdict,
        Instant createdAt,
        boolean consumed,
        Optional<String> userId,
        Optional<String> email,
        Optional<String> phone,
        String deviceId,
        int riskScore,
        Optional<ChallengeRef> challenge,
        JsonNode raw) {
    /** The challenge the evaluation opened, with its current status. */
    public record ChallengeRef(String id, String type, String status) {}

    static Evaluation of(JsonNode json) {
        JsonNode challenge = json.path("challenge");
        return new Evaluation(AnswerFields.text(json, "id", "an evaluation"), json.path("action").asText(), json.path("verdict").asText(),
                AnswerFields.instant(json, "created_at", "an evaluation"), json.path("consumed").asBoolean(), text(json.path("user").path("id")),
                text(json.path("user").path("email")), text(json.path("user").path("phone")), json.path("device").path("id").asText(), json.path("risk").path("score").asInt(),
                challenge.isObject() ? Optional.of(new ChallengeRef(challenge.path("id").asText(), challenge.path("type").asText(), challenge.path("status").asText()))
                        : Optional.empty(),
                json);
    }

    static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /**
     * How the evaluation's user, email and phone came to be believed: {@code server} (your backend named
     * them with the secret key), {@code signed} (a browser carried your {@link IdentitySignature}) or
     * {@code unsigned} (a browser's word alone: anyone knowing the client id could have sent it); empty for
     * an evaluation recorded before Seatguard kept it.
     */
    public Optional<String> identity() {
        return text(raw.path("identity"));
    }

    public boolean challengeCompleted() {
        return challenge.map(ref -> ref.status().equals("completed")).orElse(false);
    }

    /**
     * As a record's, but without the personal data an app's log must not keep ({@link Redacted}):
     * the account id only as {@code (set)}, email and phone masked, the raw JSON (addresses, user agent, location) by its size.
     */
    @Override
    public String toString() {
        return "Evaluation[id=" + id + ", action=" + action + ", verdict=" + verdict + ", createdAt=" + createdAt + ", consumed=" + consumed
                + ", userId=" + Redacted.present(userId) + ", email=" + Redacted.email(email) + ", phone=" + Redacted.phone(phone) + ", deviceId=" + deviceId
                + ", riskScore=" + riskScore + ", challenge=" + challenge + ", raw=" + Redacted.json(raw) + "]";
    }
}

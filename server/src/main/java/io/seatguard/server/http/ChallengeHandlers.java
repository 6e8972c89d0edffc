package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.challenge.ChallengeService;
import io.seatguard.core.error.SeatguardException;

/** {@code GET /v3/challenges/{id}} (CONTRACT.md "Challenges"): another app's challenge is not found. */
final class ChallengeHandlers {
    private final Credentials credentials;
    private final ChallengeService challenges;

    ChallengeHandlers(Credentials credentials, ChallengeService challenges) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.challenges = requireNonNull(challenges, "challenges is null");
    }

    void get(Context ctx) {
        App app = credentials.requireApp(ctx);
        String id = ctx.pathParam("id");
        if (!id.matches("ch_[0-9A-Za-z]{32}")) {
            throw SeatguardException.notFound("challenge");
        }
        Challenge challenge = challenges.get(app.id(), id);
        ctx.contentType("application/json").result(json(challenge).toString());
    }

    static ObjectNode json(Challenge challenge) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", challenge.id());
        json.put("evaluation_id", challenge.evaluationId());
        json.put("type", challenge.type().wireName());
        json.put("status", challenge.status().wireName());
        ArrayNode channels = json.putArray("channels");
        challenge.channels().forEach(channels::add);
        ArrayNode reasons = json.putArray("reasons");
        challenge.reasons().forEach(reasons::add);
        json.put("user", challenge.userId().orElse(null));
        json.put("email", challenge.email().orElse(null));
        json.put("identity", challenge.plan().identity().wireName());
        json.put("device_id", challenge.deviceId());
        json.put("attempts", challenge.attempts());
        json.put("created_at", EvaluationJson.time(challenge.createdAt()));
        json.put("expires_at", EvaluationJson.time(challenge.expiresAt()));
        json.put("finished_at", challenge.finishedAt().map(EvaluationJson::time).orElse(null));
        return json;
    }
}

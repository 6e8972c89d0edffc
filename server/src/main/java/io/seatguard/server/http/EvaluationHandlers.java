package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.challenge.ChallengeService;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.evaluation.ConsumeOutcome;
import io.seatguard.core.evaluation.EvaluationStore;
import io.seatguard.core.ids.UuidText;
import java.time.InstantSource;

/**
 * {@code GET /v3/evaluations/{id}} and {@code POST /v3/evaluations/{id}/consume}. Another app's
 * evaluation is not found, never forbidden: a 403 would confirm that the id exists (CONTRACT.md).
 */
final class EvaluationHandlers {
    private final Credentials credentials;
    private final EvaluationStore store;
    private final InstantSource clock;
    private final ChallengeService challenges;

    EvaluationHandlers(Credentials credentials, EvaluationStore store, InstantSource clock, ChallengeService challenges) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.challenges = requireNonNull(challenges, "challenges is null");
    }

    /** The evaluation with its challenge's current status, which is what a backend checks before it lets someone in (seed 003). */
    private Evaluation live(Evaluation evaluation) {
        return challenges.withCurrentChallenge(evaluation);
    }

    void get(Context ctx) {
        App app = credentials.requireApp(ctx);
        String id = evaluationId(ctx);
        var evaluation = store.find(app.id(), id).orElseThrow(() -> SeatguardException.notFound("evaluation " + id));
        ctx.contentType("application/json").result(EvaluationJson.full(live(evaluation)).toString());
    }

    void consume(Context ctx) {
        App app = credentials.requireApp(ctx);
        String id = evaluationId(ctx);
        NoBody.refuse(ctx);
        switch (store.consume(app.id(), id, clock.instant())) {
            case ConsumeOutcome.Consumed consumed -> ctx.contentType("application/json").result(EvaluationJson.full(live(consumed.evaluation())).toString());
            case ConsumeOutcome.AlreadyConsumed already -> throw new SeatguardException(ErrorCode.ALREADY_CONSUMED,
                    "Evaluation " + id + " was already consumed; each evaluation can be consumed once");
            case ConsumeOutcome.NotFound notFound -> throw SeatguardException.notFound("evaluation " + id);
        }
    }

    /**
     * The id in the lower case it is stored in, taken in either case (a UUID, RFC 9562 §4). Anything that
     * cannot be one of our ids cannot exist either: 404, without a trip to the store.
     */
    private static String evaluationId(Context ctx) {
        String id = ctx.pathParam("id");
        return UuidText.canonical(id)
                .orElseThrow(() -> SeatguardException.notFound("evaluation " + Problems.abbreviate(id)));
    }
}

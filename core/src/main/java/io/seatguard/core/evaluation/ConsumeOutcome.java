package io.seatguard.core.evaluation;

/** The three ways a consume can end (seed 003 step 4: the first call wins, a replay gets 409). */
public sealed interface ConsumeOutcome {
    /** This call won: the evaluation is now consumed. */
    record Consumed(Evaluation evaluation) implements ConsumeOutcome {}

    /** Someone consumed it before. */
    record AlreadyConsumed() implements ConsumeOutcome {}

    /** No such evaluation in this app. */
    record NotFound() implements ConsumeOutcome {}
}

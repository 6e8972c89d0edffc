package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.policy.ChallengeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules of a challenge's life, without I/O: every step takes the challenge as read and the time,
 * and answers what happened and the state to store. A challenge past its expiry is expired whatever
 * step is asked of it.
 */
public final class ChallengeMachine {
    /** What a step did. */
    public sealed interface Outcome {
        Challenge challenge();

        /** The step happened; store the new state. */
        record Done(Challenge challenge) implements Outcome {}

        /** A code to send: store the state (which holds only its hash), then deliver {@code code}. */
        record SendCode(Challenge challenge, String code) implements Outcome {}

        /** A code was sent too recently; try again after {@code retryAfter}. Nothing to store. */
        record TooSoon(Challenge challenge, Duration retryAfter) implements Outcome {}

        /**
         * The current code outlived its lifetime ({@link #codeValidUntil}): not judged, and no attempt counted,
         * since no code typed now can pass. Nothing to store; a new code can be asked for.
         */
        record CodeExpired(Challenge challenge) implements Outcome {}

        /**
         * A code a resend replaced, typed within its lifetime: not taken (only the newest code is), but not
         * counted as wrong either; its message most likely arrived late. Nothing to store.
         */
        record CodeReplaced(Challenge challenge) implements Outcome {}

        /** A wrong code; store the new attempt count. */
        record WrongCode(Challenge challenge, int attemptsLeft) implements Outcome {}

        /**
         * The challenge cannot take this step (finished, or not at the right stage). {@code challenge}
         * is its settled state: store it if it differs from what was read (it has just expired).
         */
        record Refused(Challenge challenge, String reason) implements Outcome {}
    }

    private final ChallengeRules rules;
    private final VerificationCodes codes;

    public ChallengeMachine(ChallengeRules rules, VerificationCodes codes) {
        this.rules = requireNonNull(rules, "rules is null");
        this.codes = requireNonNull(codes, "codes is null");
    }

    /**
     * The challenge as it stands at {@code now}: expired once past its expiry unless it already ended, and
     * also once the last code it may send has outlived its lifetime ({@link #codeValidUntil}). No code can
     * pass then and none can be sent, so nothing the person does on the page leads anywhere: left
     * {@code code_sent}, the page offered only a code form that judged nothing until the challenge's own
     * expiry (up to 24 hours), and the app's backend read a challenge still waiting. Ended, the page says
     * the check has expired and the backend sees a final status, so the app can start the sign-in afresh.
     */
    public Challenge settle(Challenge challenge, Instant now) {
        if (challenge.status().isFinal()) {
            return challenge;
        }
        if (!now.isBefore(challenge.expiresAt())) {
            return challenge.finish(ChallengeStatus.EXPIRED, challenge.expiresAt());
        }
        if (challenge.status() == ChallengeStatus.CODE_SENT && !maySendAgain(challenge) && codeExpired(challenge, now)) {
            return challenge.finish(ChallengeStatus.EXPIRED, codeValidUntil(challenge).orElseThrow());
        }
        return challenge;
    }

    /** The person opened the hosted page. */
    public Outcome present(Challenge challenge, Instant now) {
        Challenge current = settle(challenge, now);
        if (current.status() != ChallengeStatus.CREATED) {
            return current.status().isFinal() ? refused(current) : new Outcome.Done(current);
        }
        return new Outcome.Done(current.with(ChallengeStatus.PRESENTED, current.codeHash(), current.codeSentAt(), current.attempts(), current.sends(),
                Optional.empty()));
    }

    /** Sends a (new) code on {@code channel}, within the cooldown and the number of sends; a new code replaces the old one. */
    public Outcome sendCode(Challenge challenge, String channel, Instant now) {
        Challenge current = settle(challenge, now);
        Optional<Outcome> notNow = sendRefusal(current, now);
        if (notNow.isPresent()) {
            return notNow.get();
        }
        String code = codes.newCode();
        Challenge next = current.withCode(codes.hash(current.id(), code), channel, now);
        return new Outcome.SendCode(next, code);
    }

    /** Whether a code could be sent now, without making one: {@link #sendCode} would not refuse or say wait. */
    public boolean maySend(Challenge challenge, Instant now) {
        return sendRefusal(settle(challenge, now), now).isEmpty();
    }

    /** Why no code can be sent now (refused, or too soon), or empty when one can. */
    private Optional<Outcome> sendRefusal(Challenge current, Instant now) {
        if (current.type() != ChallengeType.VERIFICATION || current.status().isFinal() || current.status() == ChallengeStatus.VERIFIED) {
            return Optional.of(refused(current));
        }
        if (current.codeSentAt().isPresent()) {
            Instant allowedAt = current.codeSentAt().get().plus(rules.resendCooldown());
            if (now.isBefore(allowedAt)) {
                return Optional.of(new Outcome.TooSoon(current, Duration.between(now, allowedAt)));
            }
        }
        if (!maySendAgain(current)) {
            return Optional.of(new Outcome.Refused(current, "no more codes can be sent for this challenge"));
        }
        return Optional.empty();
    }

    /** Checks a code; the last allowed wrong code fails the challenge. */
    public Outcome verify(Challenge challenge, String code, Instant now) {
        Challenge current = settle(challenge, now);
        if (current.status() != ChallengeStatus.CODE_SENT || current.codeHash().isEmpty()) {
            return refused(current);
        }
        if (codeExpired(current, now)) {
            return new Outcome.CodeExpired(current);
        }
        if (codes.matches(current.id(), code, current.codeHash().get())) {
            return new Outcome.Done(current.with(ChallengeStatus.VERIFIED, Optional.empty(), current.codeSentAt(), current.attempts(), current.sends(),
                    Optional.empty()));
        }
        if (replacedAndAlive(current, code, now)) {
            return new Outcome.CodeReplaced(current);
        }
        int attempts = current.attempts() + 1;
        if (attempts >= rules.maxAttempts()) {
            return new Outcome.Done(current.with(ChallengeStatus.FAILED, Optional.empty(), current.codeSentAt(), attempts, current.sends(),
                    Optional.of(now)));
        }
        return new Outcome.WrongCode(current.with(current.status(), current.codeHash(), current.codeSentAt(), attempts, current.sends(),
                Optional.empty()), rules.maxAttempts() - attempts);
    }

    /**
     * Whether {@code code} is one a resend replaced and would still be within its lifetime. Every kept hash
     * is compared (in constant time each), so the answer's timing does not say which one matched.
     */
    private boolean replacedAndAlive(Challenge current, String code, Instant now) {
        boolean found = false;
        for (Challenge.ReplacedCode replaced : current.replacedCodes()) {
            boolean alive = now.isBefore(replaced.sentAt().plus(rules.codeLifetime()));
            found |= codes.matches(current.id(), code, replaced.hash()) & alive;
        }
        return found;
    }

    /**
     * When the current code stops being taken: {@link ChallengeRules#codeLifetime} after it was sent, or the
     * challenge's expiry if that comes first. Empty when no code was sent.
     */
    public Optional<Instant> codeValidUntil(Challenge challenge) {
        return challenge.codeSentAt().map(sent -> {
            Instant lifetimeEnds = sent.plus(rules.codeLifetime());
            return lifetimeEnds.isBefore(challenge.expiresAt()) ? lifetimeEnds : challenge.expiresAt();
        });
    }

    /** Whether the challenge's current code has outlived its lifetime at {@code now}. */
    public boolean codeExpired(Challenge challenge, Instant now) {
        return codeValidUntil(challenge).filter(until -> !now.isBefore(until)).isPresent();
    }

    /**
     * Completes the challenge: a verification once its code was verified, a device-limit challenge once
     * the account is within its limit (the caller checks the count).
     */
    public Outcome complete(Challenge challenge, Instant now) {
        Challenge current = settle(challenge, now);
        boolean ready = current.type() == ChallengeType.VERIFICATION
                ? current.status() == ChallengeStatus.VERIFIED
                : current.status() == ChallengeStatus.CREATED || current.status() == ChallengeStatus.PRESENTED;
        if (!ready) {
            return refused(current);
        }
        return new Outcome.Done(current.finish(ChallengeStatus.COMPLETED, now));
    }

    /** The person gave up, or is not the owner: the challenge fails. */
    public Outcome fail(Challenge challenge, Instant now) {
        Challenge current = settle(challenge, now);
        if (current.status().isFinal()) {
            return refused(current);
        }
        return new Outcome.Done(current.finish(ChallengeStatus.FAILED, now));
    }

    /** A newer challenge for the same account and device replaces this one. */
    public Outcome override(Challenge challenge, Instant now) {
        Challenge current = settle(challenge, now);
        if (current.status().isFinal()) {
            return refused(current);
        }
        return new Outcome.Done(current.finish(ChallengeStatus.OVERRIDDEN, now));
    }

    private static Outcome refused(Challenge current) {
        String reason = switch (current.status()) {
            case EXPIRED -> "the challenge has expired";
            case COMPLETED -> "the challenge is already completed";
            case FAILED -> "the challenge has failed";
            case OVERRIDDEN -> "a newer challenge replaced this one";
            case VERIFIED -> "the code was already verified";
            default -> "no code has been sent yet";
        };
        return new Outcome.Refused(current, reason);
    }

    /** Whether the challenge has codes left to send (each sends at most {@code maxSends}), cooldown aside. */
    boolean maySendAgain(Challenge challenge) {
        return challenge.sends() < rules.maxSends();
    }
}

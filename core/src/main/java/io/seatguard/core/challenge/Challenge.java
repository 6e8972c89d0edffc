package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.Actions;
import io.seatguard.core.policy.ChallengeType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One challenge, as stored. Immutable: each step of {@link ChallengeMachine} returns the next state,
 * which the store writes only if the challenge is still in the state it was read in.
 *
 * @param plan what the challenge was opened for and where it leads
 * @param userId the account challenged; for a signup, empty, and the challenge is bound to {@code email}
 * @param channels where codes may go, in the policy's order of preference
 * @param reasons the signals that made the policy challenge, in plain words for the page
 * @param codeHash the current code's keyed hash; empty before the first code
 * @param codeChannel the channel the current code went on ({@code email} or {@code sms}), so the page
 *     names only where it went; empty before the first code
 * @param attempts wrong codes entered so far
 * @param sends codes sent so far
 * @param replacedCodes the codes a resend replaced, newest first, at most {@link #KEPT_REPLACED_CODES}: a
 *     replaced code is never taken, but one typed within its lifetime is told apart from a wrong code
 *     (an SMS or mail often arrives after the resend it prompted), and costs no attempt
 */
public record Challenge(
        String id,
        String appId,
        String evaluationId,
        ChallengeType type,
        ChallengePlan plan,
        ChallengeStatus status,
        Optional<String> userId,
        Optional<String> email,
        Optional<String> phone,
        String deviceId,
        List<String> channels,
        List<String> reasons,
        Optional<String> codeHash,
        Optional<Instant> codeSentAt,
        Optional<String> codeChannel,
        int attempts,
        int sends,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> finishedAt,
        List<ReplacedCode> replacedCodes) {
    /**
     * How many replaced codes are kept: at a 30 s cooldown and a 10 minute lifetime more could be alive,
     * but a person waits for the last one or two messages, not for five; and each kept one is one more
     * hash a typed code is compared with.
     */
    public static final int KEPT_REPLACED_CODES = 2;

    /** A code a resend replaced: its keyed hash and when it was sent (its lifetime runs from then). */
    public record ReplacedCode(String hash, Instant sentAt) {
        public ReplacedCode {
            requireNonNull(hash, "hash is null");
            requireNonNull(sentAt, "sentAt is null");
        }
    }

    /** Without replaced codes: a challenge before its first resend. */
    public Challenge(String id, String appId, String evaluationId, ChallengeType type, ChallengePlan plan, ChallengeStatus status,
            Optional<String> userId, Optional<String> email, Optional<String> phone, String deviceId, List<String> channels, List<String> reasons,
            Optional<String> codeHash, Optional<Instant> codeSentAt, Optional<String> codeChannel, int attempts, int sends, Instant createdAt,
            Instant expiresAt, Optional<Instant> finishedAt) {
        this(id, appId, evaluationId, type, plan, status, userId, email, phone, deviceId, channels, reasons, codeHash, codeSentAt, codeChannel,
                attempts, sends, createdAt, expiresAt, finishedAt, List.of());
    }

    public Challenge {
        requireNonNull(id, "id is null");
        requireNonNull(appId, "appId is null");
        requireNonNull(evaluationId, "evaluationId is null");
        requireNonNull(type, "type is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(status, "status is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(email, "email is null");
        requireNonNull(phone, "phone is null");
        requireNonNull(deviceId, "deviceId is null");
        channels = List.copyOf(channels);
        reasons = List.copyOf(reasons);
        requireNonNull(codeHash, "codeHash is null");
        requireNonNull(codeSentAt, "codeSentAt is null");
        requireNonNull(codeChannel, "codeChannel is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        replacedCodes = List.copyOf(replacedCodes);
    }

    Challenge with(ChallengeStatus next, Optional<String> nextCodeHash, Optional<Instant> nextCodeSentAt, int nextAttempts, int nextSends,
            Optional<Instant> nextFinishedAt) {
        return new Challenge(id, appId, evaluationId, type, plan, next, userId, email, phone, deviceId, channels, reasons, nextCodeHash, nextCodeSentAt,
                codeChannel, nextAttempts, nextSends, createdAt, expiresAt, nextFinishedAt, replacedCodes);
    }

    /** This challenge with a new code, sent on {@code channel}; the code it replaces is kept among {@link #replacedCodes}. */
    Challenge withCode(String hash, String channel, Instant sentAt) {
        List<ReplacedCode> replaced = replacedCodes;
        if (codeHash.isPresent() && codeSentAt.isPresent()) {
            java.util.ArrayList<ReplacedCode> kept = new java.util.ArrayList<>(KEPT_REPLACED_CODES);
            kept.add(new ReplacedCode(codeHash.get(), codeSentAt.get()));
            kept.addAll(replacedCodes.subList(0, Math.min(replacedCodes.size(), KEPT_REPLACED_CODES - 1)));
            replaced = kept;
        }
        return new Challenge(id, appId, evaluationId, type, plan, ChallengeStatus.CODE_SENT, userId, email, phone, deviceId, channels, reasons,
                Optional.of(hash), Optional.of(sentAt), Optional.of(channel), attempts, sends + 1, createdAt, expiresAt, Optional.empty(), replaced);
    }

    /**
     * This challenge with {@code before}'s code, stage and count of sends back: a send that was never
     * delivered, undone. Wrong codes judged meanwhile stay counted.
     */
    Challenge withCodeOf(Challenge before) {
        return new Challenge(id, appId, evaluationId, type, plan, before.status, userId, email, phone, deviceId, channels, reasons, before.codeHash,
                before.codeSentAt, before.codeChannel, attempts, before.sends, createdAt, expiresAt, finishedAt, before.replacedCodes);
    }

    /**
     * The key a newer challenge overrides an older one by, and the attempt limits count per: the account
     * id, or for a signup (no account yet) the email it is bound to, lower-cased (mail systems treat
     * {@code Ann@Example.com} and {@code ann@example.com} as one mailbox, so they must share one limit).
     */
    public String accountKey() {
        return userId.map(Challenge::userKey).orElseGet(() -> "email:" + email.orElse("").toLowerCase(Locale.ROOT));
    }

    /** The {@link #accountKey} of an account's challenges. */
    public static String userKey(String userId) {
        return USER_KEY_PREFIX + userId;
    }

    /** What every account's {@link #accountKey} starts with (a signup's starts with {@code email:}). */
    public static final String USER_KEY_PREFIX = "user:";

    /** Where a code on {@code channel} goes: the email for {@code email}, the phone for {@code sms}. */
    public Optional<String> destination(String channel) {
        return switch (channel) {
            case "email" -> email;
            case "sms" -> phone;
            default -> Optional.empty();
        };
    }

    /**
     * The key the hosted page's per-account attempt limits count by: {@link #accountKey()}, except for a
     * signup, which counts per address it verifies (the email lower-cased, else the phone). A signup's
     * {@code user} names an account that does not exist yet and is the caller's word: keyed on it, one
     * address could be sent codes, and have codes guessed, under as many names as a script made up.
     * An unsigned browser call's account is the caller's word too (the client id is public), so it counts
     * per address as well: keyed on the account, anyone could spend the owner's sends and checks with
     * codes sent to their own mailbox, and the owner's code would then be refused (found in review).
     * A challenge without an account (a custom action evaluated without {@code user}) counts per address
     * too: its account key names no account ({@code email:} with only a phone), and all such challenges of
     * an app shared one limit, ten codes an hour for every person together (found in review).
     */
    public String limitKey() {
        if (!plan.action().equals(Actions.SIGNUP) && plan.identity().vouched() && userId.isPresent()) {
            return accountKey();
        }
        return email.map(address -> "email:" + address.toLowerCase(Locale.ROOT))
                .or(() -> phone.map(number -> "phone:" + number))
                .orElseGet(this::accountKey);
    }

    Challenge finish(ChallengeStatus next, Instant at) {
        return with(next, codeHash, codeSentAt, attempts, sends, Optional.of(at));
    }
}

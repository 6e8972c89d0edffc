package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.DeviceLinks;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.policy.ChallengeRef;
import io.seatguard.core.policy.ChallengeType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the hosted challenge page does, one step per call: each step reads the challenge, asks the
 * {@link ChallengeMachine}, and stores the result only if nobody moved the challenge meanwhile (a lost
 * race is answered as "try again" by showing the page afresh).
 */
public final class ChallengeService {
    /**
     * How many times a code is judged again when other requests keep changing the challenge under it; at
     * five attempts per challenge, more than that many concurrent changes cannot all be codes.
     */
    static final int MAX_VERIFY_ROUNDS = 16;
    /** The page's notice when a passed challenge has nowhere to send the browser: the person may close it. */
    public static final String DONE = "done";
    /** The page's notice when a code went out: the only send step that delivered anything. */
    public static final String CODE_SENT = "code_sent";
    /**
     * The page's notice when the code was handed to the mail server or SMS provider in full but no answer
     * came ({@link DeliveryUncertain}): it may arrive late, and it is taken as any sent code is.
     */
    public static final String CODE_MAY_BE_LATE = "code_may_be_late";
    /** The page's notice when the code could not be handed to the mail server or SMS provider. */
    public static final String SEND_FAILED = "send_failed";
    /** The page's notice when it may not log the account's devices out ({@link #managesDevices}). */
    public static final String UNSIGNED_IDENTITY = "unsigned_identity";
    /**
     * The page's notice when a code was typed after its lifetime ({@link ChallengeRules#codeLifetime}): not
     * judged, and no attempt counted; the page offers a new code within the send limits.
     */
    public static final String CODE_EXPIRED = "code_expired";
    /**
     * The page's notice when a code a resend replaced was typed within its lifetime: not taken, and no
     * attempt counted (its message most likely arrived after the newer one was asked for).
     */
    public static final String CODE_REPLACED = "code_replaced";
    /** The page's notice when what was sent as a code has not its digits (judged as no attempt). */
    public static final String NOT_A_CODE = "not_a_code";
    /** The device-limit page was asked to log out the device being signed in on. */
    public static final String CURRENT_DEVICE = "current_device";
    /**
     * The device-limit page was asked to log out a device while the account was within its limit already
     * (another tab or the app's backend logged one out since the page was read): nothing was logged out.
     */
    public static final String NO_LOGOUT_NEEDED = "no_logout_needed";
    /** The device-limit page was asked to log out a device of the account that is logged out already. */
    public static final String ALREADY_LOGGED_OUT = "already_logged_out";

    /** What the page should do after a step. */
    public sealed interface Step {
        Challenge challenge();

        /** Show the page; {@code notice} is a message key for the person ({@code code_sent}, {@code wrong_code}, …). */
        record Show(Challenge challenge, Optional<String> notice, int attemptsLeft) implements Step {}

        /** Send the browser on: the challenge is over. */
        record Leave(Challenge challenge, String url) implements Step {}

        /** Too soon to send another code. */
        record Wait(Challenge challenge, Duration retryAfter) implements Step {}
    }

    private final ChallengeStore store;
    private final ChallengeMachine machine;
    private final ChallengeRules rules;
    private final CodeSender sender;
    private final DeviceLinks devices;
    private final InstantSource clock;

    public ChallengeService(ChallengeStore store, ChallengeMachine machine, ChallengeRules rules, CodeSender sender, DeviceLinks devices,
            InstantSource clock) {
        this.store = requireNonNull(store, "store is null");
        this.machine = requireNonNull(machine, "machine is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.sender = requireNonNull(sender, "sender is null");
        this.devices = requireNonNull(devices, "devices is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * The evaluation with its challenge as it stands now: the evaluation keeps the status its challenge had
     * when it was answered, and a backend (seed 003) or an operator reading it later wants today's. An
     * evaluation whose challenge is gone (erased with its account) is returned as stored.
     */
    public Evaluation withCurrentChallenge(Evaluation evaluation) {
        if (evaluation.challenge().isEmpty()) {
            return evaluation;
        }
        ChallengeRef stored = evaluation.challenge().get();
        Optional<Challenge> found = store.find(stored.id());
        if (found.isEmpty()) {
            return evaluation;
        }
        Challenge current = settled(found.get());
        return evaluation.withChallenge(new ChallengeRef(current.id(), stored.type(), current.status().wireName(), current.expiresAt()));
    }

    /** The challenge as it stands now (an expiry is stored as it is noticed). */
    public Challenge get(String challengeId) {
        return settled(store.find(challengeId).orElseThrow(() -> SeatguardException.notFound("challenge " + challengeId)));
    }

    /**
     * The app's challenge as it stands now. Another app's is not found, as one that does not exist, and is
     * checked before it is settled: settling it first wrote the expiry into another app's data on a call made
     * with this app's key (found in review).
     */
    public Challenge get(String appId, String challengeId) {
        Challenge stored = store.find(challengeId)
                .filter(challenge -> challenge.appId().equals(appId))
                .orElseThrow(() -> SeatguardException.notFound("challenge " + challengeId));
        return settled(stored);
    }

    /**
     * The challenge settled now, its expiry stored. When the expiry's write loses (another request changed
     * the challenge since it was read: the right code typed as the last code's lifetime ended), what is
     * stored now is settled instead: answering the expiry that lost told the backend {@code expired} for a
     * passed challenge, and the page said so to its owner (found in review). Each lost write is a move
     * towards the challenge's end, so this takes few rounds.
     */
    private Challenge settled(Challenge stored) {
        Challenge current = stored;
        for (int round = 1; round <= MAX_VERIFY_ROUNDS; round++) {
            Challenge settled = machine.settle(current, clock.instant());
            if (settled == current || store.replace(current, settled)) {
                return settled;
            }
            Optional<Challenge> now = store.find(current.id());
            if (now.isEmpty()) {
                return settled;
            }
            current = now.get();
        }
        return machine.settle(current, clock.instant());
    }

    /** Opening the page: marks the challenge presented. */
    public Step open(String challengeId) {
        Challenge read = get(challengeId);
        ChallengeMachine.Outcome outcome = machine.present(read, clock.instant());
        Challenge shown = save(read, outcome.challenge());
        return new Step.Show(shown, Optional.empty(), attemptsLeft(shown));
    }

    /** Sends a code on the channel asked for, if the challenge offers it and the server can deliver on it. */
    public Step sendCode(String challengeId, String channel, String appName, Locale locale) {
        Challenge read = get(challengeId);
        if (read.status().isFinal()) {
            // Ended (failed, its device logged out, expired...): say so, not that no more codes may be sent.
            return new Step.Show(read, Optional.of(ChallengeExits.noticeFor(read)), attemptsLeft(read));
        }
        if (!read.channels().contains(channel) || !sender.channels().contains(channel)) {
            return new Step.Show(read, Optional.of("channel_unavailable"), attemptsLeft(read));
        }
        ChallengeMachine.Outcome outcome = machine.sendCode(read, channel, clock.instant());
        return switch (outcome) {
            case ChallengeMachine.Outcome.SendCode send -> {
                if (!store.replace(read, send.challenge())) {
                    yield new Step.Show(get(challengeId), Optional.of("try_again"), attemptsLeft(read));
                }
                String to = send.challenge().destination(channel).orElseThrow();
                try {
                    sender.send(new CodeMessage(channel, to, send.code(), appName, codeValidFor(send.challenge()), locale,
                            "signup".equals(send.challenge().plan().action())));
                }
                catch (DeliveryUncertain e) {
                    // It may still arrive: undone, the owner would get a code the page no longer takes (and
                    // another send could replace it). So it stays valid, its send counted and its cooldown running.
                    yield new Step.Show(send.challenge(), Optional.of(CODE_MAY_BE_LATE), attemptsLeft(send.challenge()));
                }
                catch (RuntimeException e) {
                    // Not delivered (the mail server or SMS provider failed): the send is not counted and
                    // starts no cooldown, so the person can try again at once.
                    undoSend(read, send.challenge());
                    yield new Step.Show(get(challengeId), Optional.of(SEND_FAILED), attemptsLeft(read));
                }
                yield new Step.Show(send.challenge(), Optional.of(CODE_SENT), attemptsLeft(send.challenge()));
            }
            case ChallengeMachine.Outcome.TooSoon tooSoon -> new Step.Wait(tooSoon.challenge(), tooSoon.retryAfter());
            case ChallengeMachine.Outcome.Refused refused -> new Step.Show(save(read, refused.challenge()), Optional.of("cannot_send"),
                    attemptsLeft(refused.challenge()));
            default -> new Step.Show(save(read, outcome.challenge()), Optional.empty(), attemptsLeft(outcome.challenge()));
        };
    }

    /**
     * Puts {@code read}'s code, stage and sends back after the send that made {@code sent} failed. Another
     * tab's code check may have landed while the mail server was tried (up to 30 s): undone only when
     * nothing changed, that left the undelivered code in place, its send counted and its cooldown running,
     * though the page said it could not be sent (found in review). So the undo is made over such changes,
     * for as long as the undelivered code is still the current one; once another code went out or the
     * challenge ended, there is nothing of it to undo.
     */
    private void undoSend(Challenge read, Challenge sent) {
        Challenge current = sent;
        for (int round = 1; round <= MAX_VERIFY_ROUNDS; round++) {
            if (store.replace(current, current.withCodeOf(read))) {
                return;
            }
            Optional<Challenge> now = store.find(read.id());
            if (now.isEmpty() || now.get().status() != ChallengeStatus.CODE_SENT || !now.get().codeHash().equals(sent.codeHash())) {
                return;
            }
            current = now.get();
        }
    }

    /**
     * Whether a code check would judge a code at all (a code was sent, it is within its lifetime, and the
     * challenge is still open): the page spends the attempt limits only on those, so that checks sent to an
     * expired, finished or codeless challenge, or after the code's lifetime, cannot use up the owner's limits.
     */
    public boolean awaitsCode(Challenge challenge) {
        Instant now = clock.instant();
        return machine.settle(challenge, now).status() == ChallengeStatus.CODE_SENT && challenge.codeHash().isPresent()
                && !machine.codeExpired(challenge, now);
    }

    /**
     * How long the challenge's current code is still taken from now (its lifetime after it was sent, or
     * until the challenge expires, whichever is first): what its message and the page say. Zero when no
     * code was sent or it has expired.
     */
    public Duration codeValidFor(Challenge challenge) {
        Duration left = machine.codeValidUntil(challenge).map(until -> Duration.between(clock.instant(), until)).orElse(Duration.ZERO);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the challenge is waiting for a code whose lifetime has passed: the page asks for a new one. */
    private boolean codeExpired(Challenge challenge) {
        Instant now = clock.instant();
        return machine.settle(challenge, now).status() == ChallengeStatus.CODE_SENT && machine.codeExpired(challenge, now);
    }

    /** Whether a send on {@code channel} would go out now; the page spends the send limits only on those. */
    public boolean maySend(Challenge challenge, String channel) {
        return challenge.channels().contains(channel) && sender.channels().contains(channel)
                && machine.maySend(challenge, clock.instant());
    }

    /**
     * Checks a code; a right one completes the challenge and leaves for where the plan leads.
     *
     * <p>Verified and completed are stored in one step, and only this request's right code completes:
     * a challenge left "verified" (by a crash between two writes, as it once could be) must not let the
     * next code, right or wrong, through. When another request changed the challenge between this one's
     * read and its write, the code is judged again against what is stored now, so that every wrong code
     * counts (guesses sent all at once would otherwise count as one) and a right one answers the same
     * whether or not it raced.
     *
     * <p>What cannot be a code at all ({@link VerificationCodes#typed}: letters, a digit missing) is not
     * judged: it costs no attempt, and the page asks for the code's digits ({@link #NOT_A_CODE}). It can
     * never be right, so not counting it gives a guesser nothing.
     */
    public Step verify(String challengeId, String typed) {
        Optional<String> wellFormed = VerificationCodes.typed(typed);
        if (wellFormed.isEmpty()) {
            // Never judged, so never counted, even if a code goes out while this runs.
            Challenge read = get(challengeId);
            String notice = awaitsCode(read) ? NOT_A_CODE : codeExpired(read) ? CODE_EXPIRED : ChallengeExits.noticeFor(read);
            return new Step.Show(read, Optional.of(notice), attemptsLeft(read));
        }
        String code = wellFormed.get();
        for (int round = 1; ; round++) {
            Challenge read = get(challengeId);
            if (read.status() == ChallengeStatus.COMPLETED) {
                return passedAlready(read);
            }
            Instant now = clock.instant();
            ChallengeMachine.Outcome outcome = machine.verify(read, code, now);
            boolean right = outcome instanceof ChallengeMachine.Outcome.Done && outcome.challenge().status() == ChallengeStatus.VERIFIED;
            Challenge next = right ? machine.complete(outcome.challenge(), now).challenge() : outcome.challenge();
            if (!next.equals(read) && !store.replace(read, next)) {
                if (round < MAX_VERIFY_ROUNDS) {
                    continue;
                }
                Challenge current = get(challengeId);
                return new Step.Show(current, Optional.of("try_again"), attemptsLeft(current));
            }
            if (right && next.status() == ChallengeStatus.COMPLETED) {
                attachDevice(next);
                return leave(next, ChallengeExits.passed(next), DONE);
            }
            return switch (outcome) {
                case ChallengeMachine.Outcome.WrongCode wrong -> new Step.Show(next, Optional.of("wrong_code"), wrong.attemptsLeft());
                case ChallengeMachine.Outcome.CodeExpired expired -> new Step.Show(next, Optional.of(CODE_EXPIRED), attemptsLeft(next));
                case ChallengeMachine.Outcome.CodeReplaced replaced -> new Step.Show(next, Optional.of(CODE_REPLACED), attemptsLeft(next));
                default -> new Step.Show(next, Optional.of(ChallengeExits.noticeFor(next)), attemptsLeft(next));
            };
        }
    }

    /**
     * The person is not the owner, or gives up: the challenge fails, this device is logged out of the
     * account (for an account; a signup has none yet), and the page offers the plan's {@code success_url}.
     *
     * <p>Only a challenge a vouched evaluation opened logs its device out ({@link #logsOutOnDecline}), and
     * only the decline that ends it: a challenge that has ended (failed, completed, expired, replaced) takes
     * no more steps, so a decline there changes nothing, records no exit, and the page says how it ended.
     * A decline posted again on a failed challenge logged its device out again, after the account had let
     * it back in since (found in review).
     */
    public Step decline(String challengeId) {
        Optional<Challenge> declined = failOnce(get(challengeId));
        if (declined.isEmpty()) {
            Challenge ended = get(challengeId);
            return new Step.Show(ended, Optional.of(ChallengeExits.noticeFor(ended)), 0);
        }
        Challenge failed = declined.get();
        if (logsOutOnDecline(failed)) {
            // Also a device the account never had (its challenged evaluation linked nothing): it is logged
            // out all the same, so that its next page view is sent away rather than let in.
            failed.userId().ifPresent(user -> devices.refuse(failed.appId(), user, failed.deviceId(), failed.createdAt(), clock.instant()));
        }
        return leave(failed, ChallengeExits.declined(failed), ChallengeExits.noticeFor(failed));
    }

    /**
     * Fails the challenge, unless it ended first, as {@link #completeOnce} completes it: only the request
     * that fails it goes on to log its device out, so two declines at once log it out once.
     *
     * @return the failed challenge; empty when it had ended
     */
    private Optional<Challenge> failOnce(Challenge read) {
        return endOnce(read, machine::fail, ChallengeStatus.FAILED);
    }

    /**
     * Whether declining the challenge logs its device out of the account: on a page view ({@code access}),
     * on a known device, and only when the evaluation that opened it was vouched for (server mode, signed),
     * as {@link #managesDevices}. An unsigned call is anyone's who holds the public client id: with a new
     * token and the owner's device's components it resolves to the owner's device (found in review), and
     * its decline logged the owner out. Unsigned, the challenge still fails and the browser still leaves;
     * the device's next evaluation is judged afresh, so a policy that still matches challenges again.
     */
    static boolean logsOutOnDecline(Challenge challenge) {
        return challenge.plan().action().equals("access") && !DeviceResolution.UNKNOWN_DEVICE_ID.equals(challenge.deviceId())
                && challenge.plan().identity().vouched();
    }

    /**
     * The account's attached devices, for the device-limit page; most recently seen first. A page a vouched
     * evaluation opened lists every one, the links unsigned calls made included (so the owner can log out
     * whoever got in with the client id), though it counts only vouched ones ({@link #countsTowardsLimit}).
     */
    public List<AccountDevice> attachedDevices(Challenge challenge) {
        return challenge.userId()
                .flatMap(user -> devices.devices(challenge.appId(), user))
                .orElse(List.of())
                .stream()
                .filter(device -> device.status() == LinkStatus.ATTACHED)
                .toList();
    }

    /**
     * Whether the device-limit page may show the account's devices and log them out. Only when the
     * account was named by the app's backend or vouched for by its signature: a browser's unsigned word
     * costs nothing (the client id is public), and would let anyone who knows an account id see where its
     * owner signs in and log every one of their devices out.
     */
    public static boolean managesDevices(Challenge challenge) {
        return challenge.type() == ChallengeType.DEVICE_LIMIT && challenge.plan().identity().vouched();
    }

    /**
     * Logs one of the account's devices out from the device-limit page; once the account is within its
     * limit the challenge completes and the browser goes on. Refused when the page may not manage the
     * account's devices ({@link #managesDevices}).
     *
     * <p>The page logs devices out only while the account is over its limit, counted in the logout's own
     * transaction: two tabs each logging out a different device at once both landed, though one was enough
     * (found in review: limit two, two of the owner's devices and this one, both of the owner's logged
     * out). The tab that finds the account within its limit logs nothing out and says so
     * ({@link #NO_LOGOUT_NEEDED}), leaving Continue to pass the challenge: going on from there sent the
     * owner on with the device they chose still in and not a word (found in review, after a logout by the
     * app's backend). When the challenge has passed meanwhile (the other tab's logout completed it), the
     * tab is told it is already complete, as a post after it is; either way it completes once.
     */
    public Step logOutDevice(String challengeId, String deviceId) {
        Challenge read = get(challengeId);
        if (read.status() == ChallengeStatus.COMPLETED) {
            return passedAlready(read);
        }
        if (read.type() != ChallengeType.DEVICE_LIMIT || read.status().isFinal() || read.userId().isEmpty()) {
            return new Step.Show(read, Optional.of(ChallengeExits.noticeFor(read)), 0);
        }
        if (!managesDevices(read)) {
            return new Step.Show(read, Optional.of(UNSIGNED_IDENTITY), 0);
        }
        if (deviceId.equals(read.deviceId())) {
            // Logging out the device being signed in on would pass the challenge and then log its person out
            // at the next evaluation: the page offers no such button, and a posted one is refused (before
            // the check below: a device new to the account is not among its devices until it passes).
            return new Step.Show(read, Optional.of(CURRENT_DEVICE), 0);
        }
        Optional<AccountDevice> listed = read.userId()
                .flatMap(user -> devices.devices(read.appId(), user))
                .orElse(List.of())
                .stream()
                .filter(device -> device.id().equals(deviceId))
                .findFirst();
        if (listed.isEmpty()) {
            return new Step.Show(read, Optional.of("unknown_device"), 0);
        }
        if (listed.get().status() != LinkStatus.ATTACHED) {
            // Logged out already: most often by this very page a moment ago (the button pressed twice, the form
            // sent again), whose second answer is the one the browser shows. It said the device was "not on this
            // account" (found in review), as if the person had picked a stranger's device.
            return new Step.Show(read, Optional.of(ALREADY_LOGGED_OUT), 0);
        }
        if (!detachOverLimit(read, deviceId)) {
            // Within the limit since this page was read (another tab's or the backend's logout): nothing more goes.
            Challenge now = get(challengeId);
            if (now.status() == ChallengeStatus.COMPLETED) {
                return passedAlready(now);
            }
            return new Step.Show(now, Optional.of(now.status().isFinal() ? ChallengeExits.noticeFor(now) : NO_LOGOUT_NEEDED), 0);
        }
        return withinLimit(read) ? finishDeviceLimit(read) : new Step.Show(read, Optional.of("device_logged_out"), 0);
    }

    /** Logs the device out unless the account is within its limit already (then logs nothing out and answers false). */
    private boolean detachOverLimit(Challenge read, String deviceId) {
        Optional<String> arriving = DeviceResolution.UNKNOWN_DEVICE_ID.equals(read.deviceId()) ? Optional.empty() : Optional.of(read.deviceId());
        return devices.detachOverLimit(read.appId(), read.userId().get(), deviceId, arriving, clock.instant(),
                read.plan().deviceLimit().orElse(Integer.MAX_VALUE), windowStart(), read.plan().identity().vouched());
    }

    /** Completes a device-limit challenge whose account is already within its limit (another tab logged devices out). */
    public Step continueIfWithinLimit(String challengeId) {
        Challenge read = get(challengeId);
        if (read.status() == ChallengeStatus.COMPLETED) {
            return passedAlready(read);
        }
        if (read.type() != ChallengeType.DEVICE_LIMIT || read.status().isFinal()) {
            // Ended meanwhile (its device logged out, expired, replaced): say so, not "still too many devices".
            return new Step.Show(read, Optional.of(ChallengeExits.noticeFor(read)), 0);
        }
        return withinLimit(read) ? finishDeviceLimit(read) : new Step.Show(read, Optional.of("over_limit"), 0);
    }

    /**
     * Whether a device-limit page's account has room for its device now, counted as Continue counts: the
     * page then offers Continue and no logout (a logout would log nothing out, {@link #logOutDevice}).
     */
    public boolean withinDeviceLimit(Challenge challenge) {
        return challenge.type() == ChallengeType.DEVICE_LIMIT && challenge.userId().isPresent() && withinLimit(challenge);
    }

    /**
     * Counted as {@code device_count} counts, which opened the challenge: the attached devices seen in the
     * last 30 days. A device not seen for longer is listed (it can be logged out) but not counted, or the
     * person would have to log out devices the policy never counted.
     */
    private boolean withinLimit(Challenge challenge) {
        Instant windowStart = windowStart();
        List<AccountDevice> counted = attachedDevices(challenge).stream()
                .filter(device -> !device.lastSeen().isBefore(windowStart) && countsTowardsLimit(challenge, device))
                .toList();
        // The device being signed in on counts as device_count counted it, though not linked yet: it is
        // attached when the challenge passes.
        boolean here = !DeviceResolution.UNKNOWN_DEVICE_ID.equals(challenge.deviceId())
                && counted.stream().noneMatch(device -> device.id().equals(challenge.deviceId()));
        return counted.size() + (here ? 1 : 0) <= challenge.plan().deviceLimit().orElse(Integer.MAX_VALUE);
    }

    /**
     * Whether a listed device counts towards the page's limit: on a page a vouched evaluation opened, only
     * one a vouched evaluation let in, as that evaluation's {@code device_count} counted
     * ({@link io.seatguard.core.account.DeviceWindow}); on an unsigned page, every one.
     */
    public static boolean countsTowardsLimit(Challenge challenge, AccountDevice device) {
        return device.vouched() || !challenge.plan().identity().vouched();
    }

    private Instant windowStart() {
        return clock.instant().minus(io.seatguard.core.account.DeviceWindow.DEFAULT_LENGTH);
    }

    /**
     * The device is attached before the challenge completes, counted again in the attach's own
     * transaction: two pages of one account passing at once each counted the other's device as not yet
     * attached, and both passed (found in review: six pages, limit one, six devices). Attached first, a
     * challenge that then fails to complete (expired that instant) leaves a device the account is within
     * its limit with, which its next evaluation would have allowed anyway.
     */
    private Step finishDeviceLimit(Challenge read) {
        boolean counted = read.userId().isPresent() && !DeviceResolution.UNKNOWN_DEVICE_ID.equals(read.deviceId());
        if (counted && !attachWithinLimit(read)) {
            return new Step.Show(read, Optional.of("over_limit"), 0);
        }
        Optional<Challenge> completed = completeOnce(read);
        if (completed.isEmpty()) {
            Challenge ended = get(read.id());
            return ended.status() == ChallengeStatus.COMPLETED ? passedAlready(ended) : new Step.Show(ended, Optional.of(ChallengeExits.noticeFor(ended)), 0);
        }
        if (!counted) {
            attachDevice(completed.get());
        }
        return leave(completed.get(), ChallengeExits.passed(completed.get()), DONE);
    }

    /**
     * Completes the challenge, unless it ended first (expired, or completed by another tab's logout or
     * Continue): only the request that completes it goes on, so it completes, and its exit is counted,
     * once. A change that did not end it (the page opened in another tab) is completed over; each lost
     * write is a move of the challenge's status towards its end, so this takes few rounds.
     *
     * @return the completed challenge; empty when it had ended
     */
    private Optional<Challenge> completeOnce(Challenge read) {
        return endOnce(read, machine::complete, ChallengeStatus.COMPLETED);
    }

    /**
     * Moves the challenge to {@code end} by {@code step}, unless it ended first (an expiry as it was
     * settled is stored so): a conditional replace, read again and retried while another request's
     * change that did not end it got in first.
     */
    private Optional<Challenge> endOnce(Challenge read, java.util.function.BiFunction<Challenge, Instant, ChallengeMachine.Outcome> step,
            ChallengeStatus end) {
        Challenge current = read;
        while (!current.status().isFinal()) {
            Challenge next = step.apply(current, clock.instant()).challenge();
            if (next.status() != end) {
                // Ended as it was settled (expired): stored so, and said so.
                save(current, next);
                return Optional.empty();
            }
            if (store.replace(current, next)) {
                return Optional.of(next);
            }
            current = get(read.id());
        }
        return Optional.empty();
    }

    /** Best effort as {@link #attachDevice}: when the store cannot be written, the page still passes on the count just read. */
    private boolean attachWithinLimit(Challenge read) {
        try {
            return devices.attachWithinLimit(read.appId(), read.userId().get(), read.deviceId(), read.evaluationId(), read.createdAt(), clock.instant(),
                    read.plan().deviceLimit().orElse(Integer.MAX_VALUE), windowStart(), read.plan().identity().vouched());
        }
        catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * A passed challenge makes its device known to the account: the challenged evaluation did not link it
     * (EvaluationPipeline), so that a login abandoned at its challenge is challenged again. Without an
     * account (a signup), a passed owner verification lets the device in to the app, for the same reason. The link is
     * made as of that evaluation, so a logout of the device while the challenge was open stands (passing
     * a device-limit page must not undo the owner's logout of the device on it). Best effort: if
     * the link cannot be written now, the device's next evaluation is allowed (verified recently, or within
     * its limit) and links it. Without an account nothing is remembered as verified recently, so if the
     * mark cannot be written the signup's next try is challenged again: a second code, not a way in.
     */
    private void attachDevice(Challenge passed) {
        if (DeviceResolution.UNKNOWN_DEVICE_ID.equals(passed.deviceId())) {
            return;
        }
        try {
            if (passed.userId().isEmpty()) {
                // Only an owner verification proves anything without an account: a device-limit page without
                // one counts no devices and passes on a click.
                if (passed.type() == ChallengeType.VERIFICATION) {
                    devices.letIn(passed.appId(), passed.deviceId(), passed.createdAt());
                }
                return;
            }
            devices.attach(passed.appId(), passed.userId().get(), passed.deviceId(), passed.evaluationId(), passed.createdAt(), clock.instant(),
                    passed.plan().identity().vouched());
        }
        catch (RuntimeException e) {
            // See above: the challenge is passed whatever happens to the link.
        }
    }

    /**
     * Leaves the page for {@code url}, noting which of the plan's URLs it is (the overview counts
     * conversions); with nowhere to go, stays on the page with {@code noticeWithoutUrl}.
     */
    private Step leave(Challenge challenge, Optional<String> url, String noticeWithoutUrl) {
        store.recordExit(challenge.id(), url.map(to -> ChallengeExits.kindOf(challenge, to)).orElse("none"));
        return url.<Step>map(to -> new Step.Leave(challenge, to)).orElseGet(() -> new Step.Show(challenge, Optional.of(noticeWithoutUrl), 0));
    }

    /**
     * A step that would pass a challenge that has passed already: the person goes on where the pass leads, as
     * the step that passed it sent them, and nothing is done or counted again. A button pressed twice sends
     * its form twice, and the browser shows the second answer: the owner whose code was right, or whose
     * Continue or logout made room, was told "This check is already complete" and offered no way on, while
     * the first answer's redirect, to the app that finishes the sign-in, was dropped (found in review, in
     * Chromium). Where the pass leads is no secret of the page: the success URL carries the evaluation id,
     * which its browser-mode caller holds already, and the app's backend accepts only the id it sent this
     * browser with, once. With nowhere to go, the page says the check is complete, as it did.
     */
    private Step passedAlready(Challenge completed) {
        return ChallengeExits.passed(completed).<Step>map(url -> new Step.Leave(completed, url))
                .orElseGet(() -> new Step.Show(completed, Optional.of(ChallengeExits.noticeFor(completed)), 0));
    }

    /** Wrong codes the challenge still takes before it fails. */
    public int attemptsLeft(Challenge challenge) {
        return Math.max(0, rules.maxAttempts() - challenge.attempts());
    }

    /** Whether another code may be sent for this challenge (each sends at most {@code maxSends}). */
    public boolean mayResend(Challenge challenge) {
        return machine.maySendAgain(challenge);
    }

    /** Stores the next state if it differs; when another step won the race, answers what is stored now. */
    private Challenge save(Challenge read, Challenge next) {
        if (next.equals(read)) {
            return read;
        }
        return store.replace(read, next) ? next : get(read.id());
    }
}

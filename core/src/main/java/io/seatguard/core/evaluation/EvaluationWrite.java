package io.seatguard.core.evaluation;

import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.pattern.PatternObservation;
import io.seatguard.core.webhook.OutboxEvent;
import java.util.List;
import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.intel.Place;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one evaluation changes, committed together or not at all: the evaluation itself, the
 * device (created, or its last-seen moved), and the account's links to that device, IP and fingerprint.
 *
 * @param attachDevice whether the account's link to the device is made or (re)attached: only by an allowed evaluation of a
 *     device not logged out; false keeps a logged-out device detached and makes no link the account did not have
 * @param touches which rows besides the evaluation need writing
 * @param components the components the device showed, kept as its latest when they are new for it
 * @param place where the person likely was, kept on the evaluation row for travel and country history
 * @param challenge a challenge the evaluation opened; it overrides the pending challenges of the same
 *     account and device in the same transaction
 * @param patterns what the evaluation observed of its account's patterns (levels never fall)
 * @param events webhook events to put in the outbox in the same transaction
 * @param browserMajor the request's browser major version, kept on its token for device resolution
 *     ({@link io.seatguard.core.identity.UserAgentInfo#UNKNOWN_VERSION} when the agent did not say)
 * @param accountKnown the evaluation was judged with its account's row there ({@code is_new_user: false}): the
 *     store refuses the write if the row is gone by then ({@link DeletedSinceRead}) rather than make the account
 *     again under an evaluation that says it is not new. Only with an account.
 */
public record EvaluationWrite(Evaluation evaluation, DeviceResolution device, boolean attachDevice, Touches touches, Map<String, Object> components,
        Place place, Optional<Challenge> challenge, List<PatternObservation> patterns, List<OutboxEvent> events, int browserMajor,
        boolean accountKnown) {
    /** A write whose place is unknown. */
    public EvaluationWrite(Evaluation evaluation, DeviceResolution device, boolean attachDevice, Touches touches, Map<String, Object> components) {
        this(evaluation, device, attachDevice, touches, components, Place.UNKNOWN);
    }

    /** A write that opens no challenge. */
    public EvaluationWrite(Evaluation evaluation, DeviceResolution device, boolean attachDevice, Touches touches, Map<String, Object> components,
            Place place) {
        this(evaluation, device, attachDevice, touches, components, place, Optional.empty(), List.of(), List.of());
    }

    /** A write that observes no pattern. */
    public EvaluationWrite(Evaluation evaluation, DeviceResolution device, boolean attachDevice, Touches touches, Map<String, Object> components,
            Place place, Optional<Challenge> challenge) {
        this(evaluation, device, attachDevice, touches, components, place, challenge, List.of(), List.of());
    }

    /** A write whose browser version is not known. */
    public EvaluationWrite(Evaluation evaluation, DeviceResolution device, boolean attachDevice, Touches touches, Map<String, Object> components,
            Place place, Optional<Challenge> challenge, List<PatternObservation> patterns, List<OutboxEvent> events) {
        this(evaluation, device, attachDevice, touches, components, place, challenge, patterns, events,
                io.seatguard.core.identity.UserAgentInfo.UNKNOWN_VERSION);
    }

    /**
     * A write that does not say whether its account was known: known when the throttle spared the account's
     * row, which it does only for a row it read ({@link WriteThrottle}).
     */
    public EvaluationWrite(Evaluation evaluation, DeviceResolution device, boolean attachDevice, Touches touches, Map<String, Object> components,
            Place place, Optional<Challenge> challenge, List<PatternObservation> patterns, List<OutboxEvent> events, int browserMajor) {
        this(evaluation, device, attachDevice, touches, components, place, challenge, patterns, events, browserMajor,
                evaluation.user().id().isPresent() && !touches.user());
    }

    public EvaluationWrite {
        requireNonNull(evaluation, "evaluation is null");
        requireNonNull(device, "device is null");
        requireNonNull(touches, "touches is null");
        components = Map.copyOf(requireNonNull(components, "components is null"));
        requireNonNull(place, "place is null");
        requireNonNull(challenge, "challenge is null");
        patterns = List.copyOf(patterns);
        events = List.copyOf(events);
        if (browserMajor < 0) {
            throw new IllegalArgumentException("browserMajor must not be negative: " + browserMajor);
        }
        if (accountKnown && evaluation.user().id().isEmpty()) {
            throw new IllegalArgumentException("accountKnown without an account");
        }
    }

    public Optional<String> userId() {
        return evaluation.user().id();
    }

    /**
     * Whether the link this write attaches is vouched for ({@link io.seatguard.core.account.LinkedDevice#vouched}):
     * it attaches, and the evaluation's account was named by the app's backend or signed.
     */
    public boolean attachesVouched() {
        return attachDevice && vouched();
    }

    /**
     * Whether the evaluation's account was named by the app's backend or signed: only such evaluations
     * count in the history a vouched evaluation is judged by ({@link io.seatguard.core.account.ActivityReader#read}).
     */
    public boolean vouched() {
        return evaluation.user().identity().filter(IdentityProof::vouched).isPresent();
    }
}

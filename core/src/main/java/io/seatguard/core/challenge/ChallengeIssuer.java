package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.EvaluationRequest;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.policy.ChallengeConfig;
import io.seatguard.core.policy.ChallengeRef;
import io.seatguard.core.policy.ChallengeType;
import io.seatguard.core.policy.MatchReason;
import io.seatguard.core.policy.Policy;
import io.seatguard.core.policy.PolicyMatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the challenge a policy asked for: bound to the account (or, for a signup without one, to the
 * email given), the device and this one evaluation, with an unguessable id, and the hosted page's
 * address as the evaluation's {@code redirect}.
 *
 * <p>A verification is not asked again of an account on a device where it passed one in the last
 * {@link #VERIFIED_FOR}: once the owner proved it is them, returning to the page (and every page
 * after) must not loop back to the challenge while the condition still holds.
 */
public final class ChallengeIssuer {
    /** 32 base62 characters: about 190 random bits. */
    static final int ID_LENGTH = 32;
    public static final Duration VERIFIED_FOR = Duration.ofHours(12);

    /** A challenge to store with its evaluation, and what the evaluation says of it. */
    public record Opened(Challenge challenge, ChallengeRef ref, String redirect) {}

    private final IdGenerator ids;
    private final Supplier<String> baseUrl;
    private final ChallengeStore store;

    /** @param baseUrl the server's public address, known once it listens */
    public ChallengeIssuer(IdGenerator ids, Supplier<String> baseUrl, ChallengeStore store) {
        this.ids = requireNonNull(ids, "ids is null");
        this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * The challenge to open, or empty when the account already verified on this device recently. The
     * unknown device (no usable signals) is every unidentified browser at once, so a verification passed
     * on it vouches for none of them. A pass of an unsigned browser call proves only that the browser
     * read a code at an address it chose itself (anyone with the public client id can name any account
     * and their own email), so it spares no challenge of a vouched call (server mode or signed): the
     * owner's address is asked there.
     */
    public Optional<Opened> openUnlessVerified(String evaluationId, EvaluationRequest request, String deviceId, Policy policy, PolicyMatch match,
            Instant at) {
        ChallengeConfig config = policy.definition().challenge().orElseThrow(() -> new IllegalArgumentException("the policy has no challenge"));
        if (config.type() == ChallengeType.VERIFICATION && request.userId().isPresent() && !DeviceResolution.UNKNOWN_DEVICE_ID.equals(deviceId)
                && store.verifiedRecently(request.appId(), Challenge.userKey(request.userId().get()), deviceId, at.minus(VERIFIED_FOR),
                        request.identity().vouched())) {
            return Optional.empty();
        }
        return Optional.of(open(evaluationId, request, deviceId, policy, match, at));
    }

    public Opened open(String evaluationId, EvaluationRequest request, String deviceId, Policy policy, PolicyMatch match, Instant at) {
        ChallengeConfig config = policy.definition().challenge().orElseThrow(() -> new IllegalArgumentException("the policy has no challenge"));
        List<String> channels = new ArrayList<>();
        for (String channel : config.channels()) {
            if (channel.equals("email") && request.email().isPresent() || channel.equals("sms") && request.phone().isPresent()) {
                channels.add(channel);
            }
        }
        ChallengePlan plan = new ChallengePlan(policy.id(), request.action(), config.successUrl(), config.logoutUrl(), request.returnTo(),
                config.deviceLimit(), request.identity());
        Challenge challenge = new Challenge("ch_" + ids.newSecret(ID_LENGTH), request.appId(), evaluationId, config.type(), plan, ChallengeStatus.CREATED,
                request.userId(), request.email(), request.phone(), deviceId, config.type() == ChallengeType.VERIFICATION ? channels : List.of(),
                reasons(match), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, at, at.plus(config.expiresIn()), Optional.empty());
        String redirect = baseUrl.get() + "/challenge/" + challenge.id();
        return new Opened(challenge, new ChallengeRef(challenge.id(), config.type().wireName(), ChallengeStatus.CREATED.wireName(), challenge.expiresAt()),
                redirect);
    }

    /**
     * The fields behind the match, each once, for the page to explain in plain words. The words speak of a
     * flag that is set or a count that is high ("you seem to be connected from a data centre"), so a
     * condition that held the other way ({@code ip_is_hosting eq false}, {@code device_count lt 2}) is
     * given as "other" rather than as the opposite of what happened.
     */
    static List<String> reasons(PolicyMatch match) {
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        for (MatchReason reason : match.reasons()) {
            if (reason.held()) {
                fields.add(speaksFor(reason) ? reason.field() : "other");
            }
        }
        return List.copyOf(fields);
    }

    private static boolean speaksFor(MatchReason reason) {
        if (reason.actual() instanceof Boolean flag) {
            return flag;
        }
        if (reason.actual() instanceof Number) {
            return reason.op().equals("gt") || reason.op().equals("gte");
        }
        return true;
    }
}

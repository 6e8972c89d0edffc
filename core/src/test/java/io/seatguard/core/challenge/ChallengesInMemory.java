package io.seatguard.core.challenge;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Challenges held in a map, for tests of the domain service that are about what it decides, not about
 * storage (the SQL store has the storage contract suite). Nothing here counts as a recent verification.
 */
final class ChallengesInMemory implements ChallengeStore {
    private final Map<String, Challenge> challenges = new HashMap<>();

    /** The domain service over these challenges, with the default rules and a fixed code key, its clock stopped at {@code now}. */
    ChallengeService service(CodeSender sender, io.seatguard.core.account.DeviceLinks links, Instant now) {
        return new ChallengeService(this, new ChallengeMachine(ChallengeRules.DEFAULTS,
                new VerificationCodes("0123456789abcdef0123456789abcdef".getBytes(), new java.util.SplittableRandom(7))), ChallengeRules.DEFAULTS, sender,
                links, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    void put(Challenge challenge) {
        challenges.put(challenge.id(), challenge);
    }

    Challenge get(String challengeId) {
        return challenges.get(challengeId);
    }

    @Override
    public Optional<Challenge> find(String challengeId) {
        return Optional.ofNullable(challenges.get(challengeId));
    }

    @Override
    public boolean replace(Challenge expected, Challenge next) {
        return challenges.replace(expected.id(), expected, next);
    }

    @Override
    public void recordExit(String challengeId, String exitedTo) {}

    @Override
    public boolean verifiedRecently(String appId, String accountKey, String deviceId, Instant since, boolean vouchedOnly) {
        return false;
    }
}

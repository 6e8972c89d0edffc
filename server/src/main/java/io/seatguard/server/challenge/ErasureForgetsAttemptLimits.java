package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.challenge.ChallengeStore;
import io.seatguard.core.history.AccountRecords;
import io.seatguard.core.history.AccountSummary;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An erasure that also drops the account's attempt-limit buckets ({@link AttemptClaims#ofErasedAccount}):
 * its counts, and the keys that name its email and phone, outlived it in memory and in Redis until they
 * expired. The account's challenges are read before the erasure deletes them, since they alone say which
 * recipients it was sent codes at; so no scan of Redis is needed.
 */
public final class ErasureForgetsAttemptLimits implements AccountRecords {
    private final AccountRecords records;
    private final ChallengeStore challenges;
    private final AttemptLimits limits;

    public ErasureForgetsAttemptLimits(AccountRecords records, ChallengeStore challenges, AttemptLimits limits) {
        this.records = requireNonNull(records, "records is null");
        this.challenges = requireNonNull(challenges, "challenges is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /** Challenges read at a time: an account hammered for months may have many, each a document. */
    static final int PAGE = 1_000;

    @Override
    public boolean erase(String appId, String userId) {
        // The claims, not the challenges, are kept across pages: a few keys, however many challenges.
        Set<AttemptLimits.Claim> claims = new LinkedHashSet<>(AttemptClaims.ofErasedAccount(appId, userId, List.of()));
        List<Challenge> page = challenges.ofAccount(appId, Challenge.userKey(userId), null, PAGE);
        claims.addAll(AttemptClaims.ofErasedAccount(appId, userId, page));
        while (page.size() == PAGE) {
            page = challenges.ofAccount(appId, Challenge.userKey(userId), page.getLast(), PAGE);
            claims.addAll(AttemptClaims.ofErasedAccount(appId, userId, page));
        }
        boolean erased = records.erase(appId, userId);
        if (erased) {
            limits.forget(List.copyOf(claims));
        }
        return erased;
    }

    @Override
    public Optional<AccountSummary> summary(String appId, String userId, Instant now) {
        return records.summary(appId, userId, now);
    }

    @Override
    public int pruneBefore(Instant cutoff) {
        return records.pruneBefore(cutoff);
    }

    @Override
    public int pruneDevicesBefore(Instant cutoff) {
        return records.pruneDevicesBefore(cutoff);
    }
}

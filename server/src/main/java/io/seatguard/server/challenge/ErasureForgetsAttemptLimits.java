package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.history.AccountRecords;
import io.seatguard.core.history.AccountSummary;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An erasure that also drops the account's attempt-limit buckets ({@link AttemptClaims#ofErasedAccount}):
 * its counts, and the keys that name its email and phone, outlived it in memory and in Redis until they
 * expired. The account's challenges alone say which recipients it was sent codes at; the erasure hands
 * them over as the statements that delete them return them ({@link AccountRecords#erase(String, String,
 * Consumer)}), so no scan of Redis is needed, and a challenge a concurrent evaluation opened while the
 * erasure ran is among them: read before the erasure, as they were, one opened between the read and the
 * delete, and a code sent for it, left its recipients' buckets behind.
 */
public final class ErasureForgetsAttemptLimits implements AccountRecords {
    private final AccountRecords records;
    private final AttemptLimits limits;

    public ErasureForgetsAttemptLimits(AccountRecords records, AttemptLimits limits) {
        this.records = requireNonNull(records, "records is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    @Override
    public boolean erase(String appId, String userId, Consumer<List<Challenge>> deleted) {
        // Each batch's buckets go as it comes: an erasure stopped part way has deleted challenges that a
        // second erasure can no longer read. The keys already dropped are kept, a few however many challenges.
        Set<AttemptLimits.Claim> forgotten = new HashSet<>();
        boolean erased = records.erase(appId, userId, batch -> {
            forget(AttemptClaims.ofErasedAccount(appId, userId, batch), forgotten);
            deleted.accept(batch);
        });
        if (erased) {
            // Its own id's too, whose challenges retention may have pruned already.
            forget(AttemptClaims.ofErasedAccount(appId, userId, List.of()), forgotten);
        }
        return erased;
    }

    private void forget(List<AttemptLimits.Claim> claims, Set<AttemptLimits.Claim> forgotten) {
        List<AttemptLimits.Claim> fresh = claims.stream().filter(forgotten::add).toList();
        if (!fresh.isEmpty()) {
            limits.forget(fresh);
        }
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

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
 * them over a batch at a time, before each batch's deletion and as the statements that delete them return
 * them ({@link AccountRecords#erase(String, String, Consumer, Consumer)}), so no scan of Redis is needed, a
 * challenge a concurrent evaluation opened while the erasure ran is among them (read once before the
 * erasure, as they were, one opened between the read and the delete, and a code sent for it, left its
 * recipients' buckets behind), and erasing again after an erasure that stopped part way leaves none.
 */
public final class ErasureForgetsAttemptLimits implements AccountRecords {
    private final AccountRecords records;
    private final AttemptLimits limits;

    public ErasureForgetsAttemptLimits(AccountRecords records, AttemptLimits limits) {
        this.records = requireNonNull(records, "records is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    @Override
    public boolean erase(String appId, String userId, Consumer<List<Challenge>> deleting, Consumer<List<Challenge>> deleted) {
        // Each batch's buckets go before its deletion: an erasure stopped after a batch's commit has deleted
        // challenges that erasing again can no longer read, so forgetting only after it left their recipients'
        // buckets behind for good (review, brief 5). Again once it committed: a code sent in between spent a
        // token anew. The keys already dropped in each round are kept, a few however many challenges.
        Set<AttemptLimits.Claim> before = new HashSet<>();
        Set<AttemptLimits.Claim> after = new HashSet<>();
        // Its own id's, whose challenges retention may have pruned already, first and last, whether or not the
        // account is still there: erasing again an erasure stopped after its last transaction finds none.
        List<AttemptLimits.Claim> own = AttemptClaims.ofErasedAccount(appId, userId, List.of());
        forget(own, before);
        boolean erased = records.erase(appId, userId, batch -> {
            forget(AttemptClaims.ofErasedAccount(appId, userId, batch), before);
            deleting.accept(batch);
        }, batch -> {
            forget(AttemptClaims.ofErasedAccount(appId, userId, batch), after);
            deleted.accept(batch);
        });
        forget(own, after);
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

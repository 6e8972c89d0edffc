package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.challenge.ChallengePlan;
import io.seatguard.core.challenge.ChallengeStatus;
import io.seatguard.core.evaluation.IdentityProof;
import io.seatguard.core.history.AccountRecords;
import io.seatguard.core.history.AccountSummary;
import io.seatguard.core.policy.ChallengeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The erasure forgets the buckets of every recipient of every batch of challenges the store deleted (an
 * account hammered for months may have tens of thousands, each a document), one opened while it ran included.
 */
class ErasureForgetsAttemptLimitsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final int BATCH = 1_000;

    @Test
    void theRecipientsOfEveryBatchOfTheAccountsDeletedChallengesAreForgotten() {
        int many = BATCH * 2 + 345;
        List<Challenge> stored = IntStream.range(0, many).mapToObj(i -> challenge(i, "ann", "to" + i + "@example.com")).toList();
        List<String> forgotten = new ArrayList<>();
        List<Integer> handedOn = new ArrayList<>();
        ErasureForgetsAttemptLimits erasure = new ErasureForgetsAttemptLimits(deletingInBatches(stored, true), AttemptLimits.shared(forgetting(forgotten)));

        assertThat(erasure.erase("app_a", "ann", deleting -> {}, batch -> handedOn.add(batch.size()))).isTrue();

        assertThat(handedOn).as("each batch handed on to the caller").containsExactly(BATCH, BATCH, 345);
        assertThat(forgotten).as("the first batch's and the last's recipients").contains("send-recipient:app_a|email:to0@example.com",
                "send-recipient:app_a|email:to" + (many - 1) + "@example.com");
        assertThat(forgotten.stream().filter(key -> key.startsWith("send-recipient:"))).as("before each deletion and once it committed")
                .hasSize(many * 2);
        assertThat(forgotten.stream().distinct().filter(key -> java.util.Collections.frequency(forgotten, key) > 2)).as("each bucket twice at most").isEmpty();
        assertThat(forgotten).as("its own id's").contains("send-account:app_a|" + Challenge.userKey("ann"), "verify-account:app_a|" + Challenge.userKey("ann"));
    }

    /**
     * The challenges of an account the app no longer has (404) are deleted all the same, and their recipients'
     * buckets go with them; its own id's go too: erasing again an erasure that stopped after its last
     * transaction committed (the server died before it forgot them) finds no account, and they outlived it.
     */
    @Test
    void theDeletedChallengesOfAnAccountNotFoundAreForgottenToo() {
        List<String> forgotten = new ArrayList<>();
        ErasureForgetsAttemptLimits erasure = new ErasureForgetsAttemptLimits(deletingInBatches(List.of(challenge(1, "ann", "left@example.com")), false),
                AttemptLimits.shared(forgetting(forgotten)));

        assertThat(erasure.erase("app_a", "ann")).isFalse();

        assertThat(forgotten).contains("send-recipient:app_a|email:left@example.com", "send-account:app_a|" + Challenge.userKey("ann"),
                "verify-account:app_a|" + Challenge.userKey("ann"));
    }

    /**
     * Review finding (brief 5): an erasure stopped after its last transaction committed, before it forgot its
     * own id's buckets, finds neither the account nor a challenge when run again; it forgot them only for an
     * account it found, so they stayed until they expired.
     */
    @Test
    void erasingAgainAnAccountAlreadyGoneForgetsItsOwnIdsBuckets() {
        List<String> forgotten = new ArrayList<>();
        ErasureForgetsAttemptLimits erasure = new ErasureForgetsAttemptLimits(deletingInBatches(List.of(), false), AttemptLimits.shared(forgetting(forgotten)));

        assertThat(erasure.erase("app_a", "ann")).isFalse();

        assertThat(forgotten).contains("send-account:app_a|" + Challenge.userKey("ann"), "verify-account:app_a|" + Challenge.userKey("ann"));
    }

    /**
     * Review finding (brief 5): an erasure stopped between a batch's commit and forgetting its buckets (the
     * server died) had deleted challenges that erasing again could no longer read, and their recipients'
     * buckets, keyed by their email, were left until they expired. Each batch is handed over before its
     * deletion too, and its buckets go then.
     */
    @Test
    void anErasureStoppedAfterABatchWentLeavesNoBucketOfItsRecipientsOnceRunAgain() {
        List<Challenge> stored = new ArrayList<>(List.of(challenge(1, "ann", "first@example.com")));
        List<String> forgotten = new ArrayList<>();
        AccountRecords dyingAfterTheCommit = new Records() {
            private boolean died;

            @Override
            public boolean erase(String appId, String userId, Consumer<List<Challenge>> deleting, Consumer<List<Challenge>> deleted) {
                if (!stored.isEmpty()) {
                    List<Challenge> batch = List.copyOf(stored);
                    deleting.accept(batch);
                    stored.clear();
                    if (!died) {
                        died = true;
                        throw new IllegalStateException("the server died after the batch's commit");
                    }
                    deleted.accept(batch);
                }
                return true;
            }
        };
        ErasureForgetsAttemptLimits erasure = new ErasureForgetsAttemptLimits(dyingAfterTheCommit, AttemptLimits.shared(forgetting(forgotten)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> erasure.erase("app_a", "ann")).isInstanceOf(IllegalStateException.class);
        assertThat(erasure.erase("app_a", "ann")).as("erased again").isTrue();

        assertThat(forgotten).contains("send-recipient:app_a|email:first@example.com", "send-account:app_a|" + Challenge.userKey("ann"));
    }

    private static Challenge challenge(int i, String user, String email) {
        return new Challenge("ch_" + String.format("%032d", i), "app_a", "ev-" + i, ChallengeType.VERIFICATION,
                new ChallengePlan("pol_1", "access", Optional.of("https://app.example/signup"), Optional.empty(), Optional.of("https://app.example/watch"),
                        OptionalInt.empty(), IdentityProof.SERVER),
                ChallengeStatus.CREATED, Optional.of(user), Optional.of(email), Optional.empty(), "dev-" + (i % 7), List.of("email"),
                List.of("concurrent_sessions"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, T0, T0.plusSeconds(600), Optional.empty());
    }

    /** Records each bucket forgotten as {@code limit:key}. */
    private static AttemptLimits.Buckets forgetting(List<String> forgotten) {
        return new AttemptLimits.Buckets() {
            @Override
            public Bucket bucket(AttemptLimits.Limit limit, String key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void forget(AttemptLimits.Limit limit, String key) {
                forgotten.add(limit.name() + ":" + key);
            }

            @Override
            public void close() {}
        };
    }

    /** The account's records, whose erasure hands its challenges on in batches as the SQL one does, and finds the account or not. */
    private static AccountRecords deletingInBatches(List<Challenge> stored, boolean found) {
        return new Records() {
            @Override
            public boolean erase(String appId, String userId, Consumer<List<Challenge>> deleting, Consumer<List<Challenge>> deleted) {
                for (int from = 0; from < stored.size(); from += BATCH) {
                    List<Challenge> batch = stored.subList(from, Math.min(stored.size(), from + BATCH));
                    deleting.accept(batch);
                    deleted.accept(batch);
                }
                return found;
            }
        };
    }

    /** An account's records with nothing but an erasure. */
    private abstract static class Records implements AccountRecords {
        @Override
        public Optional<AccountSummary> summary(String appId, String userId, Instant now) {
            return Optional.empty();
        }

        @Override
        public int pruneBefore(Instant cutoff) {
            return 0;
        }

        @Override
        public int pruneDevicesBefore(Instant cutoff) {
            return 0;
        }
    }
}

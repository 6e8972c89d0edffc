package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.challenge.ChallengePlan;
import io.seatguard.core.challenge.ChallengeStatus;
import io.seatguard.core.challenge.ChallengeStore;
import io.seatguard.core.evaluation.IdentityProof;
import io.seatguard.core.history.AccountRecords;
import io.seatguard.core.history.AccountSummary;
import io.seatguard.core.policy.ChallengeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The erasure reads the account's challenges a page at a time (an account hammered for months may have
 * tens of thousands, each a document) and forgets the buckets of every recipient on every page.
 */
class ErasureForgetsAttemptLimitsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theRecipientsOfEveryPageOfTheAccountsChallengesAreForgotten() {
        int many = ErasureForgetsAttemptLimits.PAGE * 2 + 345;
        List<Challenge> stored = IntStream.range(0, many).mapToObj(i -> challenge(i, "ann", "to" + i + "@example.com")).toList();
        List<Integer> pageSizes = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        ErasureForgetsAttemptLimits erasure = new ErasureForgetsAttemptLimits(erasing(), pagesOf(stored, pageSizes),
                AttemptLimits.shared(forgetting(forgotten)));

        assertThat(erasure.erase("app_a", "ann")).isTrue();

        assertThat(pageSizes).as("read a page at a time").containsExactly(ErasureForgetsAttemptLimits.PAGE, ErasureForgetsAttemptLimits.PAGE, 345);
        assertThat(forgotten).as("the first page's and the last's recipients").contains("send-recipient:app_a|email:to0@example.com",
                "send-recipient:app_a|email:to" + (many - 1) + "@example.com");
        assertThat(forgotten.stream().filter(key -> key.startsWith("send-recipient:"))).hasSize(many);
        assertThat(forgotten).as("each bucket once").doesNotHaveDuplicates();
    }

    private static Challenge challenge(int i, String user, String email) {
        return new Challenge("ch_" + String.format("%032d", i), "app_a", "ev-" + i, ChallengeType.VERIFICATION,
                new ChallengePlan("pol_1", "access", Optional.of("https://app.example/signup"), Optional.empty(), Optional.of("https://app.example/watch"),
                        OptionalInt.empty(), IdentityProof.SERVER),
                ChallengeStatus.CREATED, Optional.of(user), Optional.of(email), Optional.empty(), "dev-" + (i % 7), List.of("email"),
                List.of("concurrent_sessions"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, T0, T0.plusSeconds(600), Optional.empty());
    }

    /** A store that pages as the SQL one does, by device id then id, noting each page's size. */
    private static ChallengeStore pagesOf(List<Challenge> stored, List<Integer> pageSizes) {
        Comparator<Challenge> order = Comparator.comparing(Challenge::deviceId).thenComparing(Challenge::id);
        return new ChallengeStore() {
            @Override
            public List<Challenge> ofAccount(String appId, String accountKey, Challenge after, int limit) {
                List<Challenge> page = stored.stream().filter(c -> c.appId().equals(appId) && c.accountKey().equals(accountKey))
                        .filter(c -> after == null || order.compare(c, after) > 0).sorted(order).limit(limit).toList();
                pageSizes.add(page.size());
                return page;
            }

            @Override
            public Optional<Challenge> find(String challengeId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean replace(Challenge expected, Challenge next) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void recordExit(String challengeId, String exitedTo) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean verifiedRecently(String appId, String accountKey, String deviceId, Instant since, boolean vouchedOnly) {
                throw new UnsupportedOperationException();
            }
        };
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

    /** The account's records, whose erasure always finds it. */
    private static AccountRecords erasing() {
        return new AccountRecords() {
            @Override
            public Optional<AccountSummary> summary(String appId, String userId, Instant now) {
                return Optional.empty();
            }

            @Override
            public boolean erase(String appId, String userId) {
                return true;
            }

            @Override
            public int pruneBefore(Instant cutoff) {
                return 0;
            }

            @Override
            public int pruneDevicesBefore(Instant cutoff) {
                return 0;
            }
        };
    }
}

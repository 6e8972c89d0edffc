package io.seatguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.evaluation.Verdict;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Regression (review of the policy engine, finding 5): every evaluation that found the entry stale loaded and compiled its own copy. */
class CachedPolicyBookTest {
    private static final String APP = "app_1";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final Policies store = new Policies();
    private final CachedPolicyBook book = new CachedPolicyBook(store, new Lists(), clock, Duration.ofMinutes(5));

    @Test
    void evaluationsThatFindTheEntryStaleWaitForOneLoad() throws Exception {
        store.add(policy("pol_1"));
        store.holdNextList();
        List<AppPolicies> seen = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> seen.add(book.forApp(APP))));
        }
        store.awaitHeld();
        // The loader is held (a timed wait); the others have either joined its load (parked) or, without one
        // load per app, run their own and finished.
        awaitEach(threads, thread -> switch (thread.getState()) {
            case WAITING, TIMED_WAITING, TERMINATED -> true;
            default -> false;
        });
        store.release();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(store.lists).as("the app's policies and lists read once").hasValue(1);
        assertThat(seen).hasSize(8).allSatisfy(policies -> assertThat(policies).isSameAs(seen.getFirst()));
    }

    @Test
    void anEvaluationAfterAChangeDoesNotWaitForALoadFromBeforeIt() throws Exception {
        store.holdNextList();
        Thread before = Thread.ofPlatform().start(() -> book.forApp(APP));
        store.awaitHeld();
        store.add(policy("pol_1"));
        book.forget(APP);

        assertThat(book.forApp(APP).inOrder()).as("read anew, while the older load still waits").hasSize(1);
        store.release();
        before.join();
        assertThat(book.forApp(APP).inOrder()).hasSize(1);
    }

    @Test
    void aMatcherKeepsNeitherTheListNorAnIpListsValues() {
        Instant t0 = clock.instant();
        ListMatcher ips = ListMatcher.of(new NamedList("lst_1", APP, "office", ListKind.IP, List.of("203.0.113.0/24", "198.51.100.7/32"), t0, t0));
        ListMatcher users = ListMatcher.of(new NamedList("lst_2", APP, "staff", ListKind.USER, List.of("alice"), t0, t0));
        assertThat(ips.contains("198.51.100.7")).isTrue();
        assertThat(users.contains("alice")).isTrue();
        for (ListMatcher matcher : List.of(ips, users)) {
            for (java.lang.reflect.Field field : ListMatcher.class.getDeclaredFields()) {
                assertThat(field.getType()).as(field.getName()).isNotEqualTo(NamedList.class).isNotEqualTo(List.class);
            }
        }
        assertThat(ips).extracting("values").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).as("no strings kept").isEmpty();
    }

    private static void awaitEach(List<Thread> threads, java.util.function.Predicate<Thread> settled) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread thread : threads) {
            while (!settled.test(thread)) {
                assertThat(System.nanoTime()).as("thread settled in time").isLessThan(deadline);
                Thread.sleep(1);
            }
        }
    }

    private Policy policy(String id) {
        return new Policy(id, APP, new PolicyDefinition(id, true, PolicyMode.ENFORCE, 0, List.of("login"),
                new Condition.Leaf("is_new_device", Operator.EQ, true), Verdict.DENY, Optional.empty()), clock.instant(), clock.instant());
    }

    /** Policies in memory whose next {@code list} can be held, after reading, until the test lets it go. */
    private static final class Policies implements PolicyStore {
        final AtomicInteger lists = new AtomicInteger();
        private final List<Policy> policies = new CopyOnWriteArrayList<>();
        private final AtomicInteger version = new AtomicInteger();
        private final AtomicBoolean holdNext = new AtomicBoolean();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void add(Policy policy) {
            policies.add(policy);
            version.incrementAndGet();
        }

        void holdNextList() {
            holdNext.set(true);
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            released.countDown();
        }

        @Override
        public long version(String appId) {
            return version.get();
        }

        @Override
        public VersionedWrite create(Policy policy, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VersionedWrite update(Policy policy, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String appId, String policyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Policy> find(String appId, String policyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Policy> list(String appId) {
            lists.incrementAndGet();
            List<Policy> read = List.copyOf(policies);
            if (holdNext.getAndSet(false)) {
                held.countDown();
                try {
                    released.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return read;
        }
    }

    /** No lists. */
    private static final class Lists implements ListStore {
        @Override
        public VersionedWrite create(NamedList list, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<NamedList> find(String appId, String listId) {
            return Optional.empty();
        }

        @Override
        public Optional<NamedList> findByName(String appId, String name) {
            return Optional.empty();
        }

        @Override
        public List<ListHeader> headers(String appId) {
            return List.of();
        }

        @Override
        public List<NamedList> list(String appId) {
            return List.of();
        }

        @Override
        public VersionedWrite delete(String appId, String listId, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ListAddition add(String appId, String listId, List<String> values, int maxValues, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<NamedList> remove(String appId, String listId, List<String> values, Instant at) {
            throw new UnsupportedOperationException();
        }
    }
}

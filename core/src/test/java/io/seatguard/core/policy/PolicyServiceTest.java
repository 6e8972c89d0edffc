package io.seatguard.core.policy;

import static io.seatguard.core.policy.PolicyParserTest.example;
import static io.seatguard.core.policy.PolicyParserTest.leaf;
import static io.seatguard.core.policy.PolicyParserTest.withConditions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.checks.CheckSettings;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stored policies checked again against the settings of today. */
class PolicyServiceTest {
    private static final String APP = "app_1";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final InMemoryPolicies store = new InMemoryPolicies();
    private final NamedList staff = new NamedList("lst_staff", APP, "staff", ListKind.USER, List.of("alice"), clock.instant(), clock.instant());

    @Test
    void aConditionPastALoweredEventCountLimitIsReportedWithItsPath() {
        PolicyService raised = service(50_000);
        Policy tooHigh = raised.create(APP, withConditions(leaf("event_count", "gte", 20_000)));
        Policy fine = raised.create(APP, withConditions(Map.of("all", List.of(
                leaf("event_count", "gte", 500), leaf("user", "in_list", "staff")))));

        assertThat(raised.invalidNow(APP)).isEmpty();
        List<PolicyService.Invalid> invalid = service(CheckSettings.EVENT_COUNT_LIMIT).invalidNow(APP);

        assertThat(invalid).extracting(entry -> entry.policy().id()).containsExactly(tooHigh.id()).doesNotContain(fine.id());
        assertThat(invalid.getFirst().errors()).extracting(FieldError::field).containsExactly("conditions.value");
        assertThat(invalid.getFirst().errors().getFirst().message()).contains("event_count").contains("1000");
        assertThat(invalid.getFirst().describe()).startsWith("policy " + tooHigh.id() + " (\"Verify the owner\") would be refused if written now: "
                + "conditions.value: \"event_count\" stops counting at 1000");
    }

    /**
     * Review finding: a stored policy today's settings refuse could not be switched off, nor to monitor,
     * since every write validated it as a new policy; only a delete was left to an operator.
     */
    @Test
    void aPolicyTodaysSettingsRefuseIsSwitchedOffKeepingItsFaultsAsStored() {
        Policy tooHigh = service(50_000).create(APP, withConditions(leaf("event_count", "gte", 20_000)));
        PolicyService lowered = service(CheckSettings.EVENT_COUNT_LIMIT);
        Map<String, Object> asStored = PolicyTree.of(tooHigh.definition());

        Map<String, Object> disabled = new java.util.LinkedHashMap<>(asStored);
        disabled.put("enabled", false);
        disabled.put("name", "Very busy account (off)");
        Policy off = lowered.replace(APP, tooHigh.id(), disabled);
        assertThat(off.definition().enabled()).isFalse();
        assertThat(off.definition().name()).isEqualTo("Very busy account (off)");
        assertThat(off.definition().conditions()).as("kept as stored").isEqualTo(tooHigh.definition().conditions());
        assertThat(lowered.faultsNow(APP, off)).extracting(FieldError::field).containsExactly("conditions.value");

        Map<String, Object> monitored = new java.util.LinkedHashMap<>(asStored);
        monitored.put("mode", "monitor");
        monitored.put("priority", 7);
        Policy watched = lowered.replace(APP, tooHigh.id(), monitored);
        assertThat(watched.definition().enabled()).isTrue();
        assertThat(watched.definition().mode()).isEqualTo(PolicyMode.MONITOR);
        assertThat(watched.definition().priority()).isEqualTo(7);
        assertThat(watched.definition().conditions()).isEqualTo(tooHigh.definition().conditions());
    }

    @Test
    void aWriteThatChangesAFaultyPartOrSwitchesItOnMustMakeThePolicyValid() {
        Policy tooHigh = service(50_000).create(APP, withConditions(leaf("event_count", "gte", 20_000)));
        PolicyService lowered = service(CheckSettings.EVENT_COUNT_LIMIT);
        Map<String, Object> asStored = PolicyTree.of(tooHigh.definition());

        Map<String, Object> otherFault = new java.util.LinkedHashMap<>(asStored);
        otherFault.put("enabled", false);
        otherFault.put("conditions", leaf("event_count", "gte", 30_000));
        assertThatThrownBy(() -> lowered.replace(APP, tooHigh.id(), otherFault)).isInstanceOfSatisfying(SeatguardException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("conditions.value"));

        Map<String, Object> otherPart = new java.util.LinkedHashMap<>(asStored);
        otherPart.put("mode", "monitor");
        otherPart.put("actions", List.of("access", "login"));
        assertThatThrownBy(() -> lowered.replace(APP, tooHigh.id(), otherPart)).as("only name, enabled, mode and priority may change beside a fault")
                .isInstanceOf(SeatguardException.class);

        Map<String, Object> renamed = new java.util.LinkedHashMap<>(asStored);
        renamed.put("name", "Still on");
        assertThatThrownBy(() -> lowered.replace(APP, tooHigh.id(), renamed)).as("left on, it is written now")
                .isInstanceOfSatisfying(SeatguardException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("conditions.value");
                    assertThat(e.getMessage()).contains("only while switched off");
                });
        assertThat(lowered.get(APP, tooHigh.id()).definition()).as("nothing was written").isEqualTo(tooHigh.definition());

        Map<String, Object> fixed = new java.util.LinkedHashMap<>(asStored);
        fixed.put("conditions", leaf("event_count", "gte", 1000));
        assertThat(lowered.faultsNow(APP, lowered.replace(APP, tooHigh.id(), fixed))).isEmpty();
    }

    @Test
    void switchingTheModeOfAPolicyTodaysSettingsRefuseGoesToMonitorButNotBackToEnforce() {
        Policy tooHigh = service(50_000).create(APP, withConditions(leaf("event_count", "gte", 20_000)));
        PolicyService lowered = service(CheckSettings.EVENT_COUNT_LIMIT);

        assertThat(lowered.switchMode(APP, tooHigh.id()).definition().mode()).isEqualTo(PolicyMode.MONITOR);
        assertThatThrownBy(() -> lowered.switchMode(APP, tooHigh.id())).isInstanceOfSatisfying(SeatguardException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("conditions.value"));
        assertThat(lowered.get(APP, tooHigh.id()).definition().mode()).isEqualTo(PolicyMode.MONITOR);
    }

    @Test
    void theContractsExamplePolicyIsNotReported() {
        PolicyService service = service(CheckSettings.EVENT_COUNT_LIMIT);
        service.create(APP, example());

        assertThat(service.invalidNow(APP)).isEmpty();
        assertThat(service.invalidNow("another_app")).isEmpty();
    }

    @Test
    void aReadFromBeforeAChangeDoesNotPutTheOldPoliciesBack() throws Exception {
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean holdNextList = new java.util.concurrent.atomic.AtomicBoolean(true);
        // The store's policy list pauses once, between the book's version read and its use, while a change lands.
        PolicyStore slow = new ForwardingPolicyStore(store) {
            @Override
            public List<Policy> list(String appId) {
                List<Policy> read = store.list(appId);
                if (holdNextList.getAndSet(false)) {
                    reading.countDown();
                    try {
                        changed.await();
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return read;
            }
        };
        CachedPolicyBook book = new CachedPolicyBook(slow, new OneList(staff), clock, java.time.Duration.ofMinutes(5));
        PolicyService service = new PolicyService(slow, new OneList(staff), PolicyFields.of(CheckRegistry.standard(CheckSettings.DEFAULTS)),
                new IdGenerator(clock, new Random(7)), clock, book::forget);

        Thread before = Thread.ofPlatform().start(() -> book.forApp(APP));
        reading.await();
        service.create(APP, example());
        changed.countDown();
        before.join();

        assertThat(book.forApp(APP).inOrder()).as("the change applies to the next evaluation").hasSize(1);
    }

    /** Regression (a probe of the dashboard): "Switch mode" put back a policy read before a PUT that was already answered. */
    @Test
    void switchingTheModeKeepsAChangeThatLandedAfterItsRead() {
        java.util.concurrent.atomic.AtomicReference<Runnable> afterNextFind = new java.util.concurrent.atomic.AtomicReference<>();
        // The switch reads the policy; before it writes, another request renames it.
        PolicyStore racing = new ForwardingPolicyStore(store) {
            @Override
            public Optional<Policy> find(String appId, String policyId) {
                Optional<Policy> read = store.find(appId, policyId);
                Runnable meanwhile = afterNextFind.getAndSet(null);
                if (meanwhile != null) {
                    meanwhile.run();
                }
                return read;
            }
        };
        PolicyService service = new PolicyService(racing, new OneList(staff), PolicyFields.of(CheckRegistry.standard(CheckSettings.DEFAULTS)),
                new IdGenerator(clock, new Random(7)), clock, appId -> {});
        Policy enforced = service.create(APP, example());
        Map<String, Object> renamed = new java.util.LinkedHashMap<>(example());
        renamed.put("name", "Renamed meanwhile");
        afterNextFind.set(() -> service.replace(APP, enforced.id(), renamed));

        Policy switched = service.switchMode(APP, enforced.id());

        assertThat(switched.definition().mode()).isEqualTo(PolicyMode.MONITOR);
        assertThat(switched.definition().name()).as("the rename, answered before the switch wrote, is kept").isEqualTo("Renamed meanwhile");
        assertThat(service.get(APP, enforced.id()).definition().name()).isEqualTo("Renamed meanwhile");
    }

    /** Regression (review of the policy engine, finding 1): each in_list leaf loaded the whole list to learn its kind. */
    @Test
    void checkingAPolicyReadsEachListsKindOnceAndNoListValues() {
        OneList lists = new OneList(staff);
        PolicyService service = new PolicyService(store, lists, PolicyFields.of(CheckRegistry.standard(CheckSettings.DEFAULTS)),
                new IdGenerator(clock, new Random(7)), clock, appId -> {});
        List<Object> leaves = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            leaves.add(leaf("user", i % 2 == 0 ? "in_list" : "not_in_list", i % 3 == 0 ? staff.id() : "staff"));
        }
        Policy created = service.create(APP, withConditions(Map.of("any", leaves)));
        assertThat(lists.headerReads).as("one header read for the 150 leaves").hasValue(1);
        service.create(APP, withConditions(Map.of("all", List.of(leaf("user", "in_list", "staff")))));

        assertThat(service.faultsNow(APP, created)).isEmpty();
        assertThat(service.checkedNow(APP)).hasSize(2).allSatisfy(checked -> assertThat(checked.refusedNow()).isEmpty());
        assertThat(service.invalidNow(APP)).isEmpty();
        assertThat(lists.headerReads).as("one per create and per single check; one for each listing of every policy").hasValue(5);
        assertThat(lists.valueLoads).as("validation never loads a list's values").hasValue(0);
    }

    @Test
    void aStoredValueInAFormTheFieldNeverReportsIsReportedWithTheFormItWouldTakeNow() {
        PolicyDefinition lowerCase = new PolicyDefinition("US only", true, PolicyMode.ENFORCE, 0, List.of("login"),
                new Condition.All(List.of(new Condition.Leaf("device_count", Operator.GTE, 2.0),
                        new Condition.Not(new Condition.Leaf("ip_country", Operator.IN, List.of("us", "CA"))))),
                io.seatguard.core.evaluation.Verdict.DENY, Optional.empty());
        Policy stored = new Policy("pol_old", APP, lowerCase, clock.instant(), clock.instant());
        store.create(stored, store.version(APP));
        PolicyService service = service(CheckSettings.EVENT_COUNT_LIMIT);

        assertThat(service.faultsNow(APP, stored)).singleElement().satisfies(fault -> {
            assertThat(fault.field()).isEqualTo("conditions.all[1].not.value");
            assertThat(fault.message()).contains("can never match").endsWith("stores it as [US, CA]");
        });
        Policy resaved = service.replace(APP, stored.id(), PolicyTree.of(stored.definition()));
        assertThat(service.faultsNow(APP, resaved)).isEmpty();
    }

    @Test
    void aStoredNameWithALineBreakIsReportedOnOneLine() {
        PolicyDefinition d = PolicyTree.read(PolicyTree.of(service(CheckSettings.EVENT_COUNT_LIMIT).validate(APP, example())));
        Policy stored = new Policy("pol_old", APP, new PolicyDefinition("Old\nWARN forged", d.enabled(), d.mode(), d.priority(), d.actions(),
                d.conditions(), d.verdict(), d.challenge()), clock.instant(), clock.instant());
        store.create(stored, store.version(APP));

        assertThat(service(CheckSettings.EVENT_COUNT_LIMIT).invalidNow(APP)).singleElement().satisfies(invalid -> {
            assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("name");
            assertThat(invalid.describe()).doesNotContain("\n").contains("(\"Old\\u000aWARN forged\")");
        });
    }

    /**
     * Review finding: between equal priorities the older policy wins, but a policy's {@code created_at} is
     * kept to the millisecond, so policies created in one millisecond (a script), or through a node whose
     * clock is behind the one that created the other, tied or went backwards, and the tie fell to their
     * random ids: a newer policy could win over the one written before it.
     */
    @Test
    void equalPrioritiesGoToTheEarlierWrittenPolicyWhateverTheClock() {
        PolicyService service = service(CheckSettings.EVENT_COUNT_LIMIT);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                // The next ones through a node whose clock is a minute behind.
                clock.set(clock.instant().minusSeconds(60));
            }
            written.add(service.create(APP, Map.of("name", "p" + i, "actions", List.of("login"), "verdict", i % 2 == 0 ? "deny" : "allow",
                    "conditions", leaf("user", "eq", "bob"))).id());
        }

        assertThat(AppPolicies.of(store.list(APP), List.of()).inOrder()).extracting(Policy::id).containsExactlyElementsOf(written);
        List<Instant> created = store.list(APP).stream().map(Policy::createdAt).toList();
        assertThat(created).as("each a millisecond or more after the one before").isSortedAccordingTo(java.util.Comparator.naturalOrder())
                .doesNotHaveDuplicates();
    }

    /** Review finding: a change through a node whose clock is behind read as made before the policy existed. */
    @Test
    void aChangeIsAfterThePolicysCreationAndItsLastChangeWhateverTheClock() {
        PolicyService service = service(CheckSettings.EVENT_COUNT_LIMIT);
        Map<String, Object> tree = Map.of("name", "p", "actions", List.of("login"), "verdict", "deny", "conditions", leaf("user", "eq", "bob"));
        Policy created = service.create(APP, tree);
        clock.set(clock.instant().minusSeconds(60));

        Policy switched = service.switchMode(APP, created.id());
        Policy switchedBack = service.switchMode(APP, created.id());

        assertThat(switched.updatedAt()).isAfter(created.createdAt()).isAfter(created.updatedAt());
        assertThat(switchedBack.updatedAt()).isAfter(switched.updatedAt());
        assertThat(service.get(APP, created.id()).updatedAt()).isEqualTo(switchedBack.updatedAt());
    }

    private PolicyService service(long eventCountLimit) {
        CheckSettings defaults = CheckSettings.DEFAULTS;
        CheckSettings settings = new CheckSettings(defaults.maxTravelSpeedKmh(), defaults.minTravelDistanceKm(), defaults.velocityWindow(),
                defaults.highVelocityEvents(), eventCountLimit);
        return new PolicyService(store, new OneList(staff), PolicyFields.of(CheckRegistry.standard(settings)),
                new IdGenerator(clock, new Random(7)), clock, appId -> {});
    }

    /** What the service asks of a store, kept in a list. */
    private static final class InMemoryPolicies implements PolicyStore {
        private final List<Policy> policies = new ArrayList<>();
        private long version;

        @Override
        public long version(String appId) {
            return version;
        }

        @Override
        public VersionedWrite create(Policy policy, long expectedVersion) {
            if (expectedVersion != version) {
                return VersionedWrite.STALE;
            }
            version++;
            policies.add(policy);
            return VersionedWrite.WRITTEN;
        }

        @Override
        public VersionedWrite update(Policy policy, long expectedVersion) {
            if (expectedVersion != version) {
                return VersionedWrite.STALE;
            }
            boolean found = delete(policy.appId(), policy.id());
            if (found) {
                policies.add(policy);
            }
            return found ? VersionedWrite.WRITTEN : VersionedWrite.REFUSED;
        }

        @Override
        public boolean delete(String appId, String policyId) {
            version++;
            return policies.removeIf(policy -> policy.appId().equals(appId) && policy.id().equals(policyId));
        }

        @Override
        public Optional<Policy> find(String appId, String policyId) {
            return policies.stream().filter(policy -> policy.appId().equals(appId) && policy.id().equals(policyId)).findFirst();
        }

        @Override
        public List<Policy> list(String appId) {
            return policies.stream().filter(policy -> policy.appId().equals(appId)).toList();
        }
    }

    /** An app with one list, counting the reads that load its values and those that do not; the service only looks lists up. */
    private static final class OneList implements ListStore {
        private final NamedList list;
        final java.util.concurrent.atomic.AtomicInteger valueLoads = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger headerReads = new java.util.concurrent.atomic.AtomicInteger();

        OneList(NamedList list) {
            this.list = list;
        }

        @Override
        public VersionedWrite create(NamedList created, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<NamedList> find(String appId, String listId) {
            valueLoads.incrementAndGet();
            return Optional.of(list).filter(l -> l.appId().equals(appId) && l.id().equals(listId));
        }

        @Override
        public Optional<NamedList> findByName(String appId, String name) {
            valueLoads.incrementAndGet();
            return Optional.of(list).filter(l -> l.appId().equals(appId) && l.name().equals(name));
        }

        @Override
        public List<ListHeader> headers(String appId) {
            headerReads.incrementAndGet();
            return appId.equals(list.appId()) ? List.of(new ListHeader(list.id(), list.name(), list.kind())) : List.of();
        }

        @Override
        public List<ListStamp> stamps(String appId) {
            return List.of(list).stream().map(ListStamp::of).toList();
        }

        @Override
        public List<ListSummary> summaries(String appId) {
            return List.of(list).stream().map(list -> new ListSummary(list.id(), list.name(), list.kind(), list.values().size(), list.createdAt(), list.updatedAt()))
                    .toList();
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

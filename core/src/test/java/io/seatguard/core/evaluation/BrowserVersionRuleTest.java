package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import io.seatguard.core.testing.InMemoryPipelines;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * "A browser never goes back a major version" ({@link DeviceResolver#settle}): a request without a known
 * token is not the cleared storage of a device every recent install of which already runs a newer
 * version. Two phones of one model, one person, one home: components and network cannot tell them apart,
 * a version behind can.
 */
class BrowserVersionRuleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final IdGenerator ids = new IdGenerator(clock, new Random(7));
    private final EvaluationPipeline pipeline = InMemoryPipelines.standard(store, ids, clock);

    @Test
    void aSecondPhoneOnAnOlderVersionIsNotTheFirstOnesClearedStorage() {
        String first = evaluate("login", "tok-ann-phone-1", 18).device().id();
        clock.advance(Duration.ofDays(1));
        Evaluation second = evaluate("login", "tok-ann-phone-2", 17);
        assertThat(second.device().id()).isNotEqualTo(first);
        assertThat(second.device().isNew()).isTrue();
        assertThat(second.checks()).containsEntry("device_count", 2L);
    }

    @Test
    void clearedStorageOnTheSameOrANewerVersionIsStillTheDevice() {
        String phone = evaluate("login", "tok-ann-phone-1", 18).device().id();
        clock.advance(Duration.ofDays(1));
        assertThat(evaluate("access", "tok-ann-cleared-1", 18).device().id()).as("same version").isEqualTo(phone);
        clock.advance(Duration.ofDays(1));
        assertThat(evaluate("access", "tok-ann-cleared-2", 19).device().id()).as("updated, then cleared").isEqualTo(phone);
    }

    @Test
    void afterAMergeTheOlderInstallsClearedStorageStillFindsTheDevice() {
        // Two phones on the same version: nothing tells them apart, and they share an id.
        String shared = evaluate("login", "tok-ann-phone-1", 18).device().id();
        clock.advance(Duration.ofDays(1));
        assertThat(evaluate("login", "tok-ann-phone-2", 18).device().id()).isEqualTo(shared);
        // The first updates; the second, still on 18, clears its storage. Its own token keeps the lowest
        // recent version at 18, so it is not ruled out (a per-device highest version would rule it out).
        clock.advance(Duration.ofDays(1));
        evaluate("access", "tok-ann-phone-1", 19);
        clock.advance(Duration.ofHours(1));
        assertThat(evaluate("access", "tok-ann-phone-2-cleared", 18).device().id()).isEqualTo(shared);
    }

    @Test
    void aTokenNotShownForTheMemoryNoLongerHoldsTheVersionDown() {
        String phone = evaluate("login", "tok-ann-phone-1", 17).device().id();
        clock.advance(Duration.ofDays(1));
        // Storage cleared on 19: the old token is never shown again.
        assertThat(evaluate("access", "tok-ann-phone-1-cleared", 19).device().id()).isEqualTo(phone);
        clock.advance(Duration.ofDays(1));
        assertThat(evaluate("login", "tok-other-phone-a", 18).device().id()).as("the 17 token still counts").isEqualTo(phone);
        // A month on, only the 19 install has been seen (the 18 token just above has aged out too).
        clock.advance(DeviceResolver.TOKEN_VERSION_MEMORY.plusDays(1));
        evaluate("access", "tok-ann-phone-1-cleared", 19);
        Evaluation older = evaluate("login", "tok-other-phone-b", 18);
        assertThat(older.device().id()).as("every recent install runs 19").isNotEqualTo(phone);
    }

    @Test
    void anUnknownVersionRulesNothingOut() {
        String phone = evaluate("login", "tok-ann-phone-1", 18).device().id();
        clock.advance(Duration.ofDays(1));
        Evaluation withoutVersion = pipeline.evaluate(NetworkTieBreakTest.annAtHome("access", "tok-ann-cleared", Optional.of("mobile")));
        assertThat(withoutVersion.device().id()).isEqualTo(phone);
    }

    /**
     * Found in review: imported history was judged against today's versions. A token's version is known
     * as of its latest sighting, so 17 ten days ago, before today's 18, said nothing; the import made the
     * phone a second device (counted, attached, and a many_devices pattern's step).
     */
    @Test
    void anImportOnAnOlderVersionIsStillTheDevice() {
        String phone = evaluate("login", "tok-ann-phone-1", 18).device().id();
        EvaluationRequest today = NetworkTieBreakTest.annAtHome("login", "tok-ann-imported", Optional.of("mobile test/17"));
        EvaluationRequest tenDaysAgo = new EvaluationRequest(today.appId(), today.action(), today.userId(), today.email(), today.phone(), today.metadata(),
                today.sessionId(), today.returnTo(), today.device(), today.clientIp(), today.userAgent(), Optional.of(clock.instant().minus(Duration.ofDays(10))));
        assertThat(pipeline.evaluate(tenDaysAgo).device().id()).isEqualTo(phone);
    }

    private Evaluation evaluate(String action, String token, int browserMajor) {
        return pipeline.evaluate(NetworkTieBreakTest.annAtHome(action, token, Optional.of("mobile test/" + browserMajor)));
    }
}

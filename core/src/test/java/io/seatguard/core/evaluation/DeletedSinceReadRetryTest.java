package io.seatguard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.policy.NoPolicies;
import io.seatguard.core.testing.BeforeEachWrite;
import io.seatguard.core.testing.FixedUserAgentParser;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import io.seatguard.core.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A write the store refuses because the account or device it was judged with was erased meanwhile
 * ({@link DeletedSinceRead}) is judged again: the write says whether its account was known, so that the
 * store can tell, and an erasure can cost two refusals (its batches take the device, its last transaction
 * the account) before the third attempt is written.
 */
class DeletedSinceReadRetryTest {
    private static final String APP = "app_test";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    private final List<EvaluationWrite> tried = new ArrayList<>();
    private int refusalsLeft;
    private final EvaluationPipeline pipeline = new EvaluationPipeline(new FixedUserAgentParser(),
            new DeviceResolver(store, new IdGenerator(clock, new Random(7))::newRandomId), store, CheckRegistry.standard(), new NoPolicies(),
            refusing(), new IdGenerator(clock, new Random(8)), clock);

    @Test
    void theWriteSaysWhetherItsAccountWasKnown() {
        pipeline.evaluate(login("alice"));
        pipeline.evaluate(login("alice"));
        pipeline.evaluate(new EvaluationRequest(APP, "signup", Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), laptop(), IpAddresses.parse("198.51.100.1").orElseThrow(), Optional.of("computer"), Optional.empty()));
        assertThat(tried).extracting(EvaluationWrite::accountKnown).containsExactly(false, true, false);
    }

    @Test
    void anEvaluationRefusedTwiceForWhatWasErasedIsWrittenAtTheThirdAttempt() {
        pipeline.evaluate(login("alice"));
        refusalsLeft = 2;
        Evaluation written = pipeline.evaluate(login("alice"));
        assertThat(tried).hasSize(4);
        assertThat(store.find(APP, written.id())).contains(written);
    }

    /** Nothing was stored: the caller is told to send it again (409 concurrent-change), not answered a 500. */
    @Test
    void aThirdRefusalIsAConflictTheCallerMaySendAgain() {
        refusalsLeft = 3;
        assertThatThrownBy(() -> pipeline.evaluate(login("alice"))).isInstanceOfSatisfying(SeatguardException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_CHANGE);
            assertThat(e.getMessage()).contains("nothing was recorded: send it again");
            assertThat(e.getCause()).isInstanceOf(DeletedSinceRead.class);
        });
        assertThat(tried).hasSize(3);
    }

    /** The store, refusing the next {@link #refusalsLeft} writes as a store refuses one whose account was erased. */
    private EvaluationStore refusing() {
        return BeforeEachWrite.of(store, write -> {
            tried.add(write);
            if (refusalsLeft > 0) {
                refusalsLeft--;
                throw new DeletedSinceRead("the account was erased after the evaluation read it");
            }
        });
    }

    private static EvaluationRequest login(String user) {
        return new EvaluationRequest(APP, "login", Optional.of(user), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                laptop(), IpAddresses.parse("198.51.100.1").orElseThrow(), Optional.of("computer"), Optional.empty());
    }

    private static DeviceSignals laptop() {
        return new DeviceSignals(Optional.of("tok-alice-laptop-0001"), new TreeMap<>(Map.of("model", "laptop", "screen", "1920x1080", "cores", 8L)),
                List.of(), Optional.of("Europe/Paris"));
    }
}

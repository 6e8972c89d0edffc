package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.app.AppStore;
import io.seatguard.core.app.AppWithSecret;
import io.seatguard.core.app.Branding;
import io.seatguard.core.app.IdentitySecrets;
import io.seatguard.core.app.StoredSecret;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.ids.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The browser calls' app cache with a clock the test moves, and a store that can stop answering. */
class AppDirectoryTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicReference<App> stored = new AtomicReference<>(app(List.of("https://shop.example")));
    private final AtomicBoolean unreachable = new AtomicBoolean();
    /** Reads of the app by client id (the origins' reads are not counted). */
    private final AtomicInteger reads = new AtomicInteger();
    private final InstantSource clock = () -> T0;
    private final AppDirectory directory = new AppDirectory(new AppService(new OneApp(), new IdGenerator(clock, new Random(1)), clock), nanos::get);

    private static App app(List<String> origins) {
        return new App("app_1", "Shop", "pk_shop", origins, T0, Branding.NONE, false, IdentitySecrets.NONE);
    }

    @Test
    void anAppChangedElsewhereIsSeenByTheSecondCallAfterTheTtl() {
        assertThat(origins()).containsExactly("https://shop.example");
        stored.set(app(List.of("https://shop.example", "https://www.shop.example")));

        advance(AppDirectory.TTL.minusMillis(1));
        assertThat(origins()).as("within the TTL, the app held").containsExactly("https://shop.example");
        advance(Duration.ofMillis(2));
        origins();   // this call reads it again
        assertThat(origins()).containsExactly("https://shop.example", "https://www.shop.example");
        assertThat(directory.anyAppAllows("https://www.shop.example")).isTrue();
    }

    @Test
    void whileTheStoreCannotBeReadTheAppHeldServesAndIsTriedOncePerTtl() {
        assertThat(directory.byClientId("pk_shop")).isPresent();
        assertThat(directory.anyAppAllows("https://shop.example")).isTrue();
        unreachable.set(true);
        int before = reads.get();

        advance(AppDirectory.TTL.plusSeconds(1));
        for (int i = 0; i < 20; i++) {
            assertThat(directory.byClientId("pk_shop")).as("the app held, not a 503").isPresent();
        }
        assertThat(directory.anyAppAllows("https://shop.example")).isTrue();
        assertThat(reads.get() - before).as("one try, then the held app for another TTL").isEqualTo(1);

        advance(AppDirectory.TTL.plusSeconds(1));
        directory.byClientId("pk_shop");
        assertThat(reads.get() - before).as("tried again after the TTL").isEqualTo(2);

        unreachable.set(false);
        stored.set(app(List.of("https://new.example")));
        advance(AppDirectory.TTL.plusSeconds(1));
        directory.byClientId("pk_shop");
        assertThat(directory.byClientId("pk_shop").orElseThrow().allowedOrigins()).as("read again once it answers").containsExactly("https://new.example");
    }

    @Test
    void anAppHeldPastTheStaleLimitIsDroppedAndTheCallSaysTheStoreIsUnavailable() {
        assertThat(directory.byClientId("pk_shop")).isPresent();
        unreachable.set(true);
        Duration waited = Duration.ZERO;
        while (waited.plus(AppDirectory.TTL).compareTo(AppDirectory.STALE_LIMIT) < 0) {
            advance(AppDirectory.TTL);
            waited = waited.plus(AppDirectory.TTL);
            assertThat(directory.byClientId("pk_shop")).as("held after %s", waited).isPresent();
        }
        advance(AppDirectory.TTL);
        directory.byClientId("pk_shop");   // the try that finds it too old drops it (this call may still get it)

        assertThatThrownBy(() -> directory.byClientId("pk_shop")).as("dropped past %s", AppDirectory.STALE_LIMIT)
                .isInstanceOfSatisfying(SeatguardException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
    }

    private List<String> origins() {
        return directory.byClientId("pk_shop").orElseThrow().allowedOrigins();
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    /** The store behind the directory: one app, whatever {@link #stored} holds now, unless {@link #unreachable}. */
    private final class OneApp implements AppStore {
        private void answer() {
            if (unreachable.get()) {
                throw new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage is unreachable (checked again every second)");
            }
        }

        @Override
        public void create(App app, StoredSecret secret) {}

        @Override
        public List<App> list() {
            answer();
            return List.of(stored.get());
        }

        @Override
        public Optional<App> findById(String id) {
            answer();
            return Optional.of(stored.get()).filter(app -> app.id().equals(id));
        }

        @Override
        public Optional<App> findByClientId(String clientId) {
            reads.incrementAndGet();
            answer();
            return Optional.of(stored.get()).filter(app -> app.clientId().equals(clientId));
        }

        @Override
        public Optional<AppWithSecret> findBySecretLookup(String lookup) {
            return Optional.empty();
        }

        @Override
        public boolean replaceSecret(String appId, StoredSecret secret) {
            return false;
        }

        @Override
        public boolean update(App app) {
            return false;
        }

        @Override
        public boolean replaceIdentitySecrets(String appId, IdentitySecrets expected, IdentitySecrets next) {
            return false;
        }

        @Override
        public Optional<String> setting(String key) {
            return Optional.empty();
        }

        @Override
        public void putSetting(String key, String value) {}

        @Override
        public void putSettingIfAbsent(String key, String value) {}
    }
}

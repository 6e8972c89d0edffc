package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.app.Branding;
import io.seatguard.core.app.IdentitySecrets;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.testing.OneAppStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The browser calls' app cache with a clock the test moves, and a store that can stop answering. */
class AppDirectoryTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final OneAppStore store = new OneAppStore(app(List.of("https://shop.example")));
    private final InstantSource clock = () -> T0;
    private final AppDirectory directory = new AppDirectory(new AppService(store, new IdGenerator(clock, new Random(1)), clock), nanos::get);

    private static App app(List<String> origins) {
        return new App("app_1", "Shop", "pk_shop", origins, T0, Branding.NONE, false, IdentitySecrets.NONE);
    }

    @Test
    void anAppChangedElsewhereIsSeenByTheSecondCallAfterTheTtl() {
        assertThat(origins()).containsExactly("https://shop.example");
        store.app.set(app(List.of("https://shop.example", "https://www.shop.example")));

        advance(AppDirectory.TTL.minusMillis(1));
        assertThat(origins()).as("within the TTL, the app held").containsExactly("https://shop.example");
        advance(Duration.ofMillis(2));
        origins();   // this call reads it again
        assertThat(origins()).containsExactly("https://shop.example", "https://www.shop.example");
        assertThat(directory.anyAppAllows("https://www.shop.example")).isTrue();
    }

    /**
     * Found in re-review: origins stored by an earlier release as written, in forms no browser sends, were
     * compared as text with the Origin header, and the app's own pages got 403.
     */
    @Test
    void originsStoredInAFormNoBrowserSendsAreReadAsBrowsersSendThem() {
        store.app.set(app(List.of("http://[0:0::1]:8080", "HTTPS://Shop.Example:443", "http://2130706433", "https://shop.example")));
        assertThat(directory.byClientId("pk_shop").orElseThrow().allowsOrigin("http://[::1]:8080")).isTrue();
        assertThat(directory.byClientId("pk_shop").orElseThrow().allowedOrigins())
                .containsExactly("http://[::1]:8080", "https://shop.example", "http://127.0.0.1");
        assertThat(directory.anyAppAllows("http://127.0.0.1")).isTrue();
    }

    @Test
    void whileTheStoreCannotBeReadTheAppHeldServesAndIsTriedOncePerTtl() {
        assertThat(directory.byClientId("pk_shop")).isPresent();
        assertThat(directory.anyAppAllows("https://shop.example")).isTrue();
        unreachable(true);
        int before = store.clientIdReads.get();

        advance(AppDirectory.TTL.plusSeconds(1));
        for (int i = 0; i < 20; i++) {
            assertThat(directory.byClientId("pk_shop")).as("the app held, not a 503").isPresent();
        }
        assertThat(directory.anyAppAllows("https://shop.example")).isTrue();
        assertThat(store.clientIdReads.get() - before).as("one try, then the held app for another TTL").isEqualTo(1);

        advance(AppDirectory.TTL.plusSeconds(1));
        directory.byClientId("pk_shop");
        assertThat(store.clientIdReads.get() - before).as("tried again after the TTL").isEqualTo(2);

        unreachable(false);
        store.app.set(app(List.of("https://new.example")));
        advance(AppDirectory.TTL.plusSeconds(1));
        directory.byClientId("pk_shop");
        assertThat(directory.byClientId("pk_shop").orElseThrow().allowedOrigins()).as("read again once it answers").containsExactly("https://new.example");
    }

    @Test
    void anAppHeldPastTheStaleLimitIsDroppedAndTheCallSaysTheStoreIsUnavailable() {
        assertThat(directory.byClientId("pk_shop")).isPresent();
        unreachable(true);
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

    /**
     * Found in review (session 54): "no such app" answers were held in the same bounded cache as the apps,
     * so browser calls naming made-up client ids, which anyone can send, pushed real apps out and made
     * their calls read the store again.
     */
    @Test
    void madeUpClientIdsNeverPushTheAppsOut() {
        assertThat(directory.byClientId("pk_shop")).isPresent();
        for (int i = 0; i < 30_000; i++) {
            assertThat(directory.byClientId("pk_made_up_" + i)).isEmpty();
        }
        int readsBefore = store.clientIdReads.get();
        assertThat(directory.holdsApp("pk_shop")).as("the app is still held").isTrue();
        assertThat(directory.byClientId("pk_shop")).isPresent();
        assertThat(store.clientIdReads.get()).as("and answered without a read").isEqualTo(readsBefore);
    }

    @Test
    void anUnknownClientIdIsReadAgainAfterTheTtlAndAtOnceAfterAChangeHere() {
        store.app.set(other());
        assertThat(directory.byClientId("pk_shop")).isEmpty();
        int reads = store.clientIdReads.get();
        assertThat(directory.byClientId("pk_shop")).as("held as unknown").isEmpty();
        assertThat(store.clientIdReads.get()).isEqualTo(reads);

        store.app.set(app(List.of("https://shop.example")));
        advance(AppDirectory.TTL.plusMillis(1));
        assertThat(directory.byClientId("pk_shop")).as("made on another node: seen after the TTL").isPresent();

        store.app.set(other());
        directory.invalidate();
        assertThat(directory.byClientId("pk_shop")).as("changed on this node: seen at once").isEmpty();
        store.app.set(app(List.of("https://shop.example")));
        directory.invalidate();
        assertThat(directory.byClientId("pk_shop")).isPresent();
    }

    /** An app under another client id: the store then has none for pk_shop. */
    private static App other() {
        return new App("app_2", "Other", "pk_other", List.of("https://other.example"), T0, Branding.NONE, false, IdentitySecrets.NONE);
    }

    private List<String> origins() {
        return directory.byClientId("pk_shop").orElseThrow().allowedOrigins();
    }

    private void unreachable(boolean unreachable) {
        store.failing.set(unreachable ? () -> new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage is unreachable (checked again every second)") : null);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}

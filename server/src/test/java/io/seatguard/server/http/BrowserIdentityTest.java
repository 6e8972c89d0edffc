package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.app.Branding;
import io.seatguard.core.app.IdentitySecrets;
import io.seatguard.core.app.IdentitySignature;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.evaluation.IdentityProof;
import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.testing.OneAppStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The browser identity check on its own, with a clock the test moves: the previous secret's hour, and a rotation made on another node. */
class BrowserIdentityTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final String OLD = "ids_old0000000000000000000000000000000000000";
    private static final String NEW = "ids_new0000000000000000000000000000000000000";

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = () -> now.get();
    private final OneAppStore store = new OneAppStore(app(new IdentitySecrets(Optional.of(OLD), List.of())));
    private final AtomicReference<App> stored = store.app;
    private final AppDirectory directory = new AppDirectory(new AppService(store, new IdGenerator(clock, new Random(1)), clock));
    private final BrowserIdentity identity = new BrowserIdentity(directory, clock);

    private static App app(IdentitySecrets secrets) {
        return new App("app_1", "Shop", "pk_shop", List.of(), T0, Branding.NONE, false, secrets);
    }

    private static EvaluateBody body(String user, String signature) {
        return body(user, signature, null);
    }

    private static EvaluateBody body(String user, String signature, Long expires) {
        return new EvaluateBody(Optional.of("pk_shop"), "access", Optional.of(user), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), DeviceSignals.NONE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(signature),
                Optional.ofNullable(expires), Optional.empty());
    }

    /**
     * A signature made with an expiry vouches until that second and not from it on; the expiry is part of
     * what is signed, so it can be neither dropped nor moved by whoever holds the page.
     */
    @Test
    void aSignatureWithAnExpiryVouchesUntilThenAndItsExpiryCannotBeChanged() {
        long expires = T0.plus(Duration.ofHours(12)).getEpochSecond();
        String signed = IdentitySignature.sign(OLD, Optional.of("mia"), Optional.empty(), Optional.empty(), Optional.of(expires));
        App app = directory.byClientId("pk_shop").orElseThrow();

        now.set(T0.plus(Duration.ofHours(12)).minusSeconds(1));
        assertThat(identity.of(app, body("mia", signed, expires))).isEqualTo(IdentityProof.SIGNED);

        now.set(T0.plus(Duration.ofHours(12)));
        assertThatThrownBy(() -> identity.of(app, body("mia", signed, expires))).isInstanceOfSatisfying(SeatguardException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("identity_expires");
                assertThat(error.message()).startsWith("has passed (2026-12-01T00:00:00Z)");
            });
        });
        assertThatThrownBy(() -> identity.of(app, body("mia", signed, expires + 86_400))).as("moved later").isInstanceOfSatisfying(SeatguardException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("identity_signature")));
        assertThatThrownBy(() -> identity.of(app, body("mia", signed, null))).as("dropped").isInstanceOfSatisfying(SeatguardException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("identity_signature")));
        String forged = IdentitySignature.sign(NEW, Optional.of("mia"), Optional.empty(), Optional.empty(), Optional.of(expires));
        assertThatThrownBy(() -> identity.of(app, body("mia", forged, expires))).as("a forged one is not told it lapsed")
                .isInstanceOfSatisfying(SeatguardException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("identity_signature")));
    }

    private IdentityProof check(String user, String signature) {
        return identity.of(directory.byClientId("pk_shop").orElseThrow(), body(user, signature));
    }

    @Test
    void aReplacedSecretIsAcceptedForAnHourAndNotAfter() {
        stored.set(app(new IdentitySecrets(Optional.of(OLD), List.of())).withIdentitySecrets(
                new IdentitySecrets(Optional.of(OLD), List.of()).rotatedTo(NEW, T0, T0.plus(AppService.IDENTITY_SECRET_OVERLAP))));
        String signedWithOld = IdentitySignature.sign(OLD, Optional.of("mia"), Optional.empty(), Optional.empty());
        now.set(T0.plus(Duration.ofMinutes(59)));
        assertThat(check("mia", signedWithOld)).isEqualTo(IdentityProof.SIGNED);
        now.set(T0.plus(Duration.ofMinutes(61)));
        assertThatThrownBy(() -> check("mia", signedWithOld)).isInstanceOfSatisfying(SeatguardException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("identity_signature");
        });
        assertThat(check("mia", IdentitySignature.sign(NEW, Optional.of("mia"), Optional.empty(), Optional.empty()))).isEqualTo(IdentityProof.SIGNED);
    }

    /** This node cached the app before another node rotated its secret: a signature made with the new one is not refused for AppDirectory.TTL. */
    @Test
    void aSecretRotatedOnAnotherNodeIsAcceptedAtOnce() {
        assertThat(directory.byClientId("pk_shop")).isPresent();
        stored.set(stored.get().withIdentitySecrets(stored.get().identitySecrets().rotatedTo(NEW, T0, T0.plus(Duration.ofHours(1)))));
        assertThat(check("mia", IdentitySignature.sign(NEW, Optional.of("mia"), Optional.empty(), Optional.empty()))).isEqualTo(IdentityProof.SIGNED);
    }

    /** The client id is public: bad signatures must not each cost a read of the store. */
    @Test
    void badSignaturesRereadTheAppAtMostOnceASecond() {
        String forged = IdentitySignature.sign("ids_forged000000000000000000000000000000000", Optional.of("mia"), Optional.empty(), Optional.empty());
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> check("mia", forged)).isInstanceOf(SeatguardException.class);
        }
        assertThat(store.clientIdReads.get()).as("the first load, then one reread").isEqualTo(2);
    }

    @Test
    void noSignatureIsUnsignedAndASignatureForAnAppWithoutSecretIsRefused() {
        assertThat(check("mia", null)).isEqualTo(IdentityProof.UNSIGNED);
        stored.set(app(IdentitySecrets.NONE));
        directory.invalidate();
        assertThatThrownBy(() -> check("mia", IdentitySignature.sign(OLD, Optional.of("mia"), Optional.empty(), Optional.empty())))
                .isInstanceOfSatisfying(SeatguardException.class, e -> assertThat(e.getMessage()).contains("no identity secret"));
    }
}

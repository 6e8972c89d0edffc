package io.seatguard.core.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An app's identity secret: made with the app, rotated with an hour's overlap, required only once it exists. */
class AppServiceIdentityTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final InMemoryApps store = new InMemoryApps();
    private final AppService apps = new AppService(store, new IdGenerator(clock, new Random(5)), clock);

    @Test
    void aNewAppHasAnIdentitySecretAndDoesNotRequireIt() {
        App app = apps.create("Shop", List.of()).app();
        assertThat(app.identitySecrets().current()).hasValueSatisfying(secret -> assertThat(secret).startsWith("ids_"));
        assertThat(app.requireSignedIdentity()).isFalse();
        assertThat(store.apps.get(app.id())).as("stored with it").isEqualTo(app);
    }

    @Test
    void rotatingKeepsThePreviousSecretAcceptedForAnHour() {
        App app = apps.create("Shop", List.of()).app();
        String first = app.identitySecrets().current().orElseThrow();
        App rotated = apps.rotateIdentitySecret(app.id());
        String second = rotated.identitySecrets().current().orElseThrow();
        assertThat(second).isNotEqualTo(first).startsWith("ids_");
        assertThat(apps.find(app.id()).orElseThrow().identitySecrets().accepted(clock.instant().plus(Duration.ofMinutes(59))))
                .containsExactly(second, first);
        assertThat(apps.find(app.id()).orElseThrow().identitySecrets().accepted(clock.instant().plus(AppService.IDENTITY_SECRET_OVERLAP)))
                .containsExactly(second);
    }

    /** Two rotations at once: the second builds on the first (conditional write), so neither replaced secret is lost. */
    @Test
    void aRotationThatLostARaceBuildsOnTheWinner() {
        App app = apps.create("Shop", List.of()).app();
        String first = app.identitySecrets().current().orElseThrow();
        store.beforeNextReplace = () -> apps.rotateIdentitySecret(app.id());
        App rotated = apps.rotateIdentitySecret(app.id());
        assertThat(rotated.identitySecrets().accepted(clock.instant())).hasSize(3).contains(first);
    }

    @Test
    void requiringSignedIdentityWithoutAnIdentitySecretIsRefusedNamingTheField() {
        App old = new App("app_old", "Old", "pk_old", List.of(), clock.instant());
        store.create(old, new StoredSecret("lookup000001", "hash"));
        assertThatThrownBy(() -> apps.update(old.id(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)))
                .isInstanceOfSatisfying(SeatguardException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("require_signed_identity");
                });
        assertThat(store.apps.get(old.id()).requireSignedIdentity()).isFalse();

        apps.rotateIdentitySecret(old.id());
        assertThat(apps.update(old.id(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)).requireSignedIdentity()).isTrue();
        assertThat(apps.update(old.id(), Optional.of("Renamed"), Optional.empty(), Optional.empty()).requireSignedIdentity())
                .as("other changes leave it as it is").isTrue();
        assertThat(apps.update(old.id(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)).requireSignedIdentity()).isFalse();
    }

    /** Apps in a map; {@link #replaceIdentitySecrets} is conditional like the SQL store's, with a hook to lose a race. */
    private static final class InMemoryApps implements AppStore {
        final Map<String, App> apps = new LinkedHashMap<>();
        Runnable beforeNextReplace;

        @Override
        public void create(App app, StoredSecret secret) {
            apps.put(app.id(), app);
        }

        @Override
        public List<App> list() {
            return new ArrayList<>(apps.values());
        }

        @Override
        public Optional<App> findById(String id) {
            return Optional.ofNullable(apps.get(id));
        }

        @Override
        public Optional<App> findByClientId(String clientId) {
            return apps.values().stream().filter(app -> app.clientId().equals(clientId)).findFirst();
        }

        @Override
        public Optional<AppWithSecret> findBySecretLookup(String lookup) {
            return Optional.empty();
        }

        @Override
        public boolean replaceSecret(String appId, StoredSecret secret, Optional<java.time.Instant> previousUntil) {
            return apps.containsKey(appId);
        }

        @Override
        public boolean update(App app) {
            App current = apps.get(app.id());
            if (current == null) {
                return false;
            }
            apps.put(app.id(), new App(app.id(), app.name(), app.clientId(), app.allowedOrigins(), app.createdAt(), app.branding(),
                    app.requireSignedIdentity(), current.identitySecrets()));
            return true;
        }

        @Override
        public boolean replaceIdentitySecrets(String appId, IdentitySecrets expected, IdentitySecrets next) {
            Runnable hook = beforeNextReplace;
            beforeNextReplace = null;
            if (hook != null) {
                hook.run();
            }
            App current = apps.get(appId);
            if (current == null || !current.identitySecrets().current().equals(expected.current())) {
                return false;
            }
            apps.put(appId, current.withIdentitySecrets(next));
            return true;
        }

        @Override
        public Optional<String> setting(String key) {
            return Optional.empty();
        }

        @Override
        public void putSetting(String key, String value) {}

        @Override
        public void putSettingIfAbsent(String key, String value) {}

        @Override
        public boolean createNamedBy(String idSetting, Optional<String> expected, App app, StoredSecret secret, java.util.Map<String, String> settings) {
            return false;
        }
    }
}

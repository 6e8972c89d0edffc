package io.seatguard.core.setup;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.app.AppService;
import io.seatguard.core.app.AppWithSecret;
import io.seatguard.core.app.CreatedApp;
import io.seatguard.core.app.Keys;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.operator.OperatorService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a server's first start makes, once per store: an admin token (unless the operator configured
 * one), the {@code default} app, and a dashboard operator. Each comes with a secret that is stored only
 * as a hash and shown once, by the start that made it.
 *
 * <p>Several nodes may start together on a new PostgreSQL store. Each looks at what the store lacks and
 * makes those parts here, outside any lock (hashing a password takes a while); then
 * {@link FirstStartStore#storeMissing} stores them one node after the other. The first node stores all
 * of its parts and shows their secrets; the others find them there, store nothing, and show nothing (they
 * could not: only hashes are stored). Looking and writing in two steps, as starts did before, let two
 * nodes each make a default app and each try to make the same operator.
 *
 * <p>A restart finds nothing lacking and writes nothing. A part can be lacking on a store that is not
 * new: {@code operators create --new-store} makes an operator before the first start, which then makes
 * the token and the app only.
 */
public final class FirstStart {
    /** The name of the app a first start makes. */
    public static final String DEFAULT_APP = "default";
    /** Characters of the first operator's password (base62, about 119 bits). */
    static final int PASSWORD_LENGTH = 20;

    private final AppService apps;
    private final OperatorService operators;
    private final FirstStartStore store;
    private final IdGenerator ids;

    public FirstStart(AppService apps, OperatorService operators, FirstStartStore store, IdGenerator ids) {
        this.apps = requireNonNull(apps, "apps is null");
        this.operators = requireNonNull(operators, "operators is null");
        this.store = requireNonNull(store, "store is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    /** An operator this start made, with the password it was given (to show once). */
    public record NewOperator(String email, String password) {
        public NewOperator {
            requireNonNull(email, "email is null");
            requireNonNull(password, "password is null");
        }
    }

    /** What this start stored, each secret in clear to show once; an empty part was there already (or configured). */
    public record Made(Optional<String> adminToken, Optional<CreatedApp> defaultApp, Optional<NewOperator> operator) {
        public static final Made NOTHING = new Made(Optional.empty(), Optional.empty(), Optional.empty());

        public Made {
            requireNonNull(adminToken, "adminToken is null");
            requireNonNull(defaultApp, "defaultApp is null");
            requireNonNull(operator, "operator is null");
        }
    }

    /**
     * Makes and stores what the store lacks.
     *
     * @param adminTokenConfigured whether the operator gave the admin token ({@link AppService#useAdminToken}): none is made
     * @param defaultOrigins       the default app's allowed origins (the server's own)
     * @param operatorEmail        the first operator's email
     */
    public Made run(boolean adminTokenConfigured, List<String> defaultOrigins, String operatorEmail) {
        Optional<String> token = adminTokenConfigured || apps.hasAdminToken() ? Optional.empty() : Optional.of(Keys.newAdminToken(ids));
        Optional<CreatedApp> app = apps.list().isEmpty() ? Optional.of(apps.newApp(DEFAULT_APP, defaultOrigins)) : Optional.empty();
        Optional<String> password = operators.anyOperatorOfEveryApp() ? Optional.empty() : Optional.of(ids.newSecret(PASSWORD_LENGTH));
        FirstStartPlan plan = new FirstStartPlan(
                token.map(made -> Map.of(AppService.ADMIN_TOKEN_HASH, Keys.hash(made))).orElse(Map.of()),
                app.map(made -> new AppWithSecret(made.app(), Keys.store(made.secretKey()))),
                password.map(made -> operators.newOperator(operatorEmail, made)));
        if (plan.isEmpty()) {
            return Made.NOTHING;
        }
        FirstStartPlan stored = store.storeMissing(plan);
        return new Made(token.filter(made -> stored.settings().containsKey(AppService.ADMIN_TOKEN_HASH)),
                app.filter(made -> stored.appIfNone().isPresent()),
                password.filter(made -> stored.operatorIfNone().isPresent()).map(made -> new NewOperator(stored.operatorIfNone().get().email(), made)));
    }
}

package io.seatguard.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.operator.Operator;
import io.seatguard.core.operator.OperatorService;
import io.seatguard.server.dashboard.Argon2Hasher;
import io.seatguard.server.http.Json;
import io.seatguard.storage.NoStoreException;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.SqlAppStore;
import io.seatguard.storage.SqlOperatorStore;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code operators create|reset-password|reset-two-factor}: changes dashboard operators straight in the
 * server's store (no running server needed).
 */
@Command(name = "operators", mixinStandardHelpOptions = true, description = "Manage dashboard operators in the server's store.",
        subcommands = {OperatorsCommand.Create.class, OperatorsCommand.ResetPassword.class, OperatorsCommand.ResetTwoFactor.class})
public final class OperatorsCommand {
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an operator; the password is read from standard input.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--email", required = true, description = "The operator's email.")
        String email;

        @Mixin
        PasswordFromStdin password;

        @Mixin
        StoreLocation store;

        @Option(names = "--app", description = "Limit the operator to this app id (repeat for several); without it, every app and the apps page.")
        java.util.List<String> apps;

        @Option(names = "--read-only", description = "The operator sees the pages of their apps and changes nothing but their own password and two-factor sign-in.")
        boolean readOnly;

        /**
         * To provision before the server's first start (a script, a container's entrypoint): that start then
         * finds an operator and makes no default one, so no password is printed. Asked for by name, so that a
         * mistyped --data-dir is still refused without it.
         */
        @Option(names = "--new-store", description = "Make the store (--data-dir's database, or --database-url's tables) if there is none yet, "
                + "so that the operator exists before the server's first start, which then makes no default operator. "
                + "A new store has no apps: with --app, the store must be there already.")
        boolean newStore;

        @Override
        public Integer call() throws Exception {
            Optional<java.util.Set<String>> scope = apps == null || apps.isEmpty() ? Optional.empty() : Optional.of(new java.util.TreeSet<>(apps));
            String typed = password.read();
            if (typed == null) {
                return refused(PasswordFromStdin.NONE, 2);
            }
            try {
                // Before the store is opened: with --new-store, a refused operator must not leave an empty
                // store behind, whose first start would then make the default operator after all.
                OperatorService.checkNew(email, typed, scope, readOnly);
            }
            catch (SeatguardException e) {
                return refused(said(e), 2);
            }
            try (SqlDatabase database = opened(scope)) {
                OperatorService operators = operators(database);
                SqlAppStore appStore = new SqlAppStore(database);
                for (String app : scope.orElse(java.util.Set.of())) {
                    if (appStore.findById(app).isEmpty()) {
                        return refused("no app " + app + " in this store (see ./seatguard apps list)", 2);
                    }
                }
                Operator operator = operators.create(email, typed, scope, readOnly);
                ObjectNode printed = Json.MAPPER.createObjectNode().put("id", operator.id()).put("email", operator.email());
                scope.ifPresent(ids -> ids.forEach(printed.putArray("apps")::add));
                System.out.println(printed.put("read_only", readOnly));
                return 0;
            }
            catch (StoreUnavailable e) {
                // Before the first start there is no store: say how to provision one anyway.
                String provision = e.getCause() instanceof NoStoreException ? "; to add the operator before the server's first start, add --new-store" : "";
                return refused(e.getMessage() + provision, e.exitStatus);
            }
            catch (SeatguardException e) {
                return refused(said(e), 2);
            }
        }

        /**
         * The store to add the operator to; with {@code --new-store}, made when there is none, unless the
         * operator is limited to apps. A new store has no apps (the server makes its first, with an id of
         * its own, at its first start), so such an operator would be refused only after the store was
         * made, leaving an empty store whose first start makes the default operator after all.
         */
        private SqlDatabase opened(Optional<java.util.Set<String>> scope) throws StoreUnavailable {
            if (!newStore) {
                return store.openExisting();
            }
            if (scope.isEmpty()) {
                return store.openOrMake();
            }
            try {
                return store.openExisting();
            }
            catch (StoreUnavailable e) {
                if (e.getCause() instanceof NoStoreException none) {
                    throw new StoreUnavailable("--app: " + none.getMessage() + ", and a new store has no apps (the server makes its first, with an id of its own,"
                            + " at its first start): an operator limited to apps can only be created after that start", StoreUnavailable.REFUSED, e);
                }
                throw e;
            }
        }
    }

    /**
     * For an operator who forgot their password: whoever holds the store sets a new one (there is no reset
     * by email). Their sessions end and the email's sign-in back-off is forgotten; two-factor sign-in stays.
     */
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a forgotten operator password anew (read from standard input); ends their sessions, keeps two-factor sign-in.")
    static final class ResetPassword implements Callable<Integer> {
        @Option(names = "--email", required = true, description = "The operator's email.")
        String email;

        @Mixin
        PasswordFromStdin password;

        @Mixin
        StoreLocation store;

        @Override
        public Integer call() throws Exception {
            String typed = password.read();
            if (typed == null) {
                return refused(PasswordFromStdin.NONE, 2);
            }
            try (SqlDatabase database = store.openExisting()) {
                if (!operators(database).resetPassword(email, typed)) {
                    return refused("no operator " + email + " in this store", 2);
                }
                System.out.println(Json.MAPPER.createObjectNode().put("email", normalized(email)).put("password_reset", true).put("sessions_ended", true));
                return 0;
            }
            catch (StoreUnavailable e) {
                return refused(e.getMessage(), e.exitStatus);
            }
            catch (SeatguardException e) {
                return refused(said(e), 2);
            }
        }
    }

    /** The email as the store keeps it when made today: its domain in A-labels, as OperatorService looks it up first. */
    private static String normalized(String email) {
        return OperatorService.normalizedEmail(email);
    }

    /**
     * A refusal naming each field it faults, on one line: the exception's own message says only how many
     * fields are invalid when there are several, which left the one who ran the command guessing which.
     */
    static String said(SeatguardException e) {
        return e.errors().isEmpty() ? e.getMessage()
                : String.join("; ", e.errors().stream().map(error -> error.field() + ": " + error.message()).toList());
    }

    private static int refused(String why, int exitStatus) {
        System.err.println("seatguard: " + why);
        return exitStatus;
    }

    /** The operators of the store, as the server would make them (Argon2id). */
    private static OperatorService operators(SqlDatabase database) {
        return new OperatorService(new SqlOperatorStore(database), new Argon2Hasher(), new IdGenerator(InstantSource.system(), new SecureRandom()),
                InstantSource.system());
    }

    /** For an operator who lost their authenticator app and recovery codes: their next sign-in takes the password alone. */
    @Command(name = "reset-two-factor", mixinStandardHelpOptions = true, description = "Turn an operator's two-factor sign-in off and remove their recovery codes (a lost authenticator app).")
    static final class ResetTwoFactor implements Callable<Integer> {
        @Option(names = "--email", required = true, description = "The operator's email.")
        String email;

        @Mixin
        StoreLocation store;

        @Override
        public Integer call() {
            try (SqlDatabase database = store.openExisting()) {
                if (!operators(database).resetTwoFactor(email)) {
                    return refused("no operator " + email + " in this store", 2);
                }
                System.out.println(Json.MAPPER.createObjectNode().put("email", normalized(email)).put("two_factor", false));
                return 0;
            }
            catch (StoreUnavailable e) {
                return refused(e.getMessage(), e.exitStatus);
            }
        }
    }
}

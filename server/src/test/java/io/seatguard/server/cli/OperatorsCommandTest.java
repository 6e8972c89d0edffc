package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.app.App;
import io.seatguard.core.app.StoredSecret;
import io.seatguard.core.operator.Operator;
import io.seatguard.server.SeatguardServer;
import io.seatguard.server.TestServer;
import io.seatguard.server.dashboard.Argon2Hasher;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.server.http.Json;
import io.seatguard.storage.PostgresTestDatabase;
import io.seatguard.storage.SqlAppStore;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.SqlOperatorStore;
import io.seatguard.storage.StorageSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code seatguard operators …} on the store itself (dashboard review findings 4 to 6): a store that is not
 * there is refused and nothing is made, the output is JSON whatever the email, and a bad URL is said in a
 * sentence with its exit status, never a stack trace. DashboardSignInTest signs in with what they make.
 */
class OperatorsCommandTest {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(out);
        }

        /** Said in one {@code seatguard:} line, as every refusal of the command line is. */
        Run saidPlainly() {
            assertThat(err).startsWith("seatguard: ").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(err.strip().lines()).hasSize(1);
            assertThat(out).isEmpty();
            return this;
        }
    }

    private static Run run(String... args) {
        return withInput(PASSWORD + "\n", args);
    }

    private static Run withInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        InputStream originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int exit;
        try {
            // Picocli prints what escapes a command (a stack trace) on its own error writer: send it to err too.
            CommandLine commandLine = new CommandLine(new OperatorsCommand());
            commandLine.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
            exit = commandLine.execute(args);
        }
        finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            System.setIn(originalIn);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A store as a server's first start leaves it. */
    private Path store() {
        Path data = dir.resolve("data");
        SqlDatabase.open(StorageSettings.embedded(data)).close();
        return data;
    }

    private static List<String> withStore(List<String> command, String... store) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(store));
        return args;
    }

    /** Nothing piped in was said as "password: must be 12 to 1024 characters", as if a short one had been typed. */
    /** Review: with --data-dir 'a?b' the store went to a?b/seatguard.db, its lock to a file "a" beside it, and later commands found no store. */
    @Test
    void aDataFolderWithAQuestionMarkIsRefusedBeforeAnythingIsMade() {
        Run run = run("create", "--email", "ops@example.com", "--password-stdin", "--new-store", "--data-dir", dir.resolve("a?b").toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("seatguard: --data-dir ").doesNotContain("Exception");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aPasswordMissingFromStandardInputIsSaidToBeMissing() {
        Path data = store();
        for (List<String> command : List.of(List.of("create", "--email", "ops@example.com", "--password-stdin"),
                List.of("reset-password", "--email", "ops@example.com", "--password-stdin"))) {
            Run run = withInput("", withStore(command, "--data-dir", data.toString()).toArray(String[]::new));
            assertThat(run.exit()).as(command.get(0)).isEqualTo(2);
            run.saidPlainly();
            assertThat(run.err()).as(command.get(0)).startsWith("seatguard: password: nothing on standard input; pipe the password in");
        }
    }

    /** Found in the docs audit: with --new-store an in-memory SQLite URL failed with "no such table: operators" and a stack trace. */
    @Test
    void aSqliteUrlThatNamesNoFileIsRefusedAsASetting() {
        Run run = run("create", "--email", "ops@example.com", "--password-stdin", "--new-store", "--database-url", "jdbc:sqlite::memory:");
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        run.saidPlainly();
        assertThat(run.err()).startsWith("seatguard: --database-url jdbc:sqlite::memory: names no SQLite file by its path");
    }

    @Test
    void aDataFolderWithoutTheDatabaseIsRefusedByEveryCommandAndNothingIsMade() {
        Path typo = dir.resolve("dta");
        for (List<String> command : List.of(List.of("create", "--email", "typo@example.com", "--password-stdin"),
                List.of("reset-password", "--email", "typo@example.com", "--password-stdin"),
                List.of("reset-two-factor", "--email", "typo@example.com"))) {
            Run run = run(withStore(command, "--data-dir", typo.toString()).toArray(String[]::new));

            assertThat(run.exit()).as(command.get(0)).isEqualTo(2);
            run.saidPlainly();
            assertThat(run.err()).contains("no embedded database at " + typo.toAbsolutePath().resolve("seatguard.db")).contains("--data-dir");
            assertThat(typo).as(command.get(0)).doesNotExist();
        }
    }

    /**
     * Brief 19: an operator's email whose domain has non-ASCII letters was refused here, while evaluate takes
     * it in A-labels. Made, reset and refused as a duplicate under either spelling; one stored as typed by
     * the earlier rule (U-labels) is found by either spelling too.
     */
    @Test
    void anOperatorsInternationalDomainIsTakenInALabelsUnderEitherSpelling() throws Exception {
        Path data = store();
        Run created = run("create", "--email", "Ana@Exämple.com", "--password-stdin", "--data-dir", data.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.json().get("email").asText()).isEqualTo("ana@xn--exmple-cua.com");

        Run twice = run("create", "--email", "ana@xn--exmple-cua.com", "--password-stdin", "--data-dir", data.toString());
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.saidPlainly().err()).contains("email: is already an operator");

        Run reset = run("reset-two-factor", "--email", "ana@exämple.com", "--data-dir", data.toString());
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.json().get("email").asText()).isEqualTo("ana@xn--exmple-cua.com");

        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(data))) {
            new SqlOperatorStore(database).create(new Operator("op_old", "bo@exämple.com", "not-a-hash", java.time.Instant.now(), java.util.Optional.empty(), false));
        }
        for (String spelling : List.of("bo@exämple.com", "bo@xn--exmple-cua.com")) {
            Run old = run("reset-password", "--email", spelling, "--password-stdin", "--data-dir", data.toString());
            assertThat(old.exit()).as(spelling + ": " + old.err()).isZero();
        }
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(data))) {
            assertThat(new SqlOperatorStore(database).list()).extracting(Operator::email).containsExactlyInAnyOrder("ana@xn--exmple-cua.com", "bo@exämple.com");
        }
    }

    /**
     * Provisioning before the first start (a script, a container's entrypoint): asked for by name, the store
     * is made with the operator, and that start then makes no default operator and prints no password.
     */
    @Test
    void createWithNewStoreMakesTheStoreAndTheFirstStartThenMakesNoOperator() throws Exception {
        Path data = dir.resolve("fresh");
        Run refused = run("create", "--email", "ops@example.com", "--password-stdin", "--data-dir", data.toString());
        assertThat(refused.exit()).as("without --new-store").isEqualTo(2);
        assertThat(refused.saidPlainly().err()).contains("no embedded database at").contains("add --new-store");
        assertThat(data).as("nothing made").doesNotExist();

        Run created = run("create", "--email", "Ops@Example.com", "--password-stdin", "--new-store", "--data-dir", data.toString());

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.json().get("email").asText()).isEqualTo("ops@example.com");
        assertThat(data.resolve("seatguard.db")).isRegularFile();
        Run again = run("create", "--email", "viewer@example.com", "--password-stdin", "--read-only", "--data-dir", data.toString());
        assertThat(again.exit()).as("the store made is one the commands take without the flag: " + again.err()).isZero();
        ServerConfig config = TestServer.config(data).build();
        try (SeatguardServer server = SeatguardServer.start(config)) {
            assertThat(server.createdOperator()).isEmpty();
            assertThat(server.createdDefaultApp()).as("still the first start").isPresent();
            assertThat(ServeCommand.banner(server, config)).doesNotContain("admin@seatguard.local").doesNotContain("dashboard:")
                    .contains("Seatguard is running at");
        }
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(data))) {
            assertThat(new SqlOperatorStore(database).list()).extracting(Operator::email).containsExactlyInAnyOrder("ops@example.com", "viewer@example.com");
        }
    }

    /**
     * Dashboard review (fix5): a read-only operator (or one of some apps) provisioned as
     * {@code admin@seatguard.local}, the email the first start gives its own operator, took that email
     * from it: the first start found no operator who manages every app, tried to make its own, met the
     * email taken, and silently made none, so nobody could add apps or operators. That email is now kept
     * for an operator who manages every app, refused otherwise by name before any store is made.
     */
    @Test
    void anOperatorWhoManagesNothingCannotTakeTheFirstStartsEmailAndThatStartStillMakesItsOperator() throws Exception {
        Path data = dir.resolve("fresh");
        Run refused = run("create", "--email", "Admin@Seatguard.Local", "--password-stdin", "--read-only", "--new-store", "--data-dir", data.toString());

        assertThat(refused.exit()).as(refused.out()).isEqualTo(2);
        assertThat(refused.saidPlainly().err()).startsWith("seatguard: email: ").contains("admin@seatguard.local").contains("read-only");
        assertThat(data).as("nothing made").doesNotExist();
        assertThat(run("create", "--email", "viewer@example.com", "--password-stdin", "--read-only", "--new-store", "--data-dir", data.toString()).exit())
                .isZero();
        ServerConfig config = TestServer.config(data).build();
        try (SeatguardServer server = SeatguardServer.start(config)) {
            assertThat(server.createdOperator()).as("the first start's own operator, who manages every app").hasValueSatisfying(
                    made -> assertThat(made.email()).isEqualTo("admin@seatguard.local"));
        }
        Run afterwards = run("create", "--email", "admin@seatguard.local", "--password-stdin", "--read-only", "--data-dir", data.toString());
        assertThat(afterwards.exit()).isEqualTo(2);
        assertThat(afterwards.saidPlainly().err()).contains("email");
    }

    /**
     * Dashboard review (fix5): a store an earlier release left with a read-only {@code admin@seatguard.local}
     * and nobody who manages every app (the command made one so before the first start) started without a
     * word: the first start could not make its operator, and nothing said why or what to do. Each start
     * now says so until someone who manages every app is added.
     */
    @Test
    void aStartWhoseOperatorTheEmailWasTakenFromSaysWhatToDo() throws Exception {
        Path data = store();
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(data))) {
            assertThat(new SqlOperatorStore(database).create(new Operator("op_legacy", "admin@seatguard.local", "h", Instant.now(), Optional.empty(), true)))
                    .isTrue();
        }
        ServerConfig config = TestServer.config(data).build();
        List<String> lines = new ArrayList<>();
        try (SeatguardServer server = io.seatguard.server.LogLines.during(SeatguardServer.class, lines, () -> SeatguardServer.start(config))) {
            assertThat(server.createdOperator()).isEmpty();
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("No operator manages every app").contains("admin@seatguard.local")
                .contains("./seatguard operators create"));

        assertThat(run("create", "--email", "ops@example.com", "--password-stdin", "--data-dir", data.toString()).exit()).isZero();
        List<String> after = new ArrayList<>();
        io.seatguard.server.LogLines.during(SeatguardServer.class, after, () -> {
            SeatguardServer.start(config).close();
            return null;
        });
        assertThat(after).noneSatisfy(line -> assertThat(line).contains("No operator manages every app"));
    }

    /** Dashboard review (fix5): two faults were said as "2 fields are invalid", naming neither. */
    @Test
    void everyFieldRefusedIsNamed() {
        Run refused = withInput("short\n", "create", "--email", "not an email", "--password-stdin", "--new-store", "--data-dir", dir.resolve("x").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.saidPlainly().err()).contains("email: must be an email address").contains("password: must be 12 to 1024 characters");
    }

    /** Review finding: a new store is not made over another application's SQLite file; said in one line, as serve says it. */
    @Test
    void createWithNewStoreOverAnotherApplicationsDatabaseIsRefusedByName() throws Exception {
        Path data = Files.createDirectories(dir.resolve("foreign"));
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("seatguard.db"));
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }

        Run refused = run("create", "--email", "ops@example.com", "--password-stdin", "--new-store", "--data-dir", data.toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.saidPlainly().err()).contains(data.toAbsolutePath().resolve("seatguard.db") + " holds tables but no Seatguard migration history");
    }

    /** A refused operator leaves no empty store behind, whose first start would make the default operator after all. */
    @Test
    void createWithNewStoreOfAnOperatorItRefusesMakesNothing() {
        Path data = dir.resolve("refused");
        Run refused = run("create", "--email", "not an email", "--password-stdin", "--new-store", "--data-dir", data.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.saidPlainly().err()).contains("email");
        assertThat(data).as("nothing made").doesNotExist();
    }

    /**
     * A new store has no apps (the first start makes the first, with an id of its own), so an operator
     * limited to apps cannot be made in one: refused before the store is made, not after, which left an
     * empty store whose first start made the default operator after all.
     */
    @Test
    void createWithNewStoreAndAnAppIsRefusedBeforeAnyStoreIsMade() {
        Path data = dir.resolve("fresh");

        Run refused = run("create", "--email", "support@example.com", "--password-stdin", "--new-store", "--app", "app_x", "--data-dir", data.toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.saidPlainly().err()).startsWith("seatguard: --app: ")
                .contains("no embedded database at " + data.toAbsolutePath().resolve("seatguard.db"))
                .contains("a new store has no apps").contains("after that start").doesNotContain("add --new-store");
        assertThat(data).as("nothing made").doesNotExist();
    }

    @Test
    void createWithNewStoreAndAnAppMakesNoTablesInAnEmptyPostgresDatabase() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            Run refused = run("create", "--email", "support@example.com", "--password-stdin", "--new-store", "--app", "app_x",
                    "--database-url", postgres.url());

            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.saidPlainly().err()).startsWith("seatguard: --app: ").contains("has no Seatguard tables").contains("a new store has no apps");
            try (Connection connection = DriverManager.getConnection(postgres.url());
                    ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
                assertThat(tables.next()).as("no table made").isFalse();
            }
        }
    }

    /** On a store that is there, --new-store just adds the operator: its apps are looked up in it as without the flag. */
    @Test
    void createWithNewStoreOnAStoreThatIsThereTakesItsApps() throws Exception {
        Path data = store();
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(data))) {
            new SqlAppStore(database).create(new App("app_one", "One", "pk_one", List.of(), Instant.now()), new StoredSecret("lookup000001", "hash-1"));
        }

        Run unknown = run("create", "--email", "support@example.com", "--password-stdin", "--new-store", "--app", "app_two", "--data-dir", data.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.saidPlainly().err()).isEqualTo("seatguard: no app app_two in this store (see ./seatguard apps list)\n");

        Run created = run("create", "--email", "support@example.com", "--password-stdin", "--new-store", "--app", "app_one", "--data-dir", data.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.json().get("apps")).extracting(JsonNode::asText).containsExactly("app_one");
    }

    @Test
    void createWithNewStoreMakesSeatguardsTablesInAnEmptyPostgresDatabase() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            Run created = run("create", "--email", "pg@example.com", "--password-stdin", "--new-store", "--database-url", postgres.url());
            assertThat(created.exit()).as(created.err()).isZero();

            ServerConfig config = TestServer.config(dir.resolve("unused")).databaseUrl(postgres.url()).build();
            try (SeatguardServer server = SeatguardServer.start(config)) {
                assertThat(server.createdOperator()).isEmpty();
                assertThat(ServeCommand.banner(server, config)).doesNotContain("dashboard:");
            }
        }
    }

    /** Only create makes a store: resetting an operator of a store that does not exist has nothing to reset. */
    @Test
    void onlyCreateTakesNewStore() {
        Path data = dir.resolve("fresh");
        for (List<String> command : List.of(List.of("reset-password", "--email", "ops@example.com", "--password-stdin"),
                List.of("reset-two-factor", "--email", "ops@example.com"))) {
            Run run = run(withStore(command, "--new-store", "--data-dir", data.toString()).toArray(String[]::new));

            assertThat(run.exit()).as(command.get(0)).isEqualTo(2);
            assertThat(run.err()).as(command.get(0)).contains("Unknown option: '--new-store'");
            assertThat(data).as(command.get(0)).doesNotExist();
        }
    }

    @Test
    void aPostgresDatabaseWithoutSeatguardsTablesIsRefusedAndLeftEmpty() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            Run run = run("create", "--email", "pg@example.com", "--password-stdin", "--database-url", postgres.url());

            assertThat(run.exit()).isEqualTo(2);
            run.saidPlainly();
            assertThat(run.err()).contains("has no Seatguard tables").contains("--database-url");
            try (Connection connection = DriverManager.getConnection(postgres.url());
                    ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
                assertThat(tables.next()).as("no table made").isFalse();
            }
        }
    }

    @Test
    void aMalformedOrUnreachableDatabaseUrlIsSaidWithoutAStackTrace() {
        Run malformed = run("create", "--email", "pg@example.com", "--password-stdin", "--database-url", "not a url");
        assertThat(malformed.exit()).as("what was named is wrong").isEqualTo(2);
        assertThat(malformed.saidPlainly().err()).contains("--database-url: unsupported database URL");

        Run unreachable = run("reset-two-factor", "--email", "pg@example.com", "--database-url", "postgresql://127.0.0.1:1/nope");
        assertThat(unreachable.exit()).as("as a server whose database does not answer").isEqualTo(1);
        assertThat(unreachable.saidPlainly().err()).contains("cannot connect to PostgreSQL jdbc:postgresql://127.0.0.1:1/nope");
    }

    /**
     * A port outside 1-65535 is a malformed option, as for serve (one rule, JdbcTarget's): exit status 2
     * and one line, where pgjdbc logged a warning of its own and the command ended as if the database did
     * not answer (exit status 1).
     */
    @Test
    void aDatabaseUrlWithAPortOutOfRangeIsMalformedAndTheDriverIsNotAsked() {
        java.util.logging.Logger driverLogs = java.util.logging.Logger.getLogger("org.postgresql");
        List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler recorder = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        driverLogs.addHandler(recorder);
        try {
            for (String url : List.of("jdbc:postgresql://127.0.0.1:99999/test", "postgresql://seat:hunter2@127.0.0.1:99999/test",
                    "jdbc:postgresql://127.0.0.1:0/test")) {
                for (List<String> command : List.of(List.of("create", "--email", "pg@example.com", "--password-stdin"),
                        List.of("create", "--email", "pg@example.com", "--password-stdin", "--new-store"),
                        List.of("reset-password", "--email", "pg@example.com", "--password-stdin"),
                        List.of("reset-two-factor", "--email", "pg@example.com"))) {
                    Run run = run(withStore(command, "--database-url", url).toArray(String[]::new));

                    assertThat(run.exit()).as(url + " " + command).isEqualTo(2);
                    assertThat(run.saidPlainly().err()).as(url + " " + command)
                            .startsWith("seatguard: --database-url: the port must be a number from 1 to 65535: ").doesNotContain("hunter2");
                }
            }
        }
        finally {
            driverLogs.removeHandler(recorder);
        }
        assertThat(logged).as("pgjdbc was never given the URL").isEmpty();
    }

    @Test
    void anEmailWithAQuoteMakesNoOperator() {
        Path data = store();

        Run run = run("create", "--email", "a\"},\"read_only\":false,\"x\":\"@x.test", "--password-stdin", "--data-dir", data.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.saidPlainly().err()).contains("email: must be an email address");
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(data))) {
            assertThat(new SqlOperatorStore(database).count()).isZero();
        }
    }

    @Test
    void whatTheCommandsPrintIsJson() throws Exception {
        Path data = store();
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(data))) {
            new SqlAppStore(database).create(new App("app_one", "One", "pk_one", List.of(), Instant.now()), new StoredSecret("lookup000001", "hash-1"));
            // Made under the looser rule of earlier releases, which took quotes: it is still reset, and printed as JSON.
            new SqlOperatorStore(database).create(new Operator("op_old", "o\"ld@intranet", new Argon2Hasher().hash(PASSWORD), Instant.now(),
                    Optional.empty(), false));
        }

        JsonNode created = run("create", "--email", " O'Brien+{ops}@Example.com ", "--password-stdin", "--app", "app_one", "--read-only",
                "--data-dir", data.toString()).json();
        assertThat(created.get("id").asText()).startsWith("op_");
        assertThat(created.get("email").asText()).isEqualTo("o'brien+{ops}@example.com");
        assertThat(created.get("apps")).extracting(JsonNode::asText).containsExactly("app_one");
        assertThat(created.get("read_only").asBoolean()).isTrue();

        JsonNode reset = run("reset-password", "--email", "O\"LD@intranet", "--password-stdin", "--data-dir", data.toString()).json();
        assertThat(reset.get("email").asText()).isEqualTo("o\"ld@intranet");
        assertThat(reset.get("password_reset").asBoolean()).isTrue();
        assertThat(reset.size()).as("no key added by the email").isEqualTo(3);

        JsonNode twoFactor = run("reset-two-factor", "--email", "o\"ld@intranet", "--data-dir", data.toString()).json();
        assertThat(twoFactor.get("email").asText()).isEqualTo("o\"ld@intranet");
        assertThat(twoFactor.get("two_factor").asBoolean()).isFalse();
    }

    /** The command is the newer binary: a store of an earlier release is migrated forward, as the server's start does. */
    @Test
    void aStoreOfAnEarlierReleaseIsMigratedForward() throws Exception {
        Path data = Files.createDirectories(dir.resolve("older"));
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + data.resolve("seatguard.db"), null, null).locations("classpath:db/migration")
                .target("10").load().migrate();

        Run run = run("create", "--email", "ops@example.com", "--password-stdin", "--data-dir", data.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().get("email").asText()).isEqualTo("ops@example.com");
    }
}

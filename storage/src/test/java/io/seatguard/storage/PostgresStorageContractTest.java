package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.Seen;
import io.seatguard.core.pattern.PatternDetector;
import io.seatguard.core.pattern.PatternObservation;
import io.seatguard.core.pattern.PatternThresholds;
import io.seatguard.core.testing.MutableClock;
import io.seatguard.core.webhook.WebhookEndpoint;
import io.seatguard.core.webhook.WebhookEventType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract on the machine's real PostgreSQL, in a migrated schema of its own per test: one an
 * earlier test gave back emptied and unaltered, or a new one (PostgresTestDatabase#takeMigrated).
 */
class PostgresStorageContractTest extends StorageContract {
    @TempDir
    Path dataDir;

    private PostgresTestDatabase postgres;

    @Override
    SqlDatabase openDatabase() {
        postgres = PostgresTestDatabase.takeMigrated();
        return reopenDatabase();
    }

    @Override
    SqlDatabase reopenDatabase() {
        return SqlDatabase.open(postgres.settings(dataDir));
    }

    @Override
    java.sql.Connection rawConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(postgres.url());
    }

    @Override
    DatabaseKind expectedKind() {
        return DatabaseKind.POSTGRESQL;
    }

    /**
     * One browser's first evaluations reaching two nodes at once: the database's claim of the fingerprint
     * decides between them as it does on one node.
     */
    @Test
    void oneBrowsersRacingFirstEvaluationsWithoutATokenOnTwoNodesMakeOneDevice() throws Exception {
        assertOneDevice("rae", raceOnTwoNodes("rae", racer -> Optional.empty()));
    }

    @Test
    void oneBrowsersRacingFirstEvaluationsWithNewTokensOnTwoNodesMakeOneDevice() throws Exception {
        assertOneDevice("ras", raceOnTwoNodes("ras", racer -> Optional.of(racingToken("ras", racer))));
    }

    /** The racers split between this node and a second one on the same database, each with its own writer. */
    private List<io.seatguard.core.evaluation.Evaluation> raceOnTwoNodes(String user, java.util.function.IntFunction<Optional<String>> tokens)
            throws Exception {
        try (SqlDatabase otherNode = reopenDatabase()) {
            io.seatguard.core.testing.HeldFirstWrites held = new io.seatguard.core.testing.HeldFirstWrites(RACERS);
            MutableClock clock = new MutableClock(T0);
            io.seatguard.core.evaluation.EvaluationPipeline one = pipelineOver(devices, accounts, held.over(evaluations), clock, 11);
            io.seatguard.core.evaluation.EvaluationPipeline two = pipelineOver(new SqlDeviceDirectory(otherNode), new SqlAccountReader(otherNode),
                    held.over(new SqlEvaluationStore(otherNode)), clock, 12);
            return raceFirstVisits(user, tokens, racer -> racer % 2 == 0 ? one : two);
        }
    }

    /**
     * A vouched evaluation's reads of an account (V39) walk the vouched evaluations' partial index in the
     * generic plans the driver's prepared statements settle on, so a flood of unsigned evaluations naming
     * the account costs them nothing.
     */
    @Test
    void aVouchedReadWalksTheVouchedIndexNotEveryEvaluationOfTheAccount() throws Exception {
        try (Connection raw = rawConnection(); java.sql.Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO evaluations (app_id, id, user_id, action, verdict, device_id, ip, created_at, document, country, vouched)"
                    + " SELECT 'app_a', 'ev-' || g, 'user-' || (g % 20), 'access', 'allow', 'dev', '192.0.2.1', g * 1000, '{}', 'FR',"
                    + " CASE WHEN g % 100 = 0 THEN 1 ELSE 0 END FROM generate_series(1, 20000) g");
            statement.execute("ANALYZE evaluations");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            SqlActivityReader.Statements vouched = SqlActivityReader.statements(true);
            Map<String, String> executions = Map.of(
                    vouched.countInWindow(), "('app_a', 'user-1', 0, 100000000, 1000)",
                    vouched.latestLocated(), "('app_a', 'user-1', 0, 100000000)",
                    vouched.placedBetween(), "('app_a', 'user-1', 0, 100000000, 'FR')",
                    vouched.latestInCountry(), "('app_a', 'user-1', 0, 100000000, 'FR')");
            int prepared = 0;
            for (Map.Entry<String, String> execution : executions.entrySet()) {
                String name = "vouched_read_" + prepared++;
                statement.execute("PREPARE " + name + " AS " + numbered(execution.getKey()));
                StringBuilder plan = new StringBuilder();
                try (java.sql.ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE " + name + execution.getValue())) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).as(execution.getKey()).contains("evaluations_vouched_by_user").doesNotContain("evaluations_by_user");
            }
        }
    }

    /**
     * A vouched evaluation counts its fingerprint's accounts (V44) along the vouched rows' partial index in
     * the generic plan the driver's prepared statement settles on, so made-up accounts unsigned calls put on
     * the fingerprint cost it nothing.
     */
    @Test
    void aVouchedFingerprintCountWalksTheVouchedIndex() throws Exception {
        try (Connection raw = rawConnection(); java.sql.Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO user_fingerprints (app_id, user_id, fingerprint_id, first_seen, last_seen, vouched)"
                    + " SELECT 'app_a', 'made-up-' || g, 'fp-' || (g % 20), g, g, CASE WHEN g % 100 = 0 THEN 1 ELSE 0 END FROM generate_series(1, 20000) g");
            statement.execute("ANALYZE user_fingerprints");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE vouched_fingerprint AS " + numbered(SqlActivityReader.statements(true).countFingerprintUsers()));
            assertThat(explain(statement, "vouched_fingerprint('app_a', 'fp-1')")).contains("user_fingerprints_vouched_by_fingerprint")
                    .doesNotContain("Seq Scan");
        }
    }

    /**
     * A device's accounts (device_user_count) are counted along their index by device (V46) in the generic
     * plan, among many accounts of many devices, not by reading the table.
     */
    @Test
    void aDevicesAccountsAreCountedAlongTheirIndex() throws Exception {
        try (Connection raw = rawConnection(); java.sql.Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO device_users (app_id, user_id, device_id, first_seen, last_seen, vouched)"
                    + " SELECT 'app_a', 'user-' || g, 'dev-' || (g % 5000 + 1), g, g, g % 2 FROM generate_series(1, 20000) g");
            statement.execute("ANALYZE device_users");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE device_accounts AS " + numbered(SqlActivityReader.accountsOnDeviceStatement(false)));
            statement.execute("PREPARE vouched_device_accounts AS " + numbered(SqlActivityReader.accountsOnDeviceStatement(true)));
            assertThat(explain(statement, "device_accounts('app_a', 'dev-7', 'user-6')")).contains("device_users_by_device").doesNotContain("Seq Scan");
            assertThat(explain(statement, "vouched_device_accounts('app_a', 'dev-7', 'user-6')")).contains("device_users_by_device")
                    .doesNotContain("Seq Scan");
        }
    }

    /**
     * Old failed sign-ins are deleted along their age index (V40) in the generic plan the driver's prepared
     * statement settles on, not by reading the whole table in the writer; a client's failures of every
     * email are counted along its own (V40).
     */
    @Test
    void signInFailuresArePrunedByAgeAndCountedByEmailAndByClient() throws Exception {
        try (Connection raw = rawConnection(); java.sql.Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO operator_failures (email, client_key, at) SELECT 'flood-' || g || '@x.test', '198.18.' || (g % 250), g * 1000"
                    + " FROM generate_series(1, 50000) g");
            statement.execute("ANALYZE operator_failures");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE prune AS " + numbered(SqlOperatorStore.OLD_FAILURES));
            assertThat(explain(statement, "prune(5000000, 5000000)")).contains("operator_failures_by_age").doesNotContain("Seq Scan");
            statement.execute("PREPARE failures AS " + numbered(SqlOperatorStore.FAILURES));
            assertThat(explain(statement, "failures('198.18.7', '198.18.7', '198.18.7', 0, '198.18.7', 0, 'flood-7@x.test', 0)"))
                    .as("the client's count of every email walks the client's rows (V40)")
                    .contains("operator_failures_by_client").contains("operator_failures_by_email").doesNotContain("Seq Scan");
        }
    }

    /**
     * A list of 100,000 values is read in the order they were added along its own index (V42): no sort of
     * the whole list (PostgreSQL spilled ~3.3 MB to disk for it on every add or remove, which answer the
     * list).
     */
    @Test
    void listValuesAreReadInOrderAlongTheirPositionIndex() throws Exception {
        try (Connection raw = rawConnection(); java.sql.Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO value_list_entries (app_id, list_id, value, position) SELECT 'app_a', 'list_big', 'v' || g, g"
                    + " FROM generate_series(1, 100000) g");
            statement.execute("INSERT INTO value_list_entries (app_id, list_id, value, position) SELECT 'app_a', 'list_' || (g % 50), 'w' || g, g"
                    + " FROM generate_series(1, 5000) g");
            // As autovacuum leaves a table: analysed, its pages marked all-visible (an index-only scan's condition).
            statement.execute("VACUUM ANALYZE value_list_entries");
            statement.execute("PREPARE list_values AS " + numbered(SqlListStore.LIST_VALUES));
            assertThat(explain(statement, "list_values('app_a', 'list_big')")).contains("Index Only Scan using value_list_entries_by_position")
                    .doesNotContain("Sort");
            statement.execute("PREPARE next_position AS " + numbered(SqlListStore.NEXT_POSITION));
            assertThat(explain(statement, "next_position('app_a', 'list_big')")).contains("value_list_entries_by_position").doesNotContain("Seq Scan");
        }
    }

    /**
     * A page of history after a cursor, by account, device or address, where a page by address stops
     * walking, and a page by address down to that stop, bound the index range by those times in the
     * generic plans the driver's prepared statements settle on. Found in review: each was an OR that
     * PostgreSQL applied as a filter only, so a page deep in a long history walked every newer entry of the
     * index first, and a page by a rarely seen address walked on past its stop, through the network's
     * whole history, looking for rows the filter then refused.
     */
    @Test
    void aHistoryPageAfterACursorStartsItsIndexRangeAtTheCursor() throws Exception {
        try (Connection raw = rawConnection(); java.sql.Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO evaluations (app_id, id, user_id, action, verdict, device_id, ip, network, created_at, document, country, vouched)"
                    + " SELECT 'app_a', lpad(to_hex(g), 8, '0') || '-0000-7000-8000-000000000000', 'user-' || (g % 2), 'access', 'allow', 'dev-' || (g % 2),"
                    + " '192.0.2.' || (g % 2), '192.0.2.0/24', g * 1000, '{}', 'FR', 0 FROM generate_series(1, 20000) g");
            statement.execute("ANALYZE evaluations");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            String cursor = "10000000, 10000000, 10000000, '00002710-0000-7000-8000-000000000000'";
            Map<String, String> executions = Map.of(
                    SqlHistory.pageSql("user_id", true, false), "('app_a', 'user-1', " + cursor + ", 51)",
                    SqlHistory.pageSql("device_id", true, false), "('app_a', 'dev-1', " + cursor + ", 51)",
                    SqlHistory.pageSql("network = ? AND ip", true, true), "('app_a', '192.0.2.0/24', '192.0.2.1', " + cursor + ", 0, 0, 0, 'x', 51)",
                    SqlHistory.pageSql("network = ? AND ip", false, true), "('app_a', '192.0.2.0/24', '192.0.2.1', " + cursor + ", 51)",
                    SqlHistory.scanEndSql(true), "('app_a', '192.0.2.0/24', " + cursor + ", 9999)");
            int prepared = 0;
            for (Map.Entry<String, String> execution : executions.entrySet()) {
                String name = "history_page_" + prepared++;
                statement.execute("PREPARE " + name + " AS " + numbered(execution.getKey()));
                String plan = explain(statement, name + execution.getValue());
                // Rows after a cursor end the range above; a page by address that stops at its walk's end ends it below.
                List<String> bounds = new java.util.ArrayList<>();
                if (execution.getKey().contains("id < ?")) {
                    bounds.add("created_at <= $");
                }
                if (execution.getKey().contains("id >= ?")) {
                    bounds.add("created_at >= $");
                }
                assertThat(bounds).isNotEmpty();
                assertThat(plan.lines().filter(line -> line.contains("Index Cond:")))
                        .as(execution.getKey() + "\n" + plan).anyMatch(line -> bounds.stream().allMatch(line::contains));
            }
        }
    }

    private static String explain(java.sql.Statement statement, String execution) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (java.sql.ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE " + execution)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /**
     * A backtest's window is taken on {@code created_at}, which no index of the app leads with: in the
     * generic plan the driver's prepared statement settles on, the read walks the primary key's range of
     * the ids stored since the window opened, newest first, rather than the whole app.
     */
    @Test
    void theArchiveReadWalksThePrimaryKeysRangeOfIds() throws Exception {
        try (Connection raw = rawConnection(); java.sql.Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO evaluations (app_id, id, user_id, action, verdict, device_id, ip, created_at, document, country, vouched)"
                    + " SELECT 'app_a', lpad(to_hex(g), 8, '0') || '-0000-7000-8000-000000000000', 'user-' || (g % 20), 'access', 'allow', 'dev',"
                    + " '192.0.2.1', g * 1000, '{}', 'FR', 0 FROM generate_series(1, 20000) g");
            statement.execute("ANALYZE evaluations");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE archive_read AS " + numbered(SqlEvaluationStore.ARCHIVE_READ));
            assertThat(explain(statement, "archive_read('app_a', '00004000', 'ffffffff', 1000000, 2000000, 200)"))
                    .contains("Index Scan Backward using evaluations_pkey").doesNotContain("Sort");
        }
    }

    /** JDBC's {@code ?} parameters as PostgreSQL's {@code $1, $2, …}, for PREPARE. */
    private static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder();
        int next = 1;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(next++);
            }
            else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }

    /**
     * Two nodes raising one account's pattern at once: each read the old level before the other wrote,
     * and each used to send {@code pattern.flagged}. The second here reads while the first holds its row.
     */
    @Test
    void twoNodesRaisingAPatternTogetherSendItsEventOnce() throws Exception {
        Instant at = Instant.parse("2026-11-01T12:00:00Z");
        new SqlWebhooks(database).create(new WebhookEndpoint("we_p", "app_a", "https://hooks.example/p", List.of(WebhookEventType.PATTERN_FLAGGED),
                "whsec_a", List.of(), at), 20);
        AccountState account = new AccountState(Optional.of(new Seen(at.minus(Duration.ofDays(30)), at)), List.of(), Optional.empty(), Optional.empty());
        List<PatternObservation> observations = new PatternDetector(PatternThresholds.DEFAULTS).observe(Map.of("device_count", 11L), account, at);
        assertThat(observations).isNotEmpty();

        secondWaitsForFirst(first -> {
            SqlPatterns.observe(first, "app_a", "max", observations, at);
            return null;
        }, second -> {
            SqlPatterns.observe(second, "app_a", "max", observations, at.plusSeconds(1));
            return null;
        });

        try (Connection read = rawConnection();
                var rows = read.createStatement().executeQuery("SELECT COUNT(*) FROM webhook_messages WHERE app_id = 'app_a'")) {
            rows.next();
            assertThat(rows.getLong(1)).as("one pattern.flagged for the level reached").isEqualTo(1);
        }
    }

    /**
     * Two nodes sending owner notices at once used to count, find room, and both send: the caps were
     * count-then-insert under read committed. Here the second claims while the first has claimed and not
     * committed; it must wait for the first and then count its notice.
     */
    @Test
    void twoNodesClaimingOwnerNoticesForOneAccountTogetherSendOne() throws Exception {
        Instant dayAgo = T0.minusSeconds(86_400);
        accounts("app_a", "ana");
        List<String> granted = secondWaitsForFirst(
                first -> assertThat(SqlOwnerNotices.claim(first, DatabaseKind.POSTGRESQL, "app_a", "ana", "dev-1", List.of("ana@example.com"), T0, dayAgo,
                        1, 5, true)).isNotEmpty(),
                second -> SqlOwnerNotices.claim(second, DatabaseKind.POSTGRESQL, "app_a", "ana", "dev-2", List.of("+33600000009"), T0, dayAgo, 1, 5, true));
        assertThat(granted).as("the account's one notice a day was the first's").isEmpty();
    }

    @Test
    void twoNodesClaimingOwnerNoticesToOneAddressTogetherSendOne() throws Exception {
        Instant dayAgo = T0.minusSeconds(86_400);
        accounts("app_a", "pump1", "pump2");
        List<String> granted = secondWaitsForFirst(
                first -> assertThat(SqlOwnerNotices.claim(first, DatabaseKind.POSTGRESQL, "app_a", "pump1", "dev-1", List.of("victim@example.com"), T0,
                        dayAgo, 5, 1, true)).isNotEmpty(),
                second -> SqlOwnerNotices.claim(second, DatabaseKind.POSTGRESQL, "app_a", "pump2", "dev-1", List.of("+33600000002", "victim@example.com"),
                        T0, dayAgo, 5, 1, true));
        assertThat(granted).as("the address's one notice a day was the first's; the number has room").containsExactly("+33600000002");
    }

    /**
     * Two nodes starting together on a new database each made a default app and tried the same operator:
     * each looked before either wrote. The second now waits for the first's lock and stores nothing. With
     * the admin token configured (no token to store), and with one to store.
     */
    @Test
    void twoNodesSettingUpANewStoreTogetherStoreItOnce() throws Exception {
        io.seatguard.core.setup.FirstStartPlan configured = withoutSettings(firstStartPlan("1"));
        io.seatguard.core.setup.FirstStartPlan second = secondWaitsForFirst(
                one -> assertThat(SqlFirstStartStore.storeMissing(one, configured)).isEqualTo(configured),
                two -> SqlFirstStartStore.storeMissing(two, withoutSettings(firstStartPlan("2"))));
        assertThat(second).isEqualTo(io.seatguard.core.setup.FirstStartPlan.NOTHING);
        assertThat(apps.list()).extracting(io.seatguard.core.app.App::id).containsExactly("app_1");
        assertThat(new SqlOperatorStore(database).list()).extracting(io.seatguard.core.operator.Operator::id).containsExactly("op_1");
    }

    @Test
    void twoNodesSettingUpANewStoreWithAGeneratedTokenTogetherStoreItOnce() throws Exception {
        io.seatguard.core.setup.FirstStartPlan first = firstStartPlan("1");
        io.seatguard.core.setup.FirstStartPlan second = secondWaitsForFirst(
                one -> assertThat(SqlFirstStartStore.storeMissing(one, first)).isEqualTo(first),
                two -> SqlFirstStartStore.storeMissing(two, firstStartPlan("2")));
        assertThat(second).isEqualTo(io.seatguard.core.setup.FirstStartPlan.NOTHING);
        assertThat(apps.list()).extracting(io.seatguard.core.app.App::id).containsExactly("app_1");
        assertThat(apps.setting("admin_token_hash")).contains("hash-1");
    }

    private static io.seatguard.core.setup.FirstStartPlan withoutSettings(io.seatguard.core.setup.FirstStartPlan plan) {
        return new io.seatguard.core.setup.FirstStartPlan(Map.of(), plan.appIfNone(), plan.operatorIfNone());
    }

    /** Two nodes making the demo's app together: the second waits for the first's setting and makes none. */
    @Test
    void twoNodesMakingAnAppNamedByASettingTogetherMakeOne() throws Exception {
        boolean made = secondWaitsForFirst(
                one -> assertThat(SqlAppStore.createNamedBy(one, "demo_app_id", Optional.empty(), namedApp("1"),
                        new io.seatguard.core.app.StoredSecret("lookup-d1-00", "h1"), Map.of())).isTrue(),
                two -> SqlAppStore.createNamedBy(two, "demo_app_id", Optional.empty(), namedApp("2"), new io.seatguard.core.app.StoredSecret("lookup-d2-00", "h2"),
                        Map.of()));
        assertThat(made).isFalse();
        // Replacing an app the setting names, from the same read: the second finds the setting changed.
        made = secondWaitsForFirst(
                one -> assertThat(SqlAppStore.createNamedBy(one, "demo_app_id", Optional.of("app_d1"), namedApp("3"),
                        new io.seatguard.core.app.StoredSecret("lookup-d3-00", "h3"), Map.of())).isTrue(),
                two -> SqlAppStore.createNamedBy(two, "demo_app_id", Optional.of("app_d1"), namedApp("4"), new io.seatguard.core.app.StoredSecret("lookup-d4-00", "h4"),
                        Map.of()));
        assertThat(made).isFalse();
        assertThat(apps.list()).extracting(io.seatguard.core.app.App::id).containsExactly("app_d1", "app_d3");
        assertThat(apps.setting("demo_app_id")).contains("app_d3");
    }

    /** Two nodes deleting the last two operators of every app at once used to each count two, and leave none. */
    @Test
    void twoNodesDeletingTheLastTwoOperatorsOfEveryAppTogetherLeaveOne() throws Exception {
        SqlOperatorStore operators = new SqlOperatorStore(database);
        operators.create(new io.seatguard.core.operator.Operator("op_1", "one@example.com", "h", T0));
        operators.create(new io.seatguard.core.operator.Operator("op_2", "two@example.com", "h", T0));
        boolean deleted = secondWaitsForFirst(first -> assertThat(SqlOperatorStore.deleteUnlessLastOfEveryApp(first, "op_1")).isTrue(),
                second -> SqlOperatorStore.deleteUnlessLastOfEveryApp(second, "op_2"));
        assertThat(deleted).as("op_2 is the last one now").isFalse();
        assertThat(operators.list()).extracting(io.seatguard.core.operator.Operator::id).containsExactly("op_2");
    }

    /** Two nodes taking a sign-in try at one email at once each counted none, and both tried past a limit of one. */
    @Test
    void twoNodesTakingTheLastSignInTryOfAnEmailTogetherTakeOne() throws Exception {
        Instant hourAgo = T0.minusSeconds(3_600);
        java.util.function.Predicate<io.seatguard.core.operator.OperatorStore.Failures> oneTry = failures -> failures.forEmail() < 1;
        io.seatguard.core.operator.OperatorStore.Reservation second = secondWaitsForFirst(
                first -> assertThat(SqlOperatorStore.reserveAttempt(first, "ops@example.com", "client-1", T0, hourAgo, oneTry).reserved()).isTrue(),
                other -> SqlOperatorStore.reserveAttempt(other, "ops@example.com", "client-2", T0, hourAgo, oneTry));
        assertThat(second.reserved()).as("the first took the email's one try").isFalse();
        assertThat(second.before().forEmail()).isEqualTo(1);
        assertThat(new SqlOperatorStore(database).failures("ops@example.com", "client-2", hourAgo).forEmail()).isEqualTo(1);
    }

    /** Two nodes creating an app's last webhook endpoint at once each found room, and the app had one too many. */
    @Test
    void twoNodesCreatingAnAppsLastWebhookEndpointTogetherCreateOne() throws Exception {
        apps.create(new io.seatguard.core.app.App("app_a", "A", "pk_a", List.of(), T0), new io.seatguard.core.app.StoredSecret("lookup-a-000", "hash-a"));
        List<WebhookEventType> events = List.of(WebhookEventType.EVALUATION_CREATED);
        assertThat(new SqlWebhooks(database).create(new WebhookEndpoint("we_1", "app_a", "https://hooks.example/1", events, "whsec_a", List.of(), T0), 2))
                .isTrue();
        boolean created = secondWaitsForFirst(
                first -> assertThat(SqlWebhooks.create(first, new WebhookEndpoint("we_2", "app_a", "https://hooks.example/2", events, "whsec_b", List.of(), T0),
                        2)).isTrue(),
                second -> SqlWebhooks.create(second, new WebhookEndpoint("we_3", "app_a", "https://hooks.example/3", events, "whsec_c", List.of(), T0), 2));
        assertThat(created).as("the first took the app's last place").isFalse();
        assertThat(new SqlWebhooks(database).list("app_a")).extracting(WebhookEndpoint::id).containsExactly("we_1", "we_2");
    }

    /**
     * Two nodes at once: {@code first} runs on one connection and stays uncommitted while {@code second}
     * starts on another, which must wait for a lock the first holds; then the first commits. Answers
     * what the second answered once it went on.
     */
    private <T> T secondWaitsForFirst(SqlStep<?> first, SqlStep<T> second) throws Exception {
        try (Connection one = rawConnection(); Connection two = rawConnection(); Connection watcher = rawConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            first.on(one);
            CompletableFuture<T> other = CompletableFuture.supplyAsync(() -> {
                try {
                    T answer = second.on(two);
                    two.commit();
                    return answer;
                }
                catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitOneWaitingForALock(watcher);
            one.commit();
            return other.get(10, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface SqlStep<T> {
        T on(Connection connection) throws SQLException;
    }

    private static void awaitOneWaitingForALock(Connection watcher) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (var rows = watcher.createStatement().executeQuery("SELECT COUNT(*) FROM pg_locks WHERE NOT granted")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second node never waited for the first's row");
    }

    @Override
    @AfterEach
    void close() {
        PostgresTestDatabase.closeThenGiveBack(database == null ? null : super::close, postgres);
    }

    /**
     * Dashboard review (fix6): a sign-in on one node while another node changes the operator's password.
     * The change's transaction is held open here after it has ended the operator's sessions; the sign-in,
     * which checked the old password, must wait for it and then open nothing. Before, it inserted its
     * session at once, past the change's deletion, and the session outlived the new password.
     */
    @Test
    void aSignInOnOneNodeWaitsForAPasswordChangeOnAnotherAndOpensNoSession() throws Exception {
        SqlOperatorStore operators = new SqlOperatorStore(database);
        assertThat(operators.create(new io.seatguard.core.operator.Operator("op_pg", "pg@example.com", "hash-old", T0))).isTrue();
        CompletableFuture<Boolean> opened;
        try (Connection otherNode = rawConnection(); java.sql.Statement change = otherNode.createStatement()) {
            otherNode.setAutoCommit(false);
            change.executeUpdate("UPDATE operators SET password_hash = 'hash-new' WHERE id = 'op_pg'");
            change.executeUpdate("DELETE FROM operator_sessions WHERE operator_id = 'op_pg' AND token_hash <> ''");
            int holder;
            try (java.sql.ResultSet row = change.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                holder = row.getInt(1);
            }
            opened = CompletableFuture.supplyAsync(() -> operators.createSession("g".repeat(64), "op_pg", "hash-old", Optional.empty(), "csrf-g", T0, T0.plusSeconds(600)));
            awaitWaitingBehindOrDone(holder, opened);
            otherNode.commit();
        }
        assertThat(opened.get(10, TimeUnit.SECONDS)).as("no session for the old password").isFalse();
        assertThat(operators.session("g".repeat(64), T0)).isEmpty();
    }

    /**
     * Dashboard review (fix5): a sign-in that found two-factor sign-in off, on one node, while another node
     * turned it on for that operator. The other node's write is held open here; the sign-in, which checked
     * no second factor, must wait for it and then open nothing. Before, only the password was rechecked, and
     * the sign-in finished without the code the operator had just made necessary.
     */
    @Test
    void aSignInWithoutASecondFactorOnOneNodeWaitsForTwoFactorTurnedOnOnAnotherAndOpensNoSession() throws Exception {
        SqlOperatorStore operators = new SqlOperatorStore(database);
        assertThat(operators.create(new io.seatguard.core.operator.Operator("op_2f", "twofactor@example.com", "hash", T0))).isTrue();
        CompletableFuture<Boolean> opened;
        try (Connection otherNode = rawConnection(); java.sql.Statement change = otherNode.createStatement()) {
            otherNode.setAutoCommit(false);
            change.executeUpdate("UPDATE operators SET totp_secret = 'JBSWY3DPEHPK3PXP', totp_last_step = 0 WHERE id = 'op_2f'");
            int holder;
            try (java.sql.ResultSet row = change.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                holder = row.getInt(1);
            }
            opened = CompletableFuture.supplyAsync(() -> operators.createSession("h".repeat(64), "op_2f", "hash", Optional.empty(), "csrf-h", T0, T0.plusSeconds(600)));
            awaitWaitingBehindOrDone(holder, opened);
            otherNode.commit();
        }
        assertThat(opened.get(10, TimeUnit.SECONDS)).as("no session without the second factor now on").isFalse();
        assertThat(operators.session("h".repeat(64), T0)).isEmpty();
    }

    /** Waits until a session waits for a lock {@code holderPid} holds, or until {@code write} ended (it went straight through). */
    private void awaitWaitingBehindOrDone(int holderPid, CompletableFuture<?> write) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection watcher = rawConnection();
                java.sql.PreparedStatement query = watcher.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
            query.setInt(1, holderPid);
            while (!write.isDone()) {
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the sign-in waits for the change or ends").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }
}

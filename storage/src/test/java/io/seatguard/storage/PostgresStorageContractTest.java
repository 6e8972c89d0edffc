package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.Seen;
import io.seatguard.core.pattern.PatternDetector;
import io.seatguard.core.pattern.PatternObservation;
import io.seatguard.core.pattern.PatternThresholds;
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

/** The storage contract on the machine's real PostgreSQL, in a schema of its own per test. */
class PostgresStorageContractTest extends StorageContract {
    @TempDir
    Path dataDir;

    private PostgresTestDatabase postgres;

    @Override
    SqlDatabase openDatabase() {
        postgres = PostgresTestDatabase.create();
        return reopenDatabase();
    }

    @Override
    SqlDatabase reopenDatabase() {
        return SqlDatabase.open(StorageSettings.of(postgres.url(), dataDir));
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
     * Two nodes raising one account's pattern at once: each read the old level before the other wrote,
     * and each used to send {@code pattern.flagged}. The second here reads while the first holds its row.
     */
    @Test
    void twoNodesRaisingAPatternTogetherSendItsEventOnce() throws Exception {
        Instant at = Instant.parse("2026-11-01T12:00:00Z");
        new SqlWebhooks(database).create(new WebhookEndpoint("we_p", "app_a", "https://hooks.example/p", List.of(WebhookEventType.PATTERN_FLAGGED),
                "whsec_a", List.of(), at));
        AccountState account = new AccountState(Optional.of(new Seen(at.minus(Duration.ofDays(30)), at)), List.of(), Optional.empty(), Optional.empty());
        List<PatternObservation> observations = new PatternDetector(PatternThresholds.DEFAULTS).observe(Map.of("device_count", 11L), account, at);
        assertThat(observations).isNotEmpty();

        try (Connection first = rawConnection(); Connection second = rawConnection(); Connection watcher = rawConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            SqlPatterns.observe(first, "app_a", "max", observations, at);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try {
                    SqlPatterns.observe(second, "app_a", "max", observations, at.plusSeconds(1));
                    second.commit();
                }
                catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitOneWaitingForALock(watcher);
            first.commit();
            other.get(10, TimeUnit.SECONDS);
        }

        try (Connection read = rawConnection();
                var rows = read.createStatement().executeQuery("SELECT COUNT(*) FROM webhook_messages WHERE app_id = 'app_a'")) {
            rows.next();
            assertThat(rows.getLong(1)).as("one pattern.flagged for the level reached").isEqualTo(1);
        }
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

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }
}

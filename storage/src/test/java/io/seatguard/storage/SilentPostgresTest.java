package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL that accepts connections and never answers (stopped with SIGSTOP, a proxy in front of a
 * dead server): the start gives up within a bounded time, saying why, instead of waiting in the login for
 * ever; and a store whose database falls silent closes within a bounded time too.
 */
class SilentPostgresTest {
    @TempDir
    Path dataDir;

    @Test
    void theStartGivesUpOnAServerThatAcceptsAndNeverAnswers() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                }
                catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/test?user=postgres";
            long started = System.nanoTime();
            CompletableFuture<SqlDatabase> opening = CompletableFuture.supplyAsync(() -> SqlDatabase.open(StorageSettings.of(url, dataDir)));
            assertThatThrownBy(() -> opening.get(60, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the start fails rather than waits")
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .cause().hasMessageContaining("cannot connect to").hasMessageContaining("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("within the pool's start wait and one login").isLessThan(Duration.ofSeconds(30));
            assertThat(held).as("the server was reached: the wait was in the login, not the TCP connect").isNotEmpty();
        }
        finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aStoreWhoseDatabaseFellSilentClosesInBoundedTime() throws Exception {
        try (PostgresTestDatabase schema = PostgresTestDatabase.create(); TcpRelay relay = TcpRelay.to("127.0.0.1", 5432)) {
            String url = schema.url().replace("127.0.0.1:5432", "127.0.0.1:" + relay.port());
            SqlDatabase database = SqlDatabase.open(StorageSettings.of(url, dataDir));
            relay.silence();
            // A read that times out marks the database unreachable: the pools let go of their connections and
            // open new ones, which wait in the login of a server that accepts and never answers.
            assertThatThrownBy(() -> database.read(connection -> JdbcRunner.queryOne(connection, "SELECT 1", row -> row.getInt(1))));
            Thread.sleep(1_000);
            long started = System.nanoTime();
            database.close();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("Closing with a silent database took " + took);
            assertThat(took).as("closing waits out one login at most per pool")
                    .isLessThan(Duration.ofSeconds(3L * SqlDatabase.LOGIN_TIMEOUT_SECONDS));
        }
    }
}

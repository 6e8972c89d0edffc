package io.seatguard.bench;

import io.seatguard.core.identity.DeviceToken;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.SqlDeviceDirectory;
import io.seatguard.storage.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What device resolution's second-install check reads once per session of a token's browser
 * ({@code DeviceResolver.separate}): one device's tokens, from an embedded database of 100,000 devices
 * with two tokens each, through the read pool, a random device each time (mostly cold in the page cache
 * of a real server; here the whole table fits in it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DeviceTokensReadBenchmark {
    private static final int DEVICES = 100_000;

    private Path dataDir;
    private SqlDatabase database;
    private SqlDeviceDirectory directory;

    @Setup
    public void setUp() throws IOException, SQLException {
        dataDir = Files.createTempDirectory("seatguard-jmh-tokens");
        // Opening runs the migrations; the rows are then written straight into the file.
        SqlDatabase.open(StorageSettings.embedded(dataDir)).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(StorageSettings.EMBEDDED_FILE_NAME))) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO device_tokens (app_id, token_hash, device_id, created_at, last_seen, browser_major) VALUES ('app', ?, ?, ?, ?, 130)")) {
                for (int device = 0; device < DEVICES; device++) {
                    for (int token = 0; token < 2; token++) {
                        insert.setString(1, String.format("%060d%04d", device, token));
                        insert.setString(2, "dev-" + device);
                        insert.setLong(3, 1_700_000_000_000L + token * 86_400_000L);
                        insert.setLong(4, 1_700_000_000_000L + 2 * 86_400_000L);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        database = SqlDatabase.open(StorageSettings.embedded(dataDir));
        directory = new SqlDeviceDirectory(database);
    }

    @TearDown
    public void tearDown() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public List<DeviceToken> tokensOfOneDevice() {
        int device = ThreadLocalRandom.current().nextInt(DEVICES);
        return directory.tokens("app", "dev-" + device, String.format("%060d%04d", device, 1));
    }
}

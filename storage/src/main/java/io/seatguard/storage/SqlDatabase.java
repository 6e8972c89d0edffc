package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One open database, embedded SQLite or PostgreSQL, behind the same doors: a pool for reads, the
 * group-commit writer for every write, and for scans over many rows (backtests, dashboard counts) a pool
 * of their own. Opening it applies the one migration history both engines share.
 *
 * <p>SQLite runs in WAL mode so reads never wait for the writer, with {@code synchronous=FULL} so a
 * commit is on disk before it is acknowledged: an answered evaluation survives {@code kill -9} and a
 * power cut alike. On PostgreSQL a background pass keeps the planner's statistics in step with the
 * tables' growth ({@link PostgresStatistics}).
 */
public final class SqlDatabase implements AutoCloseable {
    /**
     * How long a request's reads and the writer's batches wait for PostgreSQL to answer before giving up
     * (503): far longer than any of them takes (the longest delete a thousand rows), and short enough that
     * a silent database does not hold request threads for minutes. Clients give up sooner (the Java SDK
     * after 5 s); a thread held longer serves no one.
     */
    static final int REQUEST_SOCKET_TIMEOUT_SECONDS = 15;
    /** Scans read what a period holds (a backtest's month, the dashboard's counts), which may take minutes. */
    static final int SCAN_SOCKET_TIMEOUT_SECONDS = 600;
    /**
     * How long opening a connection may take, its login included. {@code connectTimeout} bounds the TCP
     * connect only: a PostgreSQL that accepts connections but never answers (stopped with SIGSTOP, a
     * proxy in front of a dead server) held {@code serve} in the login for ever, on the migration pool,
     * whose socket timeout is none (found in review). pgjdbc gives up on the whole connect after this.
     */
    static final int LOGIN_TIMEOUT_SECONDS = 5;
    /** How long the probe of a database whose commit stalled may take for each of its steps ({@link #answers}). */
    static final int PROBE_TIMEOUT_SECONDS = 2;
    /** Zero: no limit. A migration building an index over a large table takes what it takes (its login is bounded: {@link #LOGIN_TIMEOUT_SECONDS}). */
    static final int MIGRATION_SOCKET_TIMEOUT_SECONDS = 0;
    /** Scans are few (an operator's backtest, a dashboard page), so a few connections serve them. */
    static final int SCAN_POOL_SIZE = 3;
    /** A scan queued behind others waits longer for a connection than a request's read does. */
    static final long SCAN_CONNECTION_WAIT_MILLIS = 30_000;
    /**
     * How long a request's read waits for a pooled connection, on either engine, before the request is
     * answered 503: the pool's default, 30 s, held requests (and {@code /readyz}) that long whenever the
     * database was down or every connection was taken.
     */
    static final long READ_CONNECTION_WAIT_MILLIS = 5_000;
    private final DatabaseKind kind;
    private final String description;
    private final HikariDataSource readPool;
    /** Scans' own few connections, waited for longer than a read's; on PostgreSQL with a longer socket timeout too. */
    private final HikariDataSource scanPool;
    private final ReaderGate readers;
    private final GroupCommitWriter writer;
    /** Shared by reads, scans and the writer: one failed connection refuses them all at once until the database answers. */
    private final OutageGate outage;
    /** Held by a server's embedded store ({@link #openForServer}); released last by {@link #close()}. */
    private final Optional<ServingLock> servingLock;
    private final AutoCloseable maintenance;
    private final Supplier<LogRestartStats> logRestarts;
    private final LongAdder reads = new LongAdder();
    private final StorageReadiness readiness = new StorageReadiness(this::isReachable, this::readPoolSaturated);
    /**
     * Set once {@link #close} begins. Closing the pools aborts reads still waiting on the database (a
     * server stopping under a locked table); such a read failed because the store closed, not because the
     * database went away, and must not be logged or counted as an outage.
     */
    private volatile boolean closing;

    private SqlDatabase(DatabaseKind kind, String description, HikariDataSource readPool, HikariDataSource scanPool, ReaderGate readers,
            GroupCommitWriter writer, OutageGate outage, AutoCloseable maintenance, Supplier<LogRestartStats> logRestarts,
            Optional<ServingLock> servingLock) {
        this.kind = kind;
        this.description = description;
        this.readPool = readPool;
        this.scanPool = scanPool;
        this.readers = readers;
        this.writer = writer;
        this.outage = outage;
        this.maintenance = maintenance;
        this.logRestarts = logRestarts;
        this.servingLock = servingLock;
    }

    /**
     * Opens the store for a server. On embedded storage only one server may have it at a time
     * ({@link ServingLock}), held until {@link #close()}; tools that write directly use {@link #open}.
     *
     * @throws IllegalStateException when another server has this embedded database
     */
    public static SqlDatabase openForServer(StorageSettings settings) {
        requireNonNull(settings, "settings is null");
        // The lock first, then the files' permissions: a second server, about to be refused, must not touch
        // the running one's files (it did, and warned about each of them; found in review).
        JdbcTarget target = settings.databaseUrl()
                .map(JdbcTarget::parse)
                .orElseGet(() -> {
                    // Known (or refused: a '?' in the path) before the folder is made.
                    JdbcTarget embedded = JdbcTarget.embedded(settings.dataDir().resolve(StorageSettings.EMBEDDED_FILE_NAME));
                    prepareFolder(settings.dataDir());
                    return embedded;
                });
        Optional<ServingLock> lock = target.sqliteFile().map(ServingLock::acquire);
        try {
            target.sqliteFile().ifPresent(LeftoverWriteAheadLog::refuse);
            target.sqliteFile().ifPresent(file -> ForeignDatabase.refuseFile(target, file));
            if (settings.databaseUrl().isEmpty()) {
                prepareDatabaseFile(target.sqliteFile().orElseThrow());
            }
            return open(target, settings, lock, () -> {});
        }
        catch (Throwable e) {
            // Any failure, an Error too (a thread refused, an initializer that threw): the lock is a file
            // and an entry in a process-wide set, and a lock left held refuses every later start in this process.
            lock.ifPresent(ServingLock::close);
            throw e;
        }
    }

    /** Opens the store the settings point at, making it (the data folder, the file, the tables) when there is none. */
    public static SqlDatabase open(StorageSettings settings) {
        return open(settings, () -> {});
    }

    /**
     * As {@link #open(StorageSettings)}, {@code lastStep} run once everything is made (pools, writer,
     * maintenance), before the store is handed on: a test's way to fail an opening at its very end.
     */
    static SqlDatabase open(StorageSettings settings, Runnable lastStep) {
        JdbcTarget target = target(settings);
        target.sqliteFile().ifPresent(LeftoverWriteAheadLog::refuse);
        return open(target, settings, Optional.empty(), lastStep);
    }

    /**
     * Opens a store a server made, for tools that change it (the {@code operators} commands): settings
     * that point at no such store are refused ({@link ExistingStore}), and nothing is made. A store of an
     * earlier release is migrated forward, as the server's start does: the tool is the newer binary, and
     * its queries need the newer tables.
     *
     * @throws NoStoreException when there is no embedded database file, or the database has no Seatguard tables
     * @throws IllegalArgumentException when the URL is no database URL
     * @throws IllegalStateException when the database cannot be reached, read or migrated
     */
    public static SqlDatabase openExisting(StorageSettings settings) {
        requireNonNull(settings, "settings is null");
        JdbcTarget target = settings.databaseUrl()
                .map(JdbcTarget::parse)
                .orElseGet(() -> JdbcTarget.embedded(settings.dataDir().resolve(StorageSettings.EMBEDDED_FILE_NAME)));
        target.sqliteFile().ifPresent(LeftoverWriteAheadLog::refuse);
        ExistingStore.require(target);
        return open(target, settings, Optional.empty(), () -> {});
    }

    /** Where the settings point: their URL, or the SQLite file in the data folder (made ready here). */
    private static JdbcTarget target(StorageSettings settings) {
        requireNonNull(settings, "settings is null");
        return settings.databaseUrl()
                .map(JdbcTarget::parse)
                .orElseGet(() -> {
                    // Known (or refused: a '?' in the path) before the folder and the file are made.
                    JdbcTarget embedded = JdbcTarget.embedded(settings.dataDir().resolve(StorageSettings.EMBEDDED_FILE_NAME));
                    prepareDataDir(settings.dataDir());
                    return embedded;
                });
    }

    private static SqlDatabase open(JdbcTarget target, StorageSettings settings, Optional<ServingLock> lock, Runnable lastStep) {
        return switch (target.kind()) {
            case SQLITE -> openSqlite(target, settings.readPoolSize(), settings.sqliteSynchronous(), lock, lastStep);
            case POSTGRESQL -> openPostgres(target, settings.readPoolSize(), lastStep);
        };
    }

    /** The data folder ({@code 0700} when made here) and the database file ({@code 0600}): see {@link PrivateFiles}. */
    private static Path prepareDataDir(Path dataDir) {
        Path folder = prepareFolder(dataDir);
        prepareDatabaseFile(folder.resolve(StorageSettings.EMBEDDED_FILE_NAME));
        return folder;
    }

    private static Path prepareFolder(Path dataDir) {
        try {
            return PrivateFiles.folder(dataDir);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot create the data folder " + dataDir.toAbsolutePath() + ": " + FileProblems.reason(e), e);
        }
    }

    private static void prepareDatabaseFile(Path file) {
        try {
            PrivateFiles.database(file);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot create the database file " + file + ": " + FileProblems.reason(e), e);
        }
    }

    private static SqlDatabase openSqlite(JdbcTarget target, int readPoolSize, SqliteSynchronous synchronous, Optional<ServingLock> lock,
            Runnable lastStep) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous.name()));
        config.setBusyTimeout(10_000);
        // Each connection's default page cache is 2 MB; under load most reads then went to the OS and
        // were decoded again (a profile showed reads as 40% of CPU). Memory-mapping the file measured
        // slower here, so it stays off.
        config.setCacheSize(-32_768);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // The driver otherwise prepares and runs "SELECT last_insert_rowid()" after every INSERT so that
        // getGeneratedKeys() could answer; nothing here asks for generated keys, and a profile put that
        // at 13 % of the single writer thread's CPU.
        config.setGetGeneratedKeys(false);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(target.jdbcUrl());

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("seatguard-sqlite-read");
        pool.setDataSource(sqlite);
        // A SQLite connection never goes stale, and keeping it keeps its prepared statements (StatementCache).
        pool.setMaxLifetime(0);
        pool.setMaximumPoolSize(readPoolSize);
        // As on PostgreSQL: Hikari's default, 30 s, held a request (and its thread) six times as long
        // before its 503 whenever every read connection was taken (found in review).
        pool.setConnectionTimeout(READ_CONNECTION_WAIT_MILLIS);
        try (PartlyOpened opening = new PartlyOpened()) {
            HikariDataSource readPool = opening.add(new HikariDataSource(pool));
            migrate(readPool, target);
            HikariDataSource scanPool = opening.add(sqliteScanPool(sqlite));
            // A SQLite connection does not die with a network; keeping it keeps its statements and page cache.
            OutageGate outage = OutageGate.forEmbeddedDatabase();
            GroupCommitWriter writer = opening.add(sqliteWriter(sqlite, outage));
            String description = synchronous == SqliteSynchronous.FULL ? target.description()
                    : target.description() + " (synchronous=" + synchronous.name().toLowerCase(java.util.Locale.ROOT)
                            + ": commits survive a crash of Seatguard, not of the machine)";
            ReaderGate readers = new ReaderGate();
            SqliteCheckpointer checkpointer = opening.add(new SqliteCheckpointer(readPool, readers, writer));
            lastStep.run();
            SqlDatabase database = new SqlDatabase(DatabaseKind.SQLITE, description, readPool, scanPool, readers, writer, outage, checkpointer,
                    checkpointer::stats, lock);
            opening.handedOn();
            return database;
        }
    }

    private static GroupCommitWriter sqliteWriter(SQLiteDataSource sqlite, OutageGate outage) {
        return new GroupCommitWriter("seatguard-sqlite-writer", DatabaseKind.SQLITE, () -> {
            Connection connection = sqlite.getConnection();
            try (var statement = connection.createStatement()) {
                // Checkpoints run on SqliteCheckpointer's thread; the writer's own is only a safety valve.
                statement.execute("PRAGMA wal_autocheckpoint=" + SqliteCheckpointer.WRITER_FALLBACK_PAGES);
                // After the log restarts, shrink its file back rather than keep its peak size on disk; the limit
                // is above the restart size, so a log restarted on time keeps its file (no truncation and
                // regrowth every cycle).
                statement.execute("PRAGMA journal_size_limit=" + SqliteCheckpointer.LOG_FILE_LIMIT_BYTES);
                // A page split or merge leaves copies of the rows it moved in the page's unused space, where an
                // erasure's secure delete cannot reach them (SecureDelete): fast secure delete zeroes them, and
                // deleted cells, inside pages being written anyway, at no cost in I/O.
                statement.execute("PRAGMA secure_delete=" + SecureDelete.WRITER_DEFAULT);
            }
            return connection;
        }, outage, Duration.ZERO, StallJudge.silenceAlways());
    }

    /**
     * Scans' own connections to the SQLite file, as on PostgreSQL. Why not the read pool, as before: a scan
     * may wait longer for a connection ({@link #SCAN_CONNECTION_WAIT_MILLIS}) than a request's read may,
     * and Hikari sets one wait per pool (HikariDataSource has no getConnection with a timeout); a scan
     * running for minutes no longer holds a request's connection either. Idle ones are closed: most of the
     * time nothing scans.
     */
    private static HikariDataSource sqliteScanPool(SQLiteDataSource sqlite) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("seatguard-sqlite-scan");
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(SCAN_POOL_SIZE);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(SCAN_CONNECTION_WAIT_MILLIS);
        return new HikariDataSource(pool);
    }

    private static SqlDatabase openPostgres(JdbcTarget target, int readPoolSize, Runnable lastStep) {
        migratePostgres(target);
        try (PartlyOpened opening = new PartlyOpened()) {
            HikariDataSource readPool = opening.add(postgresPool(target, "seatguard-postgres-read", readPoolSize, readPoolSize,
                    REQUEST_SOCKET_TIMEOUT_SECONDS, READ_CONNECTION_WAIT_MILLIS));
            // Idle connections are closed: most of the time nothing scans.
            HikariDataSource scanPool = opening.add(postgresPool(target, "seatguard-postgres-scan", SCAN_POOL_SIZE, 0, SCAN_SOCKET_TIMEOUT_SECONDS,
                    SCAN_CONNECTION_WAIT_MILLIS));
            OutageGate outage = OutageGate.forDatabase(() -> {
                letGo(readPool);
                letGo(scanPool);
            });
            GroupCommitWriter writer = opening.add(new GroupCommitWriter("seatguard-postgres-writer", DatabaseKind.POSTGRESQL,
                    () -> DriverManager.getConnection(target.jdbcUrl(), connectionProperties(target, REQUEST_SOCKET_TIMEOUT_SECONDS)), outage,
                    GroupCommitWriter.POSTGRES_STALL_LIMIT, new StallJudge(() -> answers(target))));
            PostgresStatistics statistics = opening.add(PostgresStatistics.start(scanPool));
            lastStep.run();
            SqlDatabase database = new SqlDatabase(DatabaseKind.POSTGRESQL, target.description(), readPool, scanPool, ReaderGate.UNTRACKED, writer,
                    outage, statistics, () -> LogRestartStats.NONE, Optional.empty());
            opening.handedOn();
            return database;
        }
    }

    /**
     * Whether PostgreSQL answers {@code SELECT 1} on a new connection within {@link #PROBE_TIMEOUT_SECONDS}
     * (connect, login and answer each): asked when a commit has gone unanswered past the stall limit, to
     * tell a busy database from a silent one ({@link StallJudge}). A new connection, since the pools' may
     * all be taken by the load that made the commit slow.
     */
    static boolean answers(JdbcTarget target) {
        Properties properties = connectionProperties(target, PROBE_TIMEOUT_SECONDS);
        properties.setProperty("connectTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), properties);
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        }
        catch (SQLException e) {
            return false;
        }
    }

    /** Closes the pool's idle connections now and the others when they come back; new ones are opened as needed. */
    private static void letGo(HikariDataSource pool) {
        var bean = pool.getHikariPoolMXBean();
        if (bean != null) {
            bean.softEvictConnections();
        }
    }

    /**
     * Migrates on connections of their own, without the socket timeout every other connection has, and
     * with a lock timeout no other connection has ({@link MigrationLocks}).
     */
    private static void migratePostgres(JdbcTarget target) {
        HikariConfig pool = postgresConfig(target, "seatguard-postgres-migrate", 2, 1, MIGRATION_SOCKET_TIMEOUT_SECONDS, READ_CONNECTION_WAIT_MILLIS);
        pool.setConnectionInitSql(MigrationLocks.POSTGRES_SESSION_SQL);
        try (HikariDataSource migrations = startPool(pool, target)) {
            migrate(migrations, target);
        }
    }

    private static HikariDataSource postgresPool(JdbcTarget target, String name, int size, int idle, int socketTimeoutSeconds,
            long connectionWaitMillis) {
        return startPool(postgresConfig(target, name, size, idle, socketTimeoutSeconds, connectionWaitMillis), target);
    }

    private static HikariConfig postgresConfig(JdbcTarget target, String name, int size, int idle, int socketTimeoutSeconds,
            long connectionWaitMillis) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(name);
        pool.setJdbcUrl(target.jdbcUrl());
        pool.setDataSourceProperties(connectionProperties(target, socketTimeoutSeconds));
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(idle);
        pool.setConnectionTimeout(connectionWaitMillis);
        pool.setInitializationFailTimeout(10_000);
        return pool;
    }

    private static HikariDataSource startPool(HikariConfig pool, JdbcTarget target) {
        try {
            return new HikariDataSource(pool);
        }
        catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to " + target.description() + ": " + ConnectFailure.describe(e), e);
        }
    }

    /**
     * Every PostgreSQL connection gives up on a silent server after its socket timeout: without one a
     * half-open connection (a failover, a dropped route) would hold the only writer, or a request's read,
     * for the kernel's quarter of an hour, every write failing and request threads piling up meanwhile
     * (PostgresOutageTest). Settings in the operator's URL win, for every connection.
     */
    static Properties connectionProperties(JdbcTarget target, int socketTimeoutSeconds) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(socketTimeoutSeconds));
        properties.setProperty("tcpKeepAlive", "true");
        properties.putAll(target.properties());
        return properties;
    }

    private static void migrate(HikariDataSource pool, JdbcTarget target) {
        try (Connection connection = pool.getConnection()) {
            ForeignDatabase.refuse(connection, target);
        }
        catch (SQLException | RuntimeException e) {
            pool.close();
            if (e instanceof NoStoreException refused) {
                throw refused;
            }
            throw new IllegalStateException("cannot migrate " + target.description() + ": " + rootMessage(e), e);
        }
        Flyway flyway = null;
        try {
            flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    // Migrations of a later release are not an error: a node rolled back, or one of the older
                    // version restarting during a rolling upgrade, must start on the database a newer one
                    // migrated (MigrationsTest). Flyway's default too, said here so that it stays.
                    .ignoreMigrationPatterns("*:future")
                    .load();
            flyway.migrate();
        }
        catch (RuntimeException e) {
            // Said before the pool closes: naming the migration that waited reads the history.
            String reason = (flyway == null ? Optional.<String>empty() : MigrationLocks.describe(e, flyway, target.kind()))
                    .orElseGet(() -> rootMessage(e));
            pool.close();
            throw new IllegalStateException("cannot migrate " + target.description() + ": " + reason, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** Where the data is, safe to log (passwords masked). */
    public String description() {
        return description;
    }

    /**
     * Runs a read on a pooled connection in auto-commit mode. The read passes the {@link ReaderGate}
     * before it borrows a connection, so a read held back holds no connection either.
     */
    <T> T read(GroupCommitWriter.Task<T> task) {
        try (OutageGate.Permit permit = outage.enter()) {
            reads.increment();
            readers.enter();
            try {
                return run(readPool, task, permit);
            }
            finally {
                readers.exit();
            }
        }
    }

    /**
     * Runs a scan: a read of a whole period's rows for an operator (a backtest, the dashboard's counts),
     * which may take longer than a request's read is allowed to and must not take its connections.
     */
    <T> T scan(GroupCommitWriter.Task<T> task) {
        try (OutageGate.Permit permit = outage.enter()) {
            reads.increment();
            // On SQLite a scan holds a snapshot of the log as a read does, so the checkpointer waits for it too.
            readers.enter();
            try {
                return run(scanPool, task, permit);
            }
            finally {
                readers.exit();
            }
        }
    }

    /** Runs the task; the probe of a closed gate first makes sure the database answers (see {@link OutageGate#confirm}). */
    private <T> T run(HikariDataSource pool, GroupCommitWriter.Task<T> task, OutageGate.Permit permit) {
        try (Connection connection = pool.getConnection()) {
            if (permit.isProbe()) {
                outage.confirm(connection);
            }
            return task.run(connection);
        }
        catch (SQLException e) {
            if (closing) {
                throw new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage is shutting down", List.of(), e);
            }
            outage.failed(e);
            throw new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage read failed", List.of(), e);
        }
    }

    /** Runs a write in the next group commit and returns once it is durable. */
    <T> T write(GroupCommitWriter.Task<T> task) {
        return writer.execute(task);
    }

    /**
     * Runs a write in the next group commit, its keyed statements with the batch's others in one order
     * ({@link GroupCommitWriter#executeOrdered}), and returns once it is durable.
     */
    <T> T writeOrdered(String order, GroupCommitWriter.OrderedTask<T> task) {
        return writer.executeOrdered(order, task);
    }

    /** The writer itself, for tests that line up its batches. */
    GroupCommitWriter writer() {
        return writer;
    }

    /**
     * Reads sent to the database since start, for metrics: on embedded storage, what the caches in front
     * of it did not answer.
     */
    public long reads() {
        return reads.sum();
    }

    /** The writer's counts since start, for metrics. */
    public WriterStats writerStats() {
        return writer.stats();
    }

    /** Times the database was found unreachable since start, and the calls refused at once meanwhile, for metrics. */
    public OutageStats outageStats() {
        return outage.stats();
    }

    /** SQLite's log restarts since start, for metrics; zero on PostgreSQL. */
    public LogRestartStats logRestartStats() {
        return logRestarts.get();
    }

    /**
     * Storage as {@code /readyz} reports it, within {@link StorageReadiness#BUDGET} however long the check
     * waits for a connection or an answer.
     */
    public StorageReadiness.State readiness() {
        return readiness.state();
    }

    /**
     * Every read connection is taken (none idle, the pool at its size) while the database is not known to be
     * unreachable. Why the gate too: while it is closed the readiness check is, once a second, the gate's
     * probe, and waits for a connection like any read; reads stuck on the silent database (up to their socket
     * timeout) keep the pool full, and "saturated" then said ready while every request was refused 503.
     */
    private boolean readPoolSaturated() {
        if (outage.isClosed()) {
            return false;
        }
        var bean = readPool.getHikariPoolMXBean();
        return bean != null && bean.getIdleConnections() == 0 && bean.getActiveConnections() >= readPool.getMaximumPoolSize();
    }

    /** Whether the database answers a trivial query now; may wait for a pooled connection ({@link #readiness} does not). */
    public boolean isReachable() {
        try (OutageGate.Permit permit = outage.enter(); Connection connection = readPool.getConnection()) {
            outage.confirm(connection);
            return true;
        }
        catch (SQLException e) {
            // A check the close cut off (its wait for a connection, its query) says nothing of the database,
            // as a read's does not (run): not logged and counted as an outage while the server stops.
            if (!closing) {
                outage.failed(e);
            }
            return false;
        }
        catch (SeatguardException refused) {
            // Known to be unreachable, and not this call's turn to try.
            return false;
        }
    }

    @Override
    public void close() {
        closing = true;
        // Maintenance first: SQLite's checkpointer hands work to the writer, which must still be open.
        try {
            maintenance.close();
        }
        catch (Exception e) {
            throw new IllegalStateException("closing storage maintenance failed", e);
        }
        finally {
            writer.close();
            PoolClosing.close(readPool);
            PoolClosing.close(scanPool);
            // Last: the next server may start once this one has committed and closed everything.
            servingLock.ifPresent(ServingLock::close);
        }
    }
}

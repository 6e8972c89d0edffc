package io.seatguard.server.config;

import io.seatguard.storage.DatabaseKind;
import io.seatguard.storage.JdbcTarget;
import java.util.Optional;

/**
 * A {@code jdbc:sqlite:} database URL that names no file by its path ({@code :memory:}, a {@code file:}
 * URI, nothing) cannot hold a store: each connection of the pool opens an in-memory database of its own,
 * so the start's migrations went to one and the writer's first statement failed on another ("no such
 * table: settings", a stack trace, exit status 1), and a {@code file:} URI escapes the one-server lock
 * and the start's checks, which go by the file's path. {@code serve} and the {@code operators} commands
 * refuse it as a bad setting, as {@code backup} already did.
 */
public final class SqliteUrl {
    private SqliteUrl() {}

    /** Why {@code url} cannot name a store, when it is a SQLite URL without a file path; empty otherwise (and for a URL that is none). */
    public static Optional<String> fault(String url) {
        JdbcTarget target;
        try {
            target = JdbcTarget.parse(url);
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (target.kind() != DatabaseKind.SQLITE || target.sqliteFile().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(url + " names no SQLite file by its path; name the file as jdbc:sqlite:/path/seatguard.db");
    }
}

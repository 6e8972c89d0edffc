package io.seatguard.storage;

/** The two engines one SQL code path serves. */
public enum DatabaseKind {
    SQLITE,
    POSTGRESQL
}

package io.seatguard.server;

/**
 * Every bad-input case on PostgreSQL, the real server on the machine: text PostgreSQL cannot store (a
 * NUL) or SQL that reads differently there must still be a 4xx naming the field, never a storage error.
 */
class BadInputOnPostgresTest extends BadInputTest {
    @Override
    TestServer.Store store() {
        return TestServer.Store.POSTGRESQL;
    }
}

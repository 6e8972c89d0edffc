package io.seatguard.core.operator;

import java.time.Instant;
import java.util.Optional;

/** Port: operators, their sign-in failures, and their dashboard sessions. */
public interface OperatorStore {
    /** False when the email is taken. */
    boolean create(Operator operator);

    Optional<Operator> findByEmail(String email);

    Optional<Operator> findById(String id);

    long count();

    /** Every operator, by email. */
    java.util.List<Operator> list();

    /**
     * Deletes the operator and their sessions, unless they are the last operator of every app (someone
     * must be able to manage apps). False when nothing was deleted.
     */
    boolean deleteUnlessLastOfEveryApp(String id);

    /** Failed sign-ins of this email from this address since {@code since}. */
    int failures(String email, String clientKey, Instant since);

    void recordFailure(String email, String clientKey, Instant at);

    void clearFailures(String email, String clientKey);

    void createSession(String tokenHash, String operatorId, String csrfToken, Instant createdAt, Instant expiresAt);

    /** The session's operator id and CSRF token, while it has not expired. */
    Optional<Session> session(String tokenHash, Instant now);

    void deleteSession(String tokenHash);

    /** A live dashboard session. */
    record Session(String operatorId, String csrfToken) {}
}

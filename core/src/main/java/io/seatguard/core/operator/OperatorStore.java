package io.seatguard.core.operator;

import java.time.Instant;
import java.util.Optional;

/** Port: operators, their sign-in failures, and their dashboard sessions. */
public interface OperatorStore {
    /**
     * The most characters an operator's app ids may take, joined by commas: the store keeps them so, in a
     * column of this size (V13), which PostgreSQL enforces. About 190 apps of today's 20-character ids.
     */
    int MAX_APP_IDS_LENGTH = 4000;

    /** False when the email is taken. */
    boolean create(Operator operator);

    Optional<Operator> findByEmail(String email);

    Optional<Operator> findById(String id);

    long count();

    /** Every operator, by email. */
    java.util.List<Operator> list();

    /**
     * Deletes the operator and their sessions, unless they are the last operator who manages every app
     * (of every app and not read-only: someone must be able to manage apps and operators). False when
     * nothing was deleted.
     */
    boolean deleteUnlessLastOfEveryApp(String id);

    /**
     * Failed sign-ins since {@code since}: of this email from this client, of this email from every client,
     * and of every email from this client.
     */
    Failures failures(String email, String clientKey, Instant since);

    /**
     * Reserves a sign-in try: reads {@link #failures} and, if {@code mayTry} allows a try after them,
     * records a failure at {@code at}, all in one write. The try counts as failed from before its
     * password is checked (a right one clears it), so two tries at once can never both pass on a count
     * that misses the other.
     */
    Reservation reserveAttempt(String email, String clientKey, Instant at, Instant since, java.util.function.Predicate<Failures> mayTry);

    /**
     * Gives back a try {@link #reserveAttempt} recorded at {@code at} whose password was never checked (the
     * hasher had no turn for it): one failure of this email from this client at that instant goes.
     */
    void releaseAttempt(String email, String clientKey, Instant at);

    /** Forgets this client's failed sign-ins of this email (after a right password). */
    void clearFailures(String email, String clientKey);

    /** Forgets every client's failed sign-ins of this email (a password set anew on the store). */
    void clearFailures(String email);

    /**
     * Opens a session for the operator, only while their password hash is still {@code checkedPasswordHash}
     * and their two-factor secret still {@code checkedTotpSecret} (the ones the sign-in checked; empty: off),
     * in one write that locks the operator's row: false, and nothing stored, when the operator was removed,
     * their password replaced or their two-factor sign-in turned on or changed since. A sign-in whose
     * password was being checked while {@link #replacePassword} or {@link #deleteUnlessLastOfEveryApp} ended
     * every session of theirs would otherwise open one after, which nothing ends; and one that found
     * two-factor sign-in off just before {@link #setTotpSecret} turned it on would open one without the code.
     */
    default boolean createSession(String tokenHash, String operatorId, String checkedPasswordHash, Optional<String> checkedTotpSecret, String csrfToken,
            Instant createdAt, Instant expiresAt) {
        return createSession(tokenHash, operatorId, checkedPasswordHash, checkedTotpSecret, Optional.empty(), csrfToken, createdAt, expiresAt);
    }

    /**
     * As above, and when {@code recoveryCodeHash} is given, only while that recovery code is still theirs,
     * using it up in the same write (false, and nothing stored or used, when it is not). A code taken in a
     * write of its own before the session's let a sign-in with a code that {@link #replaceRecoveryCodes}
     * replaced in between open a session after that change had ended every session: one opened with a
     * replaced code, which nothing ends.
     */
    boolean createSession(String tokenHash, String operatorId, String checkedPasswordHash, Optional<String> checkedTotpSecret,
            Optional<String> recoveryCodeHash, String csrfToken, Instant createdAt, Instant expiresAt);

    /** The session's operator id and CSRF token, while it has not expired. */
    Optional<Session> session(String tokenHash, Instant now);

    void deleteSession(String tokenHash);

    /**
     * Replaces the operator's password hash and ends every session of theirs but {@code keptSessionHash}
     * (the one that changed it), in one write. False when there is no such operator.
     */
    boolean replacePassword(String operatorId, String passwordHash, String keptSessionHash);

    /** The operator's two-factor secret, when they turned it on. */
    Optional<String> totpSecret(String operatorId);

    /**
     * Turns two-factor sign-in on with {@code secret} and these recovery codes, or off when empty (and the
     * codes then empty too), in one write; earlier codes are gone. The last step used is kept, either way:
     * steps are the clock's, so a new secret's codes are past it, while the same secret turned off and on
     * again (or on again while on) with a code of the step before made a code just used to sign in good again.
     * Turning it on ends every session of the operator in that same write: those were opened without the
     * new factor, and two writes left them alive when the node stopped between them.
     */
    default void setTotpSecret(String operatorId, Optional<String> secret, java.util.List<String> recoveryCodeHashes) {
        setTotpSecret(operatorId, secret, recoveryCodeHashes, 0);
    }

    /**
     * As above, with the time step {@code usedStep} taken as used in the same write (0: none), as
     * {@link #useTotpStep} would (a step used before it stays the last one): the code that proved the app holds a new secret then signs no one in. A
     * write of its own after this one left that code good for a sign-in when the node stopped between the
     * two, and a failure of the second answered the operator with an error while two-factor sign-in was on
     * with recovery codes they were never shown.
     */
    void setTotpSecret(String operatorId, Optional<String> secret, java.util.List<String> recoveryCodeHashes, long usedStep);

    /**
     * Replaces the operator's recovery codes, while two-factor sign-in is on, and ends every session of
     * theirs (one may have been opened with a code now replaced) in the same write: false, and nothing
     * changed, when it is off.
     */
    boolean replaceRecoveryCodes(String operatorId, java.util.List<String> recoveryCodeHashes);

    /** How many recovery codes the operator has not used. */
    int recoveryCodesLeft(String operatorId);

    /**
     * Takes a code's time step as used, if it is later than the last one used: false for a code used
     * before (or an older one), so a code works once. One conditional write, so two sign-ins with the
     * same code at once cannot both pass.
     */
    boolean useTotpStep(String operatorId, long step);

    /** A live dashboard session. */
    record Session(String operatorId, String csrfToken) {}

    /**
     * Recent failed sign-ins of one email: from one client (and when its latest was), and from every
     * client (and when the oldest still counted was); and that client's of every email (and when the
     * oldest still counted was).
     */
    record Failures(int fromClient, int forEmail, java.util.Optional<Instant> latestFromClient, java.util.Optional<Instant> oldestForEmail,
            int fromClientOfAnyEmail, java.util.Optional<Instant> oldestFromClientOfAnyEmail) {
        public static final Failures NONE = new Failures(0, 0, java.util.Optional.empty(), java.util.Optional.empty(), 0, java.util.Optional.empty());
    }

    /** Whether a try was recorded, and the failures counted before it. */
    record Reservation(boolean reserved, Failures before) {}
}

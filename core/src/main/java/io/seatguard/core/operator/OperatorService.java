package io.seatguard.core.operator;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.evaluation.EmailAddresses;
import io.seatguard.core.ids.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;

/** Operators: creating them, signing them in (with back-off), and their sessions. */
public final class OperatorService {
    public static final Duration SESSION_LENGTH = Duration.ofHours(12);
    static final int MIN_PASSWORD = 12;
    /**
     * The session a new password keeps: none, on the store's reset and the operator's own change alike (no
     * session's hash is empty, they are SHA-256 hex); the change then opens the browser a new one.
     */
    private static final String NO_SESSION = "";
    /**
     * The email a server's first start gives the operator it makes when the store has none who manages
     * every app. Kept for such an operator ({@link #checkNew}): one who manages nothing, made under it
     * before that start, took it from the start's own, which then made none.
     */
    public static final String FIRST_START_EMAIL = "admin@seatguard.local";
    /** How many recovery codes an operator is given at a time. */
    public static final int RECOVERY_CODES = RecoveryCodes.COUNT;

    /** A signed-in operator's new session: the cookie token (shown to the browser only) and its CSRF token. */
    public record NewSession(String token, String csrfToken, Instant expiresAt) {}

    /** The outcome of a sign-in: a session, or how long to wait first. */
    public sealed interface SignIn {
        record Granted(Operator operator, NewSession session) implements SignIn {}

        record Refused() implements SignIn {}

        /** @param everywhere whether the email itself waits (its ceiling), not only this client */
        record Wait(Duration retryAfter, boolean everywhere) implements SignIn {}
    }

    /**
     * A change to two-factor sign-in: refused for the back-off (nothing changed), or made, with the new
     * recovery codes to show the operator this once (they are kept only as hashes), and, when the change
     * ended the operator's sessions (turning it on, new recovery codes), the new session of the browser
     * that made it (empty when none could be opened: the password or second factor changed again meanwhile).
     */
    public record TwoFactorChange(Optional<SignIn.Wait> backOff, java.util.List<String> recoveryCodes, Optional<NewSession> session) {
        static TwoFactorChange waiting(SignIn.Wait wait) {
            return new TwoFactorChange(Optional.of(wait), java.util.List.of(), Optional.empty());
        }
    }

    private final OperatorStore store;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final InstantSource clock;
    private final OneTimeCodes codes;

    /** Without one-time codes: for tools that add operators, never sign anyone in with two factors. */
    public OperatorService(OperatorStore store, PasswordHasher hasher, IdGenerator ids, InstantSource clock) {
        this(store, hasher, ids, clock, null);
    }

    /** @param codes checks authenticator codes of operators who turned two-factor sign-in on */
    public OperatorService(OperatorStore store, PasswordHasher hasher, IdGenerator ids, InstantSource clock, OneTimeCodes codes) {
        this.store = requireNonNull(store, "store is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.codes = codes;
    }

    public Operator create(String email, String password) {
        return create(email, password, Optional.empty());
    }

    /** An operator of only {@code apps} when given (a non-empty set of existing app ids, checked by the caller). */
    public Operator create(String email, String password, Optional<java.util.Set<String>> apps) {
        return create(email, password, apps, false);
    }

    /** @param readOnly sees the pages of {@code apps} (every app when empty) and changes nothing but their own password */
    public Operator create(String email, String password, Optional<java.util.Set<String>> apps, boolean readOnly) {
        Operator operator = newOperator(email, password, apps, readOnly);
        // The store's unique email refuses the other spelling of a domain (both are stored in A-labels); one
        // made under an earlier release may be stored under its U-labels, which only a lookup finds.
        if (findByEmail(email).isPresent() || !store.create(operator)) {
            throw new SeatguardException(ErrorCode.NAME_TAKEN, "an operator with this email exists",
                    java.util.List.of(new io.seatguard.core.error.FieldError("email", "is already an operator")));
        }
        return operator;
    }

    /**
     * A new operator of every app, checked as {@link #create} checks it and with its password hashed, but
     * not stored: for a caller that stores it with other things in one transaction (a first start).
     */
    public Operator newOperator(String email, String password) {
        return newOperator(email, password, Optional.empty(), false);
    }

    private Operator newOperator(String email, String password, Optional<java.util.Set<String>> apps, boolean readOnly) {
        checkNew(email, password, apps, readOnly);
        return new Operator("op_" + ids.newSecret(16), OperatorEmails.normalized(email), hasher.hash(password), clock.instant(), apps, readOnly);
    }

    /**
     * What {@link #create} refuses without asking the store, as a {@code SeatguardException} naming each
     * field: for a caller that should find out before it opens (or makes) a store.
     */
    public static void checkNew(String email, String password, Optional<java.util.Set<String>> apps, boolean readOnly) {
        FieldErrors errors = new FieldErrors();
        String normalized = OperatorEmails.normalized(email);
        // The rule evaluate holds emails to: no quotes, brackets, spaces or control characters, which
        // every page and command that shows the email would otherwise have to survive. Checked only
        // here, when an operator is made: one stored under an earlier, looser rule still signs in. Judged,
        // as evaluate judges it, with the domain in A-labels: ana@exämple.com is ana@xn--exmple-cua.com.
        if (!EmailAddresses.isMailbox(normalized)) {
            errors.add("email", "must be an email address");
        }
        // The first start makes its operator under this email while nobody manages every app; taken by one
        // who manages nothing (provisioned before that start), it made none, and nobody could add apps or
        // operators. An operator who manages every app may have it: the first start then makes none anyway.
        else if (normalized.equals(FIRST_START_EMAIL) && (readOnly || apps.isPresent())) {
            errors.add("email", "is kept for an operator who manages every app (the first start makes its own under " + FIRST_START_EMAIL
                    + "); choose another for one who is read-only or limited to apps");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 1024) {
            errors.add("password", "must be " + MIN_PASSWORD + " to 1024 characters");
        }
        if (apps.isPresent() && apps.get().isEmpty()) {
            errors.add("apps", "must name at least one app when given");
        }
        else if (apps.isPresent() && String.join(",", apps.get()).length() > OperatorStore.MAX_APP_IDS_LENGTH) {
            errors.add("apps", "must be at most " + OperatorStore.MAX_APP_IDS_LENGTH
                    + " characters of app ids joined by commas (about 190 apps); name none for every app");
        }
        errors.throwIfAny();
    }

    public java.util.List<Operator> list() {
        return store.list();
    }

    /**
     * The operator with this email however its domain is typed (U-labels or A-labels, any case), whether
     * stored today (A-labels) or under an earlier release's rule ({@link OperatorEmails#spellings}).
     */
    public Optional<Operator> findByEmail(String email) {
        for (String spelling : OperatorEmails.spellings(email)) {
            Optional<Operator> found = store.findByEmail(spelling);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The form an operator's email is stored in when made today: stripped, in lower case, its domain in A-labels. */
    public static String normalizedEmail(String email) {
        return OperatorEmails.normalized(email);
    }

    /**
     * Removes an operator and signs them out everywhere. Refused for oneself, and for the last operator
     * of every app ({@code ./seatguard operators create} on the store is the way back in any case).
     */
    public void delete(Operator actor, String id) {
        if (actor.id().equals(id)) {
            throw SeatguardException.invalid("operator", "you cannot remove yourself");
        }
        if (store.findById(id).isEmpty()) {
            throw SeatguardException.notFound("operator " + id);
        }
        if (!store.deleteUnlessLastOfEveryApp(id)) {
            throw new SeatguardException(ErrorCode.IN_USE, "the last operator who manages every app cannot be removed",
                    java.util.List.of(new io.seatguard.core.error.FieldError("operator", "is the last operator who manages every app")));
        }
    }

    /**
     * Whether the store has an operator who manages every app (not limited to apps, not read-only): the one
     * the last-operator rule of {@link #delete} keeps. One provisioned before the first start who manages
     * nothing does not count, or that start made no operator who could add apps or operators.
     */
    public boolean anyOperatorOfEveryApp() {
        return store.list().stream().anyMatch(operator -> operator.allApps() && !operator.readOnly());
    }

    /**
     * Checks the password; after {@link SignInLockout#FREE_TRIES} failures from one client for one email
     * within the hour, asks that client to wait, and after {@link SignInLockout#EMAIL_CEILING} from all
     * clients, every client; after {@link SignInLockout#CLIENT_CEILING} from one client of any emails, that
     * client, whatever email it tries. An unknown email costs the same hash as a known one.
     *
     * <p>The try is reserved before the password is hashed: counted as a failure in the same write that
     * reads the count ({@link OperatorStore#reserveAttempt}), and cleared by a right password. Reading
     * the count, hashing, then recording let thirty tries sent at once all be checked. That write is
     * conditional in the store rather than a lock here: every write of a node goes through its one
     * writer, so on a node the count and the record cannot interleave with another try's, and the count
     * lives where every node reads it. A try the hasher had no turn for ({@code rate_limited}: too many
     * passwords being checked at once) is given back ({@link OperatorStore#releaseAttempt}) and counts for
     * nobody: no password was checked, so nothing was guessed, and counting it let a flood of other
     * sign-ins, which kept the hasher busy, run an operator's own right password into their back-off.
     *
     * <p>Besides the email's back-off from this client, the client's ceiling of failures of any emails
     * ({@link SignInLockout#CLIENT_CEILING}) is met before any hash: one client trying a new email each
     * time cannot keep the hasher busy for everybody. Across PostgreSQL nodes that ceiling, read without
     * a lock of its own, may let one more try per node through at once; it bounds hashing, not guessing,
     * which each email's count (read under its lock) still bounds exactly.
     *
     * <p>An email no operator could have ({@link OperatorEmails}: not an email address, or longer than
     * any operator's) is refused at once, nothing read, hashed or written, and counts toward no back-off.
     * The back-off bounds passwords checked, and none is checked for it: the answer is the wrong
     * password's whatever is typed, so it tells the client nothing it did not know, while counting it
     * would store what an anonymous client typed (a new email is a new bucket) and cost a write each.
     *
     * @param clientKey the client's {@link io.seatguard.core.net.IpAddresses#clientKey}
     */
    public SignIn signIn(String email, String password, String clientKey) {
        return signIn(email, password, "", clientKey);
    }

    /**
     * As {@link #signIn(String, String, String)}, and for an operator who turned two-factor sign-in on,
     * the authenticator's code too, or one of their recovery codes: a wrong or reused code is refused like
     * a wrong password (and counted as one), and the answer does not say which of the two was wrong.
     */
    public SignIn signIn(String email, String password, String code, String clientKey) {
        Instant now = clock.instant();
        // Both spellings of a domain count as one email's tries, and find the one operator.
        Optional<String> key = OperatorEmails.backOffKey(email);
        if (key.isEmpty()) {
            return new SignIn.Refused();
        }
        String normalized = key.get();
        Instant since = now.minus(SignInLockout.WINDOW);
        // A client already waiting is answered from a read, so a flood of locked-out tries costs the writer nothing.
        Optional<SignIn.Wait> locked = waiting(store.failures(normalized, clientKey, since), now);
        if (locked.isPresent()) {
            return locked.get();
        }
        OperatorStore.Reservation reservation = store.reserveAttempt(normalized, clientKey, now, since,
                failures -> SignInLockout.waitAfter(failures, now).isZero());
        if (!reservation.reserved()) {
            return waiting(reservation.before(), now).orElseThrow();
        }
        Optional<Operator> operator = findByEmail(email);
        String typed = password == null ? "" : password;
        boolean holds = checkReserved(normalized, clientKey, now, () -> operator.map(found -> hasher.matches(typed, found.passwordHash()))
                .orElseGet(() -> {
                    hasher.matches(typed, DummyHash.get(hasher));
                    return false;
                }));
        if (!holds) {
            return new SignIn.Refused();
        }
        Optional<String> secret = store.totpSecret(operator.get().id());
        Optional<Optional<String>> recoveryCode = secondFactor(operator.get(), secret, code, now);
        if (recoveryCode.isEmpty()) {
            return new SignIn.Refused();
        }
        // Only while the password checked is still theirs: a new password (or the operator's removal) while
        // this one was being hashed ended every session, and must end this one too. And only while two-factor
        // sign-in is as it was checked: turned on since, the code it now asks for was never checked. Refused
        // then as a wrong password is, its try still counted.
        // A recovery code is used up by the session's own write, only while it is still theirs: taken before,
        // new codes made in between ended every session and then this one opened, with a code now replaced.
        Optional<NewSession> session = openSession(operator.get().id(), operator.get().passwordHash(), secret, recoveryCode.get());
        if (session.isEmpty()) {
            return new SignIn.Refused();
        }
        store.clearFailures(normalized, clientKey);
        return new SignIn.Granted(operator.get(), session.get());
    }

    private static Optional<SignIn.Wait> waiting(OperatorStore.Failures failures, Instant now) {
        Duration wait = SignInLockout.waitAfter(failures, now);
        if (wait.isZero()) {
            return Optional.empty();
        }
        return Optional.of(new SignIn.Wait(wait, SignInLockout.waitsForEmail(failures, now)));
    }

    /** The operator and CSRF token behind a session cookie, while it lives. */
    public Optional<SignedIn> session(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return store.session(sha256(token), clock.instant())
                .flatMap(session -> store.findById(session.operatorId()).map(operator -> new SignedIn(operator, session.csrfToken())));
    }

    public void signOut(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 100) {
            store.deleteSession(sha256(token));
        }
    }

    /**
     * Changes the signed-in operator's own password, proven by the current one, and ends every session of
     * theirs (whoever else held one, perhaps the reason for the change), the one making the change too: a
     * copy of its cookie (a stolen one) must not outlive the change. The browser that made it goes on in a
     * new session, answered here. The current password is checked as a sign-in is, under the same back-off
     * for this email and client: a stolen session cookie must not become a way to guess the password it lacks.
     *
     * @return the back-off when it holds (nothing changed); else the new session for the browser that made
     *         the change (none when the password, or two-factor sign-in, was changed again meanwhile: that
     *         browser signs in again)
     * @throws SeatguardException {@code invalid_input} naming {@code current_password} (not theirs) or {@code new_password}
     */
    public PasswordChange changePassword(Operator operator, String currentPassword, String newPassword, String clientKey) {
        String current = currentPassword == null ? "" : currentPassword;
        FieldErrors errors = new FieldErrors();
        if (newPassword == null || newPassword.length() < MIN_PASSWORD || newPassword.length() > 1024) {
            errors.add("new_password", "must be " + MIN_PASSWORD + " to 1024 characters");
        }
        else if (newPassword.equals(current)) {
            errors.add("new_password", "must differ from the current one");
        }
        errors.throwIfAny();
        Optional<SignIn.Wait> wait = proveCurrentPassword(operator, current, clientKey);
        if (wait.isPresent()) {
            return new PasswordChange(wait, Optional.empty());
        }
        String hash = hasher.hash(newPassword);
        if (!store.replacePassword(operator.id(), hash, NO_SESSION)) {
            throw SeatguardException.notFound("operator " + operator.id());
        }
        // This browser is signed in already: its second factor was asked for then, so the new session takes
        // two-factor sign-in as it is now.
        return new PasswordChange(Optional.empty(), openSession(operator.id(), hash, store.totpSecret(operator.id())));
    }

    /**
     * A change of one's own password: refused for the back-off (nothing changed), or made, with the new
     * session of the browser that made it (empty when none could be opened: the password, or two-factor
     * sign-in, changed again).
     */
    public record PasswordChange(Optional<SignIn.Wait> backOff, Optional<NewSession> session) {}

    /**
     * Opens a new session for the browser that changed the second factor, whose change ended every session
     * of the operator, that browser's too, in the same write ({@link OperatorStore#setTotpSecret},
     * {@link OperatorStore#replaceRecoveryCodes}), as a password change does: a change of the second factor
     * is made when someone else may hold a session (or a copy of this browser's cookie), and those sessions
     * were opened without the new factor. The new session is opened only while the password and second
     * factor are the ones stored now (empty when they changed again meanwhile: that browser signs in again).
     */
    private Optional<NewSession> renewSessions(String operatorId) {
        Optional<Operator> stored = store.findById(operatorId);
        return stored.isEmpty() ? Optional.empty() : openSession(operatorId, stored.get().passwordHash(), store.totpSecret(operatorId));
    }

    /**
     * A new session for the operator while {@code passwordHash} and two-factor {@code secret} are still
     * theirs ({@link OperatorStore#createSession}).
     */
    private Optional<NewSession> openSession(String operatorId, String passwordHash, Optional<String> secret) {
        return openSession(operatorId, passwordHash, secret, Optional.empty());
    }

    /** As above, using up {@code recoveryCodeHash} in the same write, and only while it is theirs. */
    private Optional<NewSession> openSession(String operatorId, String passwordHash, Optional<String> secret, Optional<String> recoveryCodeHash) {
        Instant now = clock.instant();
        String token = ids.newSecret(43);
        String csrf = ids.newSecret(32);
        Instant expires = now.plus(SESSION_LENGTH);
        return store.createSession(sha256(token), operatorId, passwordHash, secret, recoveryCodeHash, csrf, now, expires) ? Optional.of(new NewSession(token, csrf, expires))
                : Optional.empty();
    }

    /**
     * Checks the operator's current password as a sign-in does, under the same back-off for this email
     * and client (and the client's ceiling); a right one clears this client's failures, and one the
     * hasher had no turn for counts for nobody.
     *
     * @return how long to wait when the back-off holds; empty when the password is right
     * @throws SeatguardException {@code invalid_input} naming {@code current_password} when it is not theirs
     */
    private Optional<SignIn.Wait> proveCurrentPassword(Operator operator, String current, String clientKey) {
        Instant now = clock.instant();
        Instant since = now.minus(SignInLockout.WINDOW);
        String email = backOffKey(operator);
        Optional<SignIn.Wait> locked = waiting(store.failures(email, clientKey, since), now);
        if (locked.isPresent()) {
            return locked;
        }
        OperatorStore.Reservation reservation = store.reserveAttempt(email, clientKey, now, since,
                failures -> SignInLockout.waitAfter(failures, now).isZero());
        if (!reservation.reserved()) {
            return Optional.of(waiting(reservation.before(), now).orElseThrow());
        }
        // The stored hash, not the session's copy: another session may have changed it since this page loaded.
        Operator stored = store.findById(operator.id()).orElseThrow(() -> SeatguardException.notFound("operator " + operator.id()));
        if (!checkReserved(email, clientKey, now, () -> hasher.matches(current == null ? "" : current, stored.passwordHash()))) {
            throw SeatguardException.invalid("current_password", "is not your password");
        }
        store.clearFailures(email, clientKey);
        return Optional.empty();
    }

    /**
     * What the operator's failed tries are counted under, the one a sign-in with their email uses: for one
     * stored under an earlier release's U-label domain, the A-label form, not the stored one.
     */
    private static String backOffKey(Operator operator) {
        return OperatorEmails.backOffKey(operator.email()).orElse(operator.email());
    }

    /**
     * Checks a password for a try reserved at {@code at}. When the hasher refuses for want of a turn
     * ({@code rate_limited}), nothing was checked: the try is given back before the refusal goes on.
     */
    private boolean checkReserved(String email, String clientKey, Instant at, java.util.function.BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        }
        catch (SeatguardException e) {
            if (e.code() == ErrorCode.RATE_LIMITED) {
                store.releaseAttempt(email, clientKey, at);
            }
            throw e;
        }
    }

    /**
     * Whether the second factor holds: empty when it does not. Without two-factor sign-in ({@code secret}
     * empty) it holds, with no recovery code to use; with it, when {@code code} is the authenticator's and
     * was not used before (that step is taken now), again with no recovery code; or when it could be a
     * recovery code, whose hash is returned for the session's write to use up ({@link OperatorStore#createSession}),
     * which refuses it then unless it is one of the operator's.
     */
    private Optional<Optional<String>> secondFactor(Operator operator, Optional<String> secret, String code, Instant now) {
        if (secret.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        String typed = code == null ? "" : code.strip();
        java.util.OptionalLong step = requireCodes().stepOf(secret.get(), typed, now);
        if (step.isPresent()) {
            return store.useTotpStep(operator.id(), step.getAsLong()) ? Optional.of(Optional.empty()) : Optional.empty();
        }
        return RecoveryCodes.canonical(typed).map(canonical -> Optional.of(RecoveryCodes.hash(canonical)));
    }

    private OneTimeCodes requireCodes() {
        if (codes == null) {
            throw new IllegalStateException("this OperatorService was made without one-time codes");
        }
        return codes;
    }

    /** Whether the operator signs in with an authenticator code too. */
    public boolean hasTwoFactor(String operatorId) {
        return store.totpSecret(operatorId).isPresent();
    }

    /** A new secret for an operator to add to their authenticator app before {@link #enableTwoFactor}. */
    public String newTwoFactorSecret() {
        return requireCodes().newSecret();
    }

    /**
     * Turns two-factor sign-in on, proven by the current password (a stolen session must not be able to
     * lock the owner out with a second factor of its own) and by a code of {@code secret}, so that the
     * app really holds it. That code is then used: it does not also sign anyone in. Comes with
     * {@value RecoveryCodes#COUNT} recovery codes, replacing any earlier ones. Every session of the
     * operator ends (they were opened without this factor); the browser that turned it on goes on in a
     * new one ({@link #renewSessions}).
     *
     * @return the recovery codes to show once, or how long to wait when the sign-in back-off holds
     * @throws SeatguardException {@code invalid_input} naming {@code current_password}, {@code secret} or {@code code}
     */
    public TwoFactorChange enableTwoFactor(Operator operator, String currentPassword, String secret, String code, String clientKey) {
        if (secret == null || !secret.matches("[A-Z2-7]{16,64}")) {
            throw SeatguardException.invalid("secret", "is not a secret this page made; reload it");
        }
        Optional<SignIn.Wait> wait = proveCurrentPassword(operator, currentPassword, clientKey);
        if (wait.isPresent()) {
            return TwoFactorChange.waiting(wait.get());
        }
        java.util.OptionalLong step = requireCodes().stepOf(secret, code == null ? "" : code.strip(), clock.instant());
        if (step.isEmpty()) {
            throw SeatguardException.invalid("code", "is not the code your app shows now; check the app holds this secret and the phone's clock is right");
        }
        java.util.List<String> recovery = RecoveryCodes.make(ids);
        // The code is used in the secret's own write, never after it (OperatorStore#setTotpSecret).
        store.setTotpSecret(operator.id(), Optional.of(secret), RecoveryCodes.hashes(recovery), step.getAsLong());
        return new TwoFactorChange(Optional.empty(), recovery, renewSessions(operator.id()));
    }

    /**
     * New recovery codes for an operator with two-factor sign-in on, proven by the current password; the
     * earlier ones stop working, and so does every session (one may have been opened with a code now
     * replaced); the browser that asked goes on in a new one ({@link #renewSessions}).
     *
     * @throws SeatguardException {@code invalid_input} naming {@code current_password}, or {@code recovery_codes} when two-factor sign-in is off
     */
    public TwoFactorChange replaceRecoveryCodes(Operator operator, String currentPassword, String clientKey) {
        Optional<SignIn.Wait> wait = proveCurrentPassword(operator, currentPassword, clientKey);
        if (wait.isPresent()) {
            return TwoFactorChange.waiting(wait.get());
        }
        java.util.List<String> recovery = RecoveryCodes.make(ids);
        if (!store.replaceRecoveryCodes(operator.id(), RecoveryCodes.hashes(recovery))) {
            throw SeatguardException.invalid("recovery_codes", "two-factor sign-in is off: turn it on first");
        }
        return new TwoFactorChange(Optional.empty(), recovery, renewSessions(operator.id()));
    }

    /** How many recovery codes the operator has left. */
    public int recoveryCodesLeft(String operatorId) {
        return store.recoveryCodesLeft(operatorId);
    }

    /** Turns two-factor sign-in off, proven by the current password; the recovery codes go with it. */
    public Optional<SignIn.Wait> disableTwoFactor(Operator operator, String currentPassword, String clientKey) {
        Optional<SignIn.Wait> wait = proveCurrentPassword(operator, currentPassword, clientKey);
        if (wait.isEmpty()) {
            store.setTotpSecret(operator.id(), Optional.empty(), java.util.List.of());
        }
        return wait;
    }

    /**
     * For an operator who lost their authenticator and recovery codes ({@code operators reset-two-factor}):
     * false when there is no such email.
     */
    public boolean resetTwoFactor(String email) {
        Optional<Operator> operator = findByEmail(email);
        operator.ifPresent(found -> store.setTotpSecret(found.id(), Optional.empty(), java.util.List.of()));
        return operator.isPresent();
    }

    /**
     * For an operator who forgot their password ({@code operators reset-password}, run by whoever holds
     * the store): sets a new one, ends every session of theirs (whoever held one may be why), and forgets
     * the email's failed sign-ins, so that a back-off earned by the forgetting, or by someone guessing,
     * does not keep the owner out of the new password. Two-factor sign-in is left as it was: a password
     * reset is no way around the second factor ({@code reset-two-factor} is its own decision).
     *
     * @return false when there is no such email
     * @throws SeatguardException {@code invalid_input} naming {@code password} when it is not 12 to 1024 characters
     */
    public boolean resetPassword(String email, String newPassword) {
        if (newPassword == null || newPassword.length() < MIN_PASSWORD || newPassword.length() > 1024) {
            throw SeatguardException.invalid("password", "must be " + MIN_PASSWORD + " to 1024 characters");
        }
        Optional<Operator> operator = findByEmail(email);
        if (operator.isEmpty() || !store.replacePassword(operator.get().id(), hasher.hash(newPassword), NO_SESSION)) {
            return false;
        }
        store.clearFailures(backOffKey(operator.get()));
        return true;
    }

    /** A signed-in operator, for the page being served. */
    public record SignedIn(Operator operator, String csrfToken) {}

    /** Session tokens are kept hashed: a copy of the table opens no session. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hash to check unknown emails against, so their answer takes as long as a known one's. */
    private static final class DummyHash {
        private static volatile String value;

        static String get(PasswordHasher hasher) {
            String current = value;
            if (current == null) {
                current = hasher.hash("seatguard-no-such-operator");
                value = current;
            }
            return current;
        }
    }
}

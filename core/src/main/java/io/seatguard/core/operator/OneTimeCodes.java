package io.seatguard.core.operator;

import java.time.Instant;
import java.util.OptionalLong;

/** Port: time-based one-time codes (TOTP, RFC 6238) of an authenticator app, for two-factor sign-in. */
public interface OneTimeCodes {
    /** A new shared secret, as authenticator apps take it (base32). */
    String newSecret();

    /**
     * The time step {@code code} belongs to, when it is the secret's code for the step of {@code now} or
     * the one before or after (a phone's clock a little off, a code typed as it changed); else empty.
     */
    OptionalLong stepOf(String secret, String code, Instant now);
}

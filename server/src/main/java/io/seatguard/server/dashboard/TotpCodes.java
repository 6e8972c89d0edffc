package io.seatguard.server.dashboard;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import io.seatguard.core.operator.OneTimeCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * TOTP as every authenticator app speaks it by default (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps),
 * with the samstevens totp library's generators. Its verifier answers only yes or no; the step is
 * looked for here, so that a code can be taken as used ({@code OperatorStore#useTotpStep}).
 */
public final class TotpCodes implements OneTimeCodes {
    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;

    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    @Override
    public String newSecret() {
        return secrets.generate();
    }

    @Override
    public OptionalLong stepOf(String secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = Math.floorDiv(now.getEpochSecond(), PERIOD_SECONDS);
        for (long step = current - 1; step <= current + 1; step++) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The secret's code for one time step (tests compute what an app would show with it). */
    public String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        }
        catch (CodeGenerationException e) {
            throw new IllegalArgumentException("not a usable TOTP secret", e);
        }
    }

    /** What an authenticator app reads from the QR code: its {@code otpauth://} address for these settings. */
    static dev.samstevens.totp.qr.QrData qrData(String issuer, String account, String secret) {
        return new dev.samstevens.totp.qr.QrData.Builder().label(account).secret(secret).issuer(issuer).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD_SECONDS).build();
    }
}

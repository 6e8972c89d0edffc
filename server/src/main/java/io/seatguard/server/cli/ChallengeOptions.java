package io.seatguard.server.cli;

import io.seatguard.core.challenge.ChallengeRules;
import io.seatguard.server.config.AddedAuthorities;
import io.seatguard.server.config.ChallengeSettings;
import io.seatguard.server.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code serve} flags for challenges: mail, SMS, production mode and the code limits. */
public final class ChallengeOptions {
    @Option(names = "--smtp-url", defaultValue = "${env:SEATGUARD_SMTP_URL}", description = "SMTP server for verification emails and owner notices, smtp://user:password@host:587 (STARTTLS, required when a user and password are given: a server that does not offer it is sent neither) or smtps://…:465 (TLS from the start) (env SEATGUARD_SMTP_URL). Without it, emails go to the development outbox, or in production mode there is no email channel.")
    String smtpUrl;

    @Option(names = "--mail-from", defaultValue = "${env:SEATGUARD_MAIL_FROM:-Seatguard <no-reply@seatguard.invalid>}", description = "Sender of verification emails (env SEATGUARD_MAIL_FROM; default ${DEFAULT-VALUE}).")
    String mailFrom;

    @Option(names = "--smtp-helo-name", defaultValue = "${env:SEATGUARD_SMTP_HELO_NAME}", description = "The name Seatguard greets the mail server with (EHLO), a domain name such as mail.example.com (env SEATGUARD_SMTP_HELO_NAME). Without it: the host of --public-url when that is a domain name, else this machine's host name.")
    String smtpHeloName;

    @Option(names = "--smtp-ca-file", defaultValue = "${env:SEATGUARD_SMTP_CA_FILE}", description = "A PEM file of certificate authorities the mail server's certificate may be signed by, beside those the JVM trusts: a relay with a certificate from your own company's authority (env SEATGUARD_SMTP_CA_FILE). The host name is still checked.")
    String smtpCaFile;

    @Option(names = "--sms-url", defaultValue = "${env:SEATGUARD_SMS_URL}", description = "HTTP endpoint that sends an SMS from a JSON {to, body} (env SEATGUARD_SMS_URL); a user:password@ in it is sent as HTTP Basic credentials. Without it, SMS go to the development outbox, or in production mode there is no SMS channel.")
    String smsUrl;

    @Option(names = "--sms-token", defaultValue = "${env:SEATGUARD_SMS_TOKEN}", description = "Bearer token for the SMS endpoint (env SEATGUARD_SMS_TOKEN); not with a user and password in --sms-url.")
    String smsToken;

    @Option(names = "--production", defaultValue = "${env:SEATGUARD_PRODUCTION:-false}", description = "Production mode: no development outbox (/dev/outbox; a channel without its provider is unavailable, so codes are never only logged), and no demo site (/demo) nor its demo app (env SEATGUARD_PRODUCTION).")
    boolean production;

    @Option(names = "--code-attempts", defaultValue = "${env:SEATGUARD_CODE_ATTEMPTS:-5}", description = "Wrong codes a challenge allows before it fails (env SEATGUARD_CODE_ATTEMPTS; default ${DEFAULT-VALUE}).")
    int codeAttempts;

    @Option(names = "--code-resend-seconds", defaultValue = "${env:SEATGUARD_CODE_RESEND_SECONDS:-30}", description = "Least seconds between two codes for one challenge (env SEATGUARD_CODE_RESEND_SECONDS; default ${DEFAULT-VALUE}).")
    int resendSeconds;

    @Option(names = "--code-lifetime-seconds", defaultValue = "${env:SEATGUARD_CODE_LIFETIME_SECONDS:-600}", description = "Seconds a code is taken after it was sent, at most until its challenge expires; the message states it (env SEATGUARD_CODE_LIFETIME_SECONDS; default ${DEFAULT-VALUE}).")
    int codeLifetimeSeconds;

    @Option(names = "--code-key", defaultValue = "${env:SEATGUARD_CODE_KEY}", description = "Key (32+ characters) verification codes are hashed with, to keep it out of the database (env SEATGUARD_CODE_KEY). Without it, one is generated and kept in the database.")
    String codeKey;

    ChallengeSettings settings() {
        if (codeAttempts < 1 || codeAttempts > 20) {
            throw new ConfigException("the wrong codes a challenge allows (--code-attempts, SEATGUARD_CODE_ATTEMPTS) must be between 1 and 20, not " + codeAttempts);
        }
        if (resendSeconds < 0 || resendSeconds > 3600) {
            throw new ConfigException("the seconds between two codes (--code-resend-seconds, SEATGUARD_CODE_RESEND_SECONDS) must be between 0 and 3600, not " + resendSeconds);
        }
        // At least a minute, for a message to arrive and be typed; at most an hour: a code is a password while it lives.
        if (codeLifetimeSeconds < 60 || codeLifetimeSeconds > 3600) {
            throw new ConfigException("the seconds a code is valid (--code-lifetime-seconds, SEATGUARD_CODE_LIFETIME_SECONDS) must be between 60 and 3600, not "
                    + codeLifetimeSeconds);
        }
        if (resendSeconds >= codeLifetimeSeconds) {
            // A code would lapse before another could be asked for: the page's "ask for a new one" would lead to a wait.
            throw new ConfigException("the seconds between two codes (--code-resend-seconds, " + resendSeconds
                    + ") must be fewer than the seconds a code is valid (--code-lifetime-seconds, " + codeLifetimeSeconds + ")");
        }
        return new ChallengeSettings(uri(smtpUrl, "--smtp-url"), mailFrom.strip(), uri(smsUrl, "--sms-url"),
                smsToken == null || smsToken.isBlank() ? Optional.empty() : Optional.of(smsToken.trim()), production,
                new ChallengeRules(codeAttempts, Duration.ofSeconds(resendSeconds), ChallengeRules.DEFAULTS.maxSends(), Duration.ofSeconds(codeLifetimeSeconds)),
                codeKey == null || codeKey.isBlank() ? Optional.empty() : Optional.of(codeKey.trim()),
                smtpHeloName == null || smtpHeloName.isBlank() ? Optional.empty() : Optional.of(smtpHeloName),
                smtpCaFile == null || smtpCaFile.isBlank() ? java.util.List.of()
                        : AddedAuthorities.read(java.nio.file.Path.of(smtpCaFile.strip()), "--smtp-ca-file (SEATGUARD_SMTP_CA_FILE)"));
    }

    private static Optional<URI> uri(String text, String flag) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(text.trim()));
        }
        catch (URISyntaxException e) {
            throw new ConfigException(flag + " is not a valid URL: " + e.getReason());
        }
    }
}

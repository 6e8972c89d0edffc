package io.seatguard.server.config;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.challenge.ChallengeRules;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * How challenges reach people.
 *
 * @param smtpUrl {@code smtp://[user:password@]host[:port]} (STARTTLS when the server offers it; required
 *     when the URL carries credentials) or {@code smtps://…} (TLS from the start); empty: email goes to the
 *     development outbox
 * @param mailFrom the sender of verification emails
 * @param smsUrl an HTTPS endpoint that takes {@code {"to", "body"}} as JSON (most SMS providers, or a
 *     small relay to one), its user info ({@code user:password@}) sent as HTTP Basic credentials; empty:
 *     SMS goes to the development outbox
 * @param smsToken sent as {@code Authorization: Bearer} to the SMS endpoint (not with credentials in the URL)
 * @param production in production, nothing is sent to the outbox or logged with its code, and the
 *     outbox page is gone: a channel without its provider is unavailable
 * @param codeKey the key verification codes are hashed with; empty: one generated and kept in the
 *     database's settings (shared by every node)
 * @param smtpHeloName the name given in SMTP's EHLO when the operator set one; empty: see
 *     {@link ServerConfig#smtpHeloName()}
 * @param smtpAuthorities certificate authorities the mail server's certificate may also be signed by,
 *     beside the JVM's ({@link AddedAuthorities}); empty: the JVM's alone
 */
public record ChallengeSettings(
        Optional<URI> smtpUrl,
        String mailFrom,
        Optional<URI> smsUrl,
        Optional<String> smsToken,
        boolean production,
        ChallengeRules rules,
        Optional<String> codeKey,
        Optional<String> smtpHeloName,
        java.util.List<java.security.cert.X509Certificate> smtpAuthorities) {
    public static final ChallengeSettings DEVELOPMENT = new ChallengeSettings(Optional.empty(), "Seatguard <no-reply@seatguard.invalid>",
            Optional.empty(), Optional.empty(), false, ChallengeRules.DEFAULTS, Optional.empty());

    /** Without a greeting name of the operator's. */
    public ChallengeSettings(Optional<URI> smtpUrl, String mailFrom, Optional<URI> smsUrl, Optional<String> smsToken, boolean production,
            ChallengeRules rules, Optional<String> codeKey) {
        this(smtpUrl, mailFrom, smsUrl, smsToken, production, rules, codeKey, Optional.empty(), java.util.List.of());
    }

    public ChallengeSettings {
        requireNonNull(smtpUrl, "smtpUrl is null");
        requireNonNull(mailFrom, "mailFrom is null");
        requireNonNull(smsUrl, "smsUrl is null");
        requireNonNull(smsToken, "smsToken is null");
        requireNonNull(rules, "rules is null");
        requireNonNull(codeKey, "codeKey is null");
        smtpHeloName = requireNonNull(smtpHeloName, "smtpHeloName is null").map(SmtpHeloName::require);
        smtpAuthorities = java.util.List.copyOf(requireNonNull(smtpAuthorities, "smtpAuthorities is null"));
        smsToken.ifPresent(token -> HeaderSafeToken.requireSendable(token, "the SMS token (--sms-token, SEATGUARD_SMS_TOKEN)"));
        if (codeKey.isPresent() && codeKey.get().length() < 32) {
            throw new ConfigException("the code key (--code-key, SEATGUARD_CODE_KEY) must be at least 32 characters");
        }
        smtpUrl.ifPresent(url -> {
            if (!("smtp".equals(url.getScheme()) || "smtps".equals(url.getScheme())) || url.getHost() == null) {
                throw new ConfigException("the SMTP URL (--smtp-url, SEATGUARD_SMTP_URL) must look like smtp://user:password@mail.example.com:587 or smtps://…:465"
                        + escapeHint(url));
            }
            requirePort(url, "the SMTP URL (--smtp-url, SEATGUARD_SMTP_URL)");
        });
        smsUrl.ifPresent(url -> {
            if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
                throw new ConfigException("the SMS URL (--sms-url, SEATGUARD_SMS_URL) must be an http(s) URL" + escapeHint(url));
            }
            requirePort(url, "the SMS URL (--sms-url, SEATGUARD_SMS_URL)");
            // Both would be the one Authorization header: which one the provider got would be a guess.
            if (url.getRawUserInfo() != null && smsToken.isPresent()) {
                throw new ConfigException("the SMS URL (--sms-url, SEATGUARD_SMS_URL) has a user and password, sent as Basic credentials,"
                        + " and an SMS token (--sms-token, SEATGUARD_SMS_TOKEN) is set too: give one of them");
            }
        });
        if (mailFrom.isBlank()) {
            throw new ConfigException("the mail sender (--mail-from, SEATGUARD_MAIL_FROM) must not be blank");
        }
        // Checked whether or not mail is configured yet: a bad sender found only once --smtp-url is added
        // would stop a production start that the development one let through.
        try {
            new InternetAddress(mailFrom, true);
        }
        catch (AddressException e) {
            throw new ConfigException("the mail sender (--mail-from, SEATGUARD_MAIL_FROM) must be an address such as 'Seatguard <no-reply@example.com>', not '" + mailFrom + "'");
        }
    }

    /**
     * What to fix when a URL with user info has no host: a password written with a {@code @} (or {@code /},
     * {@code ?}, {@code #}) as is ends the user info or the authority early, so the host is read from the
     * middle of the password. Says what to escape, never the URL (it holds the password). Empty otherwise.
     */
    private static String escapeHint(URI url) {
        boolean userInfoWritten = url.getHost() == null && url.getRawSchemeSpecificPart() != null && url.getRawSchemeSpecificPart().contains("@");
        return userInfoWritten ? ": its user or password holds a character that must be percent-encoded, such as '@' (%40), ':' in the user (%3A),"
                + " '/' (%2F), '?' (%3F) or '#' (%23)" : "";
    }

    /**
     * A port no socket has started the server, which then failed every code it sent (the SMS client refuses
     * such a URL, the mailer cannot connect), and port 0 was silently taken as the scheme's default. The URL
     * is not repeated: it may hold a password.
     */
    private static void requirePort(URI url, String setting) {
        if (url.getPort() != -1 && (url.getPort() < 1 || url.getPort() > 65_535)) {
            throw new ConfigException(setting + " has port " + url.getPort() + ": a port is from 1 to 65535");
        }
    }

    public ChallengeSettings withSmtp(URI url) {
        return new ChallengeSettings(Optional.of(url), mailFrom, smsUrl, smsToken, production, rules, codeKey, smtpHeloName, smtpAuthorities);
    }

    public ChallengeSettings withSmtpHeloName(String name) {
        return new ChallengeSettings(smtpUrl, mailFrom, smsUrl, smsToken, production, rules, codeKey, Optional.of(name), smtpAuthorities);
    }

    public ChallengeSettings withProduction(boolean inProduction) {
        return new ChallengeSettings(smtpUrl, mailFrom, smsUrl, smsToken, inProduction, rules, codeKey, smtpHeloName, smtpAuthorities);
    }

    /**
     * Without what the settings hold in secret: the URLs' user info (a password), path and query (a
     * provider's key may ride there), the SMS token and the code key show only as set or not. The
     * record's own text form printed them all, for the first log line or exception that named it.
     */
    @Override
    public String toString() {
        return "ChallengeSettings[smtpUrl=" + smtpUrl.map(ChallengeSettings::hostOnly) + ", mailFrom=" + mailFrom
                + ", smsUrl=" + smsUrl.map(ChallengeSettings::hostOnly) + ", smsToken=" + (smsToken.isPresent() ? "(set)" : "(none)")
                + ", production=" + production + ", rules=" + rules + ", codeKey=" + (codeKey.isPresent() ? "(set)" : "(none)")
                + ", smtpHeloName=" + smtpHeloName + ", smtpAuthorities=" + smtpAuthorities.size() + "]";
    }

    private static String hostOnly(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }
}

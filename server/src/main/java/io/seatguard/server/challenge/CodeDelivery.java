package io.seatguard.server.challenge;

import io.seatguard.core.challenge.CodeMessage;
import io.seatguard.core.challenge.CodeSender;
import io.seatguard.core.challenge.DeliveryUncertain;
import io.seatguard.server.SendOutcomes;
import io.seatguard.server.config.ChallengeSettings;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a verification code to its channel's adapter: SMTP and the SMS endpoint when configured; in
 * development, the outbox otherwise. In production a channel without its provider is unavailable, so a
 * code is never only logged. Each send's outcome goes to {@link SendOutcomes} (the metrics), and each
 * code that could not be sent to the log, with its reason.
 */
public final class CodeDelivery implements CodeSender {
    private static final Logger log = LoggerFactory.getLogger(CodeDelivery.class);
    /** Bounded: a failed send spends no limit, so a script naming an address the mail server refuses could fill the log. */
    private final ThrottledLog failures = new ThrottledLog(log);
    private final Optional<SmtpMailer> mail;
    private final Optional<HttpSmsSender> sms;
    private final Optional<DevOutbox> outbox;
    private final SendOutcomes outcomes;

    public CodeDelivery(Optional<SmtpMailer> mail, Optional<HttpSmsSender> sms, Optional<DevOutbox> outbox, SendOutcomes outcomes) {
        this.mail = mail;
        this.sms = sms;
        this.outbox = outbox;
        this.outcomes = java.util.Objects.requireNonNull(outcomes, "outcomes is null");
    }

    /** @param smtpHeloName the name to greet the mail server with ({@code ServerConfig.smtpHeloName}); empty: the machine's */
    public static CodeDelivery from(ChallengeSettings settings, Optional<String> smtpHeloName, Optional<DevOutbox> outbox, SendOutcomes outcomes) {
        // Codes are as good as passwords while they live: sent in clear text they can be read on the way.
        settings.smsUrl().filter(SmsEndpoint::cleartextOverANetwork).ifPresent(url -> log.warn(
                "SMS codes go to {} over plain http (--sms-url): anyone on the network between can read them; use https, or a relay on this machine",
                url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "")));
        OptionsWithoutTheirUrl.in(settings).forEach(log::warn);
        // An authority out of its dates is read without a word, and the first sign was codes failing (or,
        // once renewed on the relay, an authority long dead still trusted): said once at start (found in review).
        java.time.Instant now = java.time.Instant.now();
        for (java.security.cert.X509Certificate authority : settings.smtpAuthorities()) {
            if (now.isBefore(authority.getNotBefore().toInstant()) || now.isAfter(authority.getNotAfter().toInstant())) {
                log.warn("--smtp-ca-file holds {}, valid only from {} until {}, not now: renew it in the file (and on the mail server)",
                        authority.getSubjectX500Principal().getName(), authority.getNotBefore().toInstant(), authority.getNotAfter().toInstant());
            }
        }
        return new CodeDelivery(settings.smtpUrl().map(url -> new SmtpMailer(url, settings.mailFrom(), smtpHeloName, settings.smtpAuthorities())),
                settings.smsUrl().map(url -> new HttpSmsSender(url, settings.smsToken())), settings.production() ? Optional.empty() : outbox, outcomes);
    }

    @Override
    public Set<String> channels() {
        Set<String> channels = new LinkedHashSet<>();
        if (mail.isPresent() || outbox.isPresent()) {
            channels.add("email");
        }
        if (sms.isPresent() || outbox.isPresent()) {
            channels.add("sms");
        }
        return channels;
    }

    /** Sends a notice (not a code) on a channel, the same way codes go. */
    public void sendNotice(String channel, String to, String subject, String body) {
        counted("notice", channel.equals("email") ? "email" : "sms", () -> deliver(channel, to, subject, body));
    }

    private void deliver(String channel, String to, String subject, String body) {
        if (channel.equals("email")) {
            if (mail.isPresent()) {
                mail.get().send(to, subject, body);
            }
            else {
                outbox.orElseThrow(() -> new IllegalStateException("no mail server is configured")).add("email", to, subject, body);
            }
        }
        else if (sms.isPresent()) {
            sms.get().send(to, body);
        }
        else {
            outbox.orElseThrow(() -> new IllegalStateException("no SMS provider is configured")).add("sms", to, "", body);
        }
    }

    /**
     * A code's lifetime as its messages and the page state it, in whole minutes rounded up (at least one):
     * the page reads it a moment after the send, so rounding down would turn the mail's "10 minutes" into
     * the page's "9 minutes" for one code.
     */
    static long minutesShown(java.time.Duration validFor) {
        return Math.max(1, (validFor.toSeconds() + 59) / 60);
    }

    @Override
    public void send(CodeMessage message) {
        ChallengeTexts texts = ChallengeTexts.of(message.locale());
        long minutes = minutesShown(message.validFor());
        boolean email = message.channel().equals("email");
        String appName = texts.isolate(message.appName());
        String subject = email ? texts.get("mail.subject", appName) : "";
        String body = texts.get(email ? (message.signup() ? "mail.body.signup" : "mail.body") : "sms.body", appName, message.code(), minutes);
        try {
            counted("code", email ? "email" : "sms", () -> deliver(email ? "email" : "sms", message.to(), subject, body));
        }
        catch (DeliveryUncertain e) {
            // Not a failure: the code stays valid. The operator still hears of it, as a provider that
            // stops answering after taking messages will soon stop taking them.
            failures.warn("Uncertain whether a verification code by " + (email ? "email" : "sms") + " to " + masked(message)
                    + " was sent (kept valid, it may arrive late): " + withoutCode(e.getMessage(), message.code()));
            throw e;
        }
        catch (RuntimeException e) {
            // The page answers 503 and the core keeps no log (it does no I/O): without this line the operator
            // saw a failure count and never the mail server's or provider's reason (found in review).
            failures.warn("Could not send a verification code by " + (email ? "email" : "sms") + " to " + masked(message) + ": "
                    + withoutCode(e.getMessage(), message.code()));
            throw e;
        }
    }

    private static String masked(CodeMessage message) {
        return message.channel().equals("email") ? MaskedRecipients.email(message.to()) : MaskedRecipients.phone(message.to());
    }

    /**
     * A failure's message without the code, should a provider's refusal quote the message back: the log
     * outlives the code, and anyone reading it is not the person the code was for. The senders' own
     * messages name the recipient masked and carry no credentials ({@link SmtpMailer#send}).
     */
    private static String withoutCode(String reason, String code) {
        return reason == null ? "no reason given" : reason.replace(code, "••••••");
    }

    /** Runs one send and tells {@link #outcomes} how it went (delivered, failed or unknown); a failure still reaches the caller. */
    private void counted(String kind, String channel, Runnable send) {
        try {
            send.run();
        }
        catch (DeliveryUncertain e) {
            outcomes.uncertain(kind, channel);
            throw e;
        }
        catch (RuntimeException e) {
            outcomes.sent(kind, channel, false);
            throw e;
        }
        outcomes.sent(kind, channel, true);
    }
}

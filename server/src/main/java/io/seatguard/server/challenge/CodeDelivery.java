package io.seatguard.server.challenge;

import io.seatguard.core.challenge.CodeMessage;
import io.seatguard.core.challenge.CodeSender;
import io.seatguard.server.SendOutcomes;
import io.seatguard.server.config.ChallengeSettings;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Routes a verification code to its channel's adapter: SMTP and the SMS endpoint when configured; in
 * development, the outbox otherwise. In production a channel without its provider is unavailable, so a
 * code is never only logged. Each send's outcome goes to {@link SendOutcomes} (the metrics).
 */
public final class CodeDelivery implements CodeSender {
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

    public static CodeDelivery from(ChallengeSettings settings, Optional<DevOutbox> outbox, SendOutcomes outcomes) {
        return new CodeDelivery(settings.smtpUrl().map(url -> new SmtpMailer(url, settings.mailFrom())),
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

    @Override
    public void send(CodeMessage message) {
        ChallengeTexts texts = ChallengeTexts.of(message.locale());
        long minutes = Math.max(1, (message.validFor().toSeconds() + 59) / 60);
        boolean email = message.channel().equals("email");
        String appName = texts.isolate(message.appName());
        String subject = email ? texts.get("mail.subject", appName) : "";
        String body = texts.get(email ? (message.signup() ? "mail.body.signup" : "mail.body") : "sms.body", appName, message.code(), minutes);
        counted("code", email ? "email" : "sms", () -> deliver(email ? "email" : "sms", message.to(), subject, body));
    }

    /** Runs one send and tells {@link #outcomes} how it went; a failure still reaches the caller. */
    private void counted(String kind, String channel, Runnable send) {
        try {
            send.run();
        }
        catch (RuntimeException e) {
            outcomes.sent(kind, channel, false);
            throw e;
        }
        outcomes.sent(kind, channel, true);
    }
}

package io.seatguard.server.challenge;

import io.seatguard.core.challenge.CodeMessage;
import io.seatguard.core.challenge.CodeSender;
import io.seatguard.server.config.ChallengeSettings;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Routes a verification code to its channel's adapter: SMTP and the SMS endpoint when configured; in
 * development, the outbox otherwise. In production a channel without its provider is unavailable, so a
 * code is never only logged.
 */
public final class CodeDelivery implements CodeSender {
    private final Optional<SmtpMailer> mail;
    private final Optional<HttpSmsSender> sms;
    private final Optional<DevOutbox> outbox;

    public CodeDelivery(Optional<SmtpMailer> mail, Optional<HttpSmsSender> sms, Optional<DevOutbox> outbox) {
        this.mail = mail;
        this.sms = sms;
        this.outbox = outbox;
    }

    public static CodeDelivery from(ChallengeSettings settings, Optional<DevOutbox> outbox) {
        return new CodeDelivery(settings.smtpUrl().map(url -> new SmtpMailer(url, settings.mailFrom())),
                settings.smsUrl().map(url -> new HttpSmsSender(url, settings.smsToken())), settings.production() ? Optional.empty() : outbox);
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
        if (message.channel().equals("email")) {
            String subject = texts.get("mail.subject", message.appName());
            String body = texts.get("mail.body", message.appName(), message.code(), minutes);
            if (mail.isPresent()) {
                mail.get().send(message.to(), subject, body);
            }
            else {
                outbox.orElseThrow(() -> new IllegalStateException("no mail server is configured")).add("email", message.to(), subject, body);
            }
        }
        else {
            String body = texts.get("sms.body", message.appName(), message.code(), minutes);
            if (sms.isPresent()) {
                sms.get().send(message.to(), body);
            }
            else {
                outbox.orElseThrow(() -> new IllegalStateException("no SMS provider is configured")).add("sms", message.to(), "", body);
            }
        }
    }
}

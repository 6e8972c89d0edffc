package io.seatguard.server.challenge;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;

/**
 * A message whose {@code Message-ID} is {@code <random@domain>}, the domain being the name Seatguard greets
 * the mail server with ({@link io.seatguard.server.config.SmtpHeloName}). Angus Mail's own is
 * {@code <hash.count.millis@machine>} ({@code <307919444.2.1796546035696@localhost>} in the test): the
 * machine's host name, a container's random id or {@code localhost}, which spam filters score against and
 * which tells recipients about the machine (review finding). A random UUID keeps the identifier unique
 * without telling anything of the sender, not even when it sent.
 */
final class MessageIdInDomain extends MimeMessage {
    private final String domain;

    /** @param domain a domain name or an address literal ({@code [192.0.2.1]}), both valid right of the {@code @} (RFC 5322 §3.6.4) */
    MessageIdInDomain(Session session, String domain) {
        super(session);
        this.domain = domain;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
    }
}

package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.challenge.DeliveryUncertain;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends plain-text email over SMTP (Jakarta Mail, Eclipse Angus). {@code smtp://} upgrades with
 * STARTTLS when the server offers it, and requires it when the URL carries credentials;
 * {@code smtps://} speaks TLS from the start. A slow mail server
 * holds a page request for at most the deadline: Jakarta Mail's timeouts bound each read, so a server
 * that trickles its answers a byte at a time would hold it without end.
 *
 * <p>A send whose mail's end was sent but never answered (the server went silent past the deadline, or
 * hung up) is not a failure but an unknown ({@link DeliveryUncertain}): the server may have queued it, and
 * the code it carries must stay valid. A refusal at any step, or a failure before the mail's end was sent,
 * is certain: nothing was queued. Once the server took the mail, nothing after (its QUIT) fails the send.
 */
public final class SmtpMailer {
    private static final String TIMEOUT_MS = "10000";
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private final Session session;
    private final String protocol;
    private final boolean tls;
    private final InternetAddress from;
    private final Duration deadline;
    /** Whether the exchange must be upgraded with STARTTLS before the sign-in (smtp:// with credentials). */
    private final boolean startTlsRequired;
    /** The greeting's name, also the domain of each Message-ID (MessageIdInDomain); empty: the mail library's, the machine's. */
    private final Optional<String> heloName;

    public SmtpMailer(URI url, String from) {
        this(url, from, Optional.empty(), DEADLINE);
    }

    /** @param heloName the name to greet the server with in EHLO, and the domain of each Message-ID; empty: Jakarta Mail's, the machine's host name */
    public SmtpMailer(URI url, String from, Optional<String> heloName) {
        this(url, from, heloName, List.of(), DEADLINE);
    }

    /** @param addedAuthorities authorities the server's certificate may be signed by, beside the JVM's (--smtp-ca-file) */
    public SmtpMailer(URI url, String from, Optional<String> heloName, List<java.security.cert.X509Certificate> addedAuthorities) {
        this(url, from, heloName, addedAuthorities, DEADLINE);
    }

    SmtpMailer(URI url, String from, Duration deadline) {
        this(url, from, Optional.empty(), List.of(), deadline);
    }

    SmtpMailer(URI url, String from, Optional<String> heloName, Duration deadline) {
        this(url, from, heloName, List.of(), deadline);
    }

    SmtpMailer(URI url, String from, Optional<String> heloName, List<java.security.cert.X509Certificate> addedAuthorities, Duration deadline) {
        requireNonNull(url, "url is null");
        this.deadline = requireNonNull(deadline, "deadline is null");
        this.heloName = requireNonNull(heloName, "heloName is null");
        this.tls = "smtps".equals(url.getScheme());
        this.protocol = tls ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", url.getHost());
        properties.put("mail." + protocol + ".port", String.valueOf(url.getPort() > 0 ? url.getPort() : tls ? 465 : 587));
        properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        // A container's host name (a random id) is refused by mail servers that check the greeting (SmtpHeloName).
        heloName.ifPresent(name -> properties.put("mail." + protocol + ".localhost", name));
        if (!tls) {
            properties.put("mail.smtp.starttls.enable", "true");
        }
        // The certificate must name the host of the URL, whichever authorities sign it; said outright, not
        // left to the mail library's default. The one socket factory serves smtps' connection and STARTTLS.
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        if (!addedAuthorities.isEmpty()) {
            properties.put("mail." + protocol + ".ssl.socketFactory", AddedTrust.socketFactory(addedAuthorities));
        }
        // With credentials, STARTTLS is required, not taken when offered: a server that does not offer it,
        // or anyone on the path who strikes it from the server's answer, was sent the sign-in (AUTH PLAIN is
        // the password in base64) and the codes in clear (found in review). Without credentials only the mail
        // goes, as a relay on the operator's own network may not speak TLS at all.
        this.startTlsRequired = !tls && url.getRawUserInfo() != null;
        if (startTlsRequired) {
            properties.put("mail.smtp.starttls.required", "true");
        }
        // Addresses and headers as UTF-8 (RFC 6531): without it an address like 用户@example.com went out
        // with each character cut to its low byte, "(7@example.com", someone else's mailbox (found in review).
        properties.put("mail.mime.allowutf8", "true");
        Authenticator authenticator = null;
        if (url.getRawUserInfo() != null) {
            PasswordAuthentication credentials = credentials(url.getRawUserInfo());
            properties.put("mail." + protocol + ".auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
        try {
            this.from = encoded(new InternetAddress(from, true));
        }
        catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("the mail sender is not an address: " + from, e);
        }
    }

    /**
     * The sender with its name as an RFC 2047 encoded word when it is not ASCII ({@code "Sécurité Acme"}):
     * parsed, the name stays as written, and with UTF-8 allowed for the recipient's sake setFrom wrote it raw into
     * the {@code From} header, to servers that never announced SMTPUTF8 too (found in review). Encoded,
     * every server reads it, and mail clients show it as written.
     */
    private static InternetAddress encoded(InternetAddress parsed) throws UnsupportedEncodingException {
        return parsed.getPersonal() == null ? parsed : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
    }

    /**
     * The user and password of a URL's raw user info, {@code user:password}, each percent-decoded (RFC 3986
     * §3.2.1). A {@code +} is a plus there, not a space: form decoding ({@link URLDecoder} alone) turned the
     * {@code +} of a password such as Amazon SES's base64 ones into a space, and the server refused the
     * sign-in with nothing to say why (found in review).
     */
    static PasswordAuthentication credentials(String rawUserInfo) {
        String[] parts = rawUserInfo.split(":", 2);
        return new PasswordAuthentication(percentDecoded(parts[0]), parts.length > 1 ? percentDecoded(parts[1]) : "");
    }

    private static String percentDecoded(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Sends on a virtual thread and waits at most the deadline for it. Past the deadline the thread is
     * interrupted, which closes its socket (socket I/O on a virtual thread is interruptible), so the
     * exchange ends on both sides instead of lingering after the caller gave up.
     */
    public void send(String to, String subject, String body) {
        // Every failure below names the recipient masked, and carries no cause: the mail library's own
        // messages quote the address, and whoever logs the failure would print them with it.
        MimeMessage message = heloName.<MimeMessage>map(domain -> new MessageIdInDomain(session, domain)).orElseGet(() -> new MimeMessage(session));
        try {
            // Set as text, encoded: with UTF-8 allowed, setFrom writes a name beyond ASCII raw (see #encoded).
            message.setHeader("From", from.toString());
            // Codes and notices are sent by a program (RFC 3834): vacation responders and list software must
            // not answer them, or an owner away answered every code with an out-of-office reply (found in review).
            message.setHeader("Auto-Submitted", "auto-generated");
            // Exchange and Outlook answer by their own header, not RFC 3834's: OOF and auto-replies only, so
            // that a code's non-delivery report still comes back.
            message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
        }
        catch (MessagingException e) {
            throw new IllegalStateException("the mail to " + MaskedRecipients.email(to) + " could not be sent: " + reason(e, to));
        }
        boolean international = !StandardCharsets.US_ASCII.newEncoder().canEncode(to);
        FinalReplyWatch transport = new FinalReplyWatch(session, protocol, tls);
        AtomicBoolean taken = new AtomicBoolean();
        FutureTask<Void> exchange = new FutureTask<>(() -> {
            try (transport) {
                connect(transport);
                // A server that does not announce SMTPUTF8 may not take such an address as written (RFC 6531
                // §3.4): refused here, the send fails cleanly, as any refused mail does.
                if (international && !transport.supportsExtension("SMTPUTF8")) {
                    throw new MessagingException("the mail server does not take addresses with non-ASCII characters (no SMTPUTF8)");
                }
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
                taken.set(true);
            }
            return null;
        });
        Thread.ofVirtual().name("smtp-send").start(exchange);
        try {
            exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException e) {
            exchange.cancel(true);
            if (!taken.get()) {
                throw transport.outcomeUnknown() ? unanswered(to, "within " + deadline.toSeconds() + " s")
                        : new IllegalStateException("the mail server did not take the mail to " + MaskedRecipients.email(to) + " within " + deadline.toSeconds() + " s");
            }
        }
        catch (ExecutionException e) {
            // Taken, then a slow or failed QUIT: the mail is on its way all the same.
            if (!taken.get()) {
                throw transport.outcomeUnknown() ? unanswered(to, "(" + reason(e.getCause(), to) + ")")
                        : new IllegalStateException("the mail to " + MaskedRecipients.email(to) + " could not be sent: " + reason(e.getCause(), to));
            }
        }
        catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the mail to " + MaskedRecipients.email(to));
        }
    }

    /** @param how what became of the wait for the reply: past the deadline, or the connection's failure */
    private static DeliveryUncertain unanswered(String to, String how) {
        return new DeliveryUncertain("the mail server did not answer the end of the mail to " + MaskedRecipients.email(to) + " " + how
                + ": it may have queued it, and the mail may still arrive");
    }

    /**
     * Connects (and signs in); a server that does not offer STARTTLS when it is required is refused
     * before the sign-in, and the failure says what the operator can do about it.
     */
    private void connect(Transport transport) throws MessagingException {
        try {
            transport.connect();
        }
        catch (MessagingException e) {
            if (startTlsRequired && e.getMessage() != null && e.getMessage().contains("STARTTLS")) {
                throw new MessagingException("the mail server does not offer STARTTLS, and the user and password of --smtp-url are never sent"
                        + " unencrypted: have the server offer STARTTLS, or use smtps:// if it speaks TLS from the start");
            }
            throw e;
        }
    }

    /**
     * The failure's message and those it wraps, masked: Jakarta Mail says "Invalid Addresses" and keeps the
     * server's reply ({@code 550 … User unknown}), which the operator needs, in the exception it chains.
     */
    private static String reason(Throwable failure, String to) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable at = failure; at != null && seen.add(at) && parts.size() < 4;
                at = at instanceof MessagingException messaging && messaging.getNextException() != null ? messaging.getNextException() : at.getCause()) {
            String message = at.getMessage();
            if (message != null && !message.isBlank() && !parts.contains(message.strip())) {
                parts.add(message.strip());
            }
        }
        return MaskedRecipients.withoutEmail(parts.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", parts), to);
    }
}

package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends plain-text email over SMTP (Jakarta Mail, Eclipse Angus). {@code smtp://} upgrades with
 * STARTTLS when the server offers it; {@code smtps://} speaks TLS from the start. Timeouts keep a slow
 * mail server from holding a page request for long.
 */
public final class SmtpMailer {
    private static final String TIMEOUT_MS = "10000";

    private final Session session;
    private final InternetAddress from;

    public SmtpMailer(URI url, String from) {
        requireNonNull(url, "url is null");
        boolean tls = "smtps".equals(url.getScheme());
        String protocol = tls ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", url.getHost());
        properties.put("mail." + protocol + ".port", String.valueOf(url.getPort() > 0 ? url.getPort() : tls ? 465 : 587));
        properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (!tls) {
            properties.put("mail.smtp.starttls.enable", "true");
        }
        Authenticator authenticator = null;
        if (url.getRawUserInfo() != null) {
            String[] parts = url.getRawUserInfo().split(":", 2);
            String user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            String password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            properties.put("mail." + protocol + ".auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
        try {
            this.from = new InternetAddress(from, true);
        }
        catch (MessagingException e) {
            throw new IllegalArgumentException("the mail sender is not an address: " + from, e);
        }
    }

    public void send(String to, String subject, String body) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            Transport.send(message);
        }
        catch (MessagingException e) {
            throw new IllegalStateException("the mail to " + to + " could not be sent: " + e.getMessage(), e);
        }
    }
}

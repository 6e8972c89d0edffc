package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Review finding (security): {@code smtp://} asked for STARTTLS only when the server offered it, so with
 * credentials in the URL a mail server that did not offer it (or anyone on the path who struck
 * {@code STARTTLS} from its answer) was sent the sign-in and the codes in clear. With credentials it is
 * now required. The server here announces AUTH and no STARTTLS, and records every line it reads.
 */
class SmtpStartTlsRequiredTest {
    private static final String PASSWORD = "s3cret-Passw0rd";

    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws IOException {
        server = ScriptedSmtpServer.start("plain.example", verb -> switch (verb) {
            case "EHLO" -> Optional.of("250-plain.example\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
            case "AUTH" -> Optional.of("235 2.7.0 Authentication successful");
            default -> Optional.empty();
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void withCredentialsAServerWithoutStartTlsIsSentNeitherTheSignInNorTheMail() throws InterruptedException {
        SmtpMailer mailer = new SmtpMailer(URI.create("smtp://codes%40example.com:" + PASSWORD + "@127.0.0.1:" + server.port()),
                "codes@example.com", Duration.ofSeconds(10));
        Throwable failure = catchThrowable(() -> mailer.send("ana@example.com", "Code", "123456"));
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasNoCause();
        assertThat(failure.getMessage()).contains("a•••@example.com").contains("STARTTLS").doesNotContain(PASSWORD);
        assertThat(server.awaitConversationEnd(5_000)).isTrue();
        String plain = Base64.getEncoder().encodeToString(("\0codes@example.com\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(server.received()).as("no sign-in, no mail").noneMatch(line -> line.toUpperCase(Locale.ROOT).startsWith("AUTH")
                || line.startsWith("MAIL") || line.startsWith("RCPT") || line.contains(PASSWORD) || line.contains(plain) || line.contains("123456"));
    }

    /** Without credentials nothing secret is sent but the mail itself: STARTTLS stays taken when offered, as a relay on your network may not. */
    @Test
    void withoutCredentialsAServerWithoutStartTlsStillTakesTheMail() {
        SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.port()), "codes@example.com", Duration.ofSeconds(10));
        mailer.send("ana@example.com", "Code", "123456");
        assertThat(server.received()).contains("RCPT TO:<ana@example.com>");
    }
}

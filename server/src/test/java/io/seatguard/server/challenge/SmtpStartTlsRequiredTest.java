package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final List<String> received = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private Thread conversation;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        conversation = Thread.ofPlatform().daemon().start(() -> {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream();
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                reply(out, "220 plain.example ESMTP");
                boolean data = false;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    received.add(line);
                    if (data) {
                        if (line.equals(".")) {
                            data = false;
                            reply(out, "250 queued");
                        }
                        continue;
                    }
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                    switch (verb) {
                        case "EHLO" -> reply(out, "250-plain.example\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
                        case "AUTH" -> reply(out, "235 2.7.0 Authentication successful");
                        case "DATA" -> {
                            data = true;
                            reply(out, "354 go on");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 ok");
                    }
                }
            }
            catch (IOException e) {
                // The mailer hung up, or the test ended.
            }
        });
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        server.close();
        conversation.join(5_000);
    }

    @Test
    void withCredentialsAServerWithoutStartTlsIsSentNeitherTheSignInNorTheMail() throws InterruptedException {
        SmtpMailer mailer = new SmtpMailer(URI.create("smtp://codes%40example.com:" + PASSWORD + "@127.0.0.1:" + server.getLocalPort()),
                "codes@example.com", Duration.ofSeconds(10));
        Throwable failure = catchThrowable(() -> mailer.send("ana@example.com", "Code", "123456"));
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasNoCause();
        assertThat(failure.getMessage()).contains("a•••@example.com").contains("STARTTLS").doesNotContain(PASSWORD);
        conversation.join(5_000);
        String plain = Base64.getEncoder().encodeToString(("\0codes@example.com\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(received).as("no sign-in, no mail").noneMatch(line -> line.toUpperCase(Locale.ROOT).startsWith("AUTH")
                || line.startsWith("MAIL") || line.startsWith("RCPT") || line.contains(PASSWORD) || line.contains(plain) || line.contains("123456"));
    }

    /** Without credentials nothing secret is sent but the mail itself: STARTTLS stays taken when offered, as a relay on your network may not. */
    @Test
    void withoutCredentialsAServerWithoutStartTlsStillTakesTheMail() {
        SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.getLocalPort()), "codes@example.com", Duration.ofSeconds(10));
        mailer.send("ana@example.com", "Code", "123456");
        assertThat(received).contains("RCPT TO:<ana@example.com>");
    }
}

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failed mail is logged (an owner notice's failure is a WARN line), and a log keeps what it says past
 * the account's erasure: the failure names the recipient masked, also where the mail server's own refusal
 * quoted it back (found in review: the address was in the log in clear). Against a mail server that
 * refuses the recipient as real ones do, and against none at all.
 */
class SmtpFailuresMaskTheRecipientTest {
    private static final String RECIPIENT = "private.person@example.com";

    private ServerSocket server;
    private Thread refuser;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        refuser = Thread.ofPlatform().daemon().start(() -> {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream();
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))) {
                reply(out, "220 mail.example ESMTP");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    switch (verb) {
                        case "EHLO", "HELO" -> reply(out, "250 mail.example");
                        case "MAIL" -> reply(out, "250 2.1.0 Ok");
                        // Quoted back in another case, as servers may.
                        case "RCPT" -> reply(out, "550 5.1.1 <Private.Person@EXAMPLE.com>: Recipient address rejected: User unknown");
                        case "QUIT" -> {
                            reply(out, "221 2.0.0 Bye");
                            return;
                        }
                        default -> reply(out, "250 Ok");
                    }
                }
            }
            catch (IOException e) {
                // The mailer hung up: the exchange is over.
            }
        });
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @AfterEach
    void stop() throws IOException {
        refuser.interrupt();
        server.close();
    }

    @Test
    void aRecipientTheMailServerRefusesIsNamedMasked() {
        SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.getLocalPort()), "codes@example.com", Duration.ofSeconds(5));
        Throwable failure = catchThrowable(() -> mailer.send(RECIPIENT, "Code", "123456"));
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasNoCause();
        assertThat(failure.getMessage()).contains("p•••@example.com").containsIgnoringCase("User unknown")
                .doesNotContainIgnoringCase("private.person");
    }

    @Test
    void aMailServerThatIsDownNamesTheRecipientMasked() throws IOException {
        int closed = server.getLocalPort();
        server.close();
        SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + closed), "codes@example.com", Duration.ofSeconds(5));
        Throwable failure = catchThrowable(() -> mailer.send(RECIPIENT, "Code", "123456"));
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasNoCause();
        assertThat(failure.getMessage()).contains("p•••@example.com").doesNotContainIgnoringCase("private.person");
    }
}

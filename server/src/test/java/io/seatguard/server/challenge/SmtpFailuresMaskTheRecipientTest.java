package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
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

    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws IOException {
        server = ScriptedSmtpServer.start("mail.example", verb -> switch (verb) {
            case "EHLO", "HELO" -> Optional.of("250 mail.example");
            // Quoted back in another case, as servers may.
            case "RCPT" -> Optional.of("550 5.1.1 <Private.Person@EXAMPLE.com>: Recipient address rejected: User unknown");
            default -> Optional.empty();
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aRecipientTheMailServerRefusesIsNamedMasked() {
        SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.port()), "codes@example.com", Duration.ofSeconds(5));
        Throwable failure = catchThrowable(() -> mailer.send(RECIPIENT, "Code", "123456"));
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasNoCause();
        assertThat(failure.getMessage()).contains("p•••@example.com").containsIgnoringCase("User unknown")
                .doesNotContainIgnoringCase("private.person");
    }

    @Test
    void aMailServerThatIsDownNamesTheRecipientMasked() throws IOException {
        int closed = server.port();
        server.close();
        SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + closed), "codes@example.com", Duration.ofSeconds(5));
        Throwable failure = catchThrowable(() -> mailer.send(RECIPIENT, "Code", "123456"));
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasNoCause();
        assertThat(failure.getMessage()).contains("p•••@example.com").doesNotContainIgnoringCase("private.person");
    }
}

package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.seatguard.core.challenge.DeliveryUncertain;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A mail's send is unknown (it may still arrive) only when its end was sent and the server's reply to it
 * never came; silence or a refusal before that is a failure (nothing was queued), and a server that took
 * the mail and then hangs on QUIT delivered it. Against a scripted mail server, with a one-second deadline.
 */
class SmtpSendOutcomeTest {
    private static final Duration DEADLINE = Duration.ofSeconds(1);

    @Test
    void silenceAfterTheMailsEndLeavesTheSendUnknown() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start("mail.example", verb -> verb.equals(".") ? Optional.of(ScriptedSmtpServer.SILENCE)
                : Optional.empty())) {
            assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThatThrownBy(() -> mailer(server).send("ana@example.com", "Code", "Your code is 123456"))
                    .isInstanceOf(DeliveryUncertain.class).hasMessageContaining("a•••@example.com").hasMessageContaining("may still arrive")
                    .hasMessageNotContaining("ana@"));
            assertThat(server.received()).as("the server had the whole mail").contains("Your code is 123456", ".");
        }
    }

    @Test
    void aHangUpAfterTheMailsEndLeavesTheSendUnknown() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start("mail.example", verb -> verb.equals(".") ? Optional.of(ScriptedSmtpServer.HANG_UP)
                : Optional.empty())) {
            assertThatThrownBy(() -> mailer(server).send("ana@example.com", "Code", "123456")).isInstanceOf(DeliveryUncertain.class)
                    .hasMessageContaining("may still arrive");
        }
    }

    /**
     * A garbled line is no reply: the mail library closes the connection on it, saying QUIT, and the server's
     * {@code 221} to that QUIT was taken for the reply to the mail's end, so the send counted failed and its
     * code was undone, though the server may have queued the mail (found in review).
     */
    @Test
    void aGarbledReplyToTheMailsEndLeavesTheSendUnknown() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start("mail.example", verb -> verb.equals(".") ? Optional.of("Thanks, queued")
                : Optional.empty())) {
            assertThatThrownBy(() -> mailer(server).send("ana@example.com", "Code", "123456")).isInstanceOf(DeliveryUncertain.class)
                    .hasMessageContaining("may still arrive");
            assertThat(server.received()).as("the library said QUIT, and had the server's 221 for it").contains("QUIT");
        }
    }

    @Test
    void aHangUpBeforeTheMailWasSentIsAFailure() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start("mail.example", verb -> verb.equals("DATA") ? Optional.of(ScriptedSmtpServer.HANG_UP)
                : Optional.empty())) {
            assertThatThrownBy(() -> mailer(server).send("ana@example.com", "Code", "123456")).isInstanceOf(IllegalStateException.class)
                    .isNotInstanceOf(DeliveryUncertain.class);
        }
    }

    @Test
    void silenceBeforeTheMailWasSentIsAFailure() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start("mail.example", verb -> verb.equals("RCPT") ? Optional.of(ScriptedSmtpServer.SILENCE)
                : Optional.empty())) {
            assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThatThrownBy(() -> mailer(server).send("ana@example.com", "Code", "123456"))
                    .isInstanceOf(IllegalStateException.class).isNotInstanceOf(DeliveryUncertain.class).hasMessageContaining("did not take the mail"));
        }
    }

    @Test
    void aRefusalOfTheMailsEndIsAFailure() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start("mail.example", verb -> verb.equals(".") ? Optional.of("554 5.7.1 Message rejected")
                : Optional.empty())) {
            assertThatThrownBy(() -> mailer(server).send("ana@example.com", "Code", "123456")).isInstanceOf(IllegalStateException.class)
                    .isNotInstanceOf(DeliveryUncertain.class).hasMessageContaining("Message rejected");
        }
    }

    @Test
    void aMailTheServerTookIsSentEvenIfItNeverAnswersQuit() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start("mail.example", verb -> verb.equals("QUIT") ? Optional.of(ScriptedSmtpServer.SILENCE)
                : Optional.empty())) {
            assertTimeoutPreemptively(Duration.ofSeconds(8), () -> mailer(server).send("ana@example.com", "Code", "123456"));
            assertThat(server.received()).contains("QUIT");
        }
    }

    private static SmtpMailer mailer(ScriptedSmtpServer server) {
        return new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.port()), "codes@example.com", DEADLINE);
    }
}

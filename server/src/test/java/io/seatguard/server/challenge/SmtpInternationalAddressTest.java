package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Found in review: a code for 用户@example.com went out as {@code RCPT TO:<(7@example.com>} (each
 * character cut to its low byte: another real mailbox), and one for josé@example.com as a raw Latin-1
 * byte. A mail server that announces SMTPUTF8 now gets the address in UTF-8, with SMTPUTF8 on
 * {@code MAIL FROM}; one that does not is not sent such an address at all. The server here is a few
 * lines of SMTP over a real socket ({@link ScriptedSmtpServer}, which reads lines as UTF-8), so the test
 * reads what went on the wire.
 */
class SmtpInternationalAddressTest {
    private ScriptedSmtpServer server;

    private void start(boolean announcesSmtpUtf8) throws IOException {
        server = ScriptedSmtpServer.start("sink", verb -> verb.equals("EHLO")
                ? Optional.of(announcesSmtpUtf8 ? "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8" : "250-sink\r\n250 8BITMIME")
                : Optional.empty());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private SmtpMailer mailer() {
        return new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.port()), "codes@example.com", Duration.ofSeconds(10));
    }

    @Test
    void anInternationalAddressGoesAsWrittenToAServerThatTakesIt() throws IOException {
        start(true);
        mailer().send("用户@example.com", "Code", "123456");
        assertThat(server.received()).contains("RCPT TO:<用户@example.com>");
        assertThat(server.received()).filteredOn(command -> command.startsWith("MAIL FROM:")).singleElement().asString().contains("SMTPUTF8");
    }

    @Test
    void anInternationalAddressIsNotSentToAServerThatDoesNotAnnounceSmtpUtf8() throws IOException {
        start(false);
        assertThatThrownBy(() -> mailer().send("josé@example.com", "Code", "123456")).hasMessageContaining("SMTPUTF8");
        assertThat(server.received()).noneMatch(command -> command.startsWith("RCPT"));
    }

    @Test
    void anAsciiAddressGoesToEitherServer() throws IOException {
        start(false);
        mailer().send("ana@example.com", "Code", "123456");
        assertThat(server.received()).contains("RCPT TO:<ana@example.com>");
    }
}

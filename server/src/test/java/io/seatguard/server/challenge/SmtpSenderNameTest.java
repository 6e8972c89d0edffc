package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Review finding: a sender's name beyond ASCII ({@code --mail-from "Sécurité Acme <codes@example.com>"})
 * went raw into the {@code From} header, in UTF-8, to a mail server that never announced SMTPUTF8 (RFC
 * 6532 allows it only there), while the subject beside it was encoded. It now goes as an RFC 2047 encoded
 * word, as the subject does. Read on the wire ({@link ScriptedSmtpServer}, which reads lines as UTF-8).
 */
class SmtpSenderNameTest {
    @Test
    void aSenderNameBeyondAsciiIsEncodedForAServerWithoutSmtpUtf8() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start("sink", verb -> verb.equals("EHLO") ? Optional.of("250-sink\r\n250 8BITMIME")
                : Optional.empty())) {
            new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.port()), "Sécurité Acme <codes@example.com>", Duration.ofSeconds(10))
                    .send("ana@example.com", "Votre code de vérification", "123456");
            assertThat(server.received()).contains("MAIL FROM:<codes@example.com>")
                    .anySatisfy(line -> assertThat(line).startsWith("From: =?UTF-8?").endsWith("<codes@example.com>"))
                    .allMatch(line -> line.matches("\\p{ASCII}*"), "ASCII only");
        }
    }

    @Test
    void anAsciiSenderNameIsLeftAsWritten() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start("sink", verb -> Optional.empty())) {
            new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.port()), "Acme Security <codes@example.com>", Duration.ofSeconds(10))
                    .send("ana@example.com", "Code", "123456");
            assertThat(server.received()).contains("From: Acme Security <codes@example.com>");
        }
    }
}

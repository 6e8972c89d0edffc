package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Found in review: a code for 用户@example.com went out as {@code RCPT TO:<(7@example.com>} (each
 * character cut to its low byte: another real mailbox), and one for josé@example.com as a raw Latin-1
 * byte. A mail server that announces SMTPUTF8 now gets the address in UTF-8, with SMTPUTF8 on
 * {@code MAIL FROM}; one that does not is not sent such an address at all. The server here is a few
 * lines of SMTP over a real socket, so the test reads the exact bytes on the wire.
 */
class SmtpInternationalAddressTest {
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private Thread conversation;

    private void start(boolean announcesSmtpUtf8) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        conversation = Thread.ofPlatform().daemon().start(() -> {
            try (Socket client = server.accept(); InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                reply(out, "220 sink ESMTP");
                boolean data = false;
                String line;
                while ((line = readLine(in)) != null) {
                    if (data) {
                        if (line.equals(".")) {
                            data = false;
                            reply(out, "250 queued");
                        }
                        continue;
                    }
                    commands.add(line);
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    switch (verb) {
                        case "EHLO" -> reply(out, announcesSmtpUtf8 ? "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8" : "250-sink\r\n250 8BITMIME");
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

    /** One line as UTF-8, so that a byte cut from a character shows as what it became. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        server.close();
        conversation.join(5_000);
    }

    private SmtpMailer mailer() {
        return new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.getLocalPort()), "codes@example.com", Duration.ofSeconds(10));
    }

    @Test
    void anInternationalAddressGoesAsWrittenToAServerThatTakesIt() throws IOException {
        start(true);
        mailer().send("用户@example.com", "Code", "123456");
        assertThat(commands).contains("RCPT TO:<用户@example.com>");
        assertThat(commands).filteredOn(command -> command.startsWith("MAIL FROM:")).singleElement().asString().contains("SMTPUTF8");
    }

    @Test
    void anInternationalAddressIsNotSentToAServerThatDoesNotAnnounceSmtpUtf8() throws IOException {
        start(false);
        assertThatThrownBy(() -> mailer().send("josé@example.com", "Code", "123456")).hasMessageContaining("SMTPUTF8");
        assertThat(commands).noneMatch(command -> command.startsWith("RCPT"));
    }

    @Test
    void anAsciiAddressGoesToEitherServer() throws IOException {
        start(false);
        mailer().send("ana@example.com", "Code", "123456");
        assertThat(commands).contains("RCPT TO:<ana@example.com>");
    }
}

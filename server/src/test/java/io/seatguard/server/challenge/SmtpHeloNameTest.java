package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.seatguard.server.SendOutcomes;
import io.seatguard.server.config.ChallengeSettings;
import io.seatguard.server.config.ServerConfig;
import jakarta.mail.MessagingException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding: Seatguard greeted the mail server (EHLO) with the machine's host name, Jakarta Mail's
 * default, which in a container is a random id that mail servers checking the greeting refuse. It now
 * greets with the name the operator gives, else with the host of the public URL. Read from the Received
 * header GreenMail (the project's SMTP test server) writes with the greeting's name.
 */
class SmtpHeloNameTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;

    @Test
    void theMailServerIsGreetedWithThePublicUrlsHostWhenNoNameIsGiven() throws MessagingException {
        ServerConfig config = configured(ChallengeSettings.DEVELOPMENT.withSmtp(smtp()));
        send(config);
        assertThat(greeting()).isEqualTo("seatguard.example.com");
    }

    @Test
    void theMailServerIsGreetedWithTheOperatorsNameOverThePublicUrls() throws MessagingException {
        ServerConfig config = configured(ChallengeSettings.DEVELOPMENT.withSmtp(smtp()).withSmtpHeloName("mail.example.net"));
        send(config);
        assertThat(greeting()).isEqualTo("mail.example.net");
    }

    /**
     * Review finding: the Message-ID named the machine (Angus Mail's {@code <307919444.2.1796546035696@localhost>}
     * here; a container's id in a container). It names the greeting's domain now.
     */
    @Test
    void theMessageIdNamesTheGreetingsDomainNotTheMachine() throws MessagingException {
        send(configured(ChallengeSettings.DEVELOPMENT.withSmtp(smtp())));
        send(configured(ChallengeSettings.DEVELOPMENT.withSmtp(smtp()).withSmtpHeloName("mail.example.net")));
        send(configured(ChallengeSettings.DEVELOPMENT.withSmtp(smtp()).withSmtpHeloName("[192.0.2.1]")));
        jakarta.mail.internet.MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getHeader("Message-ID")).singleElement().asString().matches("<[0-9a-f-]{36}@seatguard\\.example\\.com>");
        assertThat(received[1].getHeader("Message-ID")).singleElement().asString().matches("<[0-9a-f-]{36}@mail\\.example\\.net>");
        assertThat(received[2].getHeader("Message-ID")).singleElement().asString().matches("<[0-9a-f-]{36}@\\[192\\.0\\.2\\.1]>");
    }

    /** Without either, the mail library's default stays: the machine's name (not tested here: the machine's own). */
    @Test
    void withoutANameOrADomainInThePublicUrlTheDefaultStays() {
        ServerConfig.Builder builder = ServerConfig.builder(dataDir).challenges(ChallengeSettings.DEVELOPMENT.withSmtp(smtp()));
        assertThat(builder.build().smtpHeloName()).isEmpty();
        assertThat(builder.publicUrl("https://203.0.113.5").build().smtpHeloName()).as("an address is no name").isEmpty();
        assertThat(builder.publicUrl("http://[2001:db8::1]:8080").build().smtpHeloName()).isEmpty();
        assertThat(builder.publicUrl("http://localhost:8080").build().smtpHeloName()).as("one label, as a container's id").isEmpty();
    }

    private ServerConfig configured(ChallengeSettings challenges) {
        return ServerConfig.builder(dataDir).publicUrl("https://seatguard.example.com").challenges(challenges).build();
    }

    private static URI smtp() {
        return URI.create("smtp://127.0.0.1:" + MAIL.getSmtp().getPort());
    }

    /** As the server sends an owner notice: through the delivery it builds from its configuration. */
    private static void send(ServerConfig config) {
        CodeDelivery.from(config.challenges(), config.smtpHeloName(), Optional.empty(), SendOutcomes.NONE)
                .sendNotice("email", "ana@example.com", "New sign-in", "Was it you?");
    }

    /** GreenMail's {@code Received: from <client> (HELO <name>); <date>}. */
    private static String greeting() throws MessagingException {
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        String received = MAIL.getReceivedMessages()[0].getHeader("Received")[0];
        assertThat(received).contains("(HELO ");
        return received.replaceFirst("(?s).*\\(HELO ([^)]*)\\).*", "$1");
    }
}

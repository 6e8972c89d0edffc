package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.seatguard.core.challenge.CodeMessage;
import io.seatguard.server.SendOutcomes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Review finding (operability): a code the mail server or SMS provider refused answered the page 503,
 * and the reason went nowhere: the operator saw a failure count and nothing to act on. Each failed code
 * send is a WARN line naming the channel, the recipient masked and the reason, never the code.
 */
class CodeSendFailuresAreLoggedTest {
    private static final String CODE = "482916";

    private final Logger logger = (Logger) LoggerFactory.getLogger(CodeDelivery.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private ScriptedSmtpServer mailServer;
    private HttpServer provider;

    @BeforeEach
    void start() throws IOException {
        appender.start();
        logger.addAppender(appender);
        mailServer = ScriptedSmtpServer.start("mail.example", verb -> verb.equals("RCPT") ? Optional.of("451 4.3.0 Mailbox temporarily unavailable")
                : Optional.empty());
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/sms", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() throws IOException {
        logger.detachAppender(appender);
        mailServer.close();
        provider.stop(0);
    }

    private CodeDelivery delivery() {
        return new CodeDelivery(Optional.of(new SmtpMailer(URI.create("smtp://127.0.0.1:" + mailServer.port()), "codes@example.com",
                Duration.ofSeconds(5))), Optional.of(new HttpSmsSender(URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/sms"),
                Optional.of("sms-secret-token"))), Optional.empty(), SendOutcomes.NONE);
    }

    private List<String> warnings() {
        return appender.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aCodeTheMailServerRefusedIsLoggedWithTheRecipientMaskedAndTheReason() {
        Throwable failure = catchThrowable(() -> delivery().send(new CodeMessage("email", "private.person@example.com", CODE, "StreamFlix",
                Duration.ofMinutes(10), Locale.ENGLISH, false)));
        assertThat(failure).as("the page still answers 503").isInstanceOf(IllegalStateException.class);
        assertThat(warnings()).singleElement().asString().contains("email").contains("p•••@example.com").contains("451")
                .doesNotContainIgnoringCase("private.person").doesNotContain(CODE);
    }

    @Test
    void aCodeTheSmsProviderRefusedIsLoggedWithTheNumberMaskedAndTheReason() {
        Throwable failure = catchThrowable(() -> delivery().send(new CodeMessage("sms", "+33612345678", CODE, "StreamFlix",
                Duration.ofMinutes(10), Locale.ENGLISH, false)));
        assertThat(failure).isInstanceOf(IllegalStateException.class);
        assertThat(warnings()).singleElement().asString().contains("sms").contains("+33•••••••78").contains("answered 500")
                .doesNotContain("+33612345678").doesNotContain(CODE).doesNotContain("sms-secret-token");
    }
}

package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.seatguard.server.SendOutcomes;
import io.seatguard.server.config.ChallengeSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Review: a plain http {@code --sms-url} to another machine started without a word, and every code then
 * crossed the network in clear text. One WARN at start names the host, never the URL's credentials; a relay
 * on this machine (loopback) and https are quiet.
 */
class CleartextSmsEndpointWarningTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(CodeDelivery.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    private List<String> warningsAtStartWith(String smsUrl) {
        appender.list.clear();
        ChallengeSettings settings = new ChallengeSettings(Optional.empty(), "Seatguard <no-reply@seatguard.invalid>", Optional.of(URI.create(smsUrl)),
                Optional.empty(), true, ChallengeSettings.DEVELOPMENT.rules(), Optional.empty());
        CodeDelivery.from(settings, Optional.empty(), Optional.empty(), SendOutcomes.NONE);
        return appender.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void plainHttpToAnotherHostIsOneWarningNamingTheHostWithoutTheCredentials() {
        assertThat(warningsAtStartWith("http://AC1f:s3cret@sms.example.com:8080/send")).singleElement().asString()
                .contains("sms.example.com:8080").contains("plain http").doesNotContain("AC1f").doesNotContain("s3cret");
        assertThat(warningsAtStartWith("http://10.0.0.7/send")).singleElement().asString().contains("10.0.0.7");
    }

    @Test
    void httpsAndARelayOnThisMachineAreQuiet() {
        for (String quiet : new String[] {"https://AC1f:s3cret@sms.example.com/send", "http://127.0.0.1:9000/send", "http://localhost/send",
                "http://[::1]:9000/send"}) {
            assertThat(warningsAtStartWith(quiet)).as(quiet).isEmpty();
        }
    }
}

package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.seatguard.server.SendOutcomes;
import io.seatguard.server.config.ChallengeSettings;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Brief 2: {@code --smtp-ca-file} without {@code --smtp-url} (a misspelt URL variable) was taken in silence and
 * no mail went. Like the other options that only some setups use, it is not refused: one WARN at start names
 * both options; so for the greeting name without the mail URL and the SMS token without the SMS URL.
 */
class OptionsWithoutTheirUrlTest {
    private static final Optional<URI> MAIL = Optional.of(URI.create("smtp://mail.example.com"));
    private static final Optional<URI> SMS = Optional.of(URI.create("https://sms.example.com/send"));

    @TempDir
    Path dir;

    @Test
    void theCaFileWithoutTheMailUrlIsAWarningNamingBoth() throws Exception {
        List<X509Certificate> authorities = List.of(TestAuthority.selfSignedFrom(dir, "Current", "-1H"));

        assertThat(warningsAtStart(settings(Optional.empty(), Optional.empty(), Optional.empty(), authorities, false))).singleElement()
                .satisfies(warning -> assertThat(warning).contains("--smtp-ca-file (SEATGUARD_SMTP_CA_FILE)")
                        .contains("--smtp-url (SEATGUARD_SMTP_URL)").contains("development outbox"));
        assertThat(warningsAtStart(settings(Optional.empty(), Optional.empty(), Optional.empty(), authorities, true))).singleElement()
                .satisfies(warning -> assertThat(warning).contains("--smtp-ca-file").contains("--smtp-url").contains("no channel"));
        assertThat(warningsAtStart(settings(MAIL, Optional.empty(), Optional.empty(), authorities, false))).as("with its URL").isEmpty();
    }

    @Test
    void theGreetingNameAndTheSmsTokenWithoutTheirUrlAreAWarningEach() {
        List<String> warnings = warningsAtStart(settings(Optional.empty(), Optional.of("mail.example.com"), Optional.of("t0ken"), List.of(), false));

        assertThat(warnings).hasSize(2)
                .anySatisfy(warning -> assertThat(warning).contains("--smtp-helo-name (SEATGUARD_SMTP_HELO_NAME)").contains("--smtp-url"))
                .anySatisfy(warning -> assertThat(warning).contains("--sms-token (SEATGUARD_SMS_TOKEN)").contains("--sms-url (SEATGUARD_SMS_URL)"))
                .noneSatisfy(warning -> assertThat(warning).contains("t0ken"));
        assertThat(warningsAtStart(new ChallengeSettings(MAIL, "Seatguard <no-reply@seatguard.invalid>", SMS, Optional.of("t0ken"), false,
                ChallengeSettings.DEVELOPMENT.rules(), Optional.empty(), Optional.of("mail.example.com"), List.of()))).as("each with its URL").isEmpty();
        assertThat(warningsAtStart(ChallengeSettings.DEVELOPMENT)).as("none of them").isEmpty();
    }

    private static ChallengeSettings settings(Optional<URI> smtpUrl, Optional<String> heloName, Optional<String> smsToken,
            List<X509Certificate> authorities, boolean production) {
        return new ChallengeSettings(smtpUrl, "Seatguard <no-reply@seatguard.invalid>", Optional.empty(), smsToken, production,
                ChallengeSettings.DEVELOPMENT.rules(), Optional.empty(), heloName, authorities);
    }

    private static List<String> warningsAtStart(ChallengeSettings settings) {
        Logger logger = (Logger) LoggerFactory.getLogger(CodeDelivery.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            CodeDelivery.from(settings, Optional.empty(), Optional.empty(), SendOutcomes.NONE);
            return appender.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
        }
        finally {
            logger.detachAppender(appender);
        }
    }
}

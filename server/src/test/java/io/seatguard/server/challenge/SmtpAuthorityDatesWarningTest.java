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
 * Review: an authority in {@code --smtp-ca-file} that has expired, or is not valid yet, was taken without a
 * word; the first sign was codes failing to go. One WARN at start names each; a current one is quiet.
 */
class SmtpAuthorityDatesWarningTest {
    @TempDir
    Path dir;

    @Test
    void anExpiredOrNotYetValidAuthorityIsOneWarningEachAtStart() throws Exception {
        X509Certificate expired = TestAuthority.selfSignedFrom(dir, "Expired", "-10d");
        X509Certificate early = TestAuthority.selfSignedFrom(dir, "Early", "+10d");
        X509Certificate current = TestAuthority.selfSignedFrom(dir, "Current", "-1H");

        assertThat(warningsAtStartWith(List.of(expired, current, early))).hasSize(2)
                .anySatisfy(warning -> assertThat(warning).contains("CN=Expired").contains("--smtp-ca-file"))
                .anySatisfy(warning -> assertThat(warning).contains("CN=Early"))
                .noneSatisfy(warning -> assertThat(warning).contains("CN=Current"));
        assertThat(warningsAtStartWith(List.of(current))).isEmpty();
    }

    private static List<String> warningsAtStartWith(List<X509Certificate> authorities) {
        Logger logger = (Logger) LoggerFactory.getLogger(CodeDelivery.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            ChallengeSettings settings = new ChallengeSettings(Optional.of(URI.create("smtp://mail.example.com")), "Seatguard <no-reply@seatguard.invalid>",
                    Optional.empty(), Optional.empty(), true, ChallengeSettings.DEVELOPMENT.rules(), Optional.empty(), Optional.empty(), authorities);
            CodeDelivery.from(settings, Optional.empty(), Optional.empty(), SendOutcomes.NONE);
            return appender.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
        }
        finally {
            logger.detachAppender(appender);
        }
    }
}

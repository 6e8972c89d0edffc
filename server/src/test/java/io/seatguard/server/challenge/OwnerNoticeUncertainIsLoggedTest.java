package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.seatguard.core.app.AppService;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.storage.SqlAppStore;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.SqlOwnerNotices;
import io.seatguard.storage.StorageSettings;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An owner notice whose mail's end the server never answered (it hung up) may have been queued: it is
 * counted as unknown, not failed, and its warning says it is uncertain whether the owner was told.
 */
class OwnerNoticeUncertainIsLoggedTest {
    @TempDir
    Path dataDir;

    @Test
    void aNoticeWhoseMailWasNeverAnsweredIsCountedUnknownAndLoggedAsUncertain() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(OwnerNotices.class);
        List<String> warnings = new CopyOnWriteArrayList<>();
        CountDownLatch warned = new CountDownLatch(1);
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel() == Level.WARN) {
                    warnings.add(event.getFormattedMessage());
                    warned.countDown();
                }
            }
        };
        appender.start();
        logger.addAppender(appender);
        RecordedOutcomes outcomes = new RecordedOutcomes();
        try (ScriptedSmtpServer mailServer = ScriptedSmtpServer.start("mail.example", verb -> verb.equals(".") ? Optional.of(ScriptedSmtpServer.HANG_UP)
                : Optional.empty()); SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(dataDir))) {
            AppService apps = new AppService(new SqlAppStore(database), new IdGenerator(Clock.systemUTC(), new SecureRandom()), Clock.systemUTC());
            String appId = apps.create("Stream", List.of()).app().id();
            SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + mailServer.port()), "codes@example.com", Duration.ofSeconds(10));
            try (OwnerNotices notices = new OwnerNotices(new SqlOwnerNotices(database),
                    new CodeDelivery(Optional.of(mailer), Optional.empty(), Optional.empty(), outcomes), apps, AttemptLimits.local(), outcomes)) {
                notices.notify(OwnerNoticeDropsTest.storedNotice(dataDir, appId, "owner0", true, "198.51.100.7"));
                assertThat(warned.await(20, TimeUnit.SECONDS)).as("the notice was tried").isTrue();
            }
        }
        finally {
            logger.detachAppender(appender);
        }
        assertThat(outcomes.lines()).containsExactly("notice email unknown");
        assertThat(warnings).singleElement().asString().contains("Uncertain whether the owner of account owner0 was told").contains("o•••@example.com")
                .doesNotContain("owner0@example.com");
    }
}

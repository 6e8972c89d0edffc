package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.seatguard.core.app.AppService;
import io.seatguard.core.challenge.OwnerNotice;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.storage.SqlAppStore;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.SqlOwnerNotices;
import io.seatguard.storage.StorageSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Review finding: a notice the mail server refused was logged a line each, unthrottled, with the mail
 * server's reply as it came: a refusal of several lines ({@code 550-… 550 …}) wrote a second line of its
 * own into the log, and an outage (or a script naming refused addresses from many client addresses) one
 * line per notice. Notice failures now go through the same throttled, one-line log as code failures:
 * at most {@link ThrottledLog#LINES_PER_MINUTE} lines a minute, the rest counted.
 */
class OwnerNoticeFailuresAreLoggedTest {
    private static final int NOTICES = ThrottledLog.LINES_PER_MINUTE + 5;

    @TempDir
    Path dataDir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(OwnerNotices.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final RecordedOutcomes outcomes = new RecordedOutcomes();
    private ScriptedSmtpServer mailServer;
    private SqlDatabase database;
    private OwnerNotices notices;
    private String appId;

    @BeforeEach
    void open() throws IOException {
        appender.start();
        logger.addAppender(appender);
        mailServer = ScriptedSmtpServer.start("mail.example", verb -> verb.equals("RCPT")
                ? Optional.of("550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 Please check the address.")
                : Optional.empty());
        database = SqlDatabase.open(StorageSettings.embedded(dataDir));
        AppService apps = new AppService(new SqlAppStore(database), new IdGenerator(Clock.systemUTC(), new SecureRandom()), Clock.systemUTC());
        appId = apps.create("Stream", List.of()).app().id();
        SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + mailServer.port()), "codes@example.com", Duration.ofSeconds(10));
        notices = new OwnerNotices(new SqlOwnerNotices(database), new CodeDelivery(Optional.of(mailer), Optional.empty(), Optional.empty(), outcomes),
                apps, AttemptLimits.local(), outcomes);
    }

    @AfterEach
    void close() throws IOException {
        notices.close();
        database.close();
        mailServer.close();
        logger.detachAppender(appender);
    }

    private OwnerNotice notice(String user) throws Exception {
        return OwnerNoticeDropsTest.storedNotice(dataDir, appId, user, true, "198.51.100.7");
    }

    @Test
    void refusedNoticesAreLoggedOneLineEachAndAtMostThirtyAMinute() throws Exception {
        // Every account stored first: a write from this test while the sender claims would meet a locked database.
        List<OwnerNotice> made = new ArrayList<>();
        for (int i = 0; i < NOTICES; i++) {
            made.add(notice("owner" + i));
        }
        made.forEach(notices::notify);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outcomes.count("failed") < NOTICES && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(outcomes.count("failed")).as("every notice was tried and failed").isEqualTo(NOTICES);
        List<String> warnings = appender.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).hasSize(ThrottledLog.LINES_PER_MINUTE);
        assertThat(warnings.getFirst()).contains("Could not tell the owner of account owner0").contains("o•••@example.com").contains("550")
                .contains("Please check the address").doesNotContain("owner0@example.com");
        assertThat(warnings).noneMatch(line -> line.contains("\n") || line.contains("\r"));
    }
}

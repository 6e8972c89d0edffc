package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.seatguard.core.app.AppService;
import io.seatguard.core.challenge.OwnerNotice;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.storage.SqlAppStore;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.SqlOwnerNotices;
import io.seatguard.storage.StorageSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Review finding (security): notices went through one sender thread and a queue of 1,000 that dropped
 * what did not fit without a word, where its comment said it logged them. A flood of unsigned notices
 * (throwaway accounts) filled it, and the real owner's notice was dropped unseen. Each drop is now counted
 * ({@code seatguard_messages_sent_total{kind="notice",outcome="dropped"}}) and logged (throttled), and the
 * notices of vouched evaluations have a lane of their own that unsigned ones cannot fill.
 */
class OwnerNoticeDropsTest {
    @TempDir
    Path dataDir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(OwnerNotices.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final RecordedOutcomes outcomes = new RecordedOutcomes();
    private final List<String> counted = outcomes.lines();
    private final CountDownLatch release = new CountDownLatch(1);
    private SqlDatabase database;
    private DevOutbox outbox;
    private NoticeQueue queue;
    private OwnerNotices notices;
    private String appId;

    @BeforeEach
    void open() {
        appender.start();
        logger.addAppender(appender);
        database = SqlDatabase.open(StorageSettings.embedded(dataDir));
        AppService apps = new AppService(new SqlAppStore(database), new IdGenerator(Clock.systemUTC(), new SecureRandom()), Clock.systemUTC());
        appId = apps.create("Stream", List.of()).app().id();
        outbox = new DevOutbox(Clock.systemUTC());
        queue = new NoticeQueue(1);
        notices = new OwnerNotices(new SqlOwnerNotices(database), new CodeDelivery(Optional.empty(), Optional.empty(), Optional.of(outbox), outcomes),
                apps, AttemptLimits.local(), outcomes, queue);
    }

    @AfterEach
    void close() {
        release.countDown();
        notices.close();
        database.close();
        logger.detachAppender(appender);
    }

    /** A notice is sent only for an account that is stored (not erased since its evaluation). */
    private OwnerNotice notice(String user, boolean vouched, String clientIp) throws Exception {
        return storedNotice(dataDir, appId, user, vouched, clientIp);
    }

    /** A notice for {@code user}, whose account row is written to the stopped-or-running embedded store first. */
    static OwnerNotice storedNotice(Path dataDir, String appId, String user, boolean vouched, String clientIp) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatguard.db"));
                PreparedStatement insert = connection.prepareStatement("INSERT INTO users (app_id, id, first_seen, last_seen) VALUES (?, ?, 0, 0)")) {
            insert.setString(1, appId);
            insert.setString(2, user);
            insert.executeUpdate();
        }
        return new OwnerNotice(appId, user, "dev-" + user, List.of("email"), Optional.of(user + "@example.com"), Optional.empty(), "Chrome", "Windows", false,
                DeviceType.COMPUTER, Optional.empty(), "pol_tell", Instant.now(), InetAddress.getByName(clientIp), vouched, Optional.empty());
    }

    /** The unsigned lane's thread held up, and its one place taken: as a flood leaves it. */
    private void fillTheUnsignedLane() {
        CountDownLatch running = new CountDownLatch(1);
        assertThat(queue.offer(false, () -> {
            running.countDown();
            try {
                release.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).isEqualTo(NoticeQueue.Offer.QUEUED);
        assertThat(queue.offer(false, () -> {})).isEqualTo(NoticeQueue.Offer.QUEUED);
    }

    @Test
    void aNoticeAFullQueueDropsIsCountedAndLogged() throws Exception {
        fillTheUnsignedLane();
        for (int i = 0; i < 3; i++) {
            notices.notify(notice("throwaway" + i, false, "203.0.113." + (i + 1)));
        }
        assertThat(counted).containsExactly("notice email dropped", "notice email dropped", "notice email dropped");
        assertThat(appender.list).filteredOn(event -> event.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(3).first().asString().contains("Dropped the notice to the owner of account throwaway0").contains("queue");
    }

    @Test
    void aVouchedNoticeIsNeitherDroppedNorHeldUpBehindUnsignedOnes() throws Exception {
        fillTheUnsignedLane();
        notices.notify(notice("unsigned-flood", false, "203.0.113.7"));
        notices.notify(notice("owner", true, "198.51.100.7"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        // The delivery is counted after the outbox holds it (CI once read the count in between): wait for both.
        while ((outbox.entries().isEmpty() || counted.size() < 2) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(outbox.entries()).singleElement().satisfies(entry -> assertThat(entry.to()).isEqualTo("owner@example.com"));
        assertThat(counted).containsExactly("notice email dropped", "notice email delivered");
    }

    /** A dropped notice sent nothing, so it spends none of its address's notices, as a failed code send spends none of its sends. */
    @Test
    void aDroppedNoticeGivesItsAddressesTokenBack() throws Exception {
        fillTheUnsignedLane();
        for (int i = 0; i < AttemptLimits.NOTICE_PER_IP.capacity() + 5; i++) {
            notices.notify(notice("throwaway" + i, false, "203.0.113.9"));
        }
        assertThat(counted).as("every one reached the queue, none was refused for its address").hasSize((int) AttemptLimits.NOTICE_PER_IP.capacity() + 5);
    }
}

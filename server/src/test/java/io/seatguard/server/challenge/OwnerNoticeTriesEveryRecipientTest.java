package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.seatguard.core.app.AppService;
import io.seatguard.core.challenge.OwnerNotice;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.server.SendOutcomes;
import io.seatguard.storage.SqlAppStore;
import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.SqlOwnerNotices;
import io.seatguard.storage.StorageSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A notice by email and SMS tries both, whatever became of the first: the email's failure, or its unknown
 * outcome, ended the notice before its SMS was tried, and as both recipients were claimed at once (one
 * notice per device, a daily cap each) the phone was never told of that device (found in review).
 */
class OwnerNoticeTriesEveryRecipientTest {
    @TempDir
    Path dataDir;

    /** @param endReply the mail server's answer to the mail's end: a hang-up (unknown) or a refusal (failed) */
    @ParameterizedTest
    @ValueSource(strings = {ScriptedSmtpServer.HANG_UP, "554 5.7.1 Message rejected"})
    void theSmsIsSentWhateverBecameOfTheEmail(String endReply) throws Exception {
        List<String> smsBodies = new CopyOnWriteArrayList<>();
        CountDownLatch smsSent = new CountDownLatch(1);
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/sms", exchange -> {
            smsBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            smsSent.countDown();
        });
        provider.start();
        try (ScriptedSmtpServer mailServer = ScriptedSmtpServer.start("mail.example", verb -> verb.equals(".") ? Optional.of(endReply) : Optional.empty());
                SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(dataDir))) {
            AppService apps = new AppService(new SqlAppStore(database), new IdGenerator(Clock.systemUTC(), new SecureRandom()), Clock.systemUTC());
            String appId = apps.create("Stream", List.of()).app().id();
            SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + mailServer.port()), "codes@example.com", Duration.ofSeconds(10));
            HttpSmsSender sms = new HttpSmsSender(URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/sms"), Optional.empty(),
                    Duration.ofSeconds(5));
            try (OwnerNotices notices = new OwnerNotices(new SqlOwnerNotices(database),
                    new CodeDelivery(Optional.of(mailer), Optional.of(sms), Optional.empty(), SendOutcomes.NONE), apps, AttemptLimits.local(),
                    SendOutcomes.NONE)) {
                OwnerNotice byEmail = OwnerNoticeDropsTest.storedNotice(dataDir, appId, "owner0", true, "198.51.100.7");
                notices.notify(new OwnerNotice(byEmail.appId(), byEmail.userId(), byEmail.deviceId(), List.of("email", "sms"), byEmail.email(),
                        Optional.of("+33612345678"), byEmail.browser(), byEmail.os(), byEmail.fromApp(), byEmail.deviceType(), byEmail.country(), byEmail.policyId(),
                        byEmail.at(), byEmail.clientIp(), byEmail.vouched(), byEmail.acceptLanguage()));
                assertThat(smsSent.await(20, TimeUnit.SECONDS)).as("the SMS was sent after the email").isTrue();
            }
            assertThat(mailServer.received()).as("the email was tried first").contains(".");
        }
        finally {
            provider.stop(0);
        }
        assertThat(smsBodies).singleElement().asString().contains("+33612345678");
    }
}

package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.challenge.OwnerNotice;
import io.seatguard.core.challenge.OwnerNotifier;
import io.seatguard.storage.SqlOwnerNotices;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells owners about new devices when a policy asks to (seed 002): at most one notice per account and
 * device, at most {@link #MAX_PER_DAY} per account a day and {@link #MAX_PER_RECIPIENT_PER_DAY} to each
 * email address or phone number (each count the app's own), sent on a background thread so a slow
 * mail server never slows an evaluation. A full queue drops the notice (and logs it) rather than block.
 */
public final class OwnerNotices implements OwnerNotifier, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OwnerNotices.class);
    static final int MAX_PER_DAY = 5;
    /**
     * Notices to one phone number or email address a day, over all accounts of one app: an account, its
     * email and its phone can come from a browser-mode evaluation, which anyone holding the public client
     * id can make, so a limit per account alone let a script send one number as many paid messages as it
     * named new accounts. The same number as per account, so that an owner with one address still gets
     * all of theirs. Per app, as code sends count theirs: one app's notices must not use up another's.
     */
    static final int MAX_PER_RECIPIENT_PER_DAY = MAX_PER_DAY;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final SqlOwnerNotices sent;
    private final CodeDelivery delivery;
    private final AppService apps;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000),
            runnable -> {
                Thread thread = new Thread(runnable, "seatguard-owner-notices");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public OwnerNotices(SqlOwnerNotices sent, CodeDelivery delivery, AppService apps) {
        this.sent = requireNonNull(sent, "sent is null");
        this.delivery = requireNonNull(delivery, "delivery is null");
        this.apps = requireNonNull(apps, "apps is null");
    }

    @Override
    public void notify(OwnerNotice notice) {
        executor.execute(() -> {
            try {
                deliver(notice);
            }
            catch (RuntimeException e) {
                log.warn("Could not tell the owner of account {} about device {}: {}", notice.userId(), notice.deviceId(), e.getMessage());
            }
        });
    }

    private void deliver(OwnerNotice notice) {
        // Each message the notice would send, by the recipient the daily cap counts it under (an email
        // address in one case, whatever case the evaluation wrote it in).
        Map<String, String> channelByRecipient = new LinkedHashMap<>();
        for (String channel : notice.channels()) {
            Optional<String> to = channel.equals("email") ? notice.email() : channel.equals("sms") ? notice.phone() : Optional.empty();
            if (to.isPresent() && delivery.channels().contains(channel)) {
                channelByRecipient.putIfAbsent(to.get().toLowerCase(Locale.ROOT), channel);
            }
        }
        if (channelByRecipient.isEmpty()) {
            return;
        }
        // Every recipient messaged is counted, in one transaction with the notice: counting only one of
        // them let a notice by SMS and email reach one address without end, a new phone number each time.
        List<String> granted = sent.claim(notice.appId(), notice.userId(), notice.deviceId(), List.copyOf(channelByRecipient.keySet()), notice.at(),
                notice.at().minus(Duration.ofDays(1)), MAX_PER_DAY, MAX_PER_RECIPIENT_PER_DAY, notice.vouched());
        if (granted.isEmpty()) {
            return;
        }
        ChallengeTexts texts = ChallengeTexts.of(Locale.ENGLISH);
        String appName = texts.isolate(apps.find(notice.appId()).map(App::name).orElse("Seatguard"));
        String device = DeviceWords.describe(texts, notice.browser(), notice.os(), notice.deviceType());
        String from = notice.country().map(country -> texts.get("owner.from", country)).orElse("");
        for (String recipient : granted) {
            if (channelByRecipient.get(recipient).equals("email")) {
                delivery.sendNotice("email", notice.email().orElseThrow(), texts.get("owner.subject", appName),
                        texts.get("owner.body", appName, device, from, WHEN.format(notice.at())));
            }
            else {
                delivery.sendNotice("sms", notice.phone().orElseThrow(), "", texts.get("owner.sms", appName, device));
            }
        }
    }

    /** Lets queued notices go out, for a graceful stop. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

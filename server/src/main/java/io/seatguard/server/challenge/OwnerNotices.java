package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.challenge.DeliveryUncertain;
import io.seatguard.core.challenge.OwnerNotice;
import io.seatguard.core.challenge.OwnerNotifier;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.server.SendOutcomes;
import io.seatguard.storage.SqlOwnerNotices;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells owners about new devices when a policy asks to (seed 002): at most one notice per account and
 * device, at most {@link #MAX_PER_DAY} per account a day and {@link #MAX_PER_RECIPIENT_PER_DAY} to each
 * email address or phone number (each count the app's own), and for unsigned browser calls at most
 * {@link AttemptLimits#NOTICE_PER_IP} per client address. Sent on background threads ({@link NoticeQueue})
 * so a slow mail server never slows an evaluation; a full queue drops the notice rather than block, and
 * says so in the log (throttled) and the metrics ({@code outcome="dropped"}).
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
    private final AttemptLimits limits;
    private final SendOutcomes outcomes;
    private final NoticeQueue queue;
    /** A flood that fills the queue drops notices by the thousand: one line each would fill the log. */
    private final ThrottledLog drops = new ThrottledLog(log);
    /**
     * Notices the mail server or SMS provider refused, as codes' are: one line each let an outage, or a
     * script naming addresses the server refuses from many client addresses, fill the log, and a mail
     * server's reply of several lines (550-… 550 …) wrote lines of its own into it (found in review).
     */
    private final ThrottledLog failures = new ThrottledLog(log);

    public OwnerNotices(SqlOwnerNotices sent, CodeDelivery delivery, AppService apps, AttemptLimits limits, SendOutcomes outcomes) {
        this(sent, delivery, apps, limits, outcomes, new NoticeQueue());
    }

    OwnerNotices(SqlOwnerNotices sent, CodeDelivery delivery, AppService apps, AttemptLimits limits, SendOutcomes outcomes, NoticeQueue queue) {
        this.sent = requireNonNull(sent, "sent is null");
        this.delivery = requireNonNull(delivery, "delivery is null");
        this.apps = requireNonNull(apps, "apps is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.outcomes = requireNonNull(outcomes, "outcomes is null");
        this.queue = requireNonNull(queue, "queue is null");
    }

    /**
     * Queues the notice. An unsigned call's takes a token from its client address's bucket first, here on
     * the evaluation's thread, so that a refused one never takes room in the queue; the token goes back if
     * nothing is sent after all (the device was told before, a daily cap, the provider failed, a full queue),
     * as a code send's does.
     */
    @Override
    public void notify(OwnerNotice notice) {
        Optional<AttemptLimits.Permit> permit = Optional.empty();
        if (!notice.vouched()) {
            switch (limits.tryAcquire(List.of(new AttemptLimits.Claim(AttemptLimits.NOTICE_PER_IP, IpAddresses.clientKey(notice.clientIp()))))) {
                case AttemptLimits.Decision.Refused refused -> {
                    return;
                }
                case AttemptLimits.Decision.Allowed allowed -> permit = Optional.of(allowed.permit());
            }
        }
        Optional<AttemptLimits.Permit> taken = permit;
        NoticeQueue.Offer offer = queue.offer(notice.vouched(), () -> {
            AtomicBoolean tried = new AtomicBoolean();
            try {
                deliver(notice, tried);
            }
            catch (RuntimeException e) {
                couldNotTell(notice, e);
            }
            finally {
                // Only a notice that tried no provider (told before, a daily cap) gives its token back: one the
                // provider failed was a try all the same, and giving it back let one address have the provider
                // tried without end for numbers it always refuses.
                if (!tried.get()) {
                    taken.ifPresent(AttemptLimits.Permit::giveBack);
                }
            }
        });
        if (offer != NoticeQueue.Offer.QUEUED) {
            taken.ifPresent(AttemptLimits.Permit::giveBack);
        }
        if (offer == NoticeQueue.Offer.FULL) {
            channelByRecipient(notice).values().forEach(channel -> outcomes.dropped("notice", channel));
            drops.warn("Dropped the notice to the owner of account " + notice.userId() + " about device " + notice.deviceId() + ": the queue of "
                    + (notice.vouched() ? "vouched" : "unsigned") + " notices is full");
        }
    }

    /**
     * Each message the notice would send, by the recipient the daily cap counts it under (an email address
     * in one case, whatever case the evaluation wrote it in).
     */
    private Map<String, String> channelByRecipient(OwnerNotice notice) {
        Map<String, String> channelByRecipient = new LinkedHashMap<>();
        for (String channel : notice.channels()) {
            Optional<String> to = channel.equals("email") ? notice.email() : channel.equals("sms") ? notice.phone() : Optional.empty();
            if (to.isPresent() && delivery.channels().contains(channel)) {
                channelByRecipient.putIfAbsent(to.get().toLowerCase(Locale.ROOT), channel);
            }
        }
        return channelByRecipient;
    }

    /** Sends what the caps allow; {@code tried} is set once a message has been handed to its provider, whether it went out or not. */
    private void deliver(OwnerNotice notice, AtomicBoolean tried) {
        Map<String, String> channelByRecipient = channelByRecipient(notice);
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
        // In the person's language as the evaluation's Accept-Language states it (the pages' languages), else English.
        ChallengeTexts texts = ChallengeTexts.of(ChallengeTexts.choose(null, notice.acceptLanguage().orElse(null)));
        String appName = texts.isolate(apps.find(notice.appId()).map(App::name).orElse("Seatguard"));
        String device = DeviceWords.describe(texts, notice.browser(), notice.os(), notice.fromApp(), notice.deviceType());
        String from = notice.country().map(country -> texts.get("owner.from", country)).orElse("");
        for (String recipient : granted) {
            tried.set(true);
            // Each recipient is tried whatever became of the one before: all were claimed above, and the
            // device is told of once, so an email that failed (or went unanswered) ended the notice before
            // its SMS, and the phone never heard of the device (found in review).
            try {
                if (channelByRecipient.get(recipient).equals("email")) {
                    delivery.sendNotice("email", notice.email().orElseThrow(), texts.get("owner.subject", appName),
                            texts.get("owner.body", appName, device, from, WHEN.format(notice.at())));
                }
                else {
                    delivery.sendNotice("sms", notice.phone().orElseThrow(), "", texts.get("owner.sms", appName, device));
                }
            }
            catch (RuntimeException e) {
                couldNotTell(notice, e);
            }
        }
    }

    /** One line for a message that was not sent, or whose outcome is unknown (handed over, no answer). */
    private void couldNotTell(OwnerNotice notice, RuntimeException failure) {
        if (failure instanceof DeliveryUncertain) {
            failures.warn("Uncertain whether the owner of account " + notice.userId() + " was told about device " + notice.deviceId()
                    + " (handed over, no answer): " + failure.getMessage());
        }
        else {
            failures.warn("Could not tell the owner of account " + notice.userId() + " about device " + notice.deviceId() + ": " + failure.getMessage());
        }
    }

    /** Lets queued notices go out, for a graceful stop. */
    @Override
    public void close() {
        queue.close();
    }
}

package io.seatguard.server.challenge;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where messages go when no SMTP server or SMS provider is configured, in development only: the server
 * log and a page ({@code /dev/outbox}), so the demo works out of the box. Keeps the last 100.
 */
public final class DevOutbox {
    private static final Logger log = LoggerFactory.getLogger(DevOutbox.class);
    static final int CAPACITY = 100;

    /** One message as it would have been sent. */
    public record Entry(Instant at, String channel, String to, String subject, String body) {}

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final InstantSource clock;

    public DevOutbox(InstantSource clock) {
        this.clock = clock;
    }

    public synchronized void add(String channel, String to, String subject, String body) {
        Entry entry = new Entry(clock.instant(), channel, to, subject, body);
        entries.addFirst(entry);
        while (entries.size() > CAPACITY) {
            entries.removeLast();
        }
        log.info("Development outbox ({}) to {}: {} {}", channel, to, subject, body.replace('\n', ' '));
    }

    /** Newest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}

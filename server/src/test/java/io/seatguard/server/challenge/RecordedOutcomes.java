package io.seatguard.server.challenge;

import io.seatguard.server.SendOutcomes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every outcome a sender reports, as {@code "kind channel outcome"} lines (delivered, failed, unknown or dropped), in order. */
final class RecordedOutcomes implements SendOutcomes {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void sent(String kind, String channel, boolean delivered) {
        lines.add(kind + " " + channel + " " + (delivered ? "delivered" : "failed"));
    }

    @Override
    public void uncertain(String kind, String channel) {
        lines.add(kind + " " + channel + " unknown");
    }

    @Override
    public void dropped(String kind, String channel) {
        lines.add(kind + " " + channel + " dropped");
    }

    /** The lines so far; a live view, safe to read while senders add to it. */
    List<String> lines() {
        return lines;
    }

    /** How many lines end with {@code outcome}. */
    long count(String outcome) {
        return lines.stream().filter(line -> line.endsWith(" " + outcome)).count();
    }
}

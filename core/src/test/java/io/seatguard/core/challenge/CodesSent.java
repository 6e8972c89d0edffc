package io.seatguard.core.challenge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A code sender for the domain service's tests: delivers on the channels it is given, by keeping each message. */
final class CodesSent implements CodeSender {
    private final Set<String> channels;
    final List<CodeMessage> messages = new ArrayList<>();

    CodesSent(String... channels) {
        this.channels = Set.of(channels);
    }

    @Override
    public Set<String> channels() {
        return channels;
    }

    @Override
    public void send(CodeMessage message) {
        messages.add(message);
    }
}

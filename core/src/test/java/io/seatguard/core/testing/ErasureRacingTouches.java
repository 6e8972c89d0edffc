package io.seatguard.core.testing;

import io.seatguard.core.presence.Presence;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntConsumer;

/**
 * Rounds of an account's erasure racing a touch of it, for the presence adapters' race tests. Each round
 * the account has twenty live tabs (they widen the moment the erasure takes); one thread erases it while
 * another touches a new session; once both are done the round is judged: the account must be as if the
 * touch came first (nothing of it left) or last (its session alone, live and remembered), and the older
 * tabs' openings forgotten. Anything else is a mixed round.
 */
public final class ErasureRacingTouches {
    public static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final int OTHER_TABS = 20;

    private ErasureRacingTouches() {}

    /**
     * Runs {@code rounds} rounds of {@code erasing}'s erasure of {@code app}'s "ann" racing {@code
     * touching}'s touch (the same adapter, or another node of it), and counts the mixed ones. {@code
     * beforeTouch} runs on the touching thread before each round's touch (given the round), to spread the
     * touch over the erasure's steps.
     */
    public static int mixedRounds(Presence erasing, Presence touching, String app, int rounds, IntConsumer beforeTouch) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Thread toucher = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    together.await();
                    beforeTouch.accept(i);
                    touching.touch(app, "ann", new Presence.LiveSession("ses-" + i, "dev-new", "computer", "203.0.113.9", START.plusMillis(2 * i + 1), false));
                    together.await();
                }
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int mixed = 0;
        for (int i = 0; i < rounds; i++) {
            Instant at = START.plusMillis(2 * i);
            for (int tab = 0; tab < OTHER_TABS; tab++) {
                erasing.touch(app, "ann", new Presence.LiveSession("old-" + i + "-" + tab, "dev-old", "computer", "198.51.100.3", at, false));
            }
            together.await();
            erasing.endAll(app, "ann", at.plusMillis(1));
            together.await();
            if (mixed(erasing, app, i, at.plusMillis(1))) {
                mixed++;
            }
        }
        toucher.join();
        return mixed;
    }

    private static boolean mixed(Presence presence, String app, int round, Instant after) {
        List<String> live = presence.live(app, "ann", after).stream().map(Presence.LiveSession::sessionId).toList();
        boolean remembered = presence.opened(app, "ann", "ses-" + round, after).isPresent();
        boolean touchFirst = live.isEmpty() && !remembered;
        boolean touchLast = live.equals(List.of("ses-" + round)) && remembered;
        boolean oldsForgotten = presence.opened(app, "ann", "old-" + round + "-0", after).isEmpty();
        return !(touchFirst || touchLast) || !oldsForgotten;
    }
}

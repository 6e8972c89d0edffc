package io.seatguard.server.http;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * {@code Retry-After} in whole seconds, rounded up and at least one. Rounded down, a wait 29.7 s from its
 * end said "29": a person or client that waited exactly that long was refused again (found in review on
 * the challenge pages; the dashboard's sign-in back-off rounded down too).
 */
public final class RetryAfter {
    private RetryAfter() {}

    /** {@code wait} in whole seconds, rounded up, at least one. */
    public static long seconds(Duration wait) {
        return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }

    /** Sets {@code Retry-After} to {@link #seconds} of {@code wait} and returns them. */
    public static long set(Context ctx, Duration wait) {
        long seconds = seconds(wait);
        ctx.header("Retry-After", String.valueOf(seconds));
        return seconds;
    }
}

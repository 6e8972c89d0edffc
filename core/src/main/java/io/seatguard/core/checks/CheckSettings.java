package io.seatguard.core.checks;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.geo.GreatCircle;
import java.time.Duration;

/**
 * The tunable thresholds of the checks, with the defaults documented in docs/checks.md.
 *
 * @param maxTravelSpeedKmh faster than this between two places is impossible travel (default 900 km/h,
 *     an airliner's cruise: a flight is possible, teleporting is not)
 * @param minTravelDistanceKm closer than this, after both accuracy radii are taken off, is never travel
 *     (default 300 km: city-level geolocation of one person's two networks is often that far off)
 * @param velocityWindow how far back {@code event_count} looks (default 1 hour)
 * @param highVelocityEvents {@code has_high_velocity} from this many events in the window (default 100)
 * @param eventCountCap {@code event_count} stops here unless {@link #highVelocityEvents} is higher (default
 *     {@link #EVENT_COUNT_LIMIT}; see {@link #eventCountLimit()})
 */
public record CheckSettings(double maxTravelSpeedKmh, double minTravelDistanceKm, Duration velocityWindow, long highVelocityEvents,
        long eventCountCap) {
    /** The default {@link #eventCountCap}: ten times the default threshold, far above one person's use. */
    public static final long EVENT_COUNT_LIMIT = 1_000;
    public static final CheckSettings DEFAULTS = new CheckSettings(900, 300, Duration.ofHours(1), 100);

    public CheckSettings {
        if (!(maxTravelSpeedKmh >= 100 && maxTravelSpeedKmh <= 5000)) {
            throw new IllegalArgumentException("travel speed must be from 100 to 5000 km/h");
        }
        if (!(minTravelDistanceKm >= 0 && minTravelDistanceKm <= 5000)) {
            throw new IllegalArgumentException("travel distance must be from 0 to 5000 km");
        }
        requireNonNull(velocityWindow, "velocityWindow is null");
        if (velocityWindow.compareTo(Duration.ofMinutes(1)) < 0 || velocityWindow.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("velocity window must be from 1 minute to 24 hours");
        }
        if (highVelocityEvents < 2 || highVelocityEvents > 1_000_000) {
            throw new IllegalArgumentException("high velocity must be from 2 to 1000000 events");
        }
        if (eventCountCap < 2 || eventCountCap > 1_000_000) {
            throw new IllegalArgumentException("event count limit must be from 2 to 1000000 events");
        }
    }

    /** With the default {@link #eventCountCap}. */
    public CheckSettings(double maxTravelSpeedKmh, double minTravelDistanceKm, Duration velocityWindow, long highVelocityEvents) {
        this(maxTravelSpeedKmh, minTravelDistanceKm, velocityWindow, highVelocityEvents, EVENT_COUNT_LIMIT);
    }

    /**
     * How long it takes to reach the farthest place on Earth (half the great circle) at
     * {@link #maxTravelSpeedKmh}: about 22 hours at the default. A located evaluation older than this can
     * never make travel impossible, wherever either place is, so readers of an account's history need
     * look no further back for it, and an account's whole history is not walked when its recent events
     * carry no place.
     */
    public Duration travelHorizon() {
        double hours = Math.PI * GreatCircle.EARTH_RADIUS_KM / maxTravelSpeedKmh;
        return Duration.ofMillis((long) Math.ceil(hours * 3_600_000));
    }

    /**
     * The highest {@code event_count} reported: {@link #eventCountCap}, or {@link #highVelocityEvents} when
     * that is higher, so {@code has_high_velocity} stays exact. Counting an account's window costs one index
     * entry per event, so without a limit an attack on one account (hundreds of evaluations a second) made
     * each of its evaluations dearer than the last, and the whole server slower; an account at the limit
     * has had at least that many evaluations in the window.
     */
    public long eventCountLimit() {
        return Math.max(eventCountCap, highVelocityEvents);
    }
}

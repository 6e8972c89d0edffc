package io.seatguard.core.checks;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.LocatedEvent;
import io.seatguard.core.geo.GreatCircle;
import io.seatguard.core.intel.Coordinates;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code impossible_travel}: the account's previous located evaluation and this one are too far apart
 * for the time between them. The distance is the great circle between the two points less both
 * accuracy radii (the two could be that much closer), and must also exceed a minimum distance. Places
 * come from the public IP, or from the real network the browser exposed when the public IP is masked,
 * and never from an anonymising network (see {@link io.seatguard.core.evaluation.NetworkAssessor}), so a
 * VPN hop is not travel. An evaluation vouched for (server mode, signed identity) is judged against the
 * account's previous vouched one ({@link io.seatguard.core.account.ActivityReader#read}): anyone holding
 * the public client id can send an unsigned evaluation naming the account from afar, and must not get
 * the owner refused with it.
 *
 * <p>False without an account, without an earlier located evaluation, or when that evaluation is older
 * than the travel horizon ({@link CheckSettings#travelHorizon()}: any place is reachable by then); null
 * when this evaluation's place is unknown and the earlier one is recent enough to matter (we cannot tell).
 */
public final class ImpossibleTravelCheck implements Check {
    private final CheckSettings settings;

    public ImpossibleTravelCheck(CheckSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return "impossible_travel";
    }

    @Override
    public CheckType type() {
        return CheckType.BOOLEAN;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        Optional<LocatedEvent> previous = inputs.activity().lastLocated();
        if (!inputs.hasUser() || previous.isEmpty()) {
            return false;
        }
        if (Duration.between(previous.get().at(), inputs.evaluatedAt()).compareTo(settings.travelHorizon()) >= 0) {
            // Any place is within reach by now, this one too even when it is unknown.
            return false;
        }
        Optional<Coordinates> here = inputs.network().place().coordinates();
        if (here.isEmpty()) {
            return null;
        }
        return impossible(previous.get(), here.get(), Duration.between(previous.get().at(), inputs.evaluatedAt()));
    }

    boolean impossible(LocatedEvent previous, Coordinates here, Duration elapsed) {
        Coordinates there = previous.coordinates();
        double distance = GreatCircle.distanceKm(there.latitude(), there.longitude(), here.latitude(), here.longitude())
                - there.accuracyKm() - here.accuracyKm();
        if (distance <= settings.minTravelDistanceKm()) {
            return false;
        }
        // Readers hand over only strictly earlier events, so elapsed is positive; were a later one ever
        // passed, it would count as no time at all rather than as a negative time that makes any trip possible.
        double hours = Math.max(0, elapsed.toMillis()) / 3_600_000.0;
        return distance > settings.maxTravelSpeedKmh() * hours;
    }
}

package io.seatguard.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.LocatedEvent;
import io.seatguard.core.geo.GreatCircle;
import io.seatguard.core.intel.Coordinates;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The travel rule at its boundaries: the minimum distance, both accuracy radii, and the speed limit. */
class ImpossibleTravelCheckTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private final ImpossibleTravelCheck check = new ImpossibleTravelCheck(new CheckSettings(900, 300, Duration.ofHours(1), 100));

    /** A point {@code km} due east of (0, 0) on the equator, where a degree is the same everywhere. */
    private static Coordinates east(double km, double accuracyKm) {
        return new Coordinates(0, Math.toDegrees(km / GreatCircle.EARTH_RADIUS_KM), accuracyKm);
    }

    private boolean travel(double km, double radiusEach, Duration elapsed) {
        return check.impossible(new LocatedEvent(T0, east(0, radiusEach)), east(km, radiusEach), elapsed);
    }

    @Test
    void theDistanceAfterBothRadiiMustExceedTheMinimum() {
        assertThat(travel(300, 0, Duration.ZERO)).as("exactly the minimum").isFalse();
        assertThat(travel(301, 0, Duration.ZERO)).as("just past it, at once").isTrue();
        assertThat(travel(400, 50, Duration.ZERO)).as("400 km less two 50 km radii is 300").isFalse();
        assertThat(travel(402, 50, Duration.ZERO)).isTrue();
    }

    @Test
    void theSpeedLimitIsStrict() {
        // 1,800 km in 2 h is 900 km/h: possible; a minute less is not.
        assertThat(travel(1800, 0, Duration.ofHours(2))).isFalse();
        assertThat(travel(1800, 0, Duration.ofHours(2).minusMinutes(1))).isTrue();
        assertThat(travel(1800, 0, Duration.ofHours(3))).isFalse();
    }

    @Test
    void anEventImportedOutOfOrderCountsAsNoTimeAtAll() {
        assertThat(travel(1000, 0, Duration.ofHours(-5))).isTrue();
        assertThat(travel(200, 0, Duration.ofHours(-5))).isFalse();
    }

    @Test
    void theHorizonIsTheTimeToTheFarthestPlaceAtTheSpeedLimit() {
        Duration horizon = new CheckSettings(900, 300, Duration.ofHours(1), 100).travelHorizon();
        assertThat(horizon).isBetween(Duration.ofMinutes(22 * 60 + 14), Duration.ofMinutes(22 * 60 + 15));
        double antipode = Math.PI * GreatCircle.EARTH_RADIUS_KM;
        assertThat(travel(antipode, 0, horizon.minusMinutes(1))).as("just inside it the antipode is still too far").isTrue();
        assertThat(travel(antipode, 0, horizon)).isFalse();
        assertThat(new CheckSettings(100, 300, Duration.ofHours(1), 100).travelHorizon()).as("the slowest speed allowed")
                .isBetween(Duration.ofHours(200), Duration.ofHours(201));
    }

    /** The short way round: across the antimeridian and over a pole, not the long way through the map's middle. */
    @Test
    void placesAcrossTheAntimeridianOrAPoleAreAsCloseAsTheyAre() {
        double degree = Math.PI * GreatCircle.EARTH_RADIUS_KM / 180;
        assertThat(GreatCircle.distanceKm(0, 179.9, 0, -179.9)).as("Fiji to Samoa's side: 0.2°").isCloseTo(0.2 * degree, org.assertj.core.data.Offset.offset(0.01));
        assertThat(GreatCircle.distanceKm(89.9, 0, 89.9, 180)).as("over the North Pole").isCloseTo(0.2 * degree, org.assertj.core.data.Offset.offset(0.01));
        assertThat(GreatCircle.distanceKm(90, 0, 90, -135)).as("the pole is one point whatever its longitude").isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(GreatCircle.distanceKm(-90, 0, 90, 0)).isCloseTo(Math.PI * GreatCircle.EARTH_RADIUS_KM, org.assertj.core.data.Offset.offset(0.001));
        LocatedEvent fiji = new LocatedEvent(T0, new Coordinates(-16.5, 179.5, 0));
        assertThat(check.impossible(fiji, new Coordinates(-16.5, -179.5, 0), Duration.ZERO)).as("~107 km across the antimeridian: under the minimum")
                .isFalse();
        assertThat(check.impossible(fiji, new Coordinates(-16.5, -170, 0), Duration.ofMinutes(30))).as("~1,120 km in half an hour").isTrue();
    }

    @Test
    void greatCircleDistancesMatchKnownOnes() {
        // Paris–New York is 5,837 km along the great circle (to within 0.5 % on a sphere).
        assertThat(GreatCircle.distanceKm(48.8566, 2.3522, 40.7128, -74.0060)).isBetween(5800.0, 5870.0);
        assertThat(GreatCircle.distanceKm(10, 20, 10, 20)).isZero();
        assertThat(GreatCircle.distanceKm(0, 0, 0, 180)).isCloseTo(Math.PI * GreatCircle.EARTH_RADIUS_KM, org.assertj.core.data.Offset.offset(0.001));
    }
}

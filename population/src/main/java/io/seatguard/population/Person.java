package io.seatguard.population;

import java.util.Optional;

/**
 * A person: their account (a sharer uses someone else's), home network (an employee's is the office's),
 * zone and languages, a trip abroad if they take one, and their employer's laptop fleet if any.
 */
final class Person {
    final int index;
    final String account;
    final String homeIp;
    final String zone;
    final String languages;
    final Optional<Trip> trip;
    /** The company whose fleet laptop this person uses, if any. */
    final Optional<Fleet> fleet;

    Person(int index, String account, String homeIp, String zone, String languages, Optional<Trip> trip, Optional<Fleet> fleet) {
        this.fleet = fleet;
        this.index = index;
        this.account = account;
        this.homeIp = homeIp;
        this.zone = zone;
        this.languages = languages;
        this.trip = trip;
    }

    String zoneOn(double day) {
        return trip.filter(t -> day >= t.fromDay() && day < t.toDay()).map(Trip::zone).orElse(zone);
    }

    record Trip(double fromDay, double toDay, String zone) {}
}

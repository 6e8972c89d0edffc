package io.seatguard.core.intel;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Where a geolocation database places an address.
 *
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param zones the time zones the address may be in: the database's own zone first when it has one,
 *     and, unless that zone is city-precise, every zone of the country (see the intel adapter)
 */
public record IpLocation(
        Optional<String> country,
        Optional<String> city,
        Optional<Coordinates> coordinates,
        List<ZoneId> zones,
        SourceRef source) {
    public IpLocation {
        requireNonNull(country, "country is null");
        requireNonNull(city, "city is null");
        requireNonNull(coordinates, "coordinates is null");
        zones = List.copyOf(requireNonNull(zones, "zones is null"));
        requireNonNull(source, "source is null");
    }
}

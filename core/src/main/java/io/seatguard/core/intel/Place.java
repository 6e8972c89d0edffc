package io.seatguard.core.intel;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where the person behind an evaluation most likely is: the location of the public IP, unless that is an
 * anonymising network (a VPN's exit says nothing about where its user sits); then of their real network
 * (local IP) when the browser exposed one that is not masked too, else unknown. The local IP never
 * outweighs a clean public IP: the browser reports it, so a sharer could choose it. This is what travel
 * and country history are built on.
 */
public record Place(Optional<String> country, Optional<Coordinates> coordinates) {
    public static final Place UNKNOWN = new Place(Optional.empty(), Optional.empty());

    public Place {
        requireNonNull(country, "country is null");
        requireNonNull(coordinates, "coordinates is null");
    }
}

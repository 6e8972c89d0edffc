package io.seatguard.core.intel;

/**
 * A point on Earth and how far from it the address may really be.
 *
 * @param accuracyKm radius around the point that likely holds the address; databases without a radius
 *     (DB-IP Lite) get a documented default from their adapter
 */
public record Coordinates(double latitude, double longitude, double accuracyKm) {
    public Coordinates {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("coordinates out of range: " + latitude + "," + longitude);
        }
        if (!(accuracyKm >= 0)) {
            throw new IllegalArgumentException("accuracy must be 0 or more km: " + accuracyKm);
        }
    }
}

package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceType;
import java.util.List;
import java.util.Optional;

/**
 * The device part of an evaluation (CONTRACT.md {@code device}).
 *
 * @param localIps the addresses the browser reported (host and STUN server-reflexive candidates), as sent:
 *     kept so an investigator can see what {@code local_ip} was chosen from
 */
public record DeviceInfo(
        String id,
        DeviceType type,
        boolean isNew,
        Optional<String> fingerprintId,
        double confidence,
        String browser,
        String os,
        List<String> localIps) {
    /** A device that reported no local addresses. */
    public DeviceInfo(String id, DeviceType type, boolean isNew, Optional<String> fingerprintId, double confidence, String browser, String os) {
        this(id, type, isNew, fingerprintId, confidence, browser, os, List.of());
    }

    public DeviceInfo {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(fingerprintId, "fingerprintId is null");
        requireNonNull(browser, "browser is null");
        requireNonNull(os, "os is null");
        localIps = List.copyOf(requireNonNull(localIps, "localIps is null"));
    }
}

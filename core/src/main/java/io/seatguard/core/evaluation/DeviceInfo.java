package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceType;
import java.util.Optional;

/** The device part of an evaluation (CONTRACT.md {@code device}). */
public record DeviceInfo(
        String id,
        DeviceType type,
        boolean isNew,
        Optional<String> fingerprintId,
        double confidence,
        String browser,
        String os) {
    public DeviceInfo {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(fingerprintId, "fingerprintId is null");
        requireNonNull(browser, "browser is null");
        requireNonNull(os, "os is null");
    }
}

package io.seatguard.core.identity;

import java.util.Optional;

/** Port: finds an app's devices by the keys device resolution tries, in order. */
public interface DeviceDirectory {
    Optional<KnownDevice> findByTokenHash(String appId, String tokenHash);

    Optional<KnownDevice> findByFingerprint(String appId, String fingerprintId);
}

package io.seatguard.core.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: finds an app's devices by the keys device resolution tries, in order. */
public interface DeviceDirectory {
    Optional<KnownDevice> findByTokenHash(String appId, String tokenHash);

    Optional<KnownDevice> findByFingerprint(String appId, String fingerprintId);

    /** The given devices with their latest components; devices without stored components are left out. */
    List<StoredDevice> latest(String appId, Collection<String> deviceIds);
}

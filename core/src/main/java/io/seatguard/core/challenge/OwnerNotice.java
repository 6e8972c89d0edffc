package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A note to an account's owner that a policy asked for instead of a challenge (seed 002: "new device
 * within your limit → notify the owner").
 *
 * @param device what the device looks like, e.g. "Chrome on Linux (computer)"
 * @param country where it was, when known
 * @param vouched whether the evaluation's account was named by the app's backend or signed, not an
 *     unsigned browser call's word
 */
public record OwnerNotice(
        String appId,
        String userId,
        String deviceId,
        List<String> channels,
        Optional<String> email,
        Optional<String> phone,
        String device,
        Optional<String> country,
        String policyId,
        Instant at,
        boolean vouched) {
    public OwnerNotice {
        requireNonNull(appId, "appId is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(deviceId, "deviceId is null");
        channels = List.copyOf(channels);
        requireNonNull(email, "email is null");
        requireNonNull(phone, "phone is null");
        requireNonNull(device, "device is null");
        requireNonNull(country, "country is null");
        requireNonNull(policyId, "policyId is null");
        requireNonNull(at, "at is null");
    }
}

package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a policy's challenge runs.
 *
 * @param channels where a verification code may go ({@code email}, {@code sms}), in order of preference
 * @param deviceLimit the most attached devices a device-limit challenge lets the account keep
 * @param successUrl where the browser goes once the challenge is passed (login, signup), and what a
 *     sharer who is not the owner is offered (access)
 * @param logoutUrl where a device logged out by the challenge lands
 */
public record ChallengeConfig(
        ChallengeType type,
        List<String> channels,
        OptionalInt deviceLimit,
        Optional<String> successUrl,
        Optional<String> logoutUrl,
        Duration expiresIn) {
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);

    public ChallengeConfig {
        requireNonNull(type, "type is null");
        channels = List.copyOf(channels);
        requireNonNull(deviceLimit, "deviceLimit is null");
        requireNonNull(successUrl, "successUrl is null");
        requireNonNull(logoutUrl, "logoutUrl is null");
        requireNonNull(expiresIn, "expiresIn is null");
    }
}

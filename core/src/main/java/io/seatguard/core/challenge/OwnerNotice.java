package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceType;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A note to an account's owner that a policy asked for instead of a challenge (seed 002: "new device
 * within your limit → notify the owner").
 *
 * @param browser the browser as the user-agent parser named it, e.g. "Chrome": whatever the request's
 *     user agent said, so the adapter that words the notice repeats only names it knows
 * @param os the operating system as the parser named it, e.g. "Linux"; the same caution applies
 * @param fromApp whether the evaluation's user agent was an app's rather than a browser's ({@link
 *     io.seatguard.core.identity.AppAgents}), so that the notice says "an app" where the parser's name is
 *     not one it repeats
 * @param deviceType the device's class
 * @param country where it was, when known
 * @param clientIp the address the evaluation came from (a server-mode call's {@code ip}): the adapter
 *     limits unsigned calls' notices per client address, as the hosted pages limit code sends
 * @param vouched whether the evaluation's account was named by the app's backend or signed, not an
 *     unsigned browser call's word
 * @param acceptLanguage the person's language preferences ({@code Accept-Language} form) from the
 *     evaluation, for the adapter to choose the notice's language by; empty for its default
 */
public record OwnerNotice(
        String appId,
        String userId,
        String deviceId,
        List<String> channels,
        Optional<String> email,
        Optional<String> phone,
        String browser,
        String os,
        boolean fromApp,
        DeviceType deviceType,
        Optional<String> country,
        String policyId,
        Instant at,
        InetAddress clientIp,
        boolean vouched,
        Optional<String> acceptLanguage) {
    public OwnerNotice {
        requireNonNull(appId, "appId is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(deviceId, "deviceId is null");
        channels = List.copyOf(channels);
        requireNonNull(email, "email is null");
        requireNonNull(phone, "phone is null");
        requireNonNull(browser, "browser is null");
        requireNonNull(os, "os is null");
        requireNonNull(deviceType, "deviceType is null");
        requireNonNull(country, "country is null");
        requireNonNull(policyId, "policyId is null");
        requireNonNull(at, "at is null");
        requireNonNull(clientIp, "clientIp is null");
        requireNonNull(acceptLanguage, "acceptLanguage is null");
    }
}

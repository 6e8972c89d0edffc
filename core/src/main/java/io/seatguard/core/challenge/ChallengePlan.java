package io.seatguard.core.challenge;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.IdentityProof;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a challenge was opened for and where it leads, fixed when it is opened.
 *
 * @param action the evaluation's action: login and signup go on to {@code successUrl?evaluation=…},
 *     access goes back to {@code returnTo}
 * @param successUrl where a passed login or signup challenge goes; what a sharer is offered on access
 * @param logoutUrl where a device logged out by the challenge lands
 * @param returnTo the page an access challenge returns to once the owner is verified
 * @param deviceLimit the most attached devices a device-limit challenge lets the account keep
 * @param identity how the evaluation that opened it came to name the account: only a vouched-for one
 *     lets the device-limit page show and log out the account's other devices
 */
public record ChallengePlan(
        String policyId,
        String action,
        Optional<String> successUrl,
        Optional<String> logoutUrl,
        Optional<String> returnTo,
        OptionalInt deviceLimit,
        IdentityProof identity) {
    /** A plan whose account nothing vouches for ({@link IdentityProof#UNSIGNED}). */
    public ChallengePlan(String policyId, String action, Optional<String> successUrl, Optional<String> logoutUrl, Optional<String> returnTo,
            OptionalInt deviceLimit) {
        this(policyId, action, successUrl, logoutUrl, returnTo, deviceLimit, IdentityProof.UNSIGNED);
    }

    public ChallengePlan {
        requireNonNull(policyId, "policyId is null");
        requireNonNull(action, "action is null");
        requireNonNull(successUrl, "successUrl is null");
        requireNonNull(logoutUrl, "logoutUrl is null");
        requireNonNull(returnTo, "returnTo is null");
        requireNonNull(deviceLimit, "deviceLimit is null");
        requireNonNull(identity, "identity is null");
    }
}

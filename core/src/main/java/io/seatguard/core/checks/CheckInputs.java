package io.seatguard.core.checks;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountActivity;
import io.seatguard.core.account.AccountState;
import io.seatguard.core.evaluation.EvaluationRequest;
import io.seatguard.core.evaluation.NetworkView;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.presence.Presence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the earlier stages of the pipeline produced that a check may read.
 *
 * @param devicesInWindow the account's devices in the rolling device window, current device included
 * @param liveSessions the account's other live sessions before this request; empty when presence could
 *     not be read (checks that need it are then unknown), and an empty list without an account
 * @param clientIp the client address, formatted
 * @param network the public and local IPs, what outside data says of them, and the place
 * @param activity the account's recent history ({@link AccountActivity#UNKNOWN} without an account)
 * @param deviceLetInBefore without an account: whether the device had been let in to the app before this
 *     evaluation ({@link io.seatguard.core.identity.DeviceDirectory#wasLetIn}); with one, not read (false)
 * @param otherAccountsOnDevice the accounts other than this evaluation's that evaluations named on its
 *     device ({@link io.seatguard.core.account.ActivityReader#accountsOnDevice}: in an evaluation vouched
 *     for, vouched ones); 0 for a new device and for the zero id, empty when it could not be read
 */
public record CheckInputs(
        EvaluationRequest request,
        DeviceResolution device,
        DeviceType deviceType,
        AccountState account,
        Map<String, DeviceType> devicesInWindow,
        Optional<List<Presence.LiveSession>> liveSessions,
        String clientIp,
        NetworkView network,
        AccountActivity activity,
        Instant evaluatedAt,
        boolean deviceLetInBefore,
        OptionalLong otherAccountsOnDevice) {
    public CheckInputs {
        requireNonNull(request, "request is null");
        requireNonNull(device, "device is null");
        requireNonNull(deviceType, "deviceType is null");
        requireNonNull(account, "account is null");
        requireNonNull(devicesInWindow, "devicesInWindow is null");
        requireNonNull(liveSessions, "liveSessions is null");
        requireNonNull(clientIp, "clientIp is null");
        requireNonNull(network, "network is null");
        requireNonNull(activity, "activity is null");
        requireNonNull(evaluatedAt, "evaluatedAt is null");
        requireNonNull(otherAccountsOnDevice, "otherAccountsOnDevice is null");
    }

    public boolean hasUser() {
        return request.userId().isPresent();
    }
}

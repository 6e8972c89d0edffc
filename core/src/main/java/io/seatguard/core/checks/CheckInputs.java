package io.seatguard.core.checks;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.evaluation.EvaluationRequest;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import java.time.Instant;
import java.util.Map;

/**
 * Everything the earlier stages of the pipeline produced that a check may read.
 *
 * @param devicesInWindow the account's devices in the rolling device window, current device included
 */
public record CheckInputs(
        EvaluationRequest request,
        DeviceResolution device,
        DeviceType deviceType,
        AccountState account,
        Map<String, DeviceType> devicesInWindow,
        Instant evaluatedAt) {
    public CheckInputs {
        requireNonNull(request, "request is null");
        requireNonNull(device, "device is null");
        requireNonNull(deviceType, "deviceType is null");
        requireNonNull(account, "account is null");
        requireNonNull(devicesInWindow, "devicesInWindow is null");
        requireNonNull(evaluatedAt, "evaluatedAt is null");
    }

    public boolean hasUser() {
        return request.userId().isPresent();
    }
}

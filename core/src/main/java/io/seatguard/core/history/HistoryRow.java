package io.seatguard.core.history;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One evaluation as history lists it (CONTRACT.md "Users, devices, history"). */
public record HistoryRow(
        String evaluationId,
        Instant createdAt,
        String action,
        String verdict,
        Optional<String> userId,
        String deviceId,
        Optional<String> fingerprintId,
        String ip,
        Optional<String> country,
        Optional<String> localIpCountry,
        int riskScore,
        List<String> signals) {
    public HistoryRow {
        requireNonNull(evaluationId, "evaluationId is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(action, "action is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(deviceId, "deviceId is null");
        requireNonNull(fingerprintId, "fingerprintId is null");
        requireNonNull(ip, "ip is null");
        requireNonNull(country, "country is null");
        requireNonNull(localIpCountry, "localIpCountry is null");
        signals = List.copyOf(signals);
    }
}

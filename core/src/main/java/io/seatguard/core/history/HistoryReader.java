package io.seatguard.core.history;

import java.util.Optional;

/** Port: an app's recorded evaluations, newest first, by account, device or IP. */
public interface HistoryReader {
    HistoryPage byUser(String appId, String userId, int limit, Optional<HistoryCursor> after);

    HistoryPage byDevice(String appId, String deviceId, int limit, Optional<HistoryCursor> after);

    HistoryPage byIp(String appId, String ip, int limit, Optional<HistoryCursor> after);
}

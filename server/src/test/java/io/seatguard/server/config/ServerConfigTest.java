package io.seatguard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    private static ServerConfig withWindow(Duration window) {
        return new ServerConfig("127.0.0.1", 0, Path.of("data"), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                ServerConfig.DEFAULT_MAX_BODY_BYTES, Optional.empty(), window,
                io.seatguard.core.risk.RiskWeights.defaults(), NetworkSettings.NONE, io.seatguard.server.config.ChallengeSettings.DEVELOPMENT,
                ServerConfig.DEFAULT_RETENTION_DAYS, io.seatguard.core.pattern.PatternThresholds.DEFAULTS, false);
    }

    @Test
    void thePresenceWindowDefaultsToNinetySecondsAndStaysWithinItsBounds() {
        assertThat(ServerConfig.embeddedForTests(Path.of("data")).presenceWindow()).isEqualTo(Duration.ofSeconds(90));
        assertThat(withWindow(Duration.ofSeconds(45)).presenceWindow()).isEqualTo(Duration.ofSeconds(45));
        assertThat(withWindow(Duration.ofHours(1)).presenceWindow()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> withWindow(Duration.ofSeconds(44))).isInstanceOf(ConfigException.class).hasMessageContaining("presence window");
        assertThatThrownBy(() -> withWindow(Duration.ofSeconds(3601))).isInstanceOf(ConfigException.class);
    }

    @Test
    void aRedisUrlMustBeOne() {
        ServerConfig config = ServerConfig.embeddedForTests(Path.of("data"));
        assertThat(config.withRedisUrl("redis://127.0.0.1:6379").redisUrl()).contains("redis://127.0.0.1:6379");
        assertThatThrownBy(() -> config.withRedisUrl("127.0.0.1:6379")).isInstanceOf(ConfigException.class);
    }

    @Test
    void theIpDataRefreshStaysWithinItsBounds() {
        assertThat(new NetworkSettings(io.seatguard.intel.ip.IntelConfig.NONE, Duration.ofMinutes(1), io.seatguard.core.checks.CheckSettings.DEFAULTS)
                .refreshEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> new NetworkSettings(io.seatguard.intel.ip.IntelConfig.NONE, Duration.ofSeconds(59),
                io.seatguard.core.checks.CheckSettings.DEFAULTS)).isInstanceOf(ConfigException.class).hasMessageContaining("refresh");
        assertThatThrownBy(() -> new NetworkSettings(io.seatguard.intel.ip.IntelConfig.NONE, Duration.ofDays(8),
                io.seatguard.core.checks.CheckSettings.DEFAULTS)).isInstanceOf(ConfigException.class);
    }
}

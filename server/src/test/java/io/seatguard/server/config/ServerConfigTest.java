package io.seatguard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    private static ServerConfig withWindow(Duration window) {
        return ServerConfig.builder(Path.of("data")).presenceWindow(window).build();
    }

    @Test
    void thePresenceWindowDefaultsToNinetySecondsAndStaysWithinItsBounds() {
        assertThat(ServerConfig.builder(Path.of("data")).build().presenceWindow()).isEqualTo(Duration.ofSeconds(90));
        assertThat(withWindow(Duration.ofSeconds(45)).presenceWindow()).isEqualTo(Duration.ofSeconds(45));
        assertThat(withWindow(Duration.ofHours(1)).presenceWindow()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> withWindow(Duration.ofSeconds(44))).isInstanceOf(ConfigException.class).hasMessageContaining("presence window");
        assertThatThrownBy(() -> withWindow(Duration.ofSeconds(3601))).isInstanceOf(ConfigException.class);
    }

    @Test
    void aCopyThroughTheBuilderKeepsEverySetting() {
        ServerConfig config = ServerConfig.builder(Path.of("elsewhere"))
                .host("0.0.0.0")
                .port(9090)
                .databaseUrl("postgresql://db.example/seatguard")
                .redisUrl("redis://cache.example:6379")
                .adminToken("an-admin-token-of-length")
                .trustedProxies(java.util.List.of(io.seatguard.core.net.Cidr.parse("10.0.0.0/8").orElseThrow()))
                .maxBodyBytes(2048)
                .publicUrl("https://seatguard.example")
                .presenceWindow(Duration.ofMinutes(2))
                .riskWeights(io.seatguard.core.risk.RiskWeights.parse("concurrent_sessions=50"))
                .network(NetworkSettings.NONE.withStunPort(java.util.OptionalInt.of(3479)))
                .challenges(ChallengeSettings.DEVELOPMENT.withProduction(true))
                .retentionDays(7)
                .patternThresholds(io.seatguard.core.pattern.PatternThresholds.parse("many_devices=2:3"))
                .webhookAllowPrivate(true)
                .sqliteSynchronous(io.seatguard.storage.SqliteSynchronous.NORMAL)
                .browserRateLimit(60)
                .presenceMaxLivePerApp(5_000)
                .build();
        ServerConfig defaults = ServerConfig.builder(Path.of("data")).build();
        for (var component : ServerConfig.class.getRecordComponents()) {
            assertThat(read(component, config)).as("%s is set away from its default by this test", component.getName())
                    .isNotEqualTo(read(component, defaults));
        }
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.toBuilder().port(9091).build()).isEqualTo(new ServerConfig(config.host(), 9091, config.dataDir(), config.databaseUrl(),
                config.redisUrl(), config.adminToken(), config.trustedProxies(), config.maxBodyBytes(), config.publicUrl(), config.presenceWindow(),
                config.riskWeights(), config.network(), config.challenges(), config.retentionDays(), config.patternThresholds(),
                config.webhookAllowPrivate(), config.sqliteSynchronous(), config.browserRateLimit(),
                config.presenceMaxLivePerApp()));
    }

    private static Object read(java.lang.reflect.RecordComponent component, ServerConfig config) {
        try {
            return component.getAccessor().invoke(config);
        }
        catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Review: {@code --public-url https://x.example?q=1} started, and challenge redirects became {@code https://x.example?q=1/challenge/ch_…}. */
    @Test
    void thePublicUrlIsASchemeAndHostAndPortAndNothingElse() {
        ServerConfig config = ServerConfig.builder(Path.of("data")).build();
        java.util.Map<String, String> accepted = new java.util.LinkedHashMap<>();
        accepted.put("https://seatguard.example.com", "https://seatguard.example.com");
        accepted.put("https://seatguard.example.com/", "https://seatguard.example.com");
        accepted.put("http://10.0.0.5:8080", "http://10.0.0.5:8080");
        accepted.put("HTTPS://Seatguard.Example.COM:443/", "https://seatguard.example.com");
        accepted.put("http://[2001:DB8::1]:8080", "http://[2001:db8::1]:8080");
        accepted.put("https://Sicherheit.M\u00fcnchen.de", "https://sicherheit.xn--mnchen-3ya.de");
        accepted.forEach((given, kept) -> assertThat(config.toBuilder().publicUrl(given).build().publicUrl()).as(given).contains(kept));

        for (String refused : new String[] {"https://x.example?q=1", "https://x.example/?q=1", "https://x.example#top", "https://user@x.example",
                "https://user:pw@x.example", "https://x.example/seatguard", "https://x.example//", "https://x.example:0", "https://x.example:65536",
                "ftp://x.example", "x.example", "https://", "https://exa mple.com", "https://a\u200db.example"}) {
            assertThatThrownBy(() -> config.toBuilder().publicUrl(refused).build()).as(refused).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("--public-url must be http(s)://host").hasMessageEndingWith("not '" + refused + "'");
        }
    }

    @Test
    void aRedisUrlMustBeOne() {
        ServerConfig config = ServerConfig.builder(Path.of("data")).build();
        assertThat(config.toBuilder().redisUrl("redis://127.0.0.1:6379").build().redisUrl()).contains("redis://127.0.0.1:6379");
        assertThatThrownBy(() -> config.toBuilder().redisUrl("127.0.0.1:6379").build()).isInstanceOf(ConfigException.class);
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

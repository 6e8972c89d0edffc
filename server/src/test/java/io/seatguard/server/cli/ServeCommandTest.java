package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.server.config.ConfigException;
import io.seatguard.server.config.ServerConfig;
import io.seatguard.storage.SqliteSynchronous;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The serve command's flags as they reach the server's configuration. */
class ServeCommandTest {
    private static ServerConfig parse(String... args) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    @Test
    void sqliteCommitsAreFlushedToTheDiskUnlessTheOperatorChoosesOtherwise() {
        assertThat(parse().sqliteSynchronous()).isEqualTo(SqliteSynchronous.FULL);
        assertThat(parse("--sqlite-synchronous", "normal").sqliteSynchronous()).isEqualTo(SqliteSynchronous.NORMAL);
        assertThat(parse("--sqlite-synchronous", "FULL").sqliteSynchronous()).isEqualTo(SqliteSynchronous.FULL);
        assertThat(parse("--sqlite-synchronous", "normal").withAdminToken("a-token-long-enough-000").sqliteSynchronous())
                .as("kept by the other settings' copies").isEqualTo(SqliteSynchronous.NORMAL);
    }

    @Test
    void anUnknownSqliteSettingIsRefusedByName() {
        assertThatThrownBy(() -> parse("--sqlite-synchronous", "off"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--sqlite-synchronous")
                .hasMessageContaining("full or normal");
    }

    @Test
    void eventCountStopsAtTheLimitTheOperatorSetsAndNeverBelowTheThreshold() {
        assertThat(parse().network().checks().eventCountLimit()).isEqualTo(io.seatguard.core.checks.CheckSettings.EVENT_COUNT_LIMIT);
        assertThat(parse("--event-count-limit", "50000").network().checks().eventCountLimit()).isEqualTo(50_000);
        assertThat(parse("--event-count-limit", "50", "--high-velocity", "200").network().checks().eventCountLimit()).isEqualTo(200);
        assertThatThrownBy(() -> parse("--event-count-limit", "1")).isInstanceOf(ConfigException.class).hasMessageContaining("event count limit");
    }
}

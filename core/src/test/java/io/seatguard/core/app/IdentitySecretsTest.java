package io.seatguard.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which identity secrets are accepted after rotations: the current one, and each replaced one for its hour. */
class IdentitySecretsTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aRotationKeepsTheReplacedSecretForItsOverlapOnly() {
        IdentitySecrets first = IdentitySecrets.NONE.rotatedTo("ids_a", T0, T0.plus(HOUR));
        assertThat(first.accepted(T0)).as("an app that had none").containsExactly("ids_a");

        IdentitySecrets second = first.rotatedTo("ids_b", T0, T0.plus(HOUR));
        assertThat(second.accepted(T0.plus(Duration.ofMinutes(59)))).containsExactly("ids_b", "ids_a");
        assertThat(second.accepted(T0.plus(HOUR))).as("past the hour").containsExactly("ids_b");
    }

    /** As for webhook secrets: a second rotation within the hour must not cut off pages signed with the first secret. */
    @Test
    void twoRotationsWithinTheHourKeepBothReplacedSecrets() {
        IdentitySecrets twice = new IdentitySecrets(Optional.of("ids_a"), java.util.List.of())
                .rotatedTo("ids_b", T0, T0.plus(HOUR))
                .rotatedTo("ids_c", T0.plusSeconds(60), T0.plusSeconds(60).plus(HOUR));
        assertThat(twice.accepted(T0.plusSeconds(120))).containsExactly("ids_c", "ids_b", "ids_a");
        assertThat(twice.accepted(T0.plus(HOUR).plusSeconds(1))).containsExactly("ids_c", "ids_b");

        IdentitySecrets later = twice.rotatedTo("ids_d", T0.plus(HOUR).plusSeconds(30), T0.plus(HOUR).plusSeconds(30).plus(HOUR));
        assertThat(later.retired()).as("the expired one is dropped").extracting(IdentitySecrets.Retired::secret).containsExactly("ids_c", "ids_b");
    }

    @Test
    void atMostFiveReplacedSecretsAreKept() {
        IdentitySecrets secrets = IdentitySecrets.NONE;
        for (int i = 0; i < 10; i++) {
            secrets = secrets.rotatedTo("ids_" + i, T0.plusSeconds(i), T0.plusSeconds(i).plus(HOUR));
        }
        assertThat(secrets.retired()).hasSize(IdentitySecrets.MAX_RETIRED);
        assertThat(secrets.accepted(T0.plusSeconds(10))).containsExactly("ids_9", "ids_8", "ids_7", "ids_6", "ids_5", "ids_4");
    }

    @Test
    void neverPrintsTheSecrets() {
        IdentitySecrets secrets = new IdentitySecrets(Optional.of("ids_current"), java.util.List.of(new IdentitySecrets.Retired("ids_old", T0)));
        assertThat(secrets.toString()).doesNotContain("ids_current").doesNotContain("ids_old");
        assertThat(new App("app_1", "Shop", "pk_1", java.util.List.of(), T0).withIdentitySecrets(secrets).toString()).doesNotContain("ids_current");
    }
}

package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.error.SeatguardException;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code device.timezone} as browsers report it: Chromium says {@code Etc/Unknown} when the system
 * names no zone it knows (checked with Debian's Chromium and {@code TZ=}), and the SDK sends that as is.
 */
class BrowserTimezoneTest {
    private final EvaluateBodyReader reader = new EvaluateBodyReader(InstantSource.system());

    private EvaluateBody read(String timezone) throws Exception {
        JsonNode body = Json.MAPPER.readTree("{\"client_id\":\"pk_test\",\"action\":\"login\",\"user\":\"u1\","
                + "\"device\":{\"token\":\"tokentokentokentoken\",\"timezone\":\"" + timezone + "\"}}");
        return reader.read(body, EvaluateBodyReader.Mode.BROWSER);
    }

    @Test
    void aBrowserThatKnowsNoZoneIsEvaluatedAsOneThatSentNone() throws Exception {
        EvaluateBody body = read("Etc/Unknown");

        assertThat(body.device().timezone()).isEmpty();
        assertThat(body.device().token()).isEqualTo(Optional.of("tokentokentokentoken"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "America", "America/", "America/Zone5", "America/Fourteen_Plus_1", "America/-Dash",
            "America/A/B/C", "Etc/GMT+15", "UTC+5", "+05:00", "SystemV/EST5"})
    void aZoneNoBrowserReportsIsStillRefusedNamingTheField(String zone) {
        assertThatThrownBy(() -> read(zone)).isInstanceOfSatisfying(SeatguardException.class,
                e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("device.timezone"));
    }

    /**
     * A zone the tz database added after this JDK's data (America/Coyhaique came in 2025, and Chromium
     * reports it) was refused, failing every evaluation of that browser. It is kept, and only its
     * timezone_mismatch is unknown. No JDK knows these names yet: they stand for the next ones IANA adds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"America/Nueva_Zona", "Asia/New-Town", "America/Argentina/Nueva", "Antarctica/St.Example"})
    void aZoneNewerThanTheJdksDataIsKept(String zone) throws Exception {
        assertThat(java.time.ZoneId.getAvailableZoneIds()).doesNotContain(zone);
        assertThat(read(zone).device().timezone()).contains(zone);
    }

    @Test
    void aKnownZoneIsKept() throws Exception {
        assertThat(read("Europe/Paris").device().timezone()).contains("Europe/Paris");
    }
}

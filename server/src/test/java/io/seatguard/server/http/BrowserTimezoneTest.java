package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.error.SeatguardException;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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

    @Test
    void aZoneNoBrowserReportsIsStillRefusedNamingTheField() {
        assertThatThrownBy(() -> read("Mars/Olympus")).isInstanceOfSatisfying(SeatguardException.class,
                e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("device.timezone"));
    }

    @Test
    void aKnownZoneIsKept() throws Exception {
        assertThat(read("Europe/Paris").device().timezone()).contains("Europe/Paris");
    }
}

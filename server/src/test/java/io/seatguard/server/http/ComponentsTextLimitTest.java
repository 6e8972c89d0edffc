package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.error.SeatguardException;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * One device's components are kept as long as the device, so their names and string values together are
 * bounded ({@link EvaluateBodyReader#MAX_COMPONENTS_TEXT}), not only each value: otherwise a browser could
 * store the whole body limit for every device it makes up.
 */
class ComponentsTextLimitTest {
    private final EvaluateBodyReader reader = new EvaluateBodyReader(InstantSource.system());

    /** Components named a, b, c… whose names and values add up to exactly {@code total} characters. */
    private EvaluateBody read(int total) throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode().put("client_id", "pk_test").put("action", "signup");
        ObjectNode components = body.putObject("device").putObject("components");
        components.put("cores", 8);
        int left = total - "cores".length();
        for (char name = 'a'; left > 0; name++) {
            int value = Math.min(EvaluateBodyReader.MAX_COMPONENT_VALUE, left - 1);
            components.put(String.valueOf(name), "x".repeat(value));
            left -= 1 + value;
        }
        return reader.read(body, EvaluateBodyReader.Mode.BROWSER);
    }

    @Test
    void componentsUpToTheLimitAreKeptWhole() throws Exception {
        EvaluateBody body = read(EvaluateBodyReader.MAX_COMPONENTS_TEXT);

        assertThat(body.device().components()).containsKeys("cores", "a", "b");
        assertThat(body.device().components().entrySet().stream()
                .mapToInt(e -> e.getKey().length() + (e.getValue() instanceof String text ? text.length() : 0)).sum())
                .isEqualTo(EvaluateBodyReader.MAX_COMPONENTS_TEXT);
    }

    @Test
    void oneCharacterMoreIsRefusedNamingTheFieldAndTheTotal() {
        assertThatThrownBy(() -> read(EvaluateBodyReader.MAX_COMPONENTS_TEXT + 1)).isInstanceOfSatisfying(SeatguardException.class, e -> {
            assertThat(e.errors()).extracting(error -> error.field()).containsExactly("device.components");
            assertThat(e.errors().get(0).message()).contains("at most 16384 characters in all, not 16385");
        });
    }
}

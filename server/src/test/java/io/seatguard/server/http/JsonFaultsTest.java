package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** Found in a walk-through: Jackson's messages reached clients with its class and setting names. */
class JsonFaultsTest {
    private static String reasonFor(String body) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> Json.MAPPER.readTree(body));
        assertThat(e).as(body).isNotNull();
        return JsonFaults.reason(e);
    }

    @Test
    void eachFaultIsToldInTheApisWords() {
        assertThat(reasonFor("{\"action\":\"login\"} {\"b\":2}")).isEqualTo("has data after the JSON document (send exactly one JSON object)");
        assertThat(reasonFor("{\"action\":\"login\"} x")).as("a stray token: the parser's words").startsWith("Unrecognized token 'x'")
                .doesNotContain("com.fasterxml");
        assertThat(reasonFor("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}")).isEqualTo("is nested too deeply (at most 32 levels)");
        assertThat(reasonFor("{\"a\":" + "1".repeat(150) + "}")).isEqualTo("has a number longer than 100 characters");
        assertThat(reasonFor("{\"a\":1,\"a\":2}")).isEqualTo("has a duplicate key 'a'");
        assertThat(reasonFor("{\"a\":tru}")).startsWith("Unrecognized token 'tru'").doesNotContain("com.fasterxml").doesNotContain("\n");
    }
}

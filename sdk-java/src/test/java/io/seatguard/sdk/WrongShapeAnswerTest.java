package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Review finding: a success whose JSON is not the shape of Seatguard's (a proxy's {@code 200 {}}, another
 * API at a wrong base URL) failed deep in a record with a {@code DateTimeParseException} or a
 * {@code NullPointerException}, or read as an answer with empty fields (a verdict of "", an account with no
 * devices). It is a {@link SeatguardException} naming what was missing, worded as for a page that is no JSON.
 */
class WrongShapeAnswerTest {
    private HttpServer server;

    /** A client of a server answering every request 200 with {@code body} as JSON. */
    private SeatguardClient answering(String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return SeatguardClient.builder("http://127.0.0.1:" + server.getAddress().getPort(), "sk_test_123").timeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void refusedNaming(ThrowingCallable call, String fault) {
        assertThatThrownBy(call).isExactlyInstanceOf(SeatguardException.class)
                .hasMessageContaining(fault).hasMessageContaining("not Seatguard's JSON").hasMessageContaining("base URL");
    }

    @Test
    void anEmptyObjectIsRefusedNamingTheFieldItLacks() throws IOException {
        SeatguardClient client = answering("{}");
        refusedNaming(() -> client.evaluate(EvaluateRequest.of("login").user("mia")), "no evaluation_id (a text)");
        refusedNaming(() -> client.getEvaluation("ev_1"), "no id (a text)");
        refusedNaming(() -> client.consumeEvaluation("ev_1"), "no id (a text)");
        refusedNaming(() -> client.listDevices("mia"), "no data (an array)");
        refusedNaming(() -> client.history("mia", 10, Optional.empty()), "no data (an array)");
        refusedNaming(() -> client.patterns(Optional.empty(), Optional.empty(), 10), "no data (an array)");
        refusedNaming(() -> client.webhookDeliveries("w_1", 10), "no data (an array)");
        refusedNaming(() -> client.list("l_1"), "no id (a text)");
        refusedNaming(() -> client.policy("p_1"), "no id (a text)");
        refusedNaming(() -> client.backtestPolicy("p_1", 7), "no from (a date-time)");
        refusedNaming(() -> client.accountSummary("mia"), "no id (a text)");
        refusedNaming(() -> client.getChallenge("ch_1"), "no id (a text)");
        refusedNaming(() -> client.webhookEndpoint("w_1"), "no id (a text)");
    }

    @Test
    void anEmptySuccessToAnEvaluationIsRefusedNotReadAsAnEmptyVerdict() throws IOException {
        SeatguardClient client = answering("");
        refusedNaming(() -> client.evaluate(EvaluateRequest.of("login").user("mia")), "no evaluation_id");
    }

    @Test
    void aDateThatIsNoneIsRefusedNamingIt() throws IOException {
        SeatguardClient client = answering("{\"id\":\"ev_1\",\"created_at\":\"yesterday\"}");
        refusedNaming(() -> client.getEvaluation("ev_1"), "created_at that is no date-time");
        stop();
        SeatguardClient items = answering("{\"data\":[{\"id\":\"d-1\",\"last_seen\":12}]}");
        refusedNaming(() -> items.listDevices("mia"), "last_seen that is no date-time");
    }

    @Test
    void jsonThatIsNoObjectIsRefusedSayingWhatCame() throws IOException {
        SeatguardClient client = answering("[]");
        assertThatThrownBy(() -> client.getEvaluation("ev_1")).isExactlyInstanceOf(SeatguardException.class)
                .hasMessageStartingWith("GET /v3/evaluations/ev_1: a success with JSON that is not an object (HTTP 200), not Seatguard's JSON");
    }

    @Test
    void aWholeAnswerStillReads() throws IOException {
        SeatguardClient client = answering("{\"data\":[{\"id\":\"d-1\",\"last_seen\":\"2026-11-30T10:00:00Z\",\"type\":\"desktop\",\"status\":\"attached\"}]}");
        assertThat(client.listDevices("mia")).singleElement().satisfies(device -> assertThat(device.id()).isEqualTo("d-1"));
    }
}

package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.server.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends an SMS by posting {@code {"to", "body"}} as JSON to a configured endpoint: a provider that
 * takes that shape, or a small relay in front of one. Any 2xx answer is success.
 */
public final class HttpSmsSender {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final Optional<String> token;

    public HttpSmsSender(URI endpoint, Optional<String> token) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.token = requireNonNull(token, "token is null");
    }

    public void send(String to, String body) {
        ObjectNode json = Json.MAPPER.createObjectNode().put("to", to).put("body", body);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString()));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        try {
            HttpResponse<Void> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the SMS provider answered " + response.statusCode());
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("the SMS provider could not be reached: " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending an SMS", e);
        }
    }
}

package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.challenge.DeliveryUncertain;
import io.seatguard.server.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends an SMS by posting {@code {"to", "body"}} as JSON to a configured endpoint: a provider that
 * takes that shape, or a small relay in front of one. Any 2xx answer is success.
 *
 * <p>The endpoint's user info ({@code https://user:password@host/…}) is sent as HTTP Basic credentials,
 * as Twilio-like providers take them, and never as part of the URL: the JDK's client dropped it silently,
 * and every send was refused 401 with nothing in the log to say why (found in review).
 *
 * <p>The whole exchange is bounded, body included: a send runs on a page's request thread, and
 * {@link HttpRequest.Builder#timeout} bounds only the wait for the response headers, so a provider
 * trickling its body held the thread without end.
 *
 * <p>A timeout after the whole request was sent is not a failure but an unknown ({@link DeliveryUncertain}):
 * the provider may have taken it and be sending the SMS, and the code it carries must stay valid. Every
 * other failure (no connection, a refusal, an error answer, a timeout before the request was all sent) is
 * certain: nothing was sent.
 */
public final class HttpSmsSender {
    /**
     * HTTP/1.1, as the webhook client: on plain http (a local relay, as the docs suggest) the JDK's HTTP/2
     * default sent {@code Upgrade: h2c} with every POST, which strict relays refuse or misread (review finding).
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The endpoint without its user info: what is requested, and all a message may name of it. */
    private final URI endpoint;
    private final Optional<String> authorization;
    private final Duration timeout;

    public HttpSmsSender(URI endpoint, Optional<String> token) {
        this(endpoint, token, TIMEOUT);
    }

    HttpSmsSender(URI endpoint, Optional<String> token, Duration timeout) {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(token, "token is null");
        this.endpoint = SmsEndpoint.withoutUserInfo(endpoint);
        this.authorization = SmsEndpoint.basicCredentials(endpoint).or(() -> token.map(value -> "Bearer " + value));
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    public void send(String to, String body) {
        ObjectNode json = Json.MAPPER.createObjectNode().put("to", to).put("body", body);
        HandedOverBody content = new HandedOverBody(json.toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(content);
        try {
            authorization.ifPresent(value -> request.header("Authorization", value));
        }
        catch (IllegalArgumentException e) {
            // The client's refusal quotes the header, token and all, and the failure is logged: never repeated.
            throw new IllegalStateException("the SMS token (--sms-token) holds a character no HTTP header can carry");
        }
        CompletableFuture<HttpResponse<Void>> exchange = CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> response;
        try {
            response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException e) {
            // Cancelling the client's future aborts the exchange and frees its connection.
            exchange.cancel(true);
            throw noAnswer(content);
        }
        catch (ExecutionException e) {
            // The client's own timeout (the answer's headers) may come first; a connect timeout sent nothing.
            if (e.getCause() instanceof HttpTimeoutException && !(e.getCause() instanceof HttpConnectTimeoutException)) {
                throw noAnswer(content);
            }
            throw new IllegalStateException("the SMS provider could not be reached: " + reason(e.getCause()), e.getCause());
        }
        catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending an SMS", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the SMS provider answered " + response.statusCode());
        }
    }

    /** No answer within the timeout: unknown once the whole request was sent, else a failure (nothing reached the provider). */
    private RuntimeException noAnswer(HandedOverBody content) {
        String waited = "the SMS provider did not answer within "
                + java.math.BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
        return content.handedOver() ? new DeliveryUncertain(waited + " of the whole request: the SMS may still arrive")
                : new IllegalStateException(waited + ", before the request was all sent");
    }

    /**
     * What went wrong, for the log: the HTTP client's {@code ConnectException} for a refused connection has
     * no message, and the log said "could not be reached: null" (found in review). The first message in
     * the chain, else the failure's kind, with the endpoint's host and port (never the whole URL: its query
     * may hold a provider's key).
     */
    private String reason(Throwable failure) {
        for (Throwable at = failure; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at.getMessage() != null && !at.getMessage().isBlank()) {
                return at.getMessage().strip();
            }
        }
        String port = endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "";
        return "no connection to " + endpoint.getHost() + port + " (" + failure.getClass().getSimpleName() + ")";
    }
}

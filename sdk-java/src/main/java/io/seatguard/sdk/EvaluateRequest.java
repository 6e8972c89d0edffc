package io.seatguard.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A server-mode evaluation, built field by field:
 *
 * <pre>{@code
 * EvaluateRequest login = EvaluateRequest.of("login").user(account.id()).email(account.email())
 *         .ip(request.getRemoteAddr()).userAgent(request.getHeader("User-Agent"))
 *         .device(form.get("seatguard_signals"));   // the page's JSON.stringify(await collectSignals())
 * }</pre>
 *
 * <p>Seatguard checks every field (the shapes are in its OpenAPI document) and answers a fault with an
 * {@link InvalidRequestException} naming it; this class only refuses what cannot be sent at all (a null
 * action, a device that is not a JSON object). A null argument leaves its field out.
 */
public final class EvaluateRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode body = JSON.createObjectNode();

    private EvaluateRequest(String action) {
        body.put("action", Objects.requireNonNull(action, "action is null"));
    }

    /** @param action {@code login}, {@code signup}, {@code access}, or a name of your own ({@code [a-z0-9_.-]{1,64}}) */
    public static EvaluateRequest of(String action) {
        return new EvaluateRequest(action);
    }

    /** The account id; required for {@code login} and {@code access}. */
    public EvaluateRequest user(String value) {
        return text("user", value);
    }

    /** Where an email verification code may go: check it is the account's own before you name it. */
    public EvaluateRequest email(String value) {
        return text("email", value);
    }

    /** E.164 ({@code +14155550123}): where an SMS code may go. */
    public EvaluateRequest phone(String value) {
        return text("phone", value);
    }

    /** The browser's address as your server saw it (after your own proxies); without it, the address your server called from. */
    public EvaluateRequest ip(String value) {
        return text("ip", value);
    }

    /** The browser's {@code User-Agent}; without it the device type is unknown. */
    public EvaluateRequest userAgent(String value) {
        return text("user_agent", value);
    }

    /**
     * The browser's {@code Accept-Language}, as it sent it: an owner notice a policy asks for goes out in
     * the first of its languages Seatguard has (English, French, Spanish, Arabic); without it, in English.
     */
    public EvaluateRequest acceptLanguage(String value) {
        return text("accept_language", value);
    }

    /** When it happened, for importing history: not in the future, at most 30 days ago; without it, now. */
    public EvaluateRequest timestamp(Instant value) {
        return text("timestamp", value == null ? null : value.toString());
    }

    /** The page's tab session id, for presence. */
    public EvaluateRequest session(String value) {
        return text("session", value);
    }

    /** Where an access challenge sends the browser back to. */
    public EvaluateRequest returnTo(String value) {
        return text("return_to", value);
    }

    /** Any JSON-serialisable values, stored with the evaluation and returned as given (at most 4,096 characters). */
    public EvaluateRequest metadata(Map<String, ?> value) {
        if (value == null) {
            body.remove("metadata");
            return this;
        }
        body.set("metadata", JSON.valueToTree(value));
        return this;
    }

    /**
     * The browser's signals, as the SDK's {@code collectSignals()} gives them ({@code token},
     * {@code components}, {@code local_ips}, {@code timezone}; other fields are ignored), posted to your
     * server with the form. Without them the device is unknown (the zero device id). Pages whose clients
     * share a {@code cookieDomain} pass it here too, {@code collectSignals({ cookieDomain })}, or the page
     * keeps a token of its own host.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object
     */
    public EvaluateRequest device(String json) {
        if (json == null) {
            return device((JsonNode) null);
        }
        try {
            return device(JSON.readTree(json));
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the device signals are not JSON: " + e.getOriginalMessage());
        }
    }

    /** @throws IllegalArgumentException when {@code signals} is not a JSON object */
    public EvaluateRequest device(JsonNode signals) {
        if (signals == null || signals.isNull()) {
            body.remove("device");
            return this;
        }
        if (!signals.isObject()) {
            throw new IllegalArgumentException("the device signals must be a JSON object");
        }
        body.set("device", signals.deepCopy());
        return this;
    }

    private EvaluateRequest text(String field, String value) {
        if (value == null) {
            body.remove(field);
        }
        else {
            body.put(field, value);
        }
        return this;
    }

    /** The personal values set (account, email, phone, address), masked where an error answer repeats them ({@link CallerValues}). */
    CallerValues personalValues() {
        return CallerValues.of(java.util.stream.Stream.of("user", "email", "phone", "ip").map(field -> body.path(field).textValue()).toList());
    }

    String toJson() {
        return body.toString();
    }

    /**
     * Which fields are set, not what they hold ({@link Redacted}): {@code action} and {@code timestamp} as
     * they are, {@code email} and {@code phone} masked ({@code m***@example.com}, {@code ***23}), every other
     * field {@code (set)}. It printed the whole body, so an app logging its requests wrote emails, phone
     * numbers, addresses and the device's token into its logs.
     */
    @Override
    public String toString() {
        StringJoiner fields = new StringJoiner(", ", "EvaluateRequest[", "]");
        body.properties().forEach(field -> fields.add(field.getKey() + "=" + shown(field.getKey(), field.getValue())));
        return fields.toString();
    }

    private static String shown(String field, JsonNode value) {
        return switch (field) {
            case "action", "timestamp" -> value.asText();
            case "email" -> Redacted.email(value.asText());
            case "phone" -> Redacted.phone(value.asText());
            default -> Redacted.SET;
        };
    }
}

package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.evaluation.Actions;
import io.seatguard.core.identity.DeviceSignals;
import io.seatguard.core.net.IpAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates an evaluate body field by field (CONTRACT.md "Evaluate") and reports every fault at once,
 * each named by its path. Unknown fields are ignored so older servers accept newer SDKs.
 *
 * <p>Server-only fields ({@code ip}, {@code user_agent}, {@code accept_language}, {@code timestamp}) are
 * refused from browsers: a browser could otherwise claim any address or backdate its own history, and its
 * own headers already say its agent and languages.
 */
final class EvaluateBodyReader {
    static final int MAX_USER = io.seatguard.core.account.AccountIds.MAX_LENGTH;
    static final int MAX_EMAIL = 254;
    static final int MAX_SESSION = 128;
    static final int MAX_URL = 2048;
    /** Sent URLs of up to MAX_URL ASCII characters always fit; only non-ASCII ones (from a server) may not. */
    static final int MAX_STORED_URL = 3 * MAX_URL;
    static final int MAX_METADATA_BYTES = 4096;
    static final int MAX_COMPONENTS = 128;
    static final int MAX_COMPONENT_NAME = 64;
    static final int MAX_COMPONENT_VALUE = 8192;
    /**
     * Names and string values of one device's components together. The SDK hashes anything large and sends
     * under 1,000; each new device's components are kept for as long as the device, so without this bound
     * a browser could store up to the whole body limit (58 KB by default, 1 MiB at 128 full values) per
     * device it makes up, about 1,200 devices a minute per address.
     */
    static final int MAX_COMPONENTS_TEXT = 16_384;
    static final int MAX_LOCAL_IPS = 16;
    static final int MAX_USER_AGENT = 2048;
    /**
     * A browser's {@code Accept-Language} is a few dozen characters ("fr-CH,fr;q=0.9,en;q=0.8"), a couple
     * of hundred for a person who lists many languages. Its content is not refused: the backend passes on
     * whatever the browser sent, and one that cannot be read leaves a notice in English rather than fail a
     * login.
     */
    static final int MAX_ACCEPT_LANGUAGE = 1024;
    static final Duration MAX_TIMESTAMP_AGE = Duration.ofDays(30);
    /** Clocks differ; a backend a little ahead of us is not sending "the future". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final Pattern COMPONENT_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_COMPONENT_NAME + "}");
    static final Pattern CLIENT_ID = Pattern.compile("pk_[A-Za-z0-9]{1,64}");
    static final String IDENTITY_EXPIRES = "identity_expires";
    /** 9999-12-31T23:59:59Z: a larger one is a mistake (milliseconds, say), not a signature meant to last. */
    private static final long MAX_UNIX_SECONDS = 253_402_300_799L;
    private static final Pattern HEX_SIGNATURE = Pattern.compile("[0-9A-Fa-f]{" + io.seatguard.core.app.IdentitySignature.HEX_LENGTH + "}");

    enum Mode {
        BROWSER,
        SERVER
    }

    private final InstantSource clock;

    EvaluateBodyReader(InstantSource clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    EvaluateBody read(JsonNode body, Mode mode) {
        FieldErrors errors = new FieldErrors();
        Optional<String> clientId = optionalText(body, "client_id", errors, 80);
        if (clientId.isPresent() && !CLIENT_ID.matcher(clientId.get()).matches()) {
            errors.add("client_id", "must be a client id starting with pk_");
        }
        Optional<String> action = optionalText(body, "action", errors, 64);
        if (action.isEmpty() && isAbsent(body, "action")) {
            errors.add("action", "is required (login, signup, access or a custom [a-z0-9_.-]{1,64} name)");
        }
        else if (action.isPresent() && !Actions.isValidName(action.get())) {
            errors.add("action", "must match [a-z0-9_.-]{1,64}");
        }
        Optional<String> user = optionalText(body, "user", errors, MAX_USER);
        user.flatMap(io.seatguard.core.account.AccountIds::fault).ifPresent(fault -> errors.add("user", fault));
        if (user.isEmpty() && action.isPresent() && Actions.requiresUser(action.get()) && !isPresentButInvalid(body, "user")) {
            errors.add("user", "is required for " + action.get());
        }
        Optional<String> email = optionalText(body, "email", errors, MAX_EMAIL);
        // The rule email lists and policies use too (core's EmailAddresses), which the mail sender accepts,
        // judged on the A-label form the evaluation keeps (EvaluateHandler): a domain typed with its own
        // letters is taken. The body keeps the email as sent, which the identity signature signs.
        if (email.isPresent() && !io.seatguard.core.evaluation.EmailAddresses.isMailbox(io.seatguard.core.evaluation.EmailAddresses.withAsciiDomain(email.get()))) {
            errors.add("email", "must be an email address like name@example.com");
        }
        Optional<String> phone = optionalText(body, "phone", errors, 16);
        if (phone.isPresent() && !io.seatguard.core.evaluation.PhoneNumbers.isE164(phone.get())) {
            errors.add("phone", "must be an E.164 number like +14155550123");
        }
        Map<String, Object> metadata = metadata(body, errors);
        Optional<String> session = optionalText(body, "session", errors, MAX_SESSION);
        Optional<String> returnTo = returnTo(body, errors);
        DeviceSignals device = device(body, errors);
        Optional<String> identitySignature = optionalText(body, "identity_signature", errors, 256);
        if (identitySignature.isPresent() && !HEX_SIGNATURE.matcher(identitySignature.get()).matches()) {
            errors.add("identity_signature", "must be the hex HMAC-SHA256 of user, email and phone: 64 characters of 0-9 and a-f");
            identitySignature = Optional.empty();
        }
        Optional<Long> identityExpires = identityExpires(body, errors);

        Optional<InetAddress> ip = Optional.empty();
        Optional<String> userAgent = Optional.empty();
        Optional<String> acceptLanguage = Optional.empty();
        Optional<Instant> timestamp = Optional.empty();
        if (mode == Mode.BROWSER) {
            for (String serverOnly : List.of("ip", "user_agent", "accept_language", "timestamp")) {
                if (body.has(serverOnly) && !body.get(serverOnly).isNull()) {
                    errors.add(serverOnly, "is accepted only from a server (Authorization: Bearer sk_…)");
                }
            }
        }
        else {
            Optional<String> ipText = optionalText(body, "ip", errors, 45);
            if (ipText.isPresent()) {
                ip = IpAddresses.parse(ipText.get());
                if (ip.isEmpty()) {
                    errors.add("ip", "must be an IPv4 or IPv6 address");
                }
            }
            userAgent = optionalText(body, "user_agent", errors, MAX_USER_AGENT);
            acceptLanguage = optionalText(body, "accept_language", errors, MAX_ACCEPT_LANGUAGE);
            timestamp = timestamp(body, errors);
        }
        errors.throwIfAny();
        return new EvaluateBody(clientId, action.orElseThrow(), user, email, phone, metadata, session, returnTo, device, ip, userAgent, timestamp,
                identitySignature.map(signature -> signature.toLowerCase(java.util.Locale.ROOT)), identityExpires, acceptLanguage);
    }

    /** When the identity signature stops vouching: whole seconds since 1970, signed with it (IdentitySignature). */
    private static Optional<Long> identityExpires(JsonNode body, FieldErrors errors) {
        JsonNode node = body.get(IDENTITY_EXPIRES);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1 || node.longValue() > MAX_UNIX_SECONDS) {
            errors.add(IDENTITY_EXPIRES, "must be a whole number of seconds since 1970 (Unix time), like 1767225600, signed with identity_signature");
            return Optional.empty();
        }
        JsonNode signature = body.get("identity_signature");
        if (signature == null || signature.isNull()) {
            errors.add(IDENTITY_EXPIRES, "is part of what identity_signature signs: send both or neither");
            return Optional.empty();
        }
        return Optional.of(node.longValue());
    }

    private Optional<Instant> timestamp(JsonNode body, FieldErrors errors) {
        Optional<String> text = optionalText(body, "timestamp", errors, 64);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text.get(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
        catch (DateTimeParseException e) {
            errors.add("timestamp", "must be an RFC 3339 time like 2026-11-23T10:15:30Z");
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add("timestamp", "must not be in the future");
        }
        else if (at.isBefore(now.minus(MAX_TIMESTAMP_AGE))) {
            errors.add("timestamp", "must be at most 30 days old");
        }
        // A backend's clock a little ahead is taken as now: a row stamped ahead of ours would stay unseen by
        // every live evaluation of the account (they read strictly earlier events) until our clock caught up.
        return Optional.of(at.isAfter(now) ? now : at);
    }

    private static Map<String, Object> metadata(JsonNode body, FieldErrors errors) {
        JsonNode node = body.get("metadata");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            errors.add("metadata", "must be a JSON object");
            return Map.of();
        }
        if (node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            errors.add("metadata", "must be at most " + MAX_METADATA_BYTES + " bytes of JSON");
            return Map.of();
        }
        int before = errors.list().size();
        refuseUnstorableNumbers(node, "metadata", errors);
        if (errors.list().size() > before) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = Json.MAPPER.convertValue(node, LinkedHashMap.class);
        return map;
    }

    /**
     * Numbers the stored document cannot give back as they came: a whole number beyond 64 bits (the store
     * reads whole numbers as longs, so the evaluation could never be read again) or one too large for a
     * double (1e400 would come back as "Infinity").
     */
    private static void refuseUnstorableNumbers(JsonNode node, String path, FieldErrors errors) {
        if (node.isBigInteger() && node.bigIntegerValue().bitLength() > 63) {
            errors.add(path, "must be a whole number within ±9223372036854775807");
        }
        else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            errors.add(path, "must be a finite number");
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseUnstorableNumbers(node.get(i), path + "[" + i + "]", errors);
            }
        }
        else if (node.isObject()) {
            node.properties().forEach(member -> refuseUnstorableNumbers(member.getValue(), path + "." + member.getKey(), errors));
        }
    }

    static DeviceSignals device(JsonNode body, FieldErrors errors) {
        JsonNode device = body.get("device");
        if (device == null || device.isNull()) {
            return DeviceSignals.NONE;
        }
        if (!device.isObject()) {
            errors.add("device", "must be a JSON object");
            return DeviceSignals.NONE;
        }
        Optional<String> token = optionalText(device, "token", errors, 128, "device.");
        if (token.isPresent() && !TOKEN.matcher(token.get()).matches()) {
            errors.add("device.token", "must be 16 to 128 characters of A-Z, a-z, 0-9, _ and -");
        }
        Optional<String> timezone = optionalText(device, "timezone", errors, 64, "device.").filter(zone -> !zone.equals(UNKNOWN_ZONE));
        if (timezone.isPresent() && !BrowserZoneNames.isZone(timezone.get())) {
            errors.add("device.timezone", "must be an IANA time zone like Europe/Paris");
        }
        TreeMap<String, Object> components = components(device.get("components"), errors);
        List<String> localIps = localIps(device.get("local_ips"), errors);
        if (!errors.isEmpty()) {
            return DeviceSignals.NONE;
        }
        return new DeviceSignals(token, components, localIps, timezone);
    }

    private static TreeMap<String, Object> components(JsonNode node, FieldErrors errors) {
        TreeMap<String, Object> components = new TreeMap<>();
        if (node == null || node.isNull()) {
            return components;
        }
        if (!node.isObject()) {
            errors.add("device.components", "must be a JSON object of name to string, number or boolean");
            return components;
        }
        if (node.size() > MAX_COMPONENTS) {
            errors.add("device.components", "must have at most " + MAX_COMPONENTS + " entries");
            return components;
        }
        long text = 0;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            text += name.length() + (entry.getValue().isTextual() ? entry.getValue().textValue().length() : 0);
            String field = "device.components." + (name.length() > MAX_COMPONENT_NAME ? name.substring(0, MAX_COMPONENT_NAME) + "…" : name);
            JsonNode value = entry.getValue();
            if (!COMPONENT_NAME.matcher(name).matches()) {
                errors.add(field, "name must be 1 to " + MAX_COMPONENT_NAME + " characters of A-Z, a-z, 0-9, _ . : -");
            }
            else if (value.isNull()) {
                // A failed probe: reported as missing, never guessed (issue 3).
                continue;
            }
            else if (value.isTextual()) {
                if (value.textValue().length() > MAX_COMPONENT_VALUE) {
                    errors.add(field, "must be at most " + MAX_COMPONENT_VALUE + " characters (hash large renders in the SDK)");
                }
                else {
                    components.put(name, value.textValue());
                }
            }
            else if (value.isBoolean()) {
                components.put(name, value.booleanValue());
            }
            else if (value.isIntegralNumber() && value.canConvertToLong()) {
                components.put(name, value.longValue());
            }
            else if (value.isNumber() && Double.isFinite(value.doubleValue())) {
                components.put(name, value.doubleValue());
            }
            else {
                errors.add(field, "must be a string, number or boolean");
            }
        }
        if (text > MAX_COMPONENTS_TEXT) {
            errors.add("device.components", "names and string values must be at most " + MAX_COMPONENTS_TEXT + " characters in all, not " + text + " (hash large renders in the SDK)");
        }
        return components;
    }

    private static List<String> localIps(JsonNode node, FieldErrors errors) {
        List<String> addresses = new ArrayList<>();
        if (node == null || node.isNull()) {
            return addresses;
        }
        if (!node.isArray()) {
            errors.add("device.local_ips", "must be an array of IP addresses");
            return addresses;
        }
        if (node.size() > MAX_LOCAL_IPS) {
            errors.add("device.local_ips", "must have at most " + MAX_LOCAL_IPS + " addresses");
            return addresses;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Optional<InetAddress> address = item.isTextual() ? IpAddresses.parse(item.textValue()) : Optional.empty();
            if (address.isPresent()) {
                addresses.add(IpAddresses.format(address.get()));
            }
            else if (item.isTextual() && MDNS_NAME.matcher(item.textValue()).matches()) {
                // What WebRTC shows for a host candidate in every current browser: kept as reported, and
                // ignored when local_ip is chosen (it names no network). Refused, it failed the evaluation.
                addresses.add(item.textValue().toLowerCase(java.util.Locale.ROOT));
            }
            else {
                errors.add("device.local_ips[" + i + "]", "must be an IPv4 or IPv6 address, or an mDNS name ending in .local");
            }
        }
        return addresses;
    }

    /**
     * An mDNS host name (RFC 6762), as browsers write host candidates to hide the machine's addresses
     * ({@code 1f4712db-ea17-4bcf-a596-105139dfd8bf.local}): DNS labels, the last one {@code local}.
     */
    private static final Pattern MDNS_NAME = Pattern.compile("(?i)(?=.{7,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+local");

    static Optional<String> optionalText(JsonNode body, String name, FieldErrors errors, int maxLength) {
        return optionalText(body, name, errors, maxLength, "");
    }

    private static Optional<String> optionalText(JsonNode body, String name, FieldErrors errors, int maxLength, String prefix) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            errors.add(prefix + name, "must be a string");
            return Optional.empty();
        }
        String text = node.textValue();
        if (text.isEmpty()) {
            errors.add(prefix + name, "must not be empty");
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            errors.add(prefix + name, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static boolean isAbsent(JsonNode body, String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull();
    }

    private static boolean isPresentButInvalid(JsonNode body, String name) {
        JsonNode node = body.get(name);
        return node != null && !node.isNull();
    }

    /**
     * Any URL a browser's {@code location.href} can hold (the SDK sends it on access), stored in the form
     * {@link HttpUrl} writes: the page it leads to is the same, and the text is safe in the challenge
     * page's {@code Location} header. The length limit is on what was sent; the encoded form may be up to
     * three times as long, which only characters that a browser leaves raw make it.
     */
    private static Optional<String> returnTo(JsonNode body, FieldErrors errors) {
        Optional<String> sent = optionalText(body, "return_to", errors, MAX_URL);
        if (sent.isEmpty()) {
            return sent;
        }
        Optional<String> url = HttpUrl.parse(sent.get()).map(HttpUrl::text);
        if (url.isEmpty()) {
            errors.add("return_to", "must be an absolute http or https URL");
        }
        else if (url.get().length() > MAX_STORED_URL) {
            errors.add("return_to", "must be at most " + MAX_STORED_URL + " characters once percent-encoded");
            return Optional.empty();
        }
        return url;
    }

    /**
     * The zone Chromium (ICU) reports when the system names none it knows (no {@code /etc/localtime}, a
     * {@code TZ} it cannot read): CLDR's name for "unknown", not an IANA zone. Taken as no zone, as
     * {@code null} is: refused, it failed every evaluation such a browser made, the SDK sending what the
     * browser said.
     */
    static final String UNKNOWN_ZONE = "Etc/Unknown";
}

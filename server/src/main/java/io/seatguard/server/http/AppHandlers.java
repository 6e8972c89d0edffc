package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.app.AppService;
import io.seatguard.core.app.Branding;
import io.seatguard.core.app.CreatedApp;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.net.WebDomains;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The admin's app endpoints: create, list, read, change, rotate the secret key or the identity secret (CONTRACT.md "Tenancy and keys"). */
final class AppHandlers {

    private final Credentials credentials;
    private final AppService apps;
    private final AppDirectory directory;
    private final JsonBody jsonBody;

    AppHandlers(Credentials credentials, AppService apps, AppDirectory directory, JsonBody jsonBody) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.apps = requireNonNull(apps, "apps is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.jsonBody = requireNonNull(jsonBody, "jsonBody is null");
    }

    /** The fields an app's body may hold, in its creation as in a change. */
    private static final List<String> FIELDS = List.of("name", "allowed_origins", "branding", "require_signed_identity");

    void create(Context ctx) {
        credentials.requireAdmin(ctx);
        JsonNode body = jsonBody.readObject(ctx);
        FieldErrors errors = new FieldErrors();
        // Refused as PATCH refuses them: ignored, "require_signed_identty" made an app without the
        // signed identity its creator asked for, and answered 201 all the same.
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                errors.add(field, "is not an app field; send name, allowed_origins, branding or require_signed_identity");
            }
        });
        String name = AppFields.name(body.get("name"), errors);
        List<String> origins = AppFields.origins(body.get("allowed_origins"), errors);
        Optional<Branding> branding = branding(body.get("branding"), errors);
        Optional<Boolean> requireSignedIdentity = requireSignedIdentity(body, errors);
        errors.throwIfAny();
        CreatedApp created = apps.create(name, origins);
        if (branding.isPresent() || requireSignedIdentity.orElse(false)) {
            created = new CreatedApp(apps.update(created.app().id(), Optional.empty(), Optional.empty(), branding, requireSignedIdentity),
                    created.secretKey());
        }
        directory.invalidate();
        ctx.status(201).contentType("application/json").result(AppJson.withSecret(created, true).toString());
    }

    /** {@code PATCH /v3/apps/{id}}: changes what the body gives of name, allowed origins, branding and require_signed_identity. */
    void update(Context ctx) {
        credentials.requireAdmin(ctx);
        JsonNode body = jsonBody.readObject(ctx);
        FieldErrors errors = new FieldErrors();
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                errors.add(field, "cannot be changed; send name, allowed_origins, branding or require_signed_identity");
            }
        });
        Optional<String> name = body.has("name") ? Optional.ofNullable(AppFields.name(body.get("name"), errors)) : Optional.empty();
        Optional<List<String>> origins = body.has("allowed_origins") ? Optional.of(AppFields.origins(body.get("allowed_origins"), errors)) : Optional.empty();
        Optional<Branding> branding = body.has("branding") ? branding(body.get("branding"), errors).or(() -> Optional.of(Branding.NONE)) : Optional.empty();
        Optional<Boolean> requireSignedIdentity = requireSignedIdentity(body, errors);
        errors.throwIfAny();
        var app = apps.update(ctx.pathParam("id"), name, origins, branding, requireSignedIdentity);
        directory.invalidate();
        ctx.contentType("application/json").result(AppJson.app(app).toString());
    }

    /** {@code require_signed_identity}: a boolean, or absent (unchanged; false for a new app). */
    private static Optional<Boolean> requireSignedIdentity(JsonNode body, FieldErrors errors) {
        JsonNode node = body.get("require_signed_identity");
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            errors.add("require_signed_identity", "must be true or false");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** {@code {logo_url: https URL, color: "#rrggbb"}}, each optional; null or absent: no branding. */
    static Optional<Branding> branding(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            errors.add("branding", "must be an object like {\"logo_url\": \"https://…\", \"color\": \"#1d4ed8\"}");
            return Optional.empty();
        }
        int before = errors.list().size();
        node.fieldNames().forEachRemaining(field -> {
            if (!field.equals("logo_url") && !field.equals("color")) {
                errors.add("branding." + field, "is not a branding field; expected logo_url, color");
            }
        });
        Optional<String> logo = Optional.empty();
        JsonNode logoNode = node.get("logo_url");
        if (logoNode != null && !logoNode.isNull()) {
            // A host with non-ASCII letters kept as a browser writes it, as the app's origins are.
            String written = logoNode.isTextual() && logoNode.textValue().length() <= 2048 ? WebDomains.withAsciiHost(logoNode.textValue()) : "";
            if (!isHttpsUrl(written)) {
                errors.add("branding.logo_url", "must be an https URL of at most 2048 characters");
            }
            else {
                logo = Optional.of(written);
            }
        }
        Optional<String> color = Optional.empty();
        JsonNode colorNode = node.get("color");
        if (colorNode != null && !colorNode.isNull()) {
            if (!colorNode.isTextual() || !colorNode.textValue().matches("#[0-9A-Fa-f]{6}")) {
                errors.add("branding.color", "must be a colour like #1d4ed8");
            }
            else {
                color = Optional.of(colorNode.textValue().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return errors.list().size() == before ? Optional.of(new Branding(logo, color)) : Optional.empty();
    }

    private static boolean isHttpsUrl(String text) {
        if (text.length() > 2048) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    void list(Context ctx) {
        credentials.requireAdmin(ctx);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode data = json.putArray("data");
        apps.list().forEach(app -> data.add(AppJson.app(app)));
        ctx.contentType("application/json").result(json.toString());
    }

    void get(Context ctx) {
        credentials.requireAdmin(ctx);
        String id = ctx.pathParam("id");
        var app = apps.find(id).orElseThrow(() -> SeatguardException.notFound("app " + Problems.abbreviate(id)));
        ctx.contentType("application/json").result(AppJson.app(app).toString());
    }

    /**
     * {@code POST /v3/apps/{id}/rotate-secret}: a new secret key, shown in this answer only. The key it
     * replaces stops at once, or, with {@code {"previous_key_valid_for": seconds}} (up to a week), when
     * that time is over, so that every backend can move to the new key first.
     */
    void rotateSecret(Context ctx) {
        credentials.requireAdmin(ctx);
        Duration previousValidFor = jsonBody.readObjectIfAny(ctx).map(AppHandlers::previousKeyValidFor).orElse(Duration.ZERO);
        AppService.RotatedSecret rotated = apps.rotateSecret(ctx.pathParam("id"), previousValidFor);
        ObjectNode json = AppJson.withSecret(rotated.created(), false);
        json.put("previous_key_expires_at", rotated.previousValidUntil().map(EvaluationJson::time).orElse(null));
        ctx.contentType("application/json").result(json.toString());
    }

    private static Duration previousKeyValidFor(JsonNode body) {
        return RotationBody.overlap(body, "previous_key_valid_for", "seconds the replaced key keeps working", Duration.ZERO,
                AppService.MAX_PREVIOUS_KEY_OVERLAP);
    }

    /**
     * {@code POST /v3/apps/{id}/rotate-identity-secret}: a new identity secret, shown in this answer only;
     * the one it replaces is still accepted for an hour, for pages rendered with it.
     */
    void rotateIdentitySecret(Context ctx) {
        credentials.requireAdmin(ctx);
        // Takes no body: a {"previous_valid_for": …} sent as to rotate-secret would be ignored, the hour standing.
        NoBody.refuse(ctx);
        var app = apps.rotateIdentitySecret(ctx.pathParam("id"));
        // This node's browser calls check signatures against the new secret at once (others within AppDirectory.TTL, or on a miss).
        directory.invalidate();
        ctx.contentType("application/json").result(AppJson.withIdentitySecret(app).toString());
    }

}

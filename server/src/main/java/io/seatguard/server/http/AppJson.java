package io.seatguard.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.app.App;
import io.seatguard.core.app.CreatedApp;

/**
 * Domain {@link App} → the API's JSON. The secret key and the identity secret appear only in the answer
 * that made them; otherwise the JSON says whether an identity secret exists, never what it is.
 */
final class AppJson {
    private AppJson() {}

    static ObjectNode app(App app) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", app.id());
        json.put("name", app.name());
        json.put("client_id", app.clientId());
        app.allowedOrigins().forEach(json.putArray("allowed_origins")::add);
        json.withArray("allowed_origins");
        json.put("created_at", EvaluationJson.time(app.createdAt()));
        ObjectNode branding = json.putObject("branding");
        branding.put("logo_url", app.branding().logoUrl().orElse(null));
        branding.put("color", app.branding().color().orElse(null));
        json.put("require_signed_identity", app.requireSignedIdentity());
        json.put("has_identity_secret", app.identitySecrets().current().isPresent());
        return json;
    }

    /** A new app or a rotated secret key; a new app also shows its first identity secret. */
    static ObjectNode withSecret(CreatedApp created, boolean withIdentitySecret) {
        ObjectNode json = app(created.app());
        json.put("secret_key", created.secretKey());
        if (withIdentitySecret) {
            created.app().identitySecrets().current().ifPresent(secret -> json.put("identity_secret", secret));
        }
        return json;
    }

    /** The app just given a new identity secret, with it. */
    static ObjectNode withIdentitySecret(App app) {
        ObjectNode json = app(app);
        json.put("identity_secret", app.identitySecrets().current().orElseThrow());
        return json;
    }
}

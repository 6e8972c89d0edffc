package io.seatguard.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.app.App;
import io.seatguard.core.app.CreatedApp;

/** Domain {@link App} → the API's JSON. The secret key appears only in the answer that created it. */
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
        return json;
    }

    static ObjectNode withSecret(CreatedApp created) {
        ObjectNode json = app(created.app());
        json.put("secret_key", created.secretKey());
        return json;
    }
}

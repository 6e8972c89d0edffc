package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.policy.Policy;
import io.seatguard.core.policy.PolicyService;
import io.seatguard.core.policy.PolicyTree;

/**
 * {@code /v3/policies} (CONTRACT.md "Policies"): create, list, read, replace and delete an app's
 * policies. Validation is the core's {@code PolicyParser}, which names the path of every fault.
 */
final class PolicyHandlers {
    private final Credentials credentials;
    private final PolicyService policies;
    private final JsonBody jsonBody;

    PolicyHandlers(Credentials credentials, PolicyService policies, JsonBody jsonBody) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.jsonBody = requireNonNull(jsonBody, "jsonBody is null");
    }

    void create(Context ctx) {
        App app = credentials.requireApp(ctx);
        Policy policy = policies.create(app.id(), tree(jsonBody.readObject(ctx)));
        ctx.status(201).contentType("application/json").result(json(policy).toString());
    }

    void list(Context ctx) {
        App app = credentials.requireApp(ctx);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode data = json.putArray("data");
        policies.list(app.id()).forEach(policy -> data.add(json(policy)));
        ctx.contentType("application/json").result(json.toString());
    }

    void get(Context ctx) {
        App app = credentials.requireApp(ctx);
        ctx.contentType("application/json").result(json(policies.get(app.id(), ctx.pathParam("id"))).toString());
    }

    void replace(Context ctx) {
        App app = credentials.requireApp(ctx);
        Policy policy = policies.replace(app.id(), ctx.pathParam("id"), tree(jsonBody.readObject(ctx)));
        ctx.contentType("application/json").result(json(policy).toString());
    }

    void delete(Context ctx) {
        App app = credentials.requireApp(ctx);
        policies.delete(app.id(), ctx.pathParam("id"));
        ctx.status(204);
    }

    /** The body as plain maps, lists and scalars: the shape the core's parser reads. */
    static Object tree(JsonNode body) {
        return Json.MAPPER.convertValue(body, Object.class);
    }

    static ObjectNode json(Policy policy) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", policy.id());
        json.setAll((ObjectNode) Json.MAPPER.valueToTree(PolicyTree.of(policy.definition())));
        json.put("created_at", EvaluationJson.time(policy.createdAt()));
        json.put("updated_at", EvaluationJson.time(policy.updatedAt()));
        return json;
    }
}

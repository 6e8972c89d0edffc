package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.policy.ListService;
import io.seatguard.core.policy.ListSummary;
import io.seatguard.core.policy.NamedList;

/**
 * {@code /v3/lists} (CONTRACT.md "Lists"): named lists that policies match with {@code in_list}. The
 * listing gives each list's size; a list's values come with the list itself.
 */
final class ListHandlers {
    private final Credentials credentials;
    private final ListService lists;
    private final JsonBody jsonBody;

    ListHandlers(Credentials credentials, ListService lists, JsonBody jsonBody) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.lists = requireNonNull(lists, "lists is null");
        this.jsonBody = requireNonNull(jsonBody, "jsonBody is null");
    }

    void create(Context ctx) {
        App app = credentials.requireApp(ctx);
        NamedList list = lists.create(app.id(), PolicyHandlers.tree(jsonBody.readObject(ctx)));
        ctx.status(201).contentType("application/json").result(json(list, true).toString());
    }

    void list(Context ctx) {
        App app = credentials.requireApp(ctx);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode data = json.putArray("data");
        lists.summaries(app.id()).forEach(list -> data.add(json(list)));
        ctx.contentType("application/json").result(json.toString());
    }

    void get(Context ctx) {
        App app = credentials.requireApp(ctx);
        ctx.contentType("application/json").result(json(lists.get(app.id(), ctx.pathParam("id")), true).toString());
    }

    /** Takes no body: one it would ignore is refused ({@link NoBody}), as a webhook endpoint's deletion refuses one. */
    void delete(Context ctx) {
        App app = credentials.requireApp(ctx);
        NoBody.refuse(ctx);
        lists.delete(app.id(), ctx.pathParam("id"));
        ctx.status(204);
    }

    void add(Context ctx) {
        App app = credentials.requireApp(ctx);
        NamedList list = lists.add(app.id(), ctx.pathParam("id"), PolicyHandlers.tree(jsonBody.readObject(ctx)));
        ctx.contentType("application/json").result(json(list, true).toString());
    }

    void remove(Context ctx) {
        App app = credentials.requireApp(ctx);
        NamedList list = lists.remove(app.id(), ctx.pathParam("id"), PolicyHandlers.tree(jsonBody.readObject(ctx)));
        ctx.contentType("application/json").result(json(list, true).toString());
    }

    private static ObjectNode json(ListSummary list) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", list.id()).put("name", list.name()).put("kind", list.kind().wireName()).put("size", list.size());
        json.put("created_at", EvaluationJson.time(list.createdAt()));
        json.put("updated_at", EvaluationJson.time(list.updatedAt()));
        return json;
    }

    private static ObjectNode json(NamedList list, boolean withValues) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", list.id()).put("name", list.name()).put("kind", list.kind().wireName()).put("size", list.values().size());
        if (withValues) {
            ArrayNode values = json.putArray("values");
            list.values().forEach(values::add);
        }
        json.put("created_at", EvaluationJson.time(list.createdAt()));
        json.put("updated_at", EvaluationJson.time(list.updatedAt()));
        return json;
    }
}

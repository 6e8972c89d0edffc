package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.policy.Backtest;
import io.seatguard.core.policy.Policy;
import io.seatguard.core.policy.PolicyDefinition;
import io.seatguard.core.policy.PolicyService;
import io.seatguard.core.policy.PolicyTree;
import java.util.List;

/**
 * {@code /v3/policies} (CONTRACT.md "Policies"): create, list, read, replace and delete an app's
 * policies. Validation is the core's {@code PolicyParser}, which names the path of every fault.
 */
final class PolicyHandlers {
    private final Credentials credentials;
    private final PolicyService policies;
    private final JsonBody jsonBody;
    private final Backtest backtest;

    PolicyHandlers(Credentials credentials, PolicyService policies, JsonBody jsonBody, Backtest backtest) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.jsonBody = requireNonNull(jsonBody, "jsonBody is null");
        this.backtest = requireNonNull(backtest, "backtest is null");
    }

    /** {@code POST /v3/policies/{id}/backtest?days=N}: a stored policy replayed over the last N days. */
    void backtestStored(Context ctx) {
        App app = credentials.requireApp(ctx);
        // A draft sent here would be ignored and the stored policy backtested instead: a draft goes to /v3/policies/backtest.
        NoBody.refuse(ctx);
        int days = days(ctx);
        Policy policy = policies.get(app.id(), ctx.pathParam("id"));
        ctx.contentType("application/json").result(json(policy.id(), backtest.run(app.id(), policy.id(), policy.definition(), days)).toString());
    }

    /** {@code POST /v3/policies/backtest?days=N} with a policy draft as the body, validated as on create. */
    void backtestDraft(Context ctx) {
        App app = credentials.requireApp(ctx);
        FieldErrors errors = new FieldErrors();
        int days = QueryNumbers.wholeNumber(ctx, "days", 1, Backtest.MAX_DAYS, Backtest.DEFAULT_DAYS, errors);
        PolicyDefinition draft = null;
        try {
            draft = policies.validate(app.id(), tree(jsonBody.readObjectWithNumbersAsWritten(ctx)));
        }
        catch (SeatguardException fault) {
            // The draft's faults with the days' in one answer, as a policy's are all named at once (found in
            // review: a bad days was named alone, and the draft's faults only once it was fixed).
            if (fault.code() != ErrorCode.INVALID_INPUT || errors.isEmpty()) {
                throw fault;
            }
            fault.errors().forEach(each -> errors.add(each.field(), each.message()));
        }
        errors.throwIfAny();
        ctx.contentType("application/json").result(json(null, backtest.run(app.id(), "draft", draft, days)).toString());
    }

    private static int days(Context ctx) {
        FieldErrors errors = new FieldErrors();
        int days = QueryNumbers.wholeNumber(ctx, "days", 1, Backtest.MAX_DAYS, Backtest.DEFAULT_DAYS, errors);
        errors.throwIfAny();
        return days;
    }

    private static ObjectNode json(String policyId, Backtest.Result result) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("policy_id", policyId);
        json.put("from", EvaluationJson.time(result.from()));
        json.put("to", EvaluationJson.time(result.to()));
        json.put("evaluated", result.evaluated());
        json.put("truncated", result.truncated());
        json.put("matched", result.matched());
        ObjectNode outcomes = json.putObject("outcomes");
        result.outcomes().forEach((verdict, count) -> outcomes.put(verdict.wireName(), count));
        ArrayNode samples = json.putArray("samples");
        for (Backtest.Sample sample : result.samples()) {
            ObjectNode item = samples.addObject();
            item.put("evaluation_id", sample.evaluationId());
            item.put("created_at", EvaluationJson.time(sample.createdAt()));
            item.put("action", sample.action());
            item.put("recorded_verdict", sample.recordedVerdict().wireName());
            item.set("reasons", EvaluationJson.reasons(sample.reasons()));
        }
        return json;
    }

    void create(Context ctx) {
        App app = credentials.requireApp(ctx);
        Policy policy = policies.create(app.id(), tree(jsonBody.readObjectWithNumbersAsWritten(ctx)));
        // Just validated against today's settings: nothing to refuse.
        ctx.status(201).contentType("application/json").result(json(policy, List.of()).toString());
    }

    void list(Context ctx) {
        App app = credentials.requireApp(ctx);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode data = json.putArray("data");
        policies.checkedNow(app.id()).forEach(checked -> data.add(json(checked.policy(), checked.refusedNow())));
        ctx.contentType("application/json").result(json.toString());
    }

    void get(Context ctx) {
        App app = credentials.requireApp(ctx);
        Policy policy = policies.get(app.id(), ctx.pathParam("id"));
        ctx.contentType("application/json").result(json(policy, policies.faultsNow(app.id(), policy)).toString());
    }

    void replace(Context ctx) {
        App app = credentials.requireApp(ctx);
        Policy policy = policies.replace(app.id(), ctx.pathParam("id"), tree(jsonBody.readObjectWithNumbersAsWritten(ctx)));
        // A stored policy switched off with faults today's settings refuse keeps them: the answer names them.
        ctx.contentType("application/json").result(json(policy, policies.faultsNow(app.id(), policy)).toString());
    }

    /** Takes no body: one it would ignore is refused ({@link NoBody}), as a webhook endpoint's deletion refuses one. */
    void delete(Context ctx) {
        App app = credentials.requireApp(ctx);
        NoBody.refuse(ctx);
        policies.delete(app.id(), ctx.pathParam("id"));
        ctx.status(204);
    }

    /** The body as plain maps, lists and scalars for the core's parsers, numbers as written: a whole-number field tells {@code 0.9999999999999999999} from 1. */
    static Object tree(JsonNode body) {
        return Json.plainValues(body);
    }

    /**
     * A policy as stored, with {@code refused_now}: the faults today's settings find in it (a setting
     * lowered since it was written, say), empty when it would be accepted now. An integration that only
     * reads the API learns of a policy that silently never matches, as the log and the dashboard tell
     * an operator.
     */
    private static ObjectNode json(Policy policy, List<FieldError> refusedNow) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", policy.id());
        json.setAll((ObjectNode) Json.MAPPER.valueToTree(PolicyTree.of(policy.definition())));
        json.put("created_at", EvaluationJson.time(policy.createdAt()));
        json.put("updated_at", EvaluationJson.time(policy.updatedAt()));
        ArrayNode refused = json.putArray("refused_now");
        for (FieldError fault : refusedNow) {
            refused.addObject().put("field", fault.field()).put("message", fault.message());
        }
        return json;
    }
}

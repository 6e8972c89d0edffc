package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.operator.OperatorService;
import io.seatguard.core.policy.Backtest;
import io.seatguard.core.policy.Policy;
import io.seatguard.core.policy.PolicyDefinition;
import io.seatguard.core.policy.PolicyField;
import io.seatguard.core.policy.PolicyService;
import io.seatguard.server.http.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's policies: the app's policies with an enforce/monitor switch, and a form that builds a
 * policy without typing JSON (or takes JSON), backtests it on the last seven days, and saves it. The
 * form goes through the API's own validator, whose faults are shown with their paths.
 */
public final class PolicyPages {
    private static final Template PAGE = DashboardLayout.compile("""
            <h1>Policies of {{appName}}</h1>
            {{#hasRefusedNow}}<div class="notice error" role="alert"><p>Today's settings would refuse these stored policies if they were
              written now (a setting such as <code>--event-count-limit</code> was lowered since); each stays stored as written. Fix or delete them;
              meanwhile each can be switched to monitor or disabled as it is, but not enforced again until fixed:</p>
              <ul>{{#refusedNow}}<li>{{name}} ({{id}}): {{faults}}</li>{{/refusedNow}}</ul></div>{{/hasRefusedNow}}
            <table><thead><tr><th scope="col">Name</th><th scope="col">Actions</th><th scope="col">Priority</th><th scope="col">Verdict</th><th scope="col">Mode</th><th scope="col">State</th><th scope="col"></th></tr></thead>
            <tbody>{{#policies}}<tr><td>{{name}}</td><td>{{actions}}</td><td>{{priority}}</td><td>{{verdict}}</td><td>{{mode}}</td>
            <td>{{#enabled}}enabled{{/enabled}}{{^enabled}}<strong>disabled</strong> (never consulted){{/enabled}}</td>
            <td><a href="/dashboard/policies?app={{appId}}&amp;edit={{id}}#policy-form">{{#readOnly}}View{{/readOnly}}{{^readOnly}}Edit{{/readOnly}}</a>
            {{^readOnly}}<form method="post" action="/dashboard/policies/mode"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
            <input type="hidden" name="id" value="{{id}}"><button type="submit" class="secondary">Switch to {{other}}</button></form>
            <form method="post" action="/dashboard/policies/delete"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
            <input type="hidden" name="id" value="{{id}}"><button type="submit" class="link">Delete</button></form>{{/readOnly}}</td></tr>{{/policies}}</tbody></table>
            {{^policies}}<p>No policies: every evaluation is allowed and only gathers signals.</p>{{/policies}}
            <h2 id="policy-form">{{#viewOnly}}{{form.name}}{{/viewOnly}}{{^viewOnly}}{{#backtestOnly}}Backtest a draft{{#form.id}} of {{form.name}}{{/form.id}}{{/backtestOnly}}{{^backtestOnly}}{{#form.id}}Edit {{form.name}}{{/form.id}}{{^form.id}}New policy{{/form.id}}{{/backtestOnly}}{{/viewOnly}}</h2>
            {{#backtestOnly}}<p class="hint">Read-only access: change the fields to backtest a draft on the last 7 days; nothing is saved.</p>{{/backtestOnly}}
            {{#hasErrors}}<div class="notice error" role="alert"><p>{{#backtesting}}The policy could not be backtested:{{/backtesting}}{{^backtesting}}The policy was not saved:{{/backtesting}}</p><ul>{{#errors}}<li>{{field}}: {{message}}</li>{{/errors}}</ul></div>{{/hasErrors}}
            {{#backtest}}<div class="notice" role="status"><p>Over the last 7 days, of {{evaluated}} evaluations it would have matched {{matched}}:
              {{allow}} allowed, {{deny}} denied, {{challenge}} challenged; the other {{unmatched}} would have been allowed.{{#truncated}}
              These are the newest {{evaluated}} of more: the older evaluations of the period were not replayed.{{/truncated}}</p></div>{{/backtest}}
            {{#readOnlyBecause}}<div class="notice" role="status"><p>{{readOnlyBecause}}</p></div>{{/readOnlyBecause}}
            {{#viewOnly}}<div id="policy-view"><fieldset disabled><legend>Read-only</legend>{{/viewOnly}}
            {{^viewOnly}}<form method="post" action="/dashboard/policies{{#backtestOnly}}/backtest{{/backtestOnly}}"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
              {{#form.id}}<input type="hidden" name="id" value="{{form.id}}"><input type="hidden" name="stored" value="{{form.stored}}">{{/form.id}}{{/viewOnly}}
              <label for="name">Name</label><input id="name" name="name" value="{{form.name}}">
              <label for="enabled">State</label><select id="enabled" name="enabled"><option value="true">enabled</option><option value="false"{{#disabled}} selected{{/disabled}}>disabled (stored, never consulted)</option></select>
              <fieldset><legend>Actions</legend>
                <label><input type="checkbox" name="action_login" value="1"{{#form.action_login}} checked{{/form.action_login}}> login</label>
                <label><input type="checkbox" name="action_signup" value="1"{{#form.action_signup}} checked{{/form.action_signup}}> signup</label>
                <label><input type="checkbox" name="action_access" value="1"{{#form.action_access}} checked{{/form.action_access}}> access</label>
                <label for="other_actions">Other actions (comma-separated)</label><input id="other_actions" name="other_actions" value="{{form.other_actions}}"></fieldset>
              <label for="join">Match</label><select id="join" name="join"><option value="any">any condition</option><option value="all"{{#joinAll}} selected{{/joinAll}}>all conditions</option></select>
              {{#rows}}<fieldset><legend>Condition {{number}}</legend>
                <label for="check{{index}}">Check</label><select id="check{{index}}" name="check{{index}}"><option value="">(none)</option>{{#checks}}<option{{#selected}} selected{{/selected}}>{{name}}</option>{{/checks}}</select>
                <label for="op{{index}}">Operator</label><select id="op{{index}}" name="op{{index}}">{{#ops}}<option{{#selected}} selected{{/selected}}>{{name}}</option>{{/ops}}</select>
                <label for="value{{index}}">Value (for in and not_in, one per line)</label><textarea id="value{{index}}" name="value{{index}}" rows="2">{{value}}</textarea></fieldset>{{/rows}}
              <label for="verdict">Verdict</label><select id="verdict" name="verdict">{{#verdicts}}<option{{#selected}} selected{{/selected}}>{{name}}</option>{{/verdicts}}</select>
              <label for="mode">Mode</label><select id="mode" name="mode"><option>monitor</option><option{{#enforce}} selected{{/enforce}}>enforce</option></select>
              <label for="priority">Priority</label><input id="priority" name="priority" inputmode="numeric" value="{{form.priority}}">
              <fieldset><legend>Challenge (verdict challenge)</legend>
                <label for="challenge_type">Type</label><select id="challenge_type" name="challenge_type"><option>verification</option><option{{#deviceLimit}} selected{{/deviceLimit}}>device_limit</option></select>
                <label><input type="checkbox" name="channel_email" value="1"{{#form.channel_email}} checked{{/form.channel_email}}> email</label>
                <label><input type="checkbox" name="channel_sms" value="1"{{#form.channel_sms}} checked{{/form.channel_sms}}> SMS</label>
                <label for="device_limit">Device limit</label><input id="device_limit" name="device_limit" inputmode="numeric" value="{{form.device_limit}}">
                <label for="success_url">Success URL</label><input id="success_url" name="success_url" value="{{form.success_url}}">
                <label for="logout_url">Logout URL</label><input id="logout_url" name="logout_url" value="{{form.logout_url}}">
                <label for="expires_in_seconds">Expires after (seconds; empty is 600)</label><input id="expires_in_seconds" name="expires_in_seconds" inputmode="numeric" value="{{form.expires_in_seconds}}"></fieldset>
              <fieldset><legend>Notify the account's owner (verdict allow or deny)</legend>
                <label><input type="checkbox" name="notify_email" value="1"{{#form.notify_email}} checked{{/form.notify_email}}> email</label>
                <label><input type="checkbox" name="notify_sms" value="1"{{#form.notify_sms}} checked{{/form.notify_sms}}> SMS</label></fieldset>
              <label for="json">Or the policy as JSON (used instead of the fields above when given)</label><textarea id="json" name="json" rows="6">{{form.json}}</textarea>
              {{^viewOnly}}<button type="submit" name="do" value="backtest" class="secondary" formaction="/dashboard/policies/backtest">Backtest on the last 7 days</button>
              {{^backtestOnly}}<button type="submit" name="do" value="save">Save</button>{{/backtestOnly}}
            </form>{{/viewOnly}}{{#viewOnly}}</fieldset></div>{{/viewOnly}}""");
    private static final List<String> OPS = List.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "not_in", "in_list", "not_in_list");

    private final DashboardPages sessions;
    private final PolicyService policies;
    private final Backtest backtest;

    public PolicyPages(DashboardPages sessions, PolicyService policies, Backtest backtest) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.backtest = requireNonNull(backtest, "backtest is null");
    }

    /** The policies and the form; with {@code edit=<policy id>}, the form holds that policy to change it. */
    public void page(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedIn(ctx);
        if (operator.isEmpty()) {
            return;
        }
        App app = sessions.appOrFirst(ctx, ctx.queryParam("app"));
        String edit = ctx.queryParam("edit");
        if (app == null || edit == null) {
            render(ctx, 200, operator.get(), app, Map.of(), List.of(), null);
            return;
        }
        Optional<Policy> policy = policies.list(app.id()).stream().filter(each -> each.id().equals(edit)).findFirst();
        if (policy.isEmpty()) {
            render(ctx, 404, operator.get(), app, Map.of(), List.of(new FieldError("edit", "no policy " + edit + " in this app")), null);
            return;
        }
        PolicyEditing.Offer offer = offer(app, policy.get());
        Map<String, String> form = new HashMap<>(offer.form());
        form.put("id", policy.get().id());
        form.put("stored", PolicyEditing.fingerprint(policy.get().definition()));
        offer.readOnlyBecause().ifPresent(why -> form.put("readOnlyBecause", why));
        render(ctx, 200, operator.get(), app, form, List.of(), null);
    }

    private PolicyEditing.Offer offer(App app, Policy policy) {
        return PolicyEditing.of(policy.id(), policy.definition(), policies.fields(), tree -> policies.validate(app.id(), tree),
                !policies.faultsNow(app.id(), policy).isEmpty());
    }

    /**
     * Why a save of the form must not replace the stored policy: the form cannot hold it as it is (checked
     * again, as the policy may have changed since the page was opened), or it changed since, or the form
     * does not say what it was opened on.
     */
    private Optional<String> refusesSave(App app, Policy stored, Map<String, String> form) {
        Optional<String> readOnly = offer(app, stored).readOnlyBecause();
        if (readOnly.isPresent()) {
            return readOnly.map(why -> why + " Nothing was saved.");
        }
        String seen = form.getOrDefault("stored", "");
        // No fingerprint (a page from before it was carried, or a hand-made post) cannot show the policy is
        // unchanged since, so it is refused as a changed one would be, rather than saved unchecked.
        if (seen.isEmpty()) {
            return Optional.of("This form does not say which version of policy " + stored.id() + " it was opened on, so saving it could undo"
                    + " a change made since (in another tab or through the API). Nothing was saved: open the policy again to edit what is stored now.");
        }
        if (!seen.equals(PolicyEditing.fingerprint(stored.definition()))) {
            return Optional.of("Policy " + stored.id() + " was changed after this form was opened (in another tab or through the API), so saving"
                    + " the form would undo that change. Nothing was saved: open the policy again to edit what is stored now.");
        }
        return Optional.empty();
    }

    /** Backtests or saves the form ({@code do}: a page from before the backtest had its own route posts its backtest here). */
    public void submit(Context ctx) {
        submit(ctx, false);
    }

    /**
     * {@code POST /dashboard/policies/backtest}: backtests the form, whatever its {@code do} says, and saves
     * nothing: a route of its own, so that read-only operators, who may post no change, may backtest a draft.
     */
    public void backtest(Context ctx) {
        submit(ctx, true);
    }

    private void submit(Context ctx, boolean backtestOnly) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedInForm(ctx);
        if (operator.isEmpty()) {
            return;
        }
        App app = sessions.appOrFirst(ctx, ctx.formParam("app"));
        Map<String, String> form = new HashMap<>();
        ctx.formParamMap().forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
        form.remove("readOnlyBecause"); // the page's own note, never the poster's
        if (backtestOnly) {
            form.put("do", "backtest");
        }
        try {
            Object tree = form.getOrDefault("json", "").isBlank()
                    ? PolicyForm.tree(name -> form.getOrDefault(name, ""), policies.fields())
                    : jsonTree(form.get("json"));
            if ("backtest".equals(form.get("do"))) {
                PolicyDefinition draft = policies.validate(app.id(), tree);
                render(ctx, 200, operator.get(), app, form, List.of(), backtest.run(app.id(), "draft", draft, 7));
                return;
            }
            String editing = form.getOrDefault("id", "");
            if (!editing.isEmpty()) {
                Optional<String> refused = refusesSave(app, policies.get(app.id(), editing), form);
                if (refused.isPresent()) {
                    DashboardPages.notice(ctx, 409, "Not saved", refused.get());
                    return;
                }
            }
            if (editing.isEmpty()) {
                policies.create(app.id(), tree);
            }
            else {
                policies.replace(app.id(), editing, tree);
            }
            ctx.redirect("/dashboard/policies?app=" + app.id(), io.javalin.http.HttpStatus.SEE_OTHER);
        }
        catch (SeatguardException e) {
            List<FieldError> faults = form.getOrDefault("json", "").isBlank()
                    ? PolicyForm.byRow(DashboardPages.faults(e), name -> form.getOrDefault(name, ""))
                    : DashboardPages.faults(e);
            render(ctx, DashboardPages.statusOf(e), operator.get(), app, form, faults, null);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            render(ctx, 400, operator.get(), app, form, List.of(new FieldError("json", "is not valid JSON: " + e.getOriginalMessage())), null);
        }
    }

    /**
     * The JSON field read as the API reads a body: a NUL or a lone surrogate in it is refused (a surrogate
     * would be stored as '?', so a condition on one user would match another), not written.
     */
    private static Object jsonTree(String json) throws com.fasterxml.jackson.core.JsonProcessingException {
        // Numbers as written, as the API reads a policy: a whole-number field refuses 0.9999999999999999999.
        com.fasterxml.jackson.databind.JsonNode node = Json.NUMBERS_AS_WRITTEN.readTree(json);
        io.seatguard.server.http.NulCharacters.refuseInJson(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), node);
        return Json.plainValues(node);
    }

    public void switchMode(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedInForm(ctx);
        if (operator.isEmpty()) {
            return;
        }
        App app = sessions.appOrFirst(ctx, ctx.formParam("app"));
        try {
            policies.switchMode(app.id(), String.valueOf(ctx.formParam("id")));
        }
        catch (SeatguardException e) {
            if (DashboardPages.statusOf(e) != 400 || e.errors().isEmpty()) {
                throw e;
            }
            // A policy today's settings refuse goes to monitor as it is, but not back to enforce: the page says
            // why (the detail) and what to fix (each fault), where the generic refusal page lists only the faults.
            DashboardPages.notice(ctx, 400, "Not switched", e.getMessage() + ". " + e.errors().stream()
                    .map(fault -> fault.field() + ": " + fault.message()).collect(java.util.stream.Collectors.joining("; ")));
            return;
        }
        ctx.redirect("/dashboard/policies?app=" + app.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void delete(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedInForm(ctx);
        if (operator.isEmpty()) {
            return;
        }
        App app = sessions.appOrFirst(ctx, ctx.formParam("app"));
        policies.delete(app.id(), String.valueOf(ctx.formParam("id")));
        ctx.redirect("/dashboard/policies?app=" + app.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, OperatorService.SignedIn operator, App app, Map<String, String> form, List<FieldError> errors,
            Backtest.Result result) {
        Map<String, Object> model = sessions.frame(DashboardLayout.Section.POLICIES, "Policies", app, operator);
        model.put("policies", policies.list(app.id()).stream().map(policy -> Map.of("id", policy.id(), "name", policy.definition().name(),
                "actions", String.join(", ", policy.definition().actions()), "priority", policy.definition().priority(),
                "verdict", policy.definition().verdict().wireName(), "mode", policy.definition().mode().wireName(), "enabled", policy.definition().enabled(),
                "other", policy.definition().mode().wireName().equals("enforce") ? "monitor" : "enforce")).toList());
        List<Map<String, String>> refusedNow = policies.invalidNow(app.id()).stream().map(invalid -> Map.of("id", invalid.policy().id(),
                "name", invalid.policy().definition().name(), "faults", invalid.faults())).toList();
        model.put("refusedNow", refusedNow);
        model.put("hasRefusedNow", !refusedNow.isEmpty());
        model.put("form", form);
        // A read-only operator is shown the form (a policy's fields, which the table leaves out) to backtest as a
        // draft, posting to the backtest's own route and without a Save button; a policy the form cannot hold is shown only.
        boolean viewOnly = form.containsKey("readOnlyBecause");
        model.put("viewOnly", viewOnly);
        model.put("backtestOnly", operator.operator().readOnly() && !viewOnly);
        model.put("readOnlyBecause", form.getOrDefault("readOnlyBecause", ""));
        model.put("disabled", "false".equals(form.get("enabled")));
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        model.put("backtesting", "backtest".equals(form.get("do")));
        model.put("joinAll", "all".equals(form.get("join")));
        model.put("enforce", "enforce".equals(form.get("mode")));
        model.put("deviceLimit", "device_limit".equals(form.get("challenge_type")));
        model.put("verdicts", List.of("allow", "deny", "challenge").stream().map(v -> Map.of("name", v, "selected", v.equals(form.get("verdict")))).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> names = policies.fields().named().stream().map(PolicyField::name).toList();
        for (int i = 0; i < PolicyForm.ROWS; i++) {
            String check = form.getOrDefault("check" + i, "");
            String op = form.getOrDefault("op" + i, "eq");
            // A check the list does not name (metadata.plan) is offered too, so the row keeps it.
            List<String> offered = check.isEmpty() || names.contains(check) ? names
                    : java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(check)).toList();
            rows.add(Map.of("index", i, "number", i + 1, "value", form.getOrDefault("value" + i, ""),
                    "checks", offered.stream().map(name -> Map.of("name", name, "selected", name.equals(check))).toList(),
                    "ops", OPS.stream().map(name -> Map.of("name", name, "selected", name.equals(op))).toList()));
        }
        model.put("rows", rows);
        if (result != null) {
            // The outcomes count every replayed evaluation, an unmatched one as allow; the sentence breaks down
            // the matched ones (found in review: "matched 1: 1 allowed, 1 denied" counted the unmatched one too).
            int unmatched = result.evaluated() - result.matched();
            // A backtest replays the newest Backtest.MAX_EVALUATIONS: the page says when the period held more.
            model.put("backtest", Map.of("evaluated", count(result.evaluated()), "truncated", result.truncated(),
                    "matched", count(result.matched()), "unmatched", count(unmatched),
                    "allow", count(result.outcomes().get(io.seatguard.core.evaluation.Verdict.ALLOW) - unmatched),
                    "deny", count(result.outcomes().get(io.seatguard.core.evaluation.Verdict.DENY)),
                    "challenge", count(result.outcomes().get(io.seatguard.core.evaluation.Verdict.CHALLENGE))));
        }
        ctx.status(status).contentType("text/html; charset=utf-8").result(PAGE.execute(model));
    }

    /** 10,000, not 10000. */
    private static String count(int n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}

package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.app.CreatedApp;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.operator.OperatorService;
import io.seatguard.server.http.AppFields;
import io.seatguard.server.http.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's apps and keys: every app with its id, client id and allowed origins; create an app,
 * change its origins, rotate its secret key or identity secret, require signed identity. A new secret is
 * shown once, in the answer to the form that made it (the secret key is never stored in clear; neither is
 * shown again; the page is {@code no-store}).
 */
public final class AppPages {
    private static final Template PAGE = DashboardLayout.compile("""
            <h1>Apps and keys</h1>
            {{#secret}}<div class="notice" role="status"><p>The secret key of <strong>{{app}}</strong>, shown this once: copy it to your backend's configuration now.</p>
              <p class="secret" id="new-secret">{{key}}</p></div>{{/secret}}
            {{#identitySecret}}<div class="notice" role="status"><p>The identity secret of <strong>{{app}}</strong>, shown this once: your backend signs the user, email and phone it renders into pages with it.</p>
              <p class="secret" id="new-identity-secret">{{key}}</p></div>{{/identitySecret}}
            {{#hasErrors}}<div class="notice error" role="alert"><p>Nothing was changed:</p><ul>{{#errors}}<li>{{field}}: {{message}}</li>{{/errors}}</ul></div>{{/hasErrors}}
            <table><thead><tr><th scope="col">Name</th><th scope="col">App id</th><th scope="col">Client id (browser)</th><th scope="col">Allowed origins</th><th scope="col">Created</th></tr></thead>
            <tbody>{{#rows}}<tr><td>{{name}}</td><td>{{id}}</td><td>{{clientId}}</td><td>{{origins}}</td><td>{{created}}</td></tr>{{/rows}}</tbody></table>
            {{#shown}}
            <h2>{{name}}</h2>
            {{^readOnly}}<form method="post" action="/dashboard/apps/origins"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{id}}">
              <label for="origins">Allowed origins of {{name}}, one per line</label><textarea id="origins" name="origins" rows="3">{{originLines}}</textarea>
              <button type="submit" class="secondary">Save origins</button></form>{{/readOnly}}
            {{^readOnly}}<form method="post" action="/dashboard/apps/rotate"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{id}}">
              <p>Rotating retires the current secret key at once: backends using it get 401 until they have the new one.</p>
              <button type="submit" class="secondary">Rotate the secret key of {{name}}</button></form>{{/readOnly}}
            <h3>Signed identity</h3>
            <p>{{identityStatus}}</p>
            {{^readOnly}}<form method="post" action="/dashboard/apps/identity"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{id}}">
              <label><input type="checkbox" name="require_signed_identity" value="true"{{#requireSigned}} checked{{/requireSigned}}> Refuse browser evaluations that name a user, email or phone without the backend's identity_signature</label>
              <button type="submit" class="secondary">Save</button></form>{{/readOnly}}
            {{^readOnly}}<form method="post" action="/dashboard/apps/rotate-identity"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{id}}">
              <p>Rotating keeps the current identity secret valid for an hour, for pages already signed with it.</p>
              <button type="submit" class="secondary">Rotate the identity secret of {{name}}</button></form>{{/readOnly}}
            {{/shown}}
            {{^readOnly}}{{#allApps}}<h2>New app</h2>
            <form method="post" action="/dashboard/apps"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
              <label for="new-name">Name</label><input id="new-name" name="name" value="{{form.name}}">
              <label for="new-origins">Allowed origins, one per line (where your pages run the browser SDK)</label><textarea id="new-origins" name="origins" rows="3">{{form.origins}}</textarea>
              <button type="submit">Create app</button></form>{{/allApps}}{{/readOnly}}
            """);

    private final DashboardPages sessions;
    private final AppService apps;
    private final Runnable appsChanged;

    /** @param appsChanged told after an app is made or its origins change, so browser calls see it at once (the CORS cache) */
    public AppPages(DashboardPages sessions, AppService apps, Runnable appsChanged) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.apps = requireNonNull(apps, "apps is null");
        this.appsChanged = requireNonNull(appsChanged, "appsChanged is null");
    }

    public void page(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedIn(ctx);
        if (operator.isPresent()) {
            render(ctx, 200, operator.get(), sessions.appOrFirst(ctx, ctx.queryParam("app")), Optional.empty(), Map.of(), List.of());
        }
    }

    public void create(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedInForm(ctx);
        if (operator.isEmpty()) {
            return;
        }
        if (!operator.get().operator().allApps()) {
            render(ctx, 403, operator.get(), sessions.appOrFirst(ctx, null), Optional.empty(), Map.of(),
                    List.of(new FieldError("operator", "only an operator of every app creates apps")));
            return;
        }
        FieldErrors errors = new FieldErrors();
        String name = AppFields.name(new TextNode(form(ctx, "name")), errors);
        List<String> origins = AppFields.origins(lines(form(ctx, "origins")), errors);
        if (!errors.isEmpty()) {
            render(ctx, 400, operator.get(), sessions.appOrFirst(ctx, ctx.formParam("app")), Optional.empty(),
                    Map.of("name", form(ctx, "name"), "origins", form(ctx, "origins")), errors.list());
            return;
        }
        CreatedApp created = apps.create(name, origins);
        appsChanged.run();
        render(ctx, 201, operator.get(), created.app(), Optional.of(created), Optional.of(created.app()), Map.of(), List.of());
    }

    /** The signed-in operator and an app of theirs that a form names. */
    private record FormApp(OperatorService.SignedIn operator, App app) {}

    /** The form's operator and app, or empty once this page has answered (sign-in needed, or 404 for an app not theirs). */
    private Optional<FormApp> formApp(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedInForm(ctx);
        if (operator.isEmpty()) {
            return Optional.empty();
        }
        Optional<App> app = visible(operator.get(), form(ctx, "app"));
        if (app.isEmpty()) {
            render(ctx, 404, operator.get(), sessions.appOrFirst(ctx, null), Optional.empty(), Map.of(), List.of(new FieldError("app", "no such app")));
            return Optional.empty();
        }
        return Optional.of(new FormApp(operator.get(), app.get()));
    }

    public void rotate(Context ctx) {
        Optional<FormApp> target = formApp(ctx);
        if (target.isEmpty()) {
            return;
        }
        OperatorService.SignedIn operator = target.get().operator();
        App app = target.get().app();
        CreatedApp rotated = apps.rotateSecret(app.id());
        render(ctx, 200, operator, rotated.app(), Optional.of(rotated), Map.of(), List.of());
    }

    /** A new identity secret, shown this once; the one it replaces is still accepted for an hour. */
    public void rotateIdentity(Context ctx) {
        Optional<FormApp> target = formApp(ctx);
        if (target.isEmpty()) {
            return;
        }
        OperatorService.SignedIn operator = target.get().operator();
        App app = target.get().app();
        App rotated = apps.rotateIdentitySecret(app.id());
        appsChanged.run();
        render(ctx, 200, operator, rotated, Optional.empty(), Optional.of(rotated), Map.of(), List.of());
    }

    /** Turns the requirement of signed identity on or off (an unchecked box is absent from the form: off). */
    public void identity(Context ctx) {
        Optional<FormApp> target = formApp(ctx);
        if (target.isEmpty()) {
            return;
        }
        OperatorService.SignedIn operator = target.get().operator();
        App app = target.get().app();
        try {
            apps.update(app.id(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("true".equals(ctx.formParam("require_signed_identity"))));
            appsChanged.run();
        }
        catch (SeatguardException e) {
            render(ctx, DashboardPages.statusOf(e), operator, app, Optional.empty(), Map.of(), DashboardPages.faults(e));
            return;
        }
        ctx.redirect("/dashboard/apps?app=" + app.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void origins(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedInForm(ctx);
        if (operator.isEmpty()) {
            return;
        }
        Optional<App> app = visible(operator.get(), form(ctx, "app"));
        FieldErrors errors = new FieldErrors();
        List<String> origins = AppFields.origins(lines(form(ctx, "origins")), errors);
        if (app.isEmpty()) {
            errors.add("app", "no such app");
        }
        if (!errors.isEmpty()) {
            render(ctx, app.isEmpty() ? 404 : 400, operator.get(), app.orElse(sessions.appOrFirst(ctx, null)), Optional.empty(), Map.of(), errors.list());
            return;
        }
        try {
            apps.update(app.get().id(), Optional.empty(), Optional.of(origins), Optional.empty());
            appsChanged.run();
        }
        catch (SeatguardException e) {
            render(ctx, DashboardPages.statusOf(e), operator.get(), app.get(), Optional.empty(), Map.of(), DashboardPages.faults(e));
            return;
        }
        ctx.redirect("/dashboard/apps?app=" + app.get().id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, OperatorService.SignedIn operator, App current, Optional<CreatedApp> secret, Map<String, String> form,
            List<FieldError> errors) {
        render(ctx, status, operator, current, secret, Optional.empty(), form, errors);
    }

    /** @param identitySecret an app whose identity secret was just made, to show this once */
    private void render(Context ctx, int status, OperatorService.SignedIn operator, App current, Optional<CreatedApp> secret,
            Optional<App> identitySecret, Map<String, String> form, List<FieldError> errors) {
        Map<String, Object> model = sessions.frame(DashboardLayout.Section.APPS, "Apps and keys", current, operator);
        model.put("rows", sessions.visibleApps(ctx).stream().map(app -> Map.of("id", app.id(), "name", app.name(), "clientId", app.clientId(),
                "origins", app.allowedOrigins().isEmpty() ? "none (server calls only)" : String.join(", ", app.allowedOrigins()),
                "created", DashboardLayout.time(app.createdAt()))).toList());
        if (current != null) {
            Map<String, Object> shown = new HashMap<>();
            shown.put("id", current.id());
            shown.put("name", current.name());
            shown.put("originLines", String.join("\n", current.allowedOrigins()));
            shown.put("requireSigned", current.requireSignedIdentity());
            shown.put("identityStatus", identityStatus(current));
            model.put("shown", shown);
        }
        secret.ifPresent(created -> model.put("secret", Map.of("app", created.app().name(), "key", created.secretKey())));
        identitySecret.ifPresent(app -> app.identitySecrets().current()
                .ifPresent(key -> model.put("identitySecret", Map.of("app", app.name(), "key", key))));
        model.put("allApps", operator.operator().allApps());
        model.put("form", form);
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        ctx.status(status).contentType("text/html; charset=utf-8").result(PAGE.execute(model));
    }

    private static String identityStatus(App app) {
        if (app.identitySecrets().current().isEmpty()) {
            return "This app has no identity secret yet: rotate one to let its backend sign identities. Browser evaluations are the browser's word.";
        }
        return app.requireSignedIdentity()
                ? "Required: browser evaluations naming a user, email or phone must carry the backend's signature."
                : "Not required: signed browser evaluations are recorded as signed, unsigned ones are still taken (as unsigned).";
    }

    /**
     * The app of that id if this operator may see it. {@link DashboardPages#refusesApp} has answered 404
     * for any other before a handler runs; a key and its origins are checked here again all the same.
     */
    private Optional<App> visible(OperatorService.SignedIn operator, String appId) {
        return apps.find(appId).filter(app -> operator.operator().maySee(app.id()));
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    /** One origin per line (blank lines skipped); commas also separate, as people paste them: an origin holds neither. */
    private static ArrayNode lines(String text) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        java.util.Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(value -> !value.isEmpty()).forEach(array::add);
        return array;
    }
}

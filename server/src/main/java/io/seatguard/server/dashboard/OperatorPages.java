package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.operator.Operator;
import io.seatguard.core.operator.OperatorService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dashboard's operators, for operators of every app: who can sign in and to which apps; add one
 * (every app, or some), remove one (signed out at once). Nobody removes themselves, and the last
 * operator of every app stays. The command line ({@code ./seatguard operators create}) does the same
 * against the store and is the way back in if every password is lost.
 */
public final class OperatorPages {
    private static final Template PAGE = DashboardLayout.compile("""
            <h1>Operators</h1>
            {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
            {{#hasErrors}}<div class="notice error" role="alert"><p>Nothing was changed:</p><ul>{{#errors}}<li>{{field}}: {{message}}</li>{{/errors}}</ul></div>{{/hasErrors}}
            <table id="operators"><thead><tr><th scope="col">Email</th><th scope="col">Apps</th><th scope="col">May</th><th scope="col">Added</th><th scope="col"></th></tr></thead>
            <tbody>{{#operators}}<tr><td>{{email}}</td><td>{{apps}}</td><td>{{may}}</td><td>{{created}}</td>
              <td>{{^self}}{{^readOnly}}<form method="post" action="/dashboard/operators/delete"><input type="hidden" name="csrf" value="{{csrf}}">
              <input type="hidden" name="id" value="{{id}}"><button type="submit" class="link">Remove {{email}}</button></form>{{/readOnly}}{{/self}}{{#self}}you{{/self}}</td></tr>{{/operators}}</tbody></table>
            {{^readOnly}}<h2>New operator</h2>
            <form method="post" action="/dashboard/operators"><input type="hidden" name="csrf" value="{{csrf}}">
              <label for="op-email">Email</label><input id="op-email" name="email" type="email" autocomplete="off" value="{{formEmail}}">
              <label for="op-password">Password (12 characters or more; give it to them another way)</label><input id="op-password" name="password" type="password" autocomplete="new-password">
              <fieldset><legend>Apps (none ticked: every app, and managing apps and operators)</legend>
              {{#appChoices}}<label><input type="checkbox" name="app_scope" value="{{id}}"{{#checked}} checked{{/checked}}> {{name}}</label>{{/appChoices}}</fieldset>
              <label><input type="checkbox" name="read_only" value="yes"{{#formReadOnly}} checked{{/formReadOnly}}> Read-only: sees the pages of those apps, changes nothing but their own password and two-factor sign-in</label>
              <button type="submit">Add operator</button></form>{{/readOnly}}
            """);

    private final DashboardPages sessions;
    private final OperatorService operators;
    private final AppService apps;

    public OperatorPages(DashboardPages sessions, OperatorService operators, AppService apps) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.operators = requireNonNull(operators, "operators is null");
        this.apps = requireNonNull(apps, "apps is null");
    }

    public void page(Context ctx) {
        Optional<OperatorService.SignedIn> operator = signedInOfEveryApp(ctx, false);
        operator.ifPresent(found -> render(ctx, 200, found, Optional.empty(), List.of(), "", List.of(), false));
    }

    public void create(Context ctx) {
        Optional<OperatorService.SignedIn> operator = signedInOfEveryApp(ctx, true);
        if (operator.isEmpty()) {
            return;
        }
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("");
        List<String> scope = Optional.ofNullable(ctx.formParams("app_scope")).orElse(List.of());
        boolean readOnly = "yes".equals(ctx.formParam("read_only"));
        Set<String> known = new TreeSet<>();
        for (String appId : scope) {
            if (apps.find(appId).isEmpty()) {
                render(ctx, 400, operator.get(), Optional.empty(), List.of(new FieldError("apps", "no app " + appId)), email, scope, readOnly);
                return;
            }
            known.add(appId);
        }
        try {
            Operator created = operators.create(email, Optional.ofNullable(ctx.formParam("password")).orElse(""),
                    known.isEmpty() ? Optional.empty() : Optional.of(known), readOnly);
            render(ctx, 201, operator.get(), Optional.of("Added " + created.email() + (readOnly ? ", read-only." : ".")), List.of(), "", List.of(), false);
        }
        catch (SeatguardException e) {
            render(ctx, DashboardPages.statusOf(e), operator.get(), Optional.empty(), DashboardPages.faults(e), email, scope, readOnly);
        }
    }

    public void delete(Context ctx) {
        Optional<OperatorService.SignedIn> operator = signedInOfEveryApp(ctx, true);
        if (operator.isEmpty()) {
            return;
        }
        String id = Optional.ofNullable(ctx.formParam("id")).orElse("");
        try {
            operators.delete(operator.get().operator(), id);
            render(ctx, 200, operator.get(), Optional.of("Removed the operator; their sessions are closed."), List.of(), "", List.of(), false);
        }
        catch (SeatguardException e) {
            render(ctx, DashboardPages.statusOf(e), operator.get(), Optional.empty(), DashboardPages.faults(e), "", List.of(), false);
        }
    }

    /** The signed-in operator when they run every app (and the form's token holds); else answered 403. */
    private Optional<OperatorService.SignedIn> signedInOfEveryApp(Context ctx, boolean form) {
        Optional<OperatorService.SignedIn> operator = form ? sessions.requireSignedInForm(ctx) : sessions.requireSignedIn(ctx);
        if (operator.isEmpty()) {
            return Optional.empty();
        }
        if (!operator.get().operator().allApps()) {
            DashboardPages.notice(ctx, 403, "Not yours to manage", "Only an operator of every app manages operators.");
            return Optional.empty();
        }
        return operator;
    }

    private void render(Context ctx, int status, OperatorService.SignedIn operator, Optional<String> notice, List<FieldError> errors, String formEmail,
            List<String> formScope, boolean formReadOnly) {
        List<App> all = apps.list();
        Map<String, Object> model = sessions.frame(DashboardLayout.Section.OPERATORS, "Operators", sessions.appOrFirst(ctx, null), operator);
        model.put("operators", operators.list().stream().map(each -> Map.of("id", each.id(), "email", each.email(),
                "apps", each.apps().map(ids -> String.join(", ", all.stream().filter(app -> ids.contains(app.id())).map(App::name).toList()))
                        .orElse("every app"),
                "may", each.readOnly() ? "look only" : "look and change",
                "created", DashboardLayout.time(each.createdAt()), "self", each.id().equals(operator.operator().id()))).toList());
        model.put("appChoices", all.stream().map(app -> Map.of("id", app.id(), "name", app.name(), "checked", formScope.contains(app.id()))).toList());
        model.put("notice", notice.orElse(""));
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        model.put("formEmail", formEmail);
        model.put("formReadOnly", formReadOnly);
        ctx.status(status).contentType("text/html; charset=utf-8").result(PAGE.execute(model));
    }
}

package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.operator.OperatorService;
import io.seatguard.core.policy.ListKind;
import io.seatguard.core.policy.ListService;
import io.seatguard.core.policy.ListSummary;
import io.seatguard.core.policy.NamedList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's lists (CONTRACT.md "Lists"): the app's named lists, one list's values, and forms to
 * create a list, add or remove values (one per line) and delete it. Everything goes through the API's
 * own {@link ListService}, so the same normalization and faults apply; a list a policy uses cannot be
 * deleted.
 */
public final class ListPages {
    private static final int SHOWN_VALUES = 500;
    private static final Template PAGE = DashboardLayout.compile("""
            <h1>Lists of {{appName}}</h1>
            {{#hasErrors}}<div class="notice error" role="alert"><p>Nothing was changed:</p><ul>{{#errors}}<li>{{field}}: {{message}}</li>{{/errors}}</ul></div>{{/hasErrors}}
            <table><thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Values</th><th scope="col">Updated</th></tr></thead>
            <tbody>{{#lists}}<tr><td><a href="/dashboard/lists?app={{appId}}&amp;list={{id}}"{{#current}} aria-current="true"{{/current}}>{{name}}</a></td><td>{{kind}}</td><td>{{size}}</td><td>{{updated}}</td></tr>{{/lists}}</tbody></table>
            {{^lists}}<p>No lists yet. Policies use them with <code>in_list</code>.</p>{{/lists}}
            {{#selected}}
            <h2 id="list-name">{{name}} ({{kind}}, {{size}} values)</h2>
            <ul class="values">{{#values}}<li>{{.}}</li>{{/values}}</ul>{{#more}}<p>… and {{more}} more.</p>{{/more}}
            {{^readOnly}}<form method="post" action="/dashboard/lists/values"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
              <input type="hidden" name="list" value="{{id}}">
              <label for="change-values">Values, one per line</label><textarea id="change-values" name="values" rows="4"></textarea>
              <button type="submit" name="do" value="add" class="secondary">Add</button> <button type="submit" name="do" value="remove" class="secondary">Remove</button></form>{{/readOnly}}
            {{^readOnly}}<form method="post" action="/dashboard/lists/delete"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
              <input type="hidden" name="list" value="{{id}}"><button type="submit" class="link">Delete this list</button></form>{{/readOnly}}
            {{/selected}}
            {{^readOnly}}<h2>New list</h2>
            <form method="post" action="/dashboard/lists"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="app" value="{{appId}}">
              <label for="list-name-field">Name</label><input id="list-name-field" name="name" value="{{form.name}}">
              <label for="list-kind">Kind</label><select id="list-kind" name="kind">{{#kinds}}<option{{#chosen}} selected{{/chosen}}>{{name}}</option>{{/kinds}}</select>
              <label for="list-values">Values, one per line</label><textarea id="list-values" name="values" rows="4">{{form.values}}</textarea>
              <button type="submit">Create list</button></form>{{/readOnly}}
            """);

    private final DashboardPages sessions;
    private final ListService lists;

    public ListPages(DashboardPages sessions, ListService lists) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.lists = requireNonNull(lists, "lists is null");
    }

    public void page(Context ctx) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedIn(ctx);
        if (operator.isPresent()) {
            App app = sessions.appOrFirst(ctx, ctx.queryParam("app"));
            Optional<String> listId = Optional.ofNullable(ctx.queryParam("list"));
            // A list asked for that the app does not have is said to be missing (as a policy to edit is), not
            // silently left out of a page that looks as if it were shown.
            if (app != null && listId.isPresent() && lists.summaries(app.id()).stream().noneMatch(list -> list.id().equals(listId.get()))) {
                throw SeatguardException.notFound("list " + io.seatguard.server.http.Problems.abbreviate(listId.get()) + " of this app");
            }
            render(ctx, 200, operator.get(), app, listId, Map.of(), List.of());
        }
    }

    public void create(Context ctx) {
        withForm(ctx, (operator, app) -> {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("name", form(ctx, "name"));
            tree.put("kind", form(ctx, "kind"));
            tree.put("values", lines(form(ctx, "values"), ListKind.fromWireName(form(ctx, "kind"))));
            NamedList created = lists.create(app.id(), tree);
            return "/dashboard/lists?app=" + app.id() + "&list=" + created.id();
        });
    }

    public void changeValues(Context ctx) {
        withForm(ctx, (operator, app) -> {
            String listId = form(ctx, "list");
            // The kind from the counted summaries, not the list itself: its values may be many. A list gone
            // since is refused by the change below, whatever the kind.
            Optional<ListKind> kind = lists.summaries(app.id()).stream().filter(list -> list.id().equals(listId)).findFirst().map(ListSummary::kind);
            Map<String, Object> tree = Map.of("values", lines(form(ctx, "values"), kind));
            if ("remove".equals(ctx.formParam("do"))) {
                lists.remove(app.id(), listId, tree);
            }
            else {
                lists.add(app.id(), listId, tree);
            }
            return "/dashboard/lists?app=" + app.id() + "&list=" + listId;
        });
    }

    public void delete(Context ctx) {
        withForm(ctx, (operator, app) -> {
            lists.delete(app.id(), form(ctx, "list"));
            return "/dashboard/lists?app=" + app.id();
        });
    }

    private interface Change {
        /** Makes the change and answers where to go next; a fault is thrown as a {@link SeatguardException}. */
        String apply(OperatorService.SignedIn operator, App app);
    }

    private void withForm(Context ctx, Change change) {
        Optional<OperatorService.SignedIn> operator = sessions.requireSignedInForm(ctx);
        if (operator.isEmpty()) {
            return;
        }
        App app = sessions.appOrFirst(ctx, ctx.formParam("app"));
        if (app == null) {
            ctx.redirect("/dashboard/lists", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        try {
            ctx.redirect(change.apply(operator.get(), app), io.javalin.http.HttpStatus.SEE_OTHER);
        }
        catch (SeatguardException e) {
            Map<String, String> form = new LinkedHashMap<>();
            ctx.formParamMap().forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
            render(ctx, DashboardPages.statusOf(e), operator.get(), app, Optional.ofNullable(ctx.formParam("list")), form, DashboardPages.faults(e));
        }
    }

    private void render(Context ctx, int status, OperatorService.SignedIn operator, App app, Optional<String> listId, Map<String, String> form,
            List<FieldError> errors) {
        Map<String, Object> model = sessions.frame(DashboardLayout.Section.LISTS, "Lists", app, operator);
        // The lists are counted, not loaded; only the one shown is read with its values.
        List<ListSummary> all = app == null ? List.of() : lists.summaries(app.id());
        Optional<NamedList> selected = listId.filter(id -> all.stream().anyMatch(list -> list.id().equals(id))).flatMap(id -> read(app, id));
        model.put("lists", all.stream().map(list -> Map.of("id", list.id(), "name", list.name(), "kind", list.kind().wireName(),
                "size", list.size(), "updated", DashboardLayout.time(list.updatedAt()),
                "current", selected.map(shown -> shown.id().equals(list.id())).orElse(false))).toList());
        selected.ifPresent(list -> model.put("selected", Map.of("id", list.id(), "name", list.name(), "kind", list.kind().wireName(),
                "size", list.values().size(), "values", list.values().stream().limit(SHOWN_VALUES).toList(),
                // Empty when all are shown: the template's {{#more}} takes 0 as true, an empty string as false.
                "more", list.values().size() > SHOWN_VALUES ? String.valueOf(list.values().size() - SHOWN_VALUES) : "")));
        model.put("form", form);
        model.put("kinds", Arrays.stream(ListKind.values()).map(kind -> Map.of("name", kind.wireName(),
                "chosen", kind.wireName().equals(form.get("kind")))).toList());
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        ctx.status(status).contentType("text/html; charset=utf-8").result(PAGE.execute(model));
    }

    /** The list with its values; empty when it was deleted since it was listed. */
    private Optional<NamedList> read(App app, String listId) {
        try {
            return Optional.of(lists.get(app.id(), listId));
        }
        catch (SeatguardException e) {
            return Optional.empty();
        }
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    /**
     * One value per line, blank lines skipped, each sent to the API as it would receive it. Only line breaks
     * separate (a browser posts each as CRLF): an account id may hold a comma or spaces ("doe, john",
     * " carol "), which the API keeps as ids of their own, so splitting at commas or stripping removed or
     * added other accounts. A value of another kind cannot hold a space, so its surrounding spaces (as
     * pasted) are dropped.
     */
    static List<String> lines(String text, Optional<ListKind> kind) {
        boolean exact = kind.isEmpty() || kind.get() == ListKind.USER;
        return Arrays.stream(text.split("\r\n|\r|\n")).filter(line -> !line.isBlank()).map(line -> exact ? line : line.strip()).toList();
    }
}

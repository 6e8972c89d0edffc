package io.seatguard.server.dashboard;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.seatguard.core.app.App;
import io.seatguard.core.operator.OperatorService;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every signed-in dashboard page shares: the head, a skip link, the app chooser (a plain GET form
 * that keeps the section), the operator and sign-out, and the sections' navigation. A page is this
 * frame around its own body template, rendered with {@link #model}'s entries plus its own.
 */
final class DashboardLayout {
    /** The dashboard's sections, in navigation order. */
    enum Section {
        OVERVIEW("Overview", "/dashboard"),
        EVALUATIONS("Evaluations", "/dashboard/evaluations"),
        ACCOUNTS("Accounts", "/dashboard/accounts"),
        POLICIES("Policies", "/dashboard/policies"),
        LISTS("Lists", "/dashboard/lists"),
        PATTERNS("Patterns", "/dashboard/patterns"),
        APPS("Apps and keys", "/dashboard/apps"),
        WEBHOOKS("Webhooks", "/dashboard/webhooks"),
        OPERATORS("Operators", "/dashboard/operators"),
        /** Reached from the operator's name in the bar, not from the navigation. */
        PASSWORD("Your password", "/dashboard/password"),
        /** Reached from the password page. */
        TWO_FACTOR("Two-factor sign-in", "/dashboard/two-factor");

        final String label;
        final String path;

        Section(String label, String path) {
            this.label = label;
            this.path = path;
        }
    }

    private static final String HEAD = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer"><title>{{title}} · Seatguard</title>
            <link rel="stylesheet" href="/challenge/assets/challenge.css"></head><body class="dashboard">
            <a class="skip" href="#content">Skip to content</a>
            <header class="dash-bar"><strong>Seatguard</strong>
            <form method="get" action="{{sectionPath}}" class="inline"><label for="app-chooser">App</label>
              <select id="app-chooser" name="app">{{#apps}}<option value="{{id}}"{{#current}} selected{{/current}}>{{name}}</option>{{/apps}}</select>
              <button type="submit" class="secondary">Show</button></form>
            <span class="who">{{email}}{{#readOnly}} (read-only){{/readOnly}}</span> <a href="/dashboard/password?app={{appId}}">Change password</a>
            <form method="post" action="/dashboard/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="link">Sign out</button></form>
            </header>
            <nav aria-label="Dashboard" class="dash-nav">{{#sections}}<a href="{{path}}?app={{appId}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a> {{/sections}}</nav>
            <main id="content" class="card wide">
            {{#readOnly}}<p class="read-only-note">Read-only access: you see your apps' pages, and change only your own password and two-factor sign-in.</p>{{/readOnly}}
            """;
    private static final String FOOT = "</main></body></html>";

    private DashboardLayout() {}

    /** A page: the frame around {@code body}; missing values render empty, and an empty string is false. */
    /** A time as the pages show it: UTC in ISO form, to the second (a stored instant may hold nanoseconds). */
    static String time(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    static Template compile(String body) {
        return Mustache.compiler().defaultValue("").emptyStringIsFalse(true).compile(HEAD + body + FOOT);
    }

    /** The frame's entries: title, the current section, the apps with {@code current} marked, the operator. */
    static Map<String, Object> model(Section section, String title, App current, List<App> all, OperatorService.SignedIn operator) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("sectionPath", section.path);
        model.put("appId", current == null ? "" : current.id());
        model.put("appName", current == null ? "no app" : current.name());
        model.put("apps", all.stream().map(app -> Map.of("id", app.id(), "name", app.name(), "current", current != null && app.id().equals(current.id())))
                .toList());
        model.put("email", operator.operator().email());
        model.put("readOnly", operator.operator().readOnly());
        model.put("csrf", operator.csrfToken());
        // Operators are managed by operators of every app only; the others are not shown the section.
        model.put("sections", Arrays.stream(Section.values())
                .filter(each -> each != Section.PASSWORD && each != Section.TWO_FACTOR && (each != Section.OPERATORS || operator.operator().allApps()))
                .map(each -> Map.of("label", each.label, "path", each.path, "current", each == section))
                .toList());
        return model;
    }
}

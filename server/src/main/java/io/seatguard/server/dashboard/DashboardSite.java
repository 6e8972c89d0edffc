package io.seatguard.server.dashboard;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.SeatguardException;
import io.seatguard.server.http.Problems;
import io.seatguard.server.http.Route;
import java.util.List;

/**
 * Every page of the dashboard and its route. Each POST takes an HTML form only, signed in or not; each
 * handler checks the operator's session first (an anonymous request is sent to the sign-in page) and each
 * form its CSRF token; the authorization test walks this list, so a page added here is covered there.
 */
public record DashboardSite(DashboardPages sessions, OverviewPage overview, AccountPages accounts, PolicyPages policies, ListPages lists,
        AppPages apps, WebhookPages webhooks, OperatorPages operators, PasswordPage password, TwoFactorPage twoFactor) {
    public DashboardSite {
        requireNonNull(sessions, "sessions is null");
        requireNonNull(overview, "overview is null");
        requireNonNull(accounts, "accounts is null");
        requireNonNull(policies, "policies is null");
        requireNonNull(lists, "lists is null");
        requireNonNull(apps, "apps is null");
        requireNonNull(webhooks, "webhooks is null");
        requireNonNull(operators, "operators is null");
        requireNonNull(password, "password is null");
        requireNonNull(twoFactor, "twoFactor is null");
    }

    /** The pages an anonymous visitor may open: signing in. */
    public static final List<String> PUBLIC_PATHS = List.of("/dashboard/login");

    public List<Route> routes() {
        List<Route> guarded = List.of(
                Route.page(GET, "/dashboard", overview::page),
                Route.page(GET, "/dashboard/evaluations", sessions::evaluations),
                Route.page(GET, "/dashboard/evaluations/{app}/{id}", sessions::evaluation),
                Route.page(GET, "/dashboard/accounts", accounts::account),
                Route.page(POST, "/dashboard/accounts/logout", accounts::logOut),
                Route.page(GET, "/dashboard/patterns", accounts::patterns),
                Route.page(GET, "/dashboard/patterns.csv", accounts::patternsCsv),
                Route.page(GET, "/dashboard/patterns.json", accounts::patternsJson),
                Route.page(GET, "/dashboard/policies", policies::page),
                Route.page(POST, "/dashboard/policies", policies::submit),
                Route.page(POST, "/dashboard/policies/backtest", policies::backtest),
                Route.page(POST, "/dashboard/policies/mode", policies::switchMode),
                Route.page(POST, "/dashboard/policies/delete", policies::delete),
                Route.page(GET, "/dashboard/lists", lists::page),
                Route.page(POST, "/dashboard/lists", lists::create),
                Route.page(POST, "/dashboard/lists/values", lists::changeValues),
                Route.page(POST, "/dashboard/lists/delete", lists::delete),
                Route.page(GET, "/dashboard/apps", apps::page),
                Route.page(POST, "/dashboard/apps", apps::create),
                Route.page(POST, "/dashboard/apps/origins", apps::origins),
                Route.page(POST, "/dashboard/apps/rotate", apps::rotate),
                Route.page(POST, "/dashboard/apps/rotate-identity", apps::rotateIdentity),
                Route.page(POST, "/dashboard/apps/identity", apps::identity),
                Route.page(GET, "/dashboard/webhooks", webhooks::page),
                Route.page(POST, "/dashboard/webhooks", webhooks::create),
                Route.page(POST, "/dashboard/webhooks/rotate", webhooks::rotate),
                Route.page(POST, "/dashboard/webhooks/delete", webhooks::delete),
                Route.page(POST, "/dashboard/webhooks/enabled", webhooks::setEnabled),
                Route.page(POST, "/dashboard/webhooks/redeliver", webhooks::redeliver),
                Route.page(GET, "/dashboard/operators", operators::page),
                Route.page(POST, "/dashboard/operators", operators::create),
                Route.page(POST, "/dashboard/operators/delete", operators::delete),
                Route.page(GET, "/dashboard/password", password::page),
                Route.page(POST, "/dashboard/password", password::change),
                Route.page(GET, "/dashboard/two-factor", twoFactor::page),
                Route.page(POST, "/dashboard/two-factor", twoFactor::change));
        List<Route> open = List.of(
                Route.page(GET, "/dashboard/login", sessions::loginPage),
                Route.page(POST, "/dashboard/login", sessions::login),
                Route.page(POST, "/dashboard/logout", sessions::logout));
        List<Route> all = new java.util.ArrayList<>();
        // Every POST, signed in or not, first refuses a body that is not a form; every other page then an
        // app the operator may not see (or that does not exist), and a read-only operator's change. Every
        // answer asks for https when the public URL is https.
        for (Route route : open) {
            io.javalin.http.Handler handler = route.handler();
            all.add(Route.page(route.method(), route.path(), ctx -> {
                sessions.strictTransport(ctx);
                if (!sessions.refusesNonForm(ctx)) {
                    handler.handle(ctx);
                }
            }));
        }
        for (Route route : guarded) {
            io.javalin.http.Handler handler = route.handler();
            all.add(Route.page(route.method(), route.path(), ctx -> {
                sessions.strictTransport(ctx);
                if (!sessions.refusesNonForm(ctx) && !sessions.refusesApp(ctx) && !sessions.refusesChange(ctx)) {
                    handled(handler, ctx);
                }
            }));
        }
        return List.copyOf(all);
    }

    /**
     * A page's client fault that its handler did not turn into a form's message (a list deleted in another
     * tab, a policy today's settings refuse to enforce) becomes a page saying why, not the API's problem
     * document in the browser. Server faults stay with the API's handling, which logs them.
     */
    private static void handled(io.javalin.http.Handler handler, io.javalin.http.Context ctx) throws Exception {
        try {
            handler.handle(ctx);
        }
        catch (SeatguardException e) {
            refused(ctx, e);
        }
    }

    /**
     * Answers a client fault on a dashboard path as a page saying why; also used for what the HTTP layer
     * refuses before any handler runs (a NUL in a field), which a browser would otherwise show as JSON.
     */
    public static void refused(io.javalin.http.Context ctx, SeatguardException e) {
        int status = Problems.status(e.code().category());
        if (status >= 500) {
            throw e;
        }
        String why = e.errors().isEmpty() ? e.getMessage()
                : e.errors().stream().map(error -> error.field() + ": " + error.message()).collect(java.util.stream.Collectors.joining("; "));
        DashboardPages.notice(ctx, status, e.code().title(), why);
    }
}

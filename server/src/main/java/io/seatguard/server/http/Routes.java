package io.seatguard.server.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.OPTIONS;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import io.seatguard.core.account.DeviceLinks;
import io.seatguard.core.app.AppService;
import io.seatguard.core.evaluation.EvaluationPipeline;
import io.seatguard.core.evaluation.EvaluationStore;
import io.seatguard.core.net.ClientIpResolver;
import io.seatguard.core.challenge.ChallengeService;
import io.seatguard.core.history.AccountRecords;
import io.seatguard.core.history.HistoryReader;
import io.seatguard.core.pattern.PatternReader;
import java.util.function.BiConsumer;
import io.seatguard.core.policy.Backtest;
import io.seatguard.server.challenge.ChallengePages;
import io.seatguard.server.challenge.OutboxPage;
import io.seatguard.server.demo.DemoSite;
import io.seatguard.server.dashboard.DashboardSite;
import java.util.ArrayList;
import java.util.Optional;
import io.seatguard.core.policy.ListService;
import io.seatguard.core.policy.PolicyService;
import io.seatguard.core.presence.Heartbeats;
import io.seatguard.server.ServerMetrics;
import io.seatguard.storage.RedisHealth;
import io.seatguard.storage.SqlDatabase;
import java.time.InstantSource;
import io.seatguard.intel.ip.SourceStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every endpoint the server answers, in one list: registration and the OpenAPI test both read it. */
public final class Routes {
    private Routes() {}

    public static List<Route> all(
            AppService apps,
            AppDirectory directory,
            EvaluationPipeline pipeline,
            EvaluationStore evaluations,
            DeviceLinks deviceLinks,
            SqlDatabase database,
            ClientIpResolver clientIps,
            Heartbeats heartbeats,
            ServerMetrics metrics,
            InstantSource clock,
            int maxBodyBytes,
            int browserRateLimit,
            Supplier<List<SourceStatus>> ipData,
            Map<String, RedisHealth> redis,
            PolicyService policyService,
            ListService listService,
            Backtest backtest,
            ChallengeService challengeService,
            ChallengePages challengePages,
            Optional<OutboxPage> outbox,
            AccountRecords accountRecords,
            HistoryReader history,
            BiConsumer<String, String> forgetAccount,
            PatternReader patterns,
            WebhookServices webhookServices,
            Optional<DemoSite> demoSite,
            DashboardSite dashboard) {
        JsonBody jsonBody = new JsonBody(maxBodyBytes);
        Credentials credentials = new Credentials(apps);
        BrowserApps browserApps = new BrowserApps(directory, new BrowserCallLimit(browserRateLimit, clock));
        EvaluateHandler evaluate = new EvaluateHandler(jsonBody, new EvaluateBodyReader(clock), credentials, directory, clientIps, pipeline, metrics,
                new BrowserIdentity(directory, clock), browserApps);
        EvaluationHandlers evaluationHandlers = new EvaluationHandlers(credentials, evaluations, clock, challengeService);
        ChallengeHandlers challengeHandlers = new ChallengeHandlers(credentials, challengeService);
        AppHandlers appHandlers = new AppHandlers(credentials, apps, directory, jsonBody);
        OpsHandlers ops = new OpsHandlers(database, metrics, ipData, redis);
        UserDeviceHandlers userDevices = new UserDeviceHandlers(credentials, deviceLinks, heartbeats.presence(), clock);
        SessionHandlers sessions = new SessionHandlers(jsonBody, directory, heartbeats, clientIps, browserApps);
        BrowserAssets assets = new BrowserAssets();
        AccountHandlers accounts = new AccountHandlers(credentials, accountRecords, history, heartbeats.presence(), forgetAccount, clock, patterns);
        PatternHandlers patternHandlers = new PatternHandlers(credentials, patterns);
        WebhookHandlers webhooks = new WebhookHandlers(credentials, webhookServices, jsonBody, clock);
        PolicyHandlers policies = new PolicyHandlers(credentials, policyService, jsonBody, backtest);
        ListHandlers lists = new ListHandlers(credentials, listService, jsonBody);
        // A browser route's refusals made before its handler runs (a query, a body's media type) are as
        // readable as its handler's own, which are readable before the body has named the app.
        io.javalin.http.Handler readable = ctx -> Cors.exposeToKnownOrigin(ctx, directory);
        // A route of the API takes no query parameters unless it names them (QueryParams); scripts, probes
        // and pages take any, and preflights read none, so theirs is never checked.
        List<Route> routes = new ArrayList<>(List.of(
                new Route(POST, "/v3/evaluate", evaluate::handle).withBeforeRefusal(readable),
                new Route(OPTIONS, "/v3/evaluate", ctx -> Cors.preflight(ctx, directory), QueryParams.UNREAD).withBeforeRefusal(readable),
                new Route(POST, "/v3/sessions/heartbeat", sessions::heartbeat).withBeforeRefusal(readable),
                new Route(OPTIONS, "/v3/sessions/heartbeat", ctx -> Cors.preflight(ctx, directory), QueryParams.UNREAD).withBeforeRefusal(readable),
                new Route(POST, "/v3/sessions/end", sessions::end).withBeforeRefusal(readable),
                new Route(OPTIONS, "/v3/sessions/end", ctx -> Cors.preflight(ctx, directory), QueryParams.UNREAD).withBeforeRefusal(readable),
                new Route(GET, "/v3/sdk.js", assets::moduleSdk, QueryParams.ANY),
                new Route(GET, "/v3/sdk.classic.js", assets::classicSdk, QueryParams.ANY),
                new Route(GET, "/v3/evaluations/{id}", evaluationHandlers::get),
                new Route(POST, "/v3/evaluations/{id}/consume", evaluationHandlers::consume),
                new Route(GET, "/v3/users/{user}", accounts::summary),
                new Route(DELETE, "/v3/users/{user}", accounts::erase),
                new Route(GET, "/v3/users/{user}/history", accounts::userHistory, QueryParams.only("limit", "cursor")),
                new Route(GET, "/v3/history", accounts::search, QueryParams.only("device_id", "ip", "limit", "cursor")),
                new Route(GET, "/v3/patterns", patternHandlers::list, QueryParams.only("pattern", "level", "format", "limit")),
                new Route(POST, "/v3/webhooks", webhooks::create),
                new Route(GET, "/v3/webhooks", webhooks::list),
                new Route(GET, "/v3/webhooks/{id}", webhooks::get),
                new Route(PATCH, "/v3/webhooks/{id}", webhooks::update),
                new Route(DELETE, "/v3/webhooks/{id}", webhooks::delete),
                new Route(POST, "/v3/webhooks/{id}/rotate-secret", webhooks::rotateSecret),
                new Route(GET, "/v3/webhooks/{id}/deliveries", webhooks::deliveries, QueryParams.only("limit", "status", "cursor")),
                new Route(GET, "/v3/webhooks/{id}/deliveries/{message_id}", webhooks::delivery),
                new Route(POST, "/v3/webhooks/{id}/deliveries/{message_id}/redeliver", webhooks::redeliver),
                new Route(GET, "/v3/users/{user}/devices", userDevices::list),
                new Route(DELETE, "/v3/users/{user}/devices/{device_id}", userDevices::logOut),
                new Route(POST, "/v3/policies", policies::create),
                new Route(GET, "/v3/policies", policies::list),
                new Route(POST, "/v3/policies/backtest", policies::backtestDraft, QueryParams.only("days")),
                new Route(GET, "/v3/policies/{id}", policies::get),
                new Route(POST, "/v3/policies/{id}/backtest", policies::backtestStored, QueryParams.only("days")),
                new Route(PUT, "/v3/policies/{id}", policies::replace),
                new Route(DELETE, "/v3/policies/{id}", policies::delete),
                new Route(POST, "/v3/lists", lists::create),
                new Route(GET, "/v3/lists", lists::list),
                new Route(GET, "/v3/lists/{id}", lists::get),
                new Route(DELETE, "/v3/lists/{id}", lists::delete),
                new Route(POST, "/v3/lists/{id}/add", lists::add),
                new Route(POST, "/v3/lists/{id}/remove", lists::remove),
                new Route(POST, "/v3/apps", appHandlers::create),
                new Route(GET, "/v3/apps", appHandlers::list),
                new Route(GET, "/v3/apps/{id}", appHandlers::get),
                new Route(PATCH, "/v3/apps/{id}", appHandlers::update),
                new Route(POST, "/v3/apps/{id}/rotate-secret", appHandlers::rotateSecret),
                new Route(POST, "/v3/apps/{id}/rotate-identity-secret", appHandlers::rotateIdentitySecret),
                new Route(GET, "/v3/openapi.json", ops::openApi, QueryParams.ANY),
                new Route(GET, "/healthz", ops::health, QueryParams.ANY),
                new Route(GET, "/readyz", ops::ready, QueryParams.ANY),
                new Route(GET, "/metrics", ops::metrics, QueryParams.ANY),
                new Route(GET, "/v3/challenges/{id}", challengeHandlers::get),
                Route.page(GET, "/challenge/assets/challenge.css", challengePages::stylesheet),
                Route.page(GET, "/challenge/{id}", challengePages::show),
                Route.page(GET, "/challenge/{id}/brand.css", challengePages::brandStylesheet),
                Route.page(POST, "/challenge/{id}/send", challengePages::send),
                Route.page(POST, "/challenge/{id}/verify", challengePages::verify),
                Route.page(POST, "/challenge/{id}/decline", challengePages::decline),
                Route.page(POST, "/challenge/{id}/logout-device", challengePages::logoutDevice),
                Route.page(POST, "/challenge/{id}/continue", challengePages::continueDeviceLimit),
                // The address bar shows a form's address after a post: reopened, it leads back to the page.
                Route.page(GET, "/challenge/{id}/send", challengePages::backToPage),
                Route.page(GET, "/challenge/{id}/verify", challengePages::backToPage),
                Route.page(GET, "/challenge/{id}/decline", challengePages::backToPage),
                Route.page(GET, "/challenge/{id}/logout-device", challengePages::backToPage),
                Route.page(GET, "/challenge/{id}/continue", challengePages::backToPage)));
        outbox.ifPresent(page -> routes.add(Route.page(GET, "/dev/outbox", page::show)));
        routes.addAll(dashboard.routes());
        if (demoSite.isPresent()) {
            DemoSite demo = demoSite.get();
            routes.add(Route.page(GET, "/demo", demo::loginPage));
            routes.add(Route.page(GET, "/demo/account", demo::accountPage));
            routes.add(Route.page(GET, "/demo/config", demo::config));
            routes.add(Route.page(GET, "/demo/demo.js", demo::script));
            routes.add(Route.page(GET, "/demo/demo.css", demo::stylesheet));
            routes.add(Route.page(POST, "/demo/login", demo::login));
            routes.add(Route.page(POST, "/demo/logout", demo::logout));
            routes.add(Route.page(GET, "/demo/register", demo::registerPage));
            routes.add(Route.page(POST, "/demo/register", demo::register));
            routes.add(Route.page(GET, "/demo/verified", demo::verified));
            routes.add(Route.page(GET, "/demo/registered", demo::registered));
            routes.add(Route.page(POST, "/demo/policies", demo::enablePolicies));
        }
        return List.copyOf(routes);
    }

}

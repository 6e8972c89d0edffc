package io.seatguard.server.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.OPTIONS;
import static io.javalin.http.HandlerType.POST;

import io.seatguard.core.account.DeviceLinks;
import io.seatguard.core.app.AppService;
import io.seatguard.core.evaluation.EvaluationPipeline;
import io.seatguard.core.evaluation.EvaluationStore;
import io.seatguard.core.net.ClientIpResolver;
import io.seatguard.server.ServerMetrics;
import io.seatguard.storage.SqlDatabase;
import java.time.InstantSource;
import java.util.List;

/** Every endpoint the server answers, in one list: registration and the OpenAPI test both read it. */
public final class Routes {
    private Routes() {}

    public static List<Route> all(
            AppService apps,
            EvaluationPipeline pipeline,
            EvaluationStore evaluations,
            DeviceLinks deviceLinks,
            SqlDatabase database,
            ClientIpResolver clientIps,
            ServerMetrics metrics,
            InstantSource clock,
            int maxBodyBytes) {
        JsonBody jsonBody = new JsonBody(maxBodyBytes);
        Credentials credentials = new Credentials(apps);
        AppDirectory directory = new AppDirectory(apps);
        EvaluateHandler evaluate = new EvaluateHandler(jsonBody, new EvaluateBodyReader(clock), credentials, directory, clientIps, pipeline, metrics);
        EvaluationHandlers evaluationHandlers = new EvaluationHandlers(credentials, evaluations, clock);
        AppHandlers appHandlers = new AppHandlers(credentials, apps, directory, jsonBody);
        OpsHandlers ops = new OpsHandlers(database, metrics);
        UserDeviceHandlers userDevices = new UserDeviceHandlers(credentials, deviceLinks);
        return List.of(
                new Route(POST, "/v3/evaluate", evaluate::handle),
                new Route(OPTIONS, "/v3/evaluate", ctx -> Cors.preflight(ctx, directory)),
                new Route(GET, "/v3/evaluations/{id}", evaluationHandlers::get),
                new Route(POST, "/v3/evaluations/{id}/consume", evaluationHandlers::consume),
                new Route(GET, "/v3/users/{user}/devices", userDevices::list),
                new Route(DELETE, "/v3/users/{user}/devices/{device_id}", userDevices::logOut),
                new Route(POST, "/v3/apps", appHandlers::create),
                new Route(GET, "/v3/apps", appHandlers::list),
                new Route(GET, "/v3/apps/{id}", appHandlers::get),
                new Route(POST, "/v3/apps/{id}/rotate-secret", appHandlers::rotateSecret),
                new Route(GET, "/v3/openapi.json", ops::openApi),
                new Route(GET, "/healthz", ops::health),
                new Route(GET, "/readyz", ops::ready),
                new Route(GET, "/metrics", ops::metrics));
    }

}

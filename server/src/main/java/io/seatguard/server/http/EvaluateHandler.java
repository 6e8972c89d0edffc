package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.seatguard.core.app.App;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.evaluation.EmailAddresses;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.EvaluationPipeline;
import io.seatguard.core.evaluation.EvaluationRequest;
import io.seatguard.core.evaluation.IdentityProof;
import io.seatguard.core.net.ClientIpResolver;
import io.seatguard.server.ServerMetrics;
import java.net.InetAddress;
import java.util.Optional;

/**
 * {@code POST /v3/evaluate} in its two modes (CONTRACT.md): a browser names its app by {@code client_id}
 * and we take the IP and user agent from the request; a backend proves its app with a secret key and
 * may say the user's IP, user agent and the event's time itself.
 */
final class EvaluateHandler {
    private final JsonBody jsonBody;
    private final EvaluateBodyReader reader;
    private final Credentials credentials;
    private final AppDirectory apps;
    private final ClientIpResolver clientIps;
    private final EvaluationPipeline pipeline;
    private final ServerMetrics metrics;
    private final BrowserIdentity browserIdentity;
    private final BrowserApps browserApps;

    EvaluateHandler(JsonBody jsonBody, EvaluateBodyReader reader, Credentials credentials, AppDirectory apps, ClientIpResolver clientIps,
            EvaluationPipeline pipeline, ServerMetrics metrics, BrowserIdentity browserIdentity, BrowserApps browserApps) {
        this.jsonBody = requireNonNull(jsonBody, "jsonBody is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.apps = requireNonNull(apps, "apps is null");
        this.clientIps = requireNonNull(clientIps, "clientIps is null");
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.browserIdentity = requireNonNull(browserIdentity, "browserIdentity is null");
        this.browserApps = requireNonNull(browserApps, "browserApps is null");
    }

    void handle(Context ctx) {
        Cors.exposeToKnownOrigin(ctx, apps);
        JsonNode json = jsonBody.readObject(ctx);
        boolean serverMode = Credentials.bearer(ctx).isPresent();
        InetAddress requestIp = PeerAddress.client(ctx, clientIps);
        App app;
        EvaluateBody body;
        IdentityProof identity;
        if (serverMode) {
            app = credentials.requireApp(ctx);
            body = reader.read(json, EvaluateBodyReader.Mode.SERVER);
            if (body.clientId().isPresent() && !body.clientId().get().equals(app.clientId())) {
                throw SeatguardException.invalid("client_id", "does not belong to the app of this secret key");
            }
            // The backend proved itself with the secret key: what it names needs no signature (one sent is not checked).
            identity = IdentityProof.SERVER;
        }
        else {
            body = reader.read(json, EvaluateBodyReader.Mode.BROWSER);
            String clientId = body.clientId().orElseThrow(() -> new SeatguardException(ErrorCode.MISSING_CREDENTIALS,
                    "Send client_id (browser) or 'Authorization: Bearer sk_…' (server)",
                    java.util.List.of(new io.seatguard.core.error.FieldError("client_id", "is required without a secret key"))));
            app = browserApps.of(ctx, clientId, requestIp);
            // The client id is public, so a browser-mode return_to could otherwise send whoever opens the
            // hosted challenge page to any site: it must lead back to one of the app's own pages.
            if (body.returnTo().isPresent() && !Origins.leadsTo(body.returnTo().get(), app.allowedOrigins())) {
                throw SeatguardException.invalid("return_to",
                        "must be on one of this app's allowed_origins in a browser call (a server call with the secret key may name any http(s) URL)");
            }
            identity = browserIdentity.of(app, body);
        }

        Optional<String> userAgent = serverMode ? body.userAgent() : Optional.ofNullable(ctx.userAgent());
        EvaluationRequest request = new EvaluationRequest(
                app.id(),
                body.action(),
                body.user(),
                // Stored, compared, counted and mailed in one form whichever way the domain was typed:
                // ana@exämple.com and ana@xn--exmple-cua.com are one recipient for limits, lists and erasure.
                body.email().map(EmailAddresses::withAsciiDomain),
                body.phone(),
                body.metadata(),
                body.session(),
                body.returnTo(),
                body.device(),
                body.ip().orElse(requestIp),
                userAgent,
                body.timestamp(),
                identity,
                serverMode ? body.acceptLanguage() : browserLanguages(ctx));
        Evaluation evaluation = pipeline.evaluate(request);
        metrics.evaluationRecorded(evaluation.action(), evaluation.verdict().wireName(), evaluation.device().type());
        writeJson(ctx, EvaluationJson.verdict(evaluation).toString());
    }

    /**
     * The browser's own {@code Accept-Language}, for an owner notice's language; one longer than any real
     * browser sends is left out (the notice is then in English) rather than refuse the evaluation.
     */
    private static Optional<String> browserLanguages(Context ctx) {
        String header = ctx.header("Accept-Language");
        return header == null || header.isBlank() || header.length() > EvaluateBodyReader.MAX_ACCEPT_LANGUAGE ? Optional.empty() : Optional.of(header);
    }

    /**
     * Written straight to the response rather than through {@code ctx.result(…)}, which Javalin copies
     * into the response through a freshly allocated buffer of several kilobytes: on this, the busiest
     * route, that buffer was the largest single allocation per request (docs/benchmarks.md).
     */
    private static void writeJson(Context ctx, String json) {
        ctx.contentType("application/json");
        try {
            ctx.outputStream().write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (java.io.IOException e) {
            // The client is gone. The evaluation is stored and it can read it back (GET /v3/evaluations/{id}).
        }
    }
}

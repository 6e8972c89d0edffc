package io.seatguard.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.server.ServerMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin server from the route table. Every failure leaves as problem+json: our own
 * {@link SeatguardException}s, Javalin's (unknown route, wrong method, body over its limit) and anything
 * unexpected, an {@link Error} too ({@link UnexpectedErrors}): a 500 with a generic message; the details
 * go to the log only.
 */
public final class HttpApi {
    /** The matched route's template ({@code /v3/evaluations/{id}}), set before its handler runs. */
    static final String ROUTE_ATTRIBUTE = "seatguard.route";
    /** How long a stopping server lets in-flight requests finish (docs/production.md). */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** Bytes a second a request body must at least arrive at, once it has started (see {@link #create}). */
    static final long MIN_REQUEST_DATA_RATE = 256;

    private HttpApi() {}

    /**
     * @param allowedOrigin whether some app allows an origin, by what is held in memory: the answers Jetty
     *     gives before any route runs (a full or stopping server's 503, a body too large) are readable by
     *     such pages too
     * @param stopTimeout how long {@link #stop} lets requests in flight finish: {@link #STOP_TIMEOUT}, shorter in tests
     */
    public static Javalin create(String host, int port, int maxBodyBytes, Duration stopTimeout, Predicate<String> allowedOrigin, List<Route> routes,
            ServerMetrics metrics) {
        EdgeLimits limits = EdgeLimits.forThisProcess();
        LoggerFactory.getLogger(HttpApi.class).info("Holding up to {} client connections at once ({}); running up to {} requests at once, the rest waiting up to {} s",
                limits.maxConnections(), ConnectionBudget.describeThisProcess(), RequestSlots.forThreads(limits.maxThreads()), limits.maxWait().toSeconds());
        return create(host, port, maxBodyBytes, limits, stopTimeout, allowedOrigin, routes, metrics);
    }

    static Javalin create(String host, int port, int maxBodyBytes, EdgeLimits limits, Predicate<String> allowedOrigin, List<Route> routes,
            ServerMetrics metrics) {
        return create(host, port, maxBodyBytes, limits, STOP_TIMEOUT, allowedOrigin, routes, metrics);
    }

    private static Javalin create(String host, int port, int maxBodyBytes, EdgeLimits limits, Duration stopTimeout, Predicate<String> allowedOrigin,
            List<Route> routes, ServerMetrics metrics) {
        return Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.threadPool = RequestSlots.threadPool(limits.maxThreads());
            config.http.maxRequestSize = maxBodyBytes;
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Platform threads measured ~7% faster than virtual ones under the evaluate load: the work is
            // CPU-bound and every SQLite call is a JNI call (docs/benchmarks.md).
            config.concurrency.useVirtualThreads = false;
            config.jetty.modifyServer(server -> {
                // Innermost: the route's thread logs with the request's id (RequestIds.naming() gave it).
                server.insertHandler(RequestIds.inLogs());
                // At most so many requests run at once, the rest wait without a thread, so that health checks
                // and metrics are answered while requests wait on a silent database. Inside the body reader:
                // a request counts once its body has arrived, not while it trickles in.
                QoSHandler slots = RequestSlots.handler(limits);
                server.insertHandler(slots);
                metrics.bindRequestSlots(slots::getSuspendedRequestCount, () -> slots.getTotalExpiredRequestCount() + slots.getTotalExceededRequestCount());
                // Bodies are read whole, as they arrive, before a route runs: a slow body holds no thread.
                server.insertHandler(new WholeBodyFirst(maxBodyBytes, MIN_REQUEST_DATA_RATE));
                // Graceful stop: refuse new requests, let the ones in flight finish, then close. Outside the
                // body reader, so it counts requests whose bodies are still arriving.
                server.setStopTimeout(stopTimeout.toMillis());
                server.insertHandler(new GracefulHandler());
                // Outermost of all: every answer, a stopping or full server's 503 too, carries the request's id.
                server.insertHandler(RequestIds.naming());
                // Requests refused before routing (undecodable path, oversized headers) get problem+json too.
                server.setErrorHandler(new ProtocolProblems(allowedOrigin, metrics));
                NetworkConnectionLimit limit = new NetworkConnectionLimit(limits.maxConnections(), server);
                limit.setEndPointIdleTimeout(ConnectionBudget.IDLE_TIMEOUT_AT_LIMIT.toMillis());
                server.addBean(limit);
                // A head trickled in a line at a time is never idle: it has its own deadline (HeadDeadline).
                server.addBean(new HeadDeadline(server, () -> limit.getNetworkConnectionCount() >= limit.getMaxNetworkConnectionCount()));
            });
            // A body trickled in a byte at a time holds no thread (WholeBodyFirst), but it holds a connection
            // and its bytes so far; below this rate WholeBodyFirst ends the request (Jetty's own check, set here
            // too, runs only where its servlet layer reads, which no longer waits). Low on purpose: the rate
            // counts from the headers with no grace, and a real client whose first segment (~1.4 KB) is
            // followed by a lost one waits out a retransmission of a second or more.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setMinRequestDataRate(MIN_REQUEST_DATA_RATE);
                // Javalin takes Jetty's LEGACY rules for paths, which let IIS's old %u0041 escapes through to
                // Javalin's path matcher; its decoder threw, and every route with a path parameter answered
                // 500 (found in review). Without them, an escape is % and two hex digits, and Jetty refuses any
                // other before routing, as it refuses %g1 (ProtocolProblems); QueryString holds queries to the same.
                http.setUriCompliance(UriCompliance.LEGACY.without("LEGACY_WITHOUT_UTF16", UriCompliance.Violation.UTF16_ENCODINGS));
            });
            for (Route route : routes) {
                // An Error a route throws is answered like an unexpected exception when the process still works
                // (a StackOverflowError); a fatal one reaches UnexpectedErrors.fatal.
                io.javalin.http.Handler handler = UnexpectedErrors.answering(ctx -> {
                    ctx.attribute(ROUTE_ATTRIBUTE, route.path());
                    try {
                        MethodOverrides.refuse(ctx);
                        MediaTypes.refuseUnknownCharset(ctx.header("Content-Type"));
                        MediaTypes.refuseMultipart(ctx.header("Content-Type"));
                        if (MediaTypes.isForm(ctx.header("Content-Type"))) {
                            ContentCodings.refuseAnyButIdentity(ctx, "form posts");
                        }
                        // Javalin's own reader takes a malformed escape for an absent parameter: read strictly,
                        // then held to what the route takes (QueryParams).
                        if (route.query().read()) {
                            Map<String, List<String>> query = QueryString.parameters(ctx.queryString());
                            // A form is read as strictly (the pages' posts); the handler's reads then find what this found.
                            Map<String, List<String>> form = MediaTypes.isForm(ctx.header("Content-Type"))
                                    ? QueryString.formFields(QueryString.formBody(ctx.bodyAsBytes(), ctx.req().getCharacterEncoding())) : Map.of();
                            NulCharacters.refuseInParameters(query, form);
                            route.query().refuseOthers(query);
                        }
                    }
                    catch (SeatguardException e) {
                        if (route.api() || !RefusalPages.forBrowser(route.path())) {
                            route.beforeRefusal().handle(ctx);
                            throw e;
                        }
                        // A page a browser opened shows a page, never the API's JSON; the log has the line
                        // any refusal gets. The dashboard's says why; a challenge page's repeats nothing of the request.
                        int status = Problems.logged(ctx, e);
                        if (route.path().startsWith("/dashboard")) {
                            io.seatguard.server.dashboard.DashboardSite.refused(ctx, e);
                        }
                        else {
                            RefusalPages.answer(ctx, status);
                        }
                        return;
                    }
                    route.handler().handle(ctx);
                    if (ctx.status().getCode() == 204) {
                        // Javalin gives every answer its default type (text/plain); one with no content has none.
                        ctx.res().setContentType(null);
                    }
                });
                config.routes.addHttpHandler(route.method(), route.path(), handler);
                if (route.method() == io.javalin.http.HandlerType.GET) {
                    // Javalin answers HEAD on a GET route with an empty 200 without running the handler: a
                    // load balancer probing /readyz with HEAD would never see a 503. HEAD runs GET's handler,
                    // and Jetty sends its status and headers without the body.
                    config.routes.addHttpHandler(io.javalin.http.HandlerType.HEAD, route.path(), handler);
                }
            }
            config.router.javaLangErrorHandler(UnexpectedErrors::fatal);
            config.routes.exception(SeatguardException.class, (e, ctx) -> Problems.write(ctx, e));
            // Redis down or slow (presence, attempt limits): the request cannot be served now, which is a
            // 503 the client may retry, not an unexpected fault.
            config.routes.exception(io.lettuce.core.RedisException.class, (e, ctx) -> Problems.write(ctx,
                    new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "The shared store (Redis) is unavailable", List.of(), e)));
            // An oversized body never reaches Javalin: WholeBodyFirst reads it on, drops it, and answers 413.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> refused(ctx, translate(e, ctx)));
            config.routes.exception(Exception.class, (e, ctx) -> unreadable(e).ifPresentOrElse(problem -> {
                // Jetty cannot tell where the next request starts after a body it failed to parse, and
                // closes the connection after this answer: say so, or a keep-alive client sends its next
                // request into the closed connection and gets no answer at all.
                ctx.header("Connection", "close");
                Problems.write(ctx, problem);
            }, () -> Problems.writeUnexpected(ctx, e)));
            config.routes.error(404, "*", ctx -> problemUnlessWritten(ctx, SeatguardException.notFound("route " + ctx.method() + " " + ctx.path())));
            config.routes.error(405, "*", ctx -> problemUnlessWritten(ctx,
                    new SeatguardException(ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path())));
            config.requestLogger.http((ctx, millis) -> {
                String route = ctx.attribute(ROUTE_ATTRIBUTE);
                metrics.requestCompleted(ctx.method().name(), route == null ? ServerMetrics.UNMATCHED_ROUTE : route, ctx.statusCode(), sinceArrival(ctx, millis));
                AuditLog.completed(ctx, route, ctx.statusCode());
            });
        });
    }

    /**
     * Stops taking requests and lets those in flight finish, up to the stop timeout; then closes every
     * connection, those of requests still running too (a body still arriving is answered 503 first, by
     * {@link WholeBodyFirst}: no route ran). That some were still running (a database that does not answer,
     * a client trickling its body) is the one failure a stop expects: a warning on one line, not an
     * exception, so whatever stops after the HTTP server stops all the same.
     */
    public static void stop(Javalin http) {
        Server server = http.jettyServer().server();
        try {
            // Jetty's stop, not Javalin's: Javalin logs the timeout as an error with its stack trace, and throws it on.
            server.stop();
        }
        catch (TimeoutException e) {
            LoggerFactory.getLogger(HttpApi.class).warn(
                    "Requests were still running after {} s of stopping; their connections are closed, unanswered if a route ran, with a 503 if a body was still arriving",
                    Duration.ofMillis(server.getStopTimeout()).toSeconds());
            if (e.getSuppressed().length > 0) {
                throw new IllegalStateException("stopping the HTTP server failed", e.getSuppressed()[0]);
            }
        }
        catch (Exception e) {
            throw new IllegalStateException("stopping the HTTP server failed", e);
        }
    }

    /**
     * Nanoseconds since the request's first byte arrived. Javalin's own figure starts when the route is
     * reached, after the time a request waited for a slot ({@link RequestSlots}): on an overloaded node
     * the metrics would show milliseconds while clients waited seconds.
     */
    private static long sinceArrival(Context ctx, float javalinMillis) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request == null ? (long) (javalinMillis * 1_000_000L) : System.nanoTime() - request.getBeginNanoTime();
    }

    /**
     * A request no route took gets a problem document, or on a path a browser opens (a challenge page, the
     * dashboard) a page saying so. One a route answered 404 or 405 itself keeps that answer: a problem
     * document, or a dashboard page ("No such app.") that a browser should show. So does one Javalin's
     * refusal was already answered for ({@link #refused}, with a page on a browser's path): answered again,
     * each 404 on such a path was logged twice, as {@code no_route} and as {@code not_found}, and counted
     * twice among the client faults (found in review).
     */
    private static void problemUnlessWritten(Context ctx, SeatguardException e) {
        String contentType = ctx.res().getContentType();
        boolean problem = contentType != null && contentType.startsWith(Problems.CONTENT_TYPE);
        boolean routeAnswered = ctx.attribute(ROUTE_ATTRIBUTE) != null && ctx.resultInputStream() != null;
        boolean refusalPage = RefusalPages.answered(ctx);
        if (!problem && !routeAnswered && !refusalPage) {
            refused(ctx, e);
        }
    }

    /**
     * Answers a refusal of Javalin's (no such route, a method the path does not have, a body over its
     * limit) with a problem document, or on a path a browser opens with a page ({@link RefusalPages}).
     */
    private static void refused(Context ctx, SeatguardException e) {
        if (RefusalPages.forBrowser(ctx.path())) {
            RefusalPages.answer(ctx, Problems.logged(ctx, e));
        }
        else {
            Problems.write(ctx, e);
        }
    }

    /**
     * A body Jetty could not parse when a handler read a form field (a malformed multipart body, say)
     * comes wrapped in a {@code ServletException}: it is the client's error, named as the body's.
     */
    private static Optional<SeatguardException> unreadable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadMessageException bad) {
                String reason = bad.getReason() == null ? "could not be read" : "could not be read: " + bad.getReason();
                return Optional.of(bad.getCode() == 413
                        ? new SeatguardException(ErrorCode.BODY_TOO_LARGE, "The body is too large")
                        : new SeatguardException(ErrorCode.INVALID_INPUT, "The body " + reason, List.of(new FieldError("body", reason))));
            }
        }
        return Optional.empty();
    }

    private static SeatguardException translate(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> new SeatguardException(ErrorCode.NO_ROUTE, "No route " + ctx.method() + " " + ctx.path());
            case 405 -> new SeatguardException(ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path());
            case 413 -> new SeatguardException(ErrorCode.BODY_TOO_LARGE, "The body is too large");
            case 415 -> new SeatguardException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type");
            default -> e.getStatus() >= 500
                    ? new SeatguardException(ErrorCode.INTERNAL, "The server could not complete the request")
                    : new SeatguardException(ErrorCode.INVALID_INPUT, e.getMessage() == null ? "Bad request" : e.getMessage());
        };
    }
}

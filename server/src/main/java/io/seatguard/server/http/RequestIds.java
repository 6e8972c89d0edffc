package io.seatguard.server.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Every request has an id, so that a client's report, a proxy's log and Seatguard's log meet on one
 * value: the {@code X-Request-Id} the proxy (or client) sent when it is a plain token of at most 128
 * characters, as nginx, Heroku's router and most tracing proxies send; otherwise a new random one. The id
 * is answered in {@code X-Request-Id} on every response, named in problem documents ({@code request_id}),
 * and held in the logging context ({@code request_id}) while the request runs.
 *
 * <p>A client may choose its own id: ids correlate, they authorize nothing, and a value that could break
 * a log line (spaces, quotes, control characters) or fill it is never taken.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "seatguard.request_id";
    /** The logging context's key, and the problem document's member. */
    static final String NAME = "request_id";
    static final int MAX_LENGTH = 128;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:+/=@-]{1," + MAX_LENGTH + "}");
    private static final HexFormat HEX = HexFormat.of();

    private RequestIds() {}

    /**
     * The outermost handler: names the request and answers the id before anything else may answer (a
     * stopping server's 503, a full server's 503, a body too large), so that every answer carries it.
     */
    static Handler.Wrapper naming() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                named(request, response);
                return super.handle(request, response, callback);
            }
        };
    }

    /**
     * The request's id, naming it first (and answering the id) when nothing has: Jetty answers some
     * requests without running a handler (a path that does not decode, headers too large, a URI too long,
     * a Content-Length beside a Transfer-Encoding), and those answers carry an id all the same. Jetty has
     * read no headers of some of them, so those always get a new id.
     */
    static String named(Request request, Response response) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        String id = accepted(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.getHeaders().put(HEADER, id);
        return id;
    }

    /**
     * The innermost handler: the route runs on the thread that calls it, but not always on the thread
     * that named the request (its body may have arrived later, or it waited for a slot), so the logging
     * context is set here, and cleared when the route is done with the thread.
     */
    static Handler.Wrapper inLogs() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Object id = request.getAttribute(ATTRIBUTE);
                if (id == null) {
                    return super.handle(request, response, callback);
                }
                MDC.put(NAME, id.toString());
                try {
                    return super.handle(request, response, callback);
                }
                finally {
                    MDC.remove(NAME);
                }
            }
        };
    }

    /**
     * Runs {@code logging} with the request's id in the logging context, for a line logged off the
     * route's thread (a body read that failed, on Jetty's selector), which {@link #inLogs()} never named.
     */
    static void withIdInLogs(Request request, Runnable logging) {
        Object id = request.getAttribute(ATTRIBUTE);
        String before = MDC.get(NAME);
        if (id != null) {
            MDC.put(NAME, id.toString());
        }
        try {
            logging.run();
        }
        finally {
            if (before == null) {
                MDC.remove(NAME);
            }
            else {
                MDC.put(NAME, before);
            }
        }
    }

    /** The request's id, or null for a request that no {@link #naming()} handler saw (none in the server). */
    static String of(Context ctx) {
        Object id = ctx.attribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    /** The id a request arrived with, when it is one we take; else a new one. */
    static String accepted(String sent) {
        return sent != null && TOKEN.matcher(sent).matches() ? sent : newId();
    }

    /** 128 random bits as 32 hex digits: unique enough to find one request among billions. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}

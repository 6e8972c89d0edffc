package io.seatguard.server.http;

import io.javalin.http.Handler;
import io.seatguard.core.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort for an {@link Error} thrown while a request is served. An Error is no Exception, so
 * HttpApi's handler for exceptions never saw one, and Javalin answered it with an empty text/plain 500:
 * a list value of 2,000 labels overflowed the stack in a pattern (found in review).
 *
 * <p>Which Errors are answered as any other unexpected fault (a problem+json 500 with the generic message,
 * the request's id, and the stack in the log at ERROR): a {@link StackOverflowError}, whose stack has
 * unwound by the time it is caught and which harmed nothing else, and every Error that is not a
 * {@link VirtualMachineError} ({@code AssertionError}, a {@code LinkageError} of one class): the process
 * still works. The other VirtualMachineErrors ({@code OutOfMemoryError}, {@code InternalError}) say the
 * JVM itself may not: they are not caught with the others, so no route's answer hides them; they reach
 * {@link #fatal}, which logs them as fatal and answers a problem document built before any request, so
 * answering allocates next to nothing.
 */
final class UnexpectedErrors {
    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);
    /** The fatal answer, built once: no request id, as building one is what may no longer work. */
    private static final byte[] FATAL_DOCUMENT = Problems.document(500, ErrorCode.INTERNAL.slug(), ErrorCode.INTERNAL.title(),
            "The server could not complete the request", List.of(), null).getBytes(StandardCharsets.UTF_8);

    /**
     * Set while this thread logs an Error: an Error the logging itself raises and hands back here is answered,
     * not logged again.
     */
    private static final ThreadLocal<Boolean> REPORTING = new ThreadLocal<>();

    private UnexpectedErrors() {}

    /** Whether the request may be answered like any unexpected exception: everything but a fatal VirtualMachineError. */
    static boolean answerable(Error e) {
        return e instanceof StackOverflowError || !(e instanceof VirtualMachineError);
    }

    /** {@code handler}, with an answerable Error it throws answered as an unexpected fault; a fatal one goes on to {@link #fatal}. */
    static Handler answering(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            }
            catch (Error e) {
                if (!answerable(e)) {
                    throw e;
                }
                Problems.writeUnexpected(ctx, e);
            }
        };
    }

    /**
     * Javalin's handler of the Errors no route answered: a fatal one, or one thrown outside a route. Logged
     * at ERROR with its stack, whatever else fails; answered 500 with the generic problem document when the
     * answer has not started.
     */
    static void fatal(HttpServletResponse response, Error e) {
        fatal(response, e, log);
    }

    /**
     * {@link #fatal(HttpServletResponse, Error)} with the logger given. Bounded whatever the logger does: an
     * Error it throws (out of memory while formatting the stack, a full disk under an appender that throws)
     * escaped this handler, and one that came back into it (the logging handing its own Error on to this
     * handler) would recurse until the stack overflowed, each round logging again (review finding). Now a
     * failed log line is said once on standard error, at most once per thread at a time, and the answer is
     * written all the same; the node is not halted, since a log that cannot be written does not make the
     * other requests fail.
     */
    static void fatal(HttpServletResponse response, Error e, Logger logger) {
        if (REPORTING.get() == null) {
            REPORTING.set(Boolean.TRUE);
            try {
                logger.error("{} while serving a request{}", e.getClass().getSimpleName(),
                        answerable(e) ? "" : ": the JVM may no longer work as it should; restart the node if it happens again", e);
            }
            catch (Throwable loggingFailed) {
                sayOnStandardError(e, loggingFailed);
            }
            finally {
                REPORTING.remove();
            }
        }
        answer(response, logger);
    }

    private static void sayOnStandardError(Error e, Throwable loggingFailed) {
        try {
            System.err.println("seatguard: " + e.getClass().getName() + " while serving a request, and the log could not say it: "
                    + loggingFailed.getClass().getName());
        }
        catch (Throwable ignored) {
            // Nothing is left to say it with; the answer below still goes out.
        }
    }

    private static void answer(HttpServletResponse response, Logger logger) {
        response.setStatus(500);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.resetBuffer();
            response.setContentType(Problems.CONTENT_TYPE);
            response.getOutputStream().write(FATAL_DOCUMENT);
        }
        catch (IOException | RuntimeException failed) {
            // The status stands; the log already has the cause.
            try {
                logger.debug("The answer to an Error could not be written", failed);
            }
            catch (RuntimeException | Error ignored) {
                // As above: a log that fails here must not turn the answer into another Error.
            }
        }
    }
}

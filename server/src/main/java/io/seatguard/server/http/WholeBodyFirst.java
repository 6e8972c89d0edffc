package io.seatguard.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads a request's whole body before any route runs, without holding a thread while it waits.
 *
 * <p>Why: the routes read bodies with blocking reads, so a client that sends its headers and then trickles
 * its body held a request thread for as long as it kept to Jetty's minimum data rate; a few hundred such
 * connections took every thread and the server stopped answering. Here the body is read as it arrives,
 * by demand callbacks on Jetty's selector, and copied (not retained: a retained chunk pins a whole network
 * buffer, and a body sent a byte per packet would pin thousands of them). The route then runs, on a pool
 * thread, with the body already in memory. A slow client now costs a connection and its bytes so far.
 *
 * <p>A body that arrives with its headers, as nearly every one does, is read within this call and the
 * route runs on the same thread, as before. A body over the limit (by its declared length, or a chunked
 * one as it grows) is read on and dropped, up to {@link #DROP_LIMIT}, so that the client gets to
 * read the {@code 413} rather than a connection reset under its upload, and then refused; a failure while
 * reading answers too: the minimum rate or the idle timeout {@code 408}, a body Jetty cannot parse (or one
 * that ended early) {@code 400}, and a body still arriving while the node stops {@code 503} (no
 * route ran, so it may be sent again). These answers go through Jetty's error handler
 * ({@link ProtocolProblems}) and close the connection. A connection that failed otherwise is closed
 * unanswered, and only a fault of ours is a {@code 500}, logged with the request's id.
 */
final class WholeBodyFirst extends Handler.Wrapper {
    /**
     * How much of a body over the limit is read and dropped before the {@code 413}, so that the client gets
     * to read the answer rather than a connection reset under its upload; beyond it the connection closes.
     */
    static final long DROP_LIMIT = 1024 * 1024;
    /** What a body's buffer starts at: it grows as bytes arrive, never to a declared length up front. */
    private static final int FIRST_CAPACITY = 8_192;

    private final int maxBytes;
    private final long minBytesPerSecond;

    /**
     * @param minBytesPerSecond the rate a body must keep to, from the request's headers on, once a second
     *     has passed (Jetty's own check, {@code HttpConfiguration.minRequestDataRate}, runs in its servlet
     *     layer's reads, which no longer wait for bodies)
     */
    WholeBodyFirst(int maxBytes, long minBytesPerSecond) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.minBytesPerSecond = minBytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
        if (length == 0 || (length < 0 && !chunked)) {
            return super.handle(request, response, callback);
        }
        // An attacker may declare the limit and send nothing: the buffer grows with what actually arrives.
        new BodyReader(request, response, callback, (int) Math.min(FIRST_CAPACITY, length < 0 ? FIRST_CAPACITY : length)).read(false);
        return true;
    }

    /** Reads one request's body chunk by chunk as it arrives, then hands the request on. */
    private final class BodyReader implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private byte[] body;
        private int size;
        /** Over the limit: what arrives is counted and dropped, then the request is refused. */
        private boolean dropping;
        private long dropped;

        BodyReader(Request request, Response response, Callback callback, int expected) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.dropping = request.getLength() > maxBytes;
            this.body = dropping ? null : new byte[Math.min(expected, maxBytes)];
        }

        /** More content arrived (a demand callback on Jetty's side: it must not block, and does not). */
        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        void read(boolean calledBack) {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    readFailed(chunk.getFailure());
                    return;
                }
                boolean last = chunk.isLast();
                if (!dropping && !append(chunk.getByteBuffer())) {
                    dropping = true;
                    body = null;
                }
                if (dropping) {
                    dropped += chunk.remaining();
                }
                chunk.release();
                if (dropping && (last || dropped >= DROP_LIMIT)) {
                    Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "The body is too large");
                    return;
                }
                if (!last && !allDeclaredBytesArrived() && tooSlow()) {
                    Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408,
                            "The body arrives at less than " + minBytesPerSecond + " bytes a second");
                    return;
                }
                if (last) {
                    Request whole = new WholeBody(request, ByteBuffer.wrap(body, 0, size));
                    if (calledBack) {
                        // The route reads and writes with blocking calls: never on the thread that called back.
                        request.getContext().execute(() -> handleNext(whole));
                    }
                    else {
                        handleNext(whole);
                    }
                    return;
                }
            }
        }

        /**
         * The body could not be read on: each cause gets the answer that tells the client what happened, and
         * only a fault of ours is a {@code 500}, logged as every other one is.
         */
        private void readFailed(Throwable failure) {
            if (failure instanceof HttpException refused && refused.getCode() < 500) {
                // Jetty could not parse the rest (a broken chunk, a connection that ended early): the client's fault.
                Response.writeError(request, response, callback, failure);
            }
            else if (!request.getConnectionMetaData().getConnector().getServer().isRunning()) {
                // The node is stopping with the body still arriving: its wait ended and Jetty is closing the
                // connection, or the body paused for a second, the idle timeout Jetty gives every connection
                // once a stop begins (AbstractConnector's shutdownIdleTimeout). No route ran, so this is a
                // stopping node's 503 (api.md): the client may send it again as it is, to another node. Before
                // the timeout, not after it: a pause while stopping was answered 408 "The body stopped
                // arriving", a client's fault that no client sends again (found in review, with SIGTERM).
                Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "The server is stopping");
            }
            else if (failure instanceof TimeoutException) {
                // The connection's idle timeout while the body was awaited: the client's delay, not ours.
                Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408, "The body stopped arriving");
            }
            else if (failure instanceof IOException) {
                // The connection itself failed or was closed: no one is left to read an answer, and Jetty's
                // own answer to a failed request would be a 500. An abort closes it without one.
                callback.failed(new Request.Handler.AbortException(failure));
            }
            else {
                failedUnexpectedly(failure);
            }
        }

        /**
         * A fault of ours: logged with the request's id, like the routes' 500s ({@link Problems#logUnexpected}),
         * then answered 500. Without its cause, which Jetty would log again, as a warning without the id.
         */
        private void failedUnexpectedly(Throwable failure) {
            RequestIds.withIdInLogs(request, () -> Problems.logUnexpected(request.getMethod(), request.getHttpURI().getPath(), failure));
            Response.writeError(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, null);
        }

        /**
         * Every byte of a body of declared length is here: Jetty hands them over before the chunk that says
         * the body has ended, and judging their rate then answered {@code 408} to a small body that had all
         * arrived, read more than a second after its headers on a busy server (a couple of hundred bytes over
         * 1.2 s is "under 256 a second"). Nothing is left to wait for, so there is no rate to keep.
         */
        private boolean allDeclaredBytesArrived() {
            long length = request.getLength();
            return length >= 0 && size + dropped >= length;
        }

        /** Below the minimum rate, counted from the headers, once a second has passed. */
        private boolean tooSlow() {
            long nanos = System.nanoTime() - request.getHeadersNanoTime();
            return minBytesPerSecond > 0 && nanos >= 1_000_000_000L && (size + dropped) * 1_000_000_000.0 / nanos < minBytesPerSecond;
        }

        private boolean append(ByteBuffer bytes) {
            int count = bytes.remaining();
            if (count > maxBytes - size) {
                return false;
            }
            if (size + count > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(maxBytes, Math.max(size + count, 2L * body.length)));
            }
            bytes.get(body, size, count);
            size += count;
            return true;
        }

        private void handleNext(Request whole) {
            try {
                if (!getHandler().handle(whole, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            }
            catch (Throwable e) {
                failedUnexpectedly(e);
            }
        }
    }

    /** The request with its body already read: one chunk, then the end. */
    private static final class WholeBody extends Request.Wrapper {
        private Content.Chunk next;

        WholeBody(Request request, ByteBuffer body) {
            super(request);
            this.next = Content.Chunk.from(body, true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = next;
            next = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public boolean consumeAvailable() {
            next = Content.Chunk.EOF;
            return true;
        }

        /** Everything is here already. */
        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}

package io.seatguard.sdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body as UTF-8 text (all Seatguard sends is JSON, which is UTF-8), refused once it grows past
 * a limit. {@code BodyHandlers.ofString()} read any body in full: a base URL pointing at a file server made
 * the client hold gigabytes in memory before it could say the answer was not Seatguard's. A declared
 * {@code Content-Length} over the limit is refused before a byte is read; a body without one when it
 * passes the limit, closing the connection.
 */
final class CappedBody implements HttpResponse.BodyHandler<String> {
    private final long maxBytes;

    CappedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** An answer larger than the limit: not Seatguard's, and sending the call again would get the same. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int status, long maxBytes) {
            super("HTTP " + status + " with a body over " + maxBytes + " bytes (the client's maxAnswerBytes), larger than any answer of Seatguard's:"
                    + " is the base URL another server's, a file server's?");
        }
    }

    @Override
    public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
        return new Reader(info.statusCode(), info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    private final class Reader implements HttpResponse.BodySubscriber<String> {
        private final int status;
        private final long declared;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Reader(int status, long declared) {
            this.status = status;
            this.declared = declared;
        }

        @Override
        public void onSubscribe(Flow.Subscription value) {
            subscription = value;
            if (declared > maxBytes) {
                refuse();
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                    refuse();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        /** Stops reading (the JDK closes the connection) and fails the answer. */
        private void refuse() {
            subscription.cancel();
            body.completeExceptionally(new TooLarge(status, maxBytes));
        }
    }
}

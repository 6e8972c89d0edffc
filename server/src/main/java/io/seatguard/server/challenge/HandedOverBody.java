package io.seatguard.server.challenge;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body that tells whether its last byte was handed to the connection. The HTTP client takes a
 * body only once connected (over https, once the TLS handshake is over) and its headers are queued:
 * before that, a timeout means nothing reached the provider; after it, the provider may have the whole
 * request and be sending the SMS (HttpSmsSender). Handed over is not read: a provider whose machine
 * accepts connections while the service never reads them looks the same, and is taken as unknown too.
 *
 * <p>When the client takes the body is the JDK's implementation (HTTP/1.1, Http1Exchange.sendBodyAsync),
 * not its contract: SmsSendOutcomeTest's stalled handshake fails should a later JDK take it sooner. The
 * client must not send the request twice (it retries a POST only with
 * {@code -Djdk.httpclient.enableAllMethodRetry}, never set here): the flag would outlive the first try.
 */
final class HandedOverBody implements HttpRequest.BodyPublisher {
    private final HttpRequest.BodyPublisher body;
    private final AtomicBoolean handedOver = new AtomicBoolean();

    HandedOverBody(String text) {
        this.body = HttpRequest.BodyPublishers.ofString(text);
    }

    boolean handedOver() {
        return handedOver.get();
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable failure) {
                subscriber.onError(failure);
            }

            @Override
            public void onComplete() {
                handedOver.set(true);
                subscriber.onComplete();
            }
        });
    }
}

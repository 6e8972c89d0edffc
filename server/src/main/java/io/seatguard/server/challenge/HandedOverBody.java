package io.seatguard.server.challenge;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body that tells whether its last byte was handed to the connection. The HTTP client takes a
 * body only once connected and its headers are written: before that, a timeout means nothing reached the
 * provider; after it, the provider may have the whole request and be sending the SMS (HttpSmsSender).
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

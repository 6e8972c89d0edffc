package io.seatguard.core.webhook;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an app's events go.
 *
 * @param retired secrets replaced by rotations, newest first, each still signing until its own time
 * @param health whether it is sent to, and since when its tries fail
 */
public record WebhookEndpoint(
        String id,
        String appId,
        String url,
        List<WebhookEventType> events,
        String secret,
        List<RetiredSecret> retired,
        Instant createdAt,
        EndpointHealth health) {
    /**
     * The most replaced secrets kept signing at once. Each rotation keeps the one it replaces for a day,
     * so a second rotation within that day no longer cuts off receivers still holding the first secret;
     * past this many the oldest goes (a header of six signatures at most).
     */
    public static final int MAX_RETIRED = 5;

    public WebhookEndpoint {
        requireNonNull(id, "id is null");
        requireNonNull(appId, "appId is null");
        requireNonNull(url, "url is null");
        events = List.copyOf(events);
        requireNonNull(secret, "secret is null");
        retired = List.copyOf(retired);
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(health, "health is null");
    }

    /** A new endpoint, enabled. */
    public WebhookEndpoint(String id, String appId, String url, List<WebhookEventType> events, String secret, List<RetiredSecret> retired, Instant createdAt) {
        this(id, appId, url, events, secret, retired, createdAt, EndpointHealth.ENABLED);
    }

    /** A secret a rotation replaced, signing beside the current one until {@code signsUntil}. */
    public record RetiredSecret(String secret, Instant signsUntil) {
        public RetiredSecret {
            requireNonNull(secret, "secret is null");
            requireNonNull(signsUntil, "signsUntil is null");
        }
    }

    /** The secrets that sign a message sent at {@code at}: the current one, then each replaced one still overlapping, newest first. */
    public List<String> signingSecrets(Instant at) {
        List<String> secrets = new ArrayList<>(1 + retired.size());
        secrets.add(secret);
        for (RetiredSecret old : retired) {
            if (at.isBefore(old.signsUntil())) {
                secrets.add(old.secret());
            }
        }
        return secrets;
    }

    /**
     * The replaced secrets after rotating away from the current one at {@code now}: it joins them, signing
     * until {@code overlapUntil}; none signs past that time (a rotation asked to stop the replaced secret
     * at once, {@code overlapUntil} = {@code now}, leaves the new secret signing alone), each earlier one
     * keeps its own time if sooner; those no longer signing go, and past {@link #MAX_RETIRED} the oldest.
     */
    public List<RetiredSecret> retiredAfterRotation(Instant now, Instant overlapUntil) {
        List<RetiredSecret> kept = new ArrayList<>();
        if (now.isBefore(overlapUntil)) {
            kept.add(new RetiredSecret(secret, overlapUntil));
        }
        for (RetiredSecret old : retired) {
            Instant until = old.signsUntil().isBefore(overlapUntil) ? old.signsUntil() : overlapUntil;
            if (now.isBefore(until) && kept.size() < MAX_RETIRED) {
                kept.add(new RetiredSecret(old.secret(), until));
            }
        }
        return kept;
    }
}

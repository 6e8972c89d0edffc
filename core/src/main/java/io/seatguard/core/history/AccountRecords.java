package io.seatguard.core.history;

import io.seatguard.core.challenge.Challenge;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Port: an account's summary, and erasing everything stored about it. */
public interface AccountRecords {
    Optional<AccountSummary> summary(String appId, String userId, Instant now);

    /**
     * Deletes the account's evaluations, device, IP and fingerprint links, challenges, owner notices and patterns,
     * the account itself, and the devices it linked that no other account links (with their tokens,
     * fingerprints and components). A device another account uses stays, without this account's link.
     * The devices its evaluations and challenges named but it never linked (only challenged or denied on
     * them) go too, unless an account links one or an evaluation not the account's names it. Evaluations
     * without an account are not the account's, whatever email or phone they carry.
     *
     * @return false when the app has no such account
     */
    default boolean erase(String appId, String userId) {
        return erase(appId, userId, deleting -> {}, deleted -> {});
    }

    /**
     * {@link #erase(String, String)}, handing {@code deleted} the account's challenges as the statements that
     * delete them return them, a batch at a time, each once its deletion committed. Every challenge the
     * erasure deletes is handed over, one a concurrent evaluation opened while the erasure ran included:
     * what names a challenge's recipients elsewhere (attempt-limit buckets) can go with it, where a read
     * before the erasure missed a challenge opened between the read and the delete.
     *
     * <p>Each batch is handed to {@code deleting} too, read before its deletion: an erasure stopped between a
     * batch's commit and its hand-over to {@code deleted} (the server died) has deleted challenges that
     * erasing again can no longer read, so what names their recipients must go before they do. Those
     * opened after the batches, which the last transaction deletes, go to {@code deleted} only.
     */
    boolean erase(String appId, String userId, Consumer<List<Challenge>> deleting, Consumer<List<Challenge>> deleted);

    /** Deletes evaluations recorded before {@code cutoff} (and challenges opened before it); returns how many evaluations went. */
    int pruneBefore(Instant cutoff);

    /**
     * Deletes devices that no account links, that no evaluation names and that were last seen before
     * {@code cutoff}, with their tokens, fingerprints and components (anonymous traffic: signups, pages
     * before a login); returns how many devices went. Run after {@link #pruneBefore}: a device an
     * evaluation it kept names stays, however old its last sighting. A device an account links stays until
     * the account is erased, like its IPs.
     */
    int pruneDevicesBefore(Instant cutoff);
}

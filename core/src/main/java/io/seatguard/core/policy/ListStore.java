package io.seatguard.core.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where an app's named lists are kept. Every call is scoped to one app. */
public interface ListStore {
    /**
     * Stores a new list if the app's policy version is still {@code expectedVersion};
     * {@link VersionedWrite#REFUSED} when the app already has a list of that name.
     */
    VersionedWrite create(NamedList list, long expectedVersion);

    Optional<NamedList> find(String appId, String listId);

    Optional<NamedList> findByName(String appId, String name);

    /** The app's lists without their values, oldest first: for checking a policy's list names and kinds. */
    List<ListHeader> headers(String appId);

    /**
     * The app's lists without their values, oldest first, each with the time of its last change: what a
     * cache of compiled lists compares to learn which ones changed. A store moves a list's
     * {@code updatedAt} forward on every change to its values, by at least a millisecond (two changes in
     * one millisecond, or a clock behind the last change's, must still tell apart). Read without the
     * values.
     */
    List<ListStamp> stamps(String appId);

    /**
     * One list compiled for matching, its values taken in whatever order the store reads them fastest
     * and not kept as text; empty when the app has no such list. What an evaluation's policies match
     * against; this default loads the list, a store can stream its values instead (SqlListStore).
     */
    default Optional<ListMatcher> matcher(String appId, String listId) {
        return find(appId, listId).map(ListMatcher::of);
    }

    /** The app's lists with how many values each holds, oldest first, counted without loading the values. */
    List<ListSummary> summaries(String appId);

    /**
     * Deletes a list if the app's policy version is still {@code expectedVersion}, so that no policy
     * written since the caller's check names it; {@link VersionedWrite#REFUSED} when there is no such list.
     */
    VersionedWrite delete(String appId, String listId, long expectedVersion);

    /**
     * Adds normalized values (those already present are kept once), unless the list would then hold more
     * than {@code maxValues}. The size is counted inside the write, after the write has ordered itself
     * behind every other write to the app's policies and lists, so concurrent adds cannot pass the bound
     * together (each read the size before any of them wrote, and each found room). An add whose values
     * the list all holds already changes nothing: it moves neither the app's version nor the list's
     * {@code updatedAt}.
     */
    ListAddition add(String appId, String listId, List<String> values, int maxValues, Instant at);

    /**
     * Removes normalized values; empty when the app has no such list. A removal of values the list
     * does not hold changes nothing: it moves neither the app's version nor the list's {@code updatedAt},
     * so no node reads the app's policies and lists again for it.
     */
    Optional<NamedList> remove(String appId, String listId, List<String> values, Instant at);
}

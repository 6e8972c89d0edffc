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

    /** The app's lists with their values, oldest first: for the policies an evaluation runs. */
    List<NamedList> list(String appId);

    /**
     * The app's lists with how many values each holds, oldest first. This default loads the values to
     * count them; a store that can count without loading (SqlListStore) overrides it.
     */
    default List<ListSummary> summaries(String appId) {
        return list(appId).stream()
                .map(list -> new ListSummary(list.id(), list.name(), list.kind(), list.values().size(), list.createdAt(), list.updatedAt())).toList();
    }

    /**
     * Deletes a list if the app's policy version is still {@code expectedVersion}, so that no policy
     * written since the caller's check names it; {@link VersionedWrite#REFUSED} when there is no such list.
     */
    VersionedWrite delete(String appId, String listId, long expectedVersion);

    /**
     * Adds normalized values (those already present are kept once), unless the list would then hold more
     * than {@code maxValues}. The size is counted inside the write, after the write has ordered itself
     * behind every other write to the app's policies and lists, so concurrent adds cannot pass the bound
     * together (each read the size before any of them wrote, and each found room).
     */
    ListAddition add(String appId, String listId, List<String> values, int maxValues, Instant at);

    /** Removes normalized values; empty when the app has no such list. */
    Optional<NamedList> remove(String appId, String listId, List<String> values, Instant at);
}

package io.seatguard.core.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where an app's named lists are kept. Every call is scoped to one app. */
public interface ListStore {
    /** Stores a new list; false when the app already has a list of that name. */
    boolean create(NamedList list);

    Optional<NamedList> find(String appId, String listId);

    Optional<NamedList> findByName(String appId, String name);

    /** The app's lists with their values, oldest first. */
    List<NamedList> list(String appId);

    boolean delete(String appId, String listId);

    /** Adds normalized values (those already present are kept once); empty when the app has no such list. */
    Optional<NamedList> add(String appId, String listId, List<String> values, Instant at);

    /** Removes normalized values; empty when the app has no such list. */
    Optional<NamedList> remove(String appId, String listId, List<String> values, Instant at);
}

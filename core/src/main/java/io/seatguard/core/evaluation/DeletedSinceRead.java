package io.seatguard.core.evaluation;

/**
 * Raised by a store when the account or the device an evaluation was judged with was deleted between the
 * pipeline's read and its write: the account's erasure ({@code DELETE /v3/users/{user}}) on this node or
 * on another sharing the database, or retention deleting a device no account links. Written anyway, the
 * evaluation would make the account again with {@code is_new_user: false} and name a device that is
 * gone, with no link to it (found in review; docs/api.md, the erasure paragraph). Run again, the pipeline
 * finds the account new and the browser a new device, as the erasure means it to.
 */
public final class DeletedSinceRead extends StaleReadConflict {
    private static final long serialVersionUID = 1L;

    public DeletedSinceRead(String message) {
        super(message);
    }
}

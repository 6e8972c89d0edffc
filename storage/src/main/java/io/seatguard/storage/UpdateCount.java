package io.seatguard.storage;

/**
 * A queued statement's update count, available once its statement has run (or been skipped, with 0):
 * {@link PipelinedWrites} and {@link OrderedWrites} hand one out when a statement is queued.
 */
final class UpdateCount {
    private int value = -1;

    int get() {
        if (value < 0) {
            throw new IllegalStateException("the statement has not run: flush first");
        }
        return value;
    }

    void set(int count) {
        value = count;
    }
}

package io.seatguard.core.evaluation;

/**
 * Raised by a store when a row the pipeline read before its write no longer is as it was when the write
 * runs, so that the evaluation would be stored judged by what is no longer true. Nothing of the write is
 * kept; the pipeline runs again and judges by what is there now ({@link EvaluationPipeline#evaluate}).
 */
public abstract sealed class StaleReadConflict extends RuntimeException permits DeviceClaimConflict, DeletedSinceRead {
    private static final long serialVersionUID = 1L;

    StaleReadConflict(String message) {
        super(message);
    }
}

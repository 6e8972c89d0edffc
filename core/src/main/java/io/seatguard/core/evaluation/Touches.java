package io.seatguard.core.evaluation;

/**
 * Which rows besides the evaluation itself one evaluation must write. Links that are new are always
 * written; links already known are written only when {@link WriteThrottle} says their times or status
 * moved enough to matter.
 */
public record Touches(boolean device, boolean user, boolean ip, boolean fingerprint, boolean deviceLink, boolean country) {
    /** Write everything (imports, tests, and whenever nothing is known). */
    public static final Touches ALL = new Touches(true, true, true, true, true, true);
}

package io.seatguard.core.pattern;

import java.util.Arrays;
import java.util.Optional;

/** How far a pattern went; stored as a rank so "never falls" is one comparison. */
public enum PatternLevel {
    SUSPICIOUS("suspicious", 1),
    DANGEROUS("dangerous", 2);

    private final String wireName;
    private final int rank;

    PatternLevel(String wireName, int rank) {
        this.wireName = wireName;
        this.rank = rank;
    }

    public String wireName() {
        return wireName;
    }

    public int rank() {
        return rank;
    }

    public static Optional<PatternLevel> fromRank(int rank) {
        return Arrays.stream(values()).filter(level -> level.rank == rank).findFirst();
    }

    public static Optional<PatternLevel> fromWireName(String name) {
        return Arrays.stream(values()).filter(level -> level.wireName.equals(name)).findFirst();
    }
}

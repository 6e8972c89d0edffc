package io.seatguard.core.policy;

import java.util.Arrays;
import java.util.Optional;

/** The comparison of a condition leaf (CONTRACT.md "Policies"). */
public enum Operator {
    EQ("eq"),
    NE("ne"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    IN("in"),
    NOT_IN("not_in"),
    IN_LIST("in_list"),
    NOT_IN_LIST("not_in_list");

    private final String wireName;

    Operator(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Operator> fromWireName(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName.equals(name)).findFirst();
    }

    public boolean isOrdering() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }

    public boolean isSet() {
        return this == IN || this == NOT_IN;
    }

    public boolean isList() {
        return this == IN_LIST || this == NOT_IN_LIST;
    }
}

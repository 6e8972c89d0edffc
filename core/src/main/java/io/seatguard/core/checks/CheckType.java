package io.seatguard.core.checks;

/** The type of a check's value, which policies validate their conditions against. */
public enum CheckType {
    BOOLEAN,
    NUMBER,
    STRING
}

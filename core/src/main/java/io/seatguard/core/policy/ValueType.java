package io.seatguard.core.policy;

/** The type of a field a condition reads; {@link #ANY} is metadata, whose type only the request knows. */
public enum ValueType {
    BOOLEAN,
    NUMBER,
    STRING,
    ANY
}

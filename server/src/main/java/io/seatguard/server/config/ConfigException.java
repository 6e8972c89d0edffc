package io.seatguard.server.config;

/** A configuration the server refuses to start with; the message says what to change. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}

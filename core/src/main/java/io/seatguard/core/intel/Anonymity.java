package io.seatguard.core.intel;

/**
 * Kinds of network that hide who is behind an address, each judged by its own sources (CONTRACT.md
 * {@code detection_flags}). Proxy is not here: it is told from the browser's own UDP path (local IP),
 * not from a list.
 */
public enum Anonymity {
    TOR("tor"),
    RELAY("relay"),
    VPN("vpn"),
    HOSTING("hosting");

    private final String wireName;

    Anonymity(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

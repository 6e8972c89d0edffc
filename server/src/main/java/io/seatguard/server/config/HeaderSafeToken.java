package io.seatguard.server.config;

/**
 * A token that travels in an HTTP header ({@code Authorization: Bearer …}) must hold no control character
 * but a tab: no header can carry one. Such a token started the server and then failed every use, and the
 * HTTP client's refusal quotes the whole header, the token in it, into the log. Refused at start instead,
 * the token not repeated.
 */
final class HeaderSafeToken {
    private HeaderSafeToken() {}

    /** @throws ConfigException naming {@code setting} when {@code token} holds a character no header can carry */
    static void require(String token, String setting) {
        boolean carried = token.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f));
        if (!carried) {
            throw new ConfigException(setting + " holds a line break or another control character, which no HTTP header can carry;"
                    + " give the token on one line, as it was issued");
        }
    }

    /**
     * A token Seatguard sends itself (the SMS token) must also be ASCII: the JDK's HTTP client writes each
     * header in ASCII, so an "é" went out as "?" (the provider refused every SMS) and a "€" was refused
     * with a message quoting the header, the token in it, which the failed send logged (found in review).
     * A token Seatguard only receives (the admin token) is compared as the server reads it, and keeps its rule.
     *
     * @throws ConfigException naming {@code setting} when {@code token} holds a character it cannot send
     */
    static void requireSendable(String token, String setting) {
        require(token, setting);
        if (!token.chars().allMatch(c -> c < 0x80)) {
            throw new ConfigException(setting + " holds a character beyond ASCII, which the HTTP client cannot send as written;"
                    + " give the token as it was issued");
        }
    }
}

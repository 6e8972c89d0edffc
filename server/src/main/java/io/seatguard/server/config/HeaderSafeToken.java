package io.seatguard.server.config;

/**
 * A token that travels in an HTTP header ({@code Authorization: Bearer …}) must hold no control character
 * but a tab: no header can carry one. Such a token started the server and then failed every use, and the
 * HTTP client's refusal quotes the whole header, the token in it, into the log. Refused at start instead,
 * the token not repeated.
 */
public final class HeaderSafeToken {
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
     * A token that must cross HTTP as written must also be ASCII. The JDK's HTTP client writes each header
     * in ASCII, so an "é" went out as "?" and a "€" was refused with a message quoting the header, the
     * token in it, which the failed send logged (found in review): the SMS token failed every send, and an
     * admin token the {@code apps} command sent as "?" was refused by the server it was set on, as curl's
     * UTF-8 bytes were (the server reads a header as Latin-1). Both are refused at start, not repeated.
     *
     * @throws ConfigException naming {@code setting} when {@code token} holds a character it cannot send
     */
    static void requireSendable(String token, String setting) {
        require(token, setting);
        if (beyondAscii(token)) {
            throw new ConfigException(setting + " holds a character beyond ASCII, which an HTTP header cannot carry as written"
                    + " (it would go out as \"?\" or as bytes the server reads otherwise); give a token of ASCII characters");
        }
    }

    /** Whether {@code token} holds a character no HTTP client sends as written (the {@code apps} command asks it too). */
    public static boolean beyondAscii(String token) {
        return !token.chars().allMatch(c -> c < 0x80);
    }
}

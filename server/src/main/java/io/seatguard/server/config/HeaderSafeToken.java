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
}

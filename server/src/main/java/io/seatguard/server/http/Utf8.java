package io.seatguard.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Whether bytes are well-formed UTF-8: no overlong forms, no encoded surrogates, nothing cut short. */
final class Utf8 {
    private Utf8() {}

    static boolean isWellFormed(byte[] bytes) {
        // Most bodies are ASCII: one pass over them, and the strict decoder only for the rest.
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return true;
        }
        try {
            // The JDK's decoder refuses overlong forms and encoded surrogates (Unicode's "well-formed" UTF-8).
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }
}

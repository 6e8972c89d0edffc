package io.seatguard.server.http;

import io.javalin.http.Context;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.LogText;
import io.seatguard.core.error.SeatguardException;
import java.util.Collections;
import java.util.List;

/**
 * Refuses a request body sent with a content coding (RFC 9110 §8.4) other than {@code identity}, with 415
 * naming {@code Content-Encoding}. Nothing decodes one: it would be read as raw bytes (JSON refused with a
 * complaint about its bytes, a form read as garbage fields), and decoding would need its own bound on the
 * decoded size (a few kilobytes of gzip inflate to gigabytes). No Seatguard client and no browser's form
 * post encodes its body.
 */
final class ContentCodings {
    static final String HEADER = "Content-Encoding";

    private ContentCodings() {}

    /** Any coding but identity, on any of the header's lines, is refused; {@code what} says which bodies are taken as is. */
    static void refuseAnyButIdentity(Context ctx, String what) {
        for (String line : Collections.list(ctx.req().getHeaders(HEADER))) {
            for (String coding : line.split(",")) {
                String name = coding.strip();
                if (!name.isEmpty() && !name.equalsIgnoreCase("identity")) {
                    String shown = LogText.oneLine(name.length() > 40 ? name.substring(0, 40) + "…" : name);
                    throw new SeatguardException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body without a content coding (got Content-Encoding "
                            + shown + "); " + what + " are taken as is", List.of(new FieldError(HEADER, "must be identity or absent")));
                }
            }
        }
    }
}

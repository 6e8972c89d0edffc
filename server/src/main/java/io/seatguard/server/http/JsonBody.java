package io.seatguard.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Reads a request body as a JSON object, enforcing, in this order: the media type (415), no content
 * coding but {@code identity} (415), the size limit (413, checked against {@code Content-Length} and again
 * while reading, so a chunked body cannot slip past it), well-formed JSON (400) and an object at the top (400).
 * A gzipped (or otherwise encoded) body is refused rather than decoded ({@link ContentCodings}).
 */
public final class JsonBody {
    private final int maxBytes;

    public JsonBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The body's JSON object, or empty when the request has no body at all (no bytes declared and none
     * chunked), for the endpoints whose body is optional: then its Content-Type does not matter.
     */
    public Optional<JsonNode> readObjectIfAny(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0 || (declared < 0 && ctx.header("Transfer-Encoding") == null)) {
            return Optional.empty();
        }
        return Optional.of(readObject(ctx));
    }

    public JsonNode readObject(Context ctx) {
        return readObject(ctx, Json.MAPPER.reader());
    }

    /** {@link #readObject}, with each number that has a decimal point or an exponent kept as written ({@link Json#NUMBERS_AS_WRITTEN}). */
    public JsonNode readObjectWithNumbersAsWritten(Context ctx) {
        return readObject(ctx, Json.NUMBERS_AS_WRITTEN);
    }

    private JsonNode readObject(Context ctx, ObjectReader reader) {
        // The header as sent: Jetty's parsed form throws on an unknown charset (MediaTypes refuses those first).
        String contentType = ctx.header("Content-Type");
        if (contentType == null || !isJson(contentType)) {
            throw new SeatguardException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as application/json (got " + (contentType == null ? "no Content-Type" : contentType) + ")",
                    List.of(new FieldError(MediaTypes.HEADER, contentType == null ? "is missing" : "is not application/json")));
        }
        ContentCodings.refuseAnyButIdentity(ctx, "JSON bodies");
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            // WholeBodyFirst refuses such a body before any route runs; this bound stays for any other caller.
            throw tooLarge();
        }
        byte[] body = declared >= 0 ? readDeclared(ctx, (int) declared) : readAtMost(ctx);
        if (body.length == 0) {
            throw SeatguardException.invalid("body", "is empty; send a JSON object");
        }
        if (!Utf8.isWellFormed(body)) {
            // Jackson reads the overlong C0 80 as U+0000 and guesses UTF-16 from byte patterns; RFC 8259
            // asks for UTF-8, and only well-formed UTF-8 lets NulCharacters trust what it scans for.
            throw SeatguardException.invalid("body", "must be well-formed UTF-8 (RFC 8259)");
        }
        JsonNode node;
        try {
            node = reader.readTree(body);
        }
        catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String reason = JsonFaults.reason(e);
            throw new SeatguardException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON" + where + ": " + reason,
                    List.of(new FieldError("body", reason + where)));
        }
        catch (IOException e) {
            throw new SeatguardException(ErrorCode.MALFORMED_JSON, "The body could not be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw SeatguardException.invalid("body", "must be a JSON object");
        }
        NulCharacters.refuseInJson(body, node);
        return node;
    }

    /**
     * A body whose {@code Content-Length} is known (and within the limit) is read into an array of that
     * size: reading "up to the limit" allocates and copies limit-sized chunks, for bodies of a few hundred
     * bytes on every evaluation. A body shorter than declared is cut off by the client: it is read as
     * what arrived, and the JSON parser says what is missing.
     */
    private static byte[] readDeclared(Context ctx, int declared) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = new byte[declared];
            int read = in.readNBytes(bytes, 0, declared);
            return read == declared ? bytes : java.util.Arrays.copyOf(bytes, read);
        }
        catch (IOException e) {
            throw SeatguardException.invalid("body", "could not be read");
        }
    }

    private byte[] readAtMost(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        }
        catch (IOException e) {
            throw SeatguardException.invalid("body", "could not be read");
        }
    }

    private SeatguardException tooLarge() {
        return new SeatguardException(ErrorCode.BODY_TOO_LARGE, "The body is larger than " + maxBytes + " bytes");
    }

    private static boolean isJson(String contentType) {
        String mediaType = MediaTypes.essence(contentType);
        return mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }
}

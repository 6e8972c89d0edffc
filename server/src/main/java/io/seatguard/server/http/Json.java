package io.seatguard.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The API's JSON mapper: strict about duplicate keys and nesting depth, so odd input is refused, not guessed at. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // "{...} xyz" or "{}{}" is not one JSON document; reading only the first would guess.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Reads a number with a decimal point or an exponent as the {@code BigDecimal} written, not the double
     * nearest it, for fields that must be whole: {@code 0.9999999999999999999} and {@code 1e-400} are
     * fractions, where as doubles they are 1 and 0. Same factory, so the same limits.
     */
    public static final ObjectReader NUMBERS_AS_WRITTEN = MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 100;

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(1_000_000)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
    }

    private Json() {}

    /**
     * A tree as maps, lists and plain values for the core's parsers, each number with a decimal point or an
     * exponent as the {@code BigDecimal} read ({@link #NUMBERS_AS_WRITTEN}; a double if it was read as one).
     */
    public static Object plainValues(JsonNode tree) {
        try {
            return NUMBERS_AS_WRITTEN.forType(Object.class).readValue(MAPPER.treeAsTokens(tree));
        }
        catch (IOException e) {
            // A tree already read converts to maps and lists without any input to fail on.
            throw new UncheckedIOException(e);
        }
    }
}

package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.time.InstantSource;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever JSON object a client sends, reading it as an evaluate body either succeeds or fails with
 * {@link ErrorCode#INVALID_INPUT} naming fields — never any other exception (which would be a 500).
 * Field names and values are drawn from the real ones, so most bodies are near-misses of valid ones.
 */
class EvaluateBodyPropertiesTest {
    private static final List<String> FIELDS = List.of("client_id", "action", "user", "email", "phone", "metadata", "session", "return_to",
            "device", "ip", "user_agent", "timestamp", "unknown_field");
    private static final List<String> DEVICE_FIELDS = List.of("token", "components", "local_ips", "timezone", "other");
    /**
     * One node for every generator that offers it: jqwik compares arbitraries (values of {@code just}
     * included) to reuse generators, and a node made anew each time was compared character by character,
     * 9,000 of them: the test took 19 s alone, 6.6 s with one node. The same node is equal at once.
     */
    private static final JsonNode LONG_TEXT = JsonNodeFactory.instance.textNode("x".repeat(9000));
    private static final JsonNode SMALL_OBJECT = JsonNodeFactory.instance.objectNode().put("x", 1);

    @Property(tries = 600)
    void anyObjectIsReadOrRefusedWithFieldErrors(@ForAll("bodies") ObjectNode body, @ForAll boolean serverMode) {
        try {
            new EvaluateBodyReader(InstantSource.system()).read(body, serverMode ? EvaluateBodyReader.Mode.SERVER : EvaluateBodyReader.Mode.BROWSER);
        }
        catch (SeatguardException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.errors()).isNotEmpty();
            e.errors().forEach(error -> {
                assertThat(error.field()).isNotBlank();
                assertThat(error.message()).isNotBlank();
            });
        }
    }

    @Provide
    Arbitrary<ObjectNode> bodies() {
        return Arbitraries.subsetOf(FIELDS).flatMap(fields -> {
            Arbitrary<ObjectNode> body = Arbitraries.just(JsonNodeFactory.instance.objectNode());
            for (String field : fields) {
                Arbitrary<JsonNode> value = field.equals("device") ? device() : value(field);
                body = body.flatMap(node -> value.map(v -> {
                    ObjectNode copy = node.deepCopy();
                    copy.set(field, v);
                    return copy;
                }));
            }
            return body;
        });
    }

    private Arbitrary<JsonNode> device() {
        return Arbitraries.oneOf(scalar(), Arbitraries.subsetOf(DEVICE_FIELDS).flatMap(fields -> {
            Arbitrary<ObjectNode> device = Arbitraries.just(JsonNodeFactory.instance.objectNode());
            for (String field : fields) {
                Arbitrary<JsonNode> value = field.equals("components") ? components() : field.equals("local_ips") ? list() : value(field);
                device = device.flatMap(node -> value.map(v -> {
                    ObjectNode copy = node.deepCopy();
                    copy.set(field, v);
                    return copy;
                }));
            }
            return device.map(JsonNode.class::cast);
        }));
    }

    private Arbitrary<JsonNode> components() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("canvas", "cores", "screen", "bad name", ""), Arbitraries.strings().ofMaxLength(70));
        return Arbitraries.maps(names, scalar()).ofMaxSize(6).map(map -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            map.forEach(node::set);
            return (JsonNode) node;
        }).injectDuplicates(0.0);
    }

    private Arbitrary<JsonNode> list() {
        return scalar().list().ofMaxSize(20).map(items -> {
            var array = JsonNodeFactory.instance.arrayNode();
            items.forEach(array::add);
            return (JsonNode) array;
        });
    }

    private Arbitrary<JsonNode> value(String field) {
        Arbitrary<JsonNode> typical = switch (field) {
            case "action" -> Arbitraries.of("login", "signup", "access", "LOGIN", "custom.action-1", "").map(JsonNodeFactory.instance::textNode);
            case "ip", "local_ips" -> Arbitraries.of("1.2.3.4", "::1", "1.2.3", "localhost", "2001:db8::1").map(JsonNodeFactory.instance::textNode);
            case "timestamp" -> Arbitraries.of("2026-11-20T10:00:00Z", "2999-01-01T00:00:00Z", "yesterday", "2026-11-20T10:00:00+25:00")
                    .map(JsonNodeFactory.instance::textNode);
            case "email" -> Arbitraries.of("a@b.co", "nope", "a@b", "@x.io").map(JsonNodeFactory.instance::textNode);
            case "phone" -> Arbitraries.of("+14155550123", "123", "+0").map(JsonNodeFactory.instance::textNode);
            case "timezone" -> Arbitraries.of("Europe/Paris", "Mars/Base", "UTC", "+01:00").map(JsonNodeFactory.instance::textNode);
            case "client_id" -> Arbitraries.of("pk_abc", "abc", "pk_").map(JsonNodeFactory.instance::textNode);
            default -> scalar();
        };
        return Arbitraries.oneOf(typical, scalar(), list());
    }

    private Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(JsonNodeFactory.instance::textNode),
                Arbitraries.just(LONG_TEXT),
                Arbitraries.integers().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.doubles().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY).map(JsonNodeFactory.instance::numberNode),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30)).map(JsonNodeFactory.instance::numberNode),
                Arbitraries.of(true, false).map(JsonNodeFactory.instance::booleanNode),
                Arbitraries.just(JsonNodeFactory.instance.nullNode()),
                Arbitraries.just(SMALL_OBJECT));
    }
}

package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A named list of the app ({@code /v3/lists}) that policies test values against: users, IP addresses
 * and ranges, devices, countries, emails or email domains.
 *
 * @param kind {@code user}, {@code ip}, {@code device}, {@code country}, {@code email} or {@code email_domain}
 * @param values as Seatguard normalized them (lower-case emails and domains, upper-case countries,
 *     canonical ranges); empty in {@link SeatguardClient#lists()}, which lists without values
 */
public record NamedList(String id, String name, String kind, int size, List<String> values, Instant createdAt, Instant updatedAt) {
    static NamedList of(JsonNode json) {
        List<String> values = new ArrayList<>();
        json.path("values").forEach(value -> values.add(value.asText()));
        return new NamedList(AnswerFields.text(json, "id", "a list"), json.path("name").asText(), json.path("kind").asText(), json.path("size").asInt(),
                List.copyOf(values), AnswerFields.instant(json, "created_at", "a list"),
                AnswerFields.instant(json, "updated_at", "a list"));
    }

    /**
     * As a record's, but without the personal data an app's log must not keep ({@link Redacted}):
     * the values (accounts, addresses, emails) by their number.
     */
    @Override
    public String toString() {
        return "NamedList[id=" + id + ", name=" + name + ", kind=" + kind + ", size=" + size + ", values=" + Redacted.values(values) + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + "]";
    }
}

package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which API operations the audit log records, pinned: a new changing operation fails this test until
 * someone decides whether it is a change of set-up (audited) or data plane (not), and writes it here.
 */
class AuditLogRoutesTest {
    private static final Set<String> AUDITED = Set.of(
            "DELETE /v3/users/{user}", "DELETE /v3/users/{user}/devices/{device_id}",
            "POST /v3/apps", "PATCH /v3/apps/{id}", "POST /v3/apps/{id}/rotate-secret", "POST /v3/apps/{id}/rotate-identity-secret",
            "POST /v3/policies", "PUT /v3/policies/{id}", "DELETE /v3/policies/{id}",
            "POST /v3/lists", "DELETE /v3/lists/{id}", "POST /v3/lists/{id}/add", "POST /v3/lists/{id}/remove",
            "POST /v3/webhooks", "PATCH /v3/webhooks/{id}", "DELETE /v3/webhooks/{id}", "POST /v3/webhooks/{id}/rotate-secret",
            "POST /v3/webhooks/{id}/deliveries/{message_id}/redeliver");

    @Test
    void theAuditedOperationsAreTheChangesOfSetUp() throws Exception {
        JsonNode paths;
        try (InputStream document = AuditLogRoutesTest.class.getResourceAsStream("/openapi.json")) {
            paths = Json.MAPPER.readTree(document).get("paths");
        }
        Set<String> audited = new TreeSet<>();
        int operations = 0;
        for (var path = paths.fields(); path.hasNext();) {
            var entry = path.next();
            for (var methods = entry.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next().toUpperCase(Locale.ROOT);
                operations++;
                if (AuditLog.audited(HandlerType.findOrCreate(method), entry.getKey())) {
                    audited.add(method + " " + entry.getKey());
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(40);
        assertThat(audited).containsExactlyInAnyOrderElementsOf(AUDITED);
        // The hosted pages, the demo and the development outbox are end users' and developers', never audited;
        // the dashboard's forms always are.
        assertThat(AuditLog.audited(HandlerType.POST, "/challenge/{id}/verify")).isFalse();
        assertThat(AuditLog.audited(HandlerType.POST, "/demo/login")).isFalse();
        assertThat(AuditLog.audited(HandlerType.POST, "/dashboard/policies")).isTrue();
        assertThat(AuditLog.audited(HandlerType.GET, "/dashboard/apps")).isFalse();
    }
}

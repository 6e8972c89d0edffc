package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.challenge.PageClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every change to how Seatguard is set up is one line on {@code seatguard.audit}, saying who (the admin
 * token, an app's key, an operator, or nobody proven), what and how it ended; the data plane (evaluations,
 * sessions, consumes) and every read are not in it.
 */
class AuditLogTest {
    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);

    @Test
    void changesAreLoggedWithWhoMadeThemAndTheDataPlaneIsNot(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            TestApp app = server.defaultApp();
            List<String> lines = new ArrayList<>();
            String appId = LogLines.during("seatguard.audit", lines, () -> {
                String created = server.post("/v3/apps", "{\"name\":\"Audited\"}", ADMIN).json().get("id").asText();
                server.post("/v3/apps/" + created + "/rotate-secret", null, ADMIN);
                server.post("/v3/apps", "{\"name\":\"Nope\"}", Map.of("Authorization", "Bearer sgadm_wrong_wrong_wrong"));
                server.post("/v3/policies", "{\"name\":\"p\",\"actions\":[\"login\"],\"conditions\":{\"check\":\"user\",\"op\":\"eq\",\"value\":\"x\"},"
                        + "\"verdict\":\"deny\"}", app.bearer());
                server.send("DELETE", "/v3/users/ola", null, app.bearer());
                // Not audited: evaluations, reads, the OpenAPI document.
                server.post("/v3/evaluate", "{\"action\":\"login\",\"user\":\"ola\"}", app.bearer());
                server.get("/v3/apps", ADMIN);
                server.get("/v3/policies", app.bearer());
                return created;
            });
            assertThat(lines).containsExactly(
                    "admin POST /v3/apps -> 201",
                    "admin POST /v3/apps/{id}/rotate-secret id=" + appId + " -> 200",
                    "unproven POST /v3/apps -> 401",
                    "app " + app.id() + " POST /v3/policies -> 201",
                    // No such user yet: a refused change is logged as much as a done one.
                    "app " + app.id() + " DELETE /v3/users/{user} user=ola -> 404");
        }
    }

    @Test
    void dashboardSignInsAndFormsAreLoggedWithTheOperator(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            String email = server.server().createdOperator().orElseThrow().email();
            TestApp app = server.defaultApp();
            List<String> lines = new ArrayList<>();
            LogLines.during("seatguard.audit", lines, () -> {
                PageClient stranger = new PageClient();
                stranger.get(server.url() + "/dashboard/login");
                stranger.post(server.url() + "/dashboard/login", Map.of("email", "mallory@example.com", "password", "guess\nfake line"));
                // A form in a charset nobody supports: refused 415 by the route, and still one audit line.
                assertThat(server.send("POST", "/dashboard/login", "email=a%40example.com&password=x",
                        Map.of("Content-Type", "application/x-www-form-urlencoded; charset=@@@")).status()).isEqualTo(415);
                PageClient operator = DashboardPagesTest.signedIn(server);
                operator.get(server.url() + "/dashboard/apps");
                operator.post(server.url() + "/dashboard/apps/rotate", Map.of("app", app.id()));
                // Which change of the page: new recovery codes, refused as two-factor sign-in is off.
                operator.post(server.url() + "/dashboard/two-factor", Map.of("do", "recovery-codes", "current_password", "not my password"));
                return null;
            });
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).isEqualTo("unproven POST /dashboard/login email=mallory@example.com -> 401").doesNotContain("guess");
            assertThat(lines.get(1)).isEqualTo("unproven POST /dashboard/login form=unreadable -> 415");
            assertThat(lines.get(2)).isEqualTo("operator " + email + " POST /dashboard/login email=" + email + " -> 303");
            assertThat(lines.get(3)).startsWith("operator " + email + " POST /dashboard/apps/rotate app=" + app.id() + " -> ");
            assertThat(lines.get(4)).isEqualTo("operator " + email + " POST /dashboard/two-factor do=recovery-codes -> 400").doesNotContain("not my password");
        }
    }
}

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

    /**
     * Review finding: the lines left out what some forms changed (the list of a values change or a
     * deletion, the account of a device log-out, the message redelivered, the apps and read-only of a new
     * operator), and named the operator who signed in by the email as typed. Every dashboard form is posted
     * here with every identifying field and every secret one: each line names what the form changed, and
     * none holds a password, a code, a token or a secret.
     */
    @Test
    void everyDashboardFormNamesWhatItChangedAndNoSecret(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            SeatguardServer.CreatedOperator first = server.server().createdOperator().orElseThrow();
            TestApp app = server.defaultApp();
            List<String> secrets = List.of(first.password(), "current-secret-1", "new-secret-22", "again-secret-333", "814093", "JBSWY3DPEHPK3PXPSECRET",
                    "value-secret-4444", "json-secret-55555", "https://hooks.example/path-secret-666666");
            List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("app", app.id()), Map.entry("id", "pol_audited"),
                    Map.entry("list", "lst_audited"), Map.entry("user_encoded", "ana%20lee"), Map.entry("device", "dev_audited"),
                    Map.entry("endpoint", "we_audited"), Map.entry("message", "msg_audited"), Map.entry("email", "new.operator@example.com"),
                    Map.entry("name", "Audited"), Map.entry("app_scope", app.id()), Map.entry("app_scope", "app_second"), Map.entry("read_only", "yes"),
                    Map.entry("require_signed_identity", "true"), Map.entry("do", "add"),
                    Map.entry("password", first.password()), Map.entry("current_password", "current-secret-1"), Map.entry("new_password", "new-secret-22"),
                    Map.entry("new_password_again", "again-secret-333"), Map.entry("code", "814093"), Map.entry("secret", "JBSWY3DPEHPK3PXPSECRET"),
                    Map.entry("values", "value-secret-4444"), Map.entry("json", "json-secret-55555"),
                    Map.entry("url", "https://hooks.example/path-secret-666666")));
            List<String> posted = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            PageClient operator = new PageClient();
            LogLines.during("seatguard.audit", lines, () -> {
                operator.get(server.url() + "/dashboard/login");
                // Typed as people type it: the line names the operator as stored.
                operator.post(server.url() + "/dashboard/login", Map.of("email", " " + first.email().toUpperCase(java.util.Locale.ROOT), "password",
                        first.password(), "code", "814093"));
                for (io.seatguard.server.http.Route route : server.server().routes()) {
                    if (route.method() != io.javalin.http.HandlerType.POST || !route.path().startsWith("/dashboard/")
                            || route.path().equals("/dashboard/login") || route.path().equals("/dashboard/logout")) {
                        continue;
                    }
                    operator.get(server.url() + "/dashboard/apps");
                    operator.postRepeated(server.url() + route.path(), form);
                    posted.add(route.path());
                }
                operator.get(server.url() + "/dashboard");
                operator.postRepeated(server.url() + "/dashboard/logout", form);
                return null;
            });
            String csrf = operator.csrf();
            assertThat(posted).hasSizeGreaterThanOrEqualTo(20);
            assertThat(lines).hasSize(posted.size() + 2);
            assertThat(lines.get(0)).startsWith("operator " + first.email() + " POST /dashboard/login email= " + first.email().toUpperCase(java.util.Locale.ROOT)
                    + " -> 303");
            for (String line : lines) {
                assertThat(line).as("no secret").doesNotContain(secrets.toArray(String[]::new)).doesNotContain(csrf).doesNotContain("password=").doesNotContain("code=");
            }
            assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).startsWith("operator " + first.email() + " POST /dashboard/"));
            assertThat(line(lines, "/dashboard/lists/values")).contains(" list=lst_audited ");
            assertThat(line(lines, "/dashboard/lists/delete")).contains(" list=lst_audited ");
            assertThat(line(lines, "/dashboard/accounts/logout")).contains(" user=ana lee ").contains(" device=dev_audited ");
            assertThat(line(lines, "/dashboard/webhooks/redeliver")).contains(" message=msg_audited ").contains(" endpoint=we_audited ");
            assertThat(line(lines, "/dashboard/operators")).contains(" app_scope=" + app.id() + ",app_second ").contains(" read_only=yes ")
                    .contains(" email=new.operator@example.com ");
            assertThat(line(lines, "/dashboard/apps/identity")).contains(" require_signed_identity=true ");
        }
    }

    /** The line of a POST to {@code route}. */
    private static String line(List<String> lines, String route) {
        return lines.stream().filter(line -> line.contains(" POST " + route + " ")).findFirst().orElseThrow(() -> new AssertionError("no line for " + route));
    }
}

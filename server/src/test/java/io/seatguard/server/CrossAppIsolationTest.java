package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An attacker holding app A's secret key, aimed at app B's records through the routes whose other-app case
 * no other test names: each of B's ids sent with A's key is not found, answered as an id that exists
 * nowhere is (no oracle), and B's record is as it was. The same device token and components in A never
 * resolve to B's device, and a history cursor B was given is refused to A.
 */
class CrossAppIsolationTest {
    @TempDir
    Path dataDir;


    private static String login(String user, boolean withToken) {
        return "{\"action\":\"login\",\"user\":\"" + user + "\",\"ip\":\"198.51.100.4\",\"device\":{"
                + (withToken ? "\"token\":\"tok_victim_laptop_00001\"," : "")
                + "\"components\":{\"platform\":\"MacIntel\",\"webgl_vendor\":\"Apple\",\"webgl_renderer\":\"Apple M9\",\"audio\":\"zz1\","
                + "\"screen\":\"1512x982\",\"cores\":13}}}";
    }

    /** A's answer for B's id is the 404 an id of the same shape that exists nowhere gets, the id aside. */
    private static void notFoundAsNowhere(SoftAssertions soft, String what, Response forB, String bId, Response forNowhere, String nowhereId) {
        soft.assertThat(forB.status()).as(what + ": " + forB.body()).isEqualTo(404);
        soft.assertThat(forB.contentType()).as(what).startsWith("application/problem+json");
        soft.assertThat(forB.json().path("detail").asText().replace(bId, "ID")).as(what + " tells B's id from none")
                .isEqualTo(forNowhere.json().path("detail").asText().replace(nowhereId, "ID"));
    }

    @ParameterizedTest
    @EnumSource(TestServer.Store.class)
    void appAsKeyNeverReachesAppBsRecords(TestServer.Store store) {
        try (TestServer server = TestServer.start(store, dataDir)) {
            TestApp b = server.defaultApp();
            TestApp a = server.createApp("attacker");
            SoftAssertions soft = new SoftAssertions();

            String hook = "{\"url\":\"http://" + TestServer.UNROUTED_PUBLIC_HOST + "/hook\",\"events\":[\"evaluation.created\"]}";
            String bHook = server.post("/v3/webhooks", hook, b.jsonBearer()).json().get("id").asText();
            String aHook = server.post("/v3/webhooks", hook, a.jsonBearer()).json().get("id").asText();
            Response first = server.post("/v3/evaluate", login("victim", true), b.jsonBearer());
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            String evaluationId = first.json().get("evaluation_id").asText();
            String deviceId = first.json().get("device_id").asText();
            server.post("/v3/evaluate", login("victim", true), b.jsonBearer());

            // The same token, then the same components without it, in A: never B's device.
            soft.assertThat(server.post("/v3/evaluate", login("victim", true), a.jsonBearer()).json().get("device_id").asText()).isNotEqualTo(deviceId);
            soft.assertThat(server.post("/v3/evaluate", login("someone", false), a.jsonBearer()).json().get("device_id").asText()).isNotEqualTo(deviceId);
            soft.assertThat(server.get("/v3/history?device_id=" + deviceId, a.bearer()).json().get("data")).isEmpty();
            soft.assertThat(server.get("/v3/users/victim/history", a.bearer()).body()).doesNotContain(evaluationId);

            String cursor = server.get("/v3/users/victim/history?limit=1", b.bearer()).json().get("next_cursor").asText();
            Response borrowed = server.get("/v3/users/victim/history?limit=1&cursor=" + cursor, a.bearer());
            soft.assertThat(borrowed.status()).as(borrowed.body()).isEqualTo(400);
            soft.assertThat(borrowed.json().get("errors").findValuesAsText("field")).containsExactly("cursor");

            // Webhooks: every route with B's endpoint id, and B's message under A's own endpoint.
            String message = server.get("/v3/webhooks/" + bHook + "/deliveries", b.bearer()).json().get("data").get(0).get("message_id").asText();
            String noHook = "wh_" + "0".repeat(bHook.length() - 3);
            for (String[] route : new String[][] {{"GET", ""}, {"DELETE", ""}, {"POST", "/rotate-secret"}, {"GET", "/deliveries"},
                    {"GET", "/deliveries/" + message}, {"POST", "/deliveries/" + message + "/redeliver"}}) {
                notFoundAsNowhere(soft, route[0] + " webhook" + route[1], server.send(route[0], "/v3/webhooks/" + bHook + route[1], null, a.bearer()), bHook,
                        server.send(route[0], "/v3/webhooks/" + noHook + route[1], null, a.bearer()), noHook);
            }
            soft.assertThat(server.get("/v3/webhooks/" + aHook + "/deliveries/" + message, a.bearer()).status()).isEqualTo(404);
            soft.assertThat(server.post("/v3/webhooks/" + aHook + "/deliveries/" + message + "/redeliver", "", a.bearer()).status()).isEqualTo(404);
            soft.assertThat(server.get("/v3/webhooks/" + bHook, b.bearer()).json().get("enabled").asBoolean()).isTrue();

            // Lists and policies: B's ids, and a policy of A's naming B's list by id.
            String listId = server.post("/v3/lists", "{\"name\":\"vip\",\"kind\":\"user\",\"values\":[\"victim\"]}", b.jsonBearer()).json().get("id").asText();
            String noList = "lst_" + "0".repeat(listId.length() - 4);
            for (String[] route : new String[][] {{"GET", "", null}, {"POST", "/add", "{\"values\":[\"mallory\"]}"},
                    {"POST", "/remove", "{\"values\":[\"victim\"]}"}, {"DELETE", "", null}}) {
                Map<String, String> headers = route[2] == null ? a.bearer() : a.jsonBearer();
                notFoundAsNowhere(soft, route[0] + " list" + route[1], server.send(route[0], "/v3/lists/" + listId + route[1], route[2], headers), listId,
                        server.send(route[0], "/v3/lists/" + noList + route[1], route[2], headers), noList);
            }
            soft.assertThat(server.get("/v3/lists/" + listId, b.bearer()).body()).contains("victim").doesNotContain("mallory");
            for (String path : new String[] {"/v3/policies", "/v3/policies/backtest"}) {
                String naming = "{\"name\":\"p\",\"actions\":[\"login\"],\"verdict\":\"deny\",\"conditions\":{\"check\":\"user\",\"op\":\"in_list\",\"value\":\"%s\"}}";
                Response refused = server.post(path, naming.formatted(listId), a.jsonBearer());
                soft.assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(400);
                soft.assertThat(refused.json().path("detail").asText().replace(listId, "ID")).as(path)
                        .isEqualTo(server.post(path, naming.formatted(noList), a.jsonBearer()).json().path("detail").asText().replace(noList, "ID"));
            }
            String policy = "{\"name\":\"q\",\"actions\":[\"login\"],\"verdict\":\"deny\",\"conditions\":{\"check\":\"user\",\"op\":\"eq\",\"value\":\"zz\"}}";
            String policyId = server.post("/v3/policies", policy, b.jsonBearer()).json().get("id").asText();
            String noPolicy = "pol_" + "0".repeat(policyId.length() - 4);
            for (String[] route : new String[][] {{"GET", "", null}, {"PUT", "", policy.replace("deny", "allow")}, {"POST", "/backtest", null},
                    {"DELETE", "", null}}) {
                Map<String, String> headers = route[2] == null ? a.bearer() : a.jsonBearer();
                notFoundAsNowhere(soft, route[0] + " policy" + route[1], server.send(route[0], "/v3/policies/" + policyId + route[1], route[2], headers),
                        policyId, server.send(route[0], "/v3/policies/" + noPolicy + route[1], route[2], headers), noPolicy);
            }
            soft.assertThat(server.get("/v3/policies/" + policyId, b.bearer()).json().get("verdict").asText()).isEqualTo("deny");

            // A's erasure of its own "victim" leaves B's.
            soft.assertThat(server.send("DELETE", "/v3/users/victim", null, a.bearer()).status()).isEqualTo(204);
            soft.assertThat(server.get("/v3/evaluations/" + evaluationId, b.bearer()).status()).isEqualTo(200);
            soft.assertThat(server.get("/v3/users/victim/devices", b.bearer()).body()).contains(deviceId);
            soft.assertAll();
        }
    }
}

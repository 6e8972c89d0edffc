package io.seatguard.server.demo;

import java.util.List;
import java.util.Map;

/** The demo's policies, as an operator would write them (docs/policies.md), pointing at the demo's own pages. */
final class DemoPolicies {
    private DemoPolicies() {}

    static List<Map<String, Object>> all(String base) {
        return List.of(
                Map.of("name", "Demo: verify new devices at login", "priority", 10, "actions", List.of("login"),
                        "conditions", Map.of("check", "is_new_device", "op", "eq", "value", true),
                        "verdict", "challenge",
                        "challenge", Map.of("type", "verification", "channels", List.of("email"), "success_url", base + "/demo/verified")),
                Map.of("name", "Demo: verify every signup", "priority", 10, "actions", List.of("signup"),
                        "conditions", Map.of("check", "action", "op", "eq", "value", "signup"),
                        "verdict", "challenge",
                        "challenge", Map.of("type", "verification", "channels", List.of("email"), "success_url", base + "/demo/registered")),
                Map.of("name", "Demo: at most three devices", "priority", 20, "actions", List.of("access"),
                        "conditions", Map.of("check", "device_count", "op", "gt", "value", 3),
                        "verdict", "challenge",
                        "challenge", Map.of("type", "device_limit", "device_limit", 3, "logout_url", base + "/demo?reason=logged-out")),
                Map.of("name", "Demo: verify the owner on concurrent use", "priority", 10, "actions", List.of("access"),
                        "conditions", Map.of("check", "concurrent_sessions", "op", "eq", "value", true),
                        "verdict", "challenge",
                        "challenge", Map.of("type", "verification", "channels", List.of("email"), "success_url", base + "/demo/register",
                                "logout_url", base + "/demo?reason=logged-out")));
    }
}

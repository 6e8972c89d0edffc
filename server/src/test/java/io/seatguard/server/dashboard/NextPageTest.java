package io.seatguard.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Review finding: a sign-in opens the dashboard page first asked for, and never a page elsewhere. */
class NextPageTest {
    @Test
    void dashboardPagesOfThisServerAreTaken() {
        for (String page : List.of("/dashboard", "/dashboard/", "/dashboard?app=app_1&period=30d", "/dashboard/evaluations?app=app_1&verdict=deny",
                "/dashboard/evaluations/app_1/0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b", "/dashboard/accounts?app=app_1&user=ana%20lee%0A%2F%2F",
                "/dashboard/patterns.csv?app=app_1", "/dashboard/lists?app=app_1&list=lst_1")) {
            assertThat(NextPage.of(page)).as(page).contains(page);
        }
    }

    @Test
    void anythingThatCouldLeaveTheDashboardIsNot() {
        for (String elsewhere : List.of("https://evil.example/dashboard", "//evil.example/dashboard", "///evil.example", "/\\evil.example/dashboard",
                "/dashboard\\..\\v3", "\\\\evil.example", "javascript:alert(1)", "/dashboardx", "/dashboard.evil.example", "/v3/apps", "/", "", "dashboard",
                "/dashboard//evil.example", "/dashboard/..", "/dashboard/../v3/apps", "/dashboard/./evaluations", "/dashboard/%2e%2e/v3/apps",
                "/dashboard/%2F%2Fevil.example", "/dashboard/evaluations#x", "/dashboard?next=//evil.example", "/dashboard\r\nSet-Cookie: a=b",
                "/dashboard/ x", "/dashboard/\"><script>", "/dashboard/login", "/dashboard/login?next=/dashboard", "/dashboard/logout",
                "/dashboard?" + "x".repeat(2_000))) {
            assertThat(NextPage.of(elsewhere)).as(elsewhere).isEmpty();
        }
        assertThat(NextPage.of(null)).isEmpty();
    }
}

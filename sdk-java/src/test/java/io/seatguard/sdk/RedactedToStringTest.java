package io.seatguard.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Review finding: {@code EvaluateRequest.toString()} printed the whole body, and the records' generated
 * {@code toString()}s every field and their raw JSON, so an app logging what it sent or got wrote emails,
 * phone numbers, addresses and the device's token into its logs.
 */
class RedactedToStringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "mia.jones@example.com";
    private static final String PHONE = "+14155550123";
    private static final String IP = "203.0.113.9";
    private static final String TOKEN = "tok_4f1c9e7a2b";

    @Test
    void anEvaluateRequestSaysWhichFieldsAreSetWithoutTheirPersonalValues() {
        EvaluateRequest request = EvaluateRequest.of("login").user("mia-account-7").email(EMAIL).phone(PHONE).ip(IP).userAgent("Mozilla/5.0 Secret")
                .session("sess_99").returnTo("https://app.example/return?t=abc").metadata(Map.of("plan", "gold"))
                .device("{\"token\":\"" + TOKEN + "\",\"timezone\":\"Europe/Paris\"}");
        String shown = request.toString();
        assertThat(shown).contains("action=login", "user=(set)", "email=m***@example.com", "phone=***23", "ip=(set)", "user_agent=(set)", "device=(set)",
                "metadata=(set)", "session=(set)", "return_to=(set)");
        assertThat(shown).doesNotContain("mia-account-7", "mia.jones", "5550123", IP, "Mozilla", TOKEN, "Europe/Paris", "sess_99", "t=abc", "gold");
        assertThat(request.toJson()).as("still sent whole").contains(EMAIL, PHONE, IP, TOKEN);
        assertThat(EvaluateRequest.of("signup").toString()).isEqualTo("EvaluateRequest[action=signup]");
    }

    @Test
    void answersShowNoEmailPhoneAccountAddressOrRawJson() throws Exception {
        JsonNode evaluation = JSON.readTree("""
                {"id":"ev_1","action":"login","verdict":"allow","created_at":"2026-11-30T10:00:00Z","consumed":false,
                 "user":{"id":"mia-account-7","email":"%s","phone":"%s"},"ip":"%s","device":{"id":"d-1","token":"%s"},"risk":{"score":3}}"""
                .formatted(EMAIL, PHONE, IP, TOKEN));
        JsonNode summary = JSON.readTree("""
                {"id":"mia-account-7","first_seen":"2026-11-01T00:00:00Z","last_seen":"2026-11-30T00:00:00Z","device_count":2,
                 "countries_24h":["FR"],"patterns":[{"user":"mia-account-7","pattern":"many_devices","level":"dangerous","current_value":4,
                 "first_detected":"2026-11-02T00:00:00Z","last_seen":"2026-11-30T00:00:00Z"}],"people_estimate":{"all_time":1},"last_ip":"%s"}""".formatted(IP));
        JsonNode list = JSON.readTree("""
                {"id":"l_1","name":"blocked","kind":"email","size":1,"values":["%s"],"created_at":"2026-11-01T00:00:00Z","updated_at":"2026-11-01T00:00:00Z"}"""
                .formatted(EMAIL));
        JsonNode policy = JSON.readTree("""
                {"id":"p_1","name":"deny","actions":["login"],"verdict":"deny","mode":"enforce","enabled":true,"priority":1,
                 "conditions":{"field":"ip","op":"eq","value":"%s"},"created_at":"2026-11-01T00:00:00Z","updated_at":"2026-11-01T00:00:00Z"}""".formatted(IP));
        JsonNode backtest = JSON.readTree("""
                {"from":"2026-11-01T00:00:00Z","to":"2026-11-30T00:00:00Z","evaluated":1,"matched":1,"outcomes":{"deny":1},
                 "samples":[{"evaluation_id":"ev_1","created_at":"2026-11-30T10:00:00Z","action":"login","recorded_verdict":"allow",
                 "reasons":[{"text":"ip %s matched"}]}]}""".formatted(IP));
        JsonNode history = JSON.readTree("{\"data\":[{\"user\":\"mia-account-7\",\"ip\":\"%s\",\"email\":\"%s\"}]}".formatted(IP, EMAIL));
        JsonNode result = JSON.readTree("""
                {"evaluation_id":"ev_2","verdict":"allow","device_id":"d-1","logout":false,"ip":"%s"}""".formatted(IP));
        JsonNode challenge = JSON.readTree("""
                {"id":"ch_1","evaluation_id":"ev_1","type":"verification","status":"pending","expires_at":"2026-11-30T10:10:00Z","sent_to":"%s"}""".formatted(EMAIL));

        for (Object answer : new Object[] {Evaluation.of(evaluation), AccountSummary.of(summary), NamedList.of(list), Policy.of(policy), Backtest.of(backtest),
                HistoryPage.of(history), EvaluateResult.of(result), Challenge.of(challenge), Pattern.of(summary.path("patterns").get(0))}) {
            assertThat(answer.toString()).as(answer.getClass().getSimpleName())
                    .doesNotContain(EMAIL, "mia.jones", "5550123", IP, TOKEN, "mia-account-7");
        }
        assertThat(Evaluation.of(evaluation).toString()).contains("email=m***@example.com", "phone=***23", "userId=(set)", "raw=(");
        assertThat(NamedList.of(list).toString()).contains("values=(1 hidden)");
        assertThat(HistoryPage.of(history).toString()).contains("rows=(1 hidden)");
    }
}

package io.seatguard.server.dashboard;

import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.policy.PolicyDefinition;
import io.seatguard.core.policy.PolicyFields;
import io.seatguard.core.policy.PolicyTree;
import io.seatguard.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a stored policy is put in the dashboard's form so that saving it unchanged stores it unchanged.
 * Each way is proven by reading it back: the form's fields, as a browser posts them ({@link BrowserSubmission}),
 * built into a tree as a post would be and validated, must give the stored definition; failing that the
 * JSON field (the stored tree itself) must; failing both the policy is shown read-only, to be changed
 * through the API. A form that silently held less than the policy once turned "metadata.plan eq premium
 * AND device_count gt 5" into "device_count gt 5".
 */
final class PolicyEditing {
    private PolicyEditing() {}

    /**
     * @param form the fields to show
     * @param readOnlyBecause why the form may not save this policy; empty when it may
     */
    record Offer(Map<String, String> form, Optional<String> readOnlyBecause) {}

    /**
     * @param validate the API's validator of a tree for the policy's app
     * @param refusedNow whether today's settings refuse (or re-read) the stored policy: it cannot read back
     *     as stored by any way, and saving it through the JSON field is how it is corrected (the page lists
     *     its faults above the table)
     */
    static Offer of(String policyId, PolicyDefinition stored, PolicyFields fields, Function<Object, PolicyDefinition> validate, boolean refusedNow) {
        Map<String, Object> tree = PolicyTree.of(stored);
        Map<String, String> form = PolicyForm.fields(tree, fields);
        // Proven on what a browser posts back: a value "a\nb" comes back "a\r\nb", which is another account id.
        Map<String, String> posted = BrowserSubmission.of(form);
        if (!form.containsKey("json") && readsBack(PolicyForm.tree(name -> posted.getOrDefault(name, ""), fields), stored, validate)) {
            return new Offer(form, Optional.empty());
        }
        Map<String, String> json = PolicyForm.jsonFields(tree);
        if (refusedNow || readsBack(tree(BrowserSubmission.value(json.get("json"))), stored, validate)) {
            return new Offer(json, Optional.empty());
        }
        return new Offer(json, Optional.of("This policy holds what the form cannot save without changing it, so it is shown read-only;"
                + " change it with PUT /v3/policies/" + policyId + "."));
    }

    /**
     * What the form carries of the policy it was opened on, so a save refuses a policy changed since (in
     * another tab, or through the API) instead of putting back what the page showed.
     */
    static String fingerprint(PolicyDefinition stored) {
        try {
            byte[] json = Json.MAPPER.writeValueAsString(PolicyTree.of(stored)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a stored policy always writes as JSON, and every JDK has SHA-256", e);
        }
    }

    private static boolean readsBack(Object tree, PolicyDefinition stored, Function<Object, PolicyDefinition> validate) {
        try {
            return validate.apply(tree).equals(stored);
        }
        catch (SeatguardException e) {
            return false;
        }
    }

    private static Object tree(String json) {
        try {
            return Json.MAPPER.readValue(json, Object.class);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored policy always reads back as JSON", e);
        }
    }
}

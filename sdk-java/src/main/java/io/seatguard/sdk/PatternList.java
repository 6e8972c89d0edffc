package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Flagged accounts as {@code GET /v3/patterns} lists them, most recently seen first. {@code truncated}
 * says more accounts matched than the limit let through; the order moves with every evaluation, so no
 * cursor could page it: narrow by pattern or level, or raise the limit.
 */
public record PatternList(List<Pattern> accounts, boolean truncated) {
    public PatternList {
        accounts = List.copyOf(accounts);
    }

    static PatternList of(JsonNode json) {
        List<Pattern> accounts = new ArrayList<>();
        AnswerFields.array(json, "data", "flagged accounts").forEach(item -> accounts.add(Pattern.of(item)));
        return new PatternList(accounts, json.path("truncated").asBoolean(false));
    }
}

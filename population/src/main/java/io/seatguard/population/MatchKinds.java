package io.seatguard.population;

import io.seatguard.core.evaluation.Evaluation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a visit was resolved, as far as the public {@link Evaluation} shows it: the pipeline does not
 * publish the resolver's match kind, so it is inferred (the harness drives only the public pipeline, so
 * that resolver changes are measured as they are). A new device says so ("separated" when its token had an id before); a match with confidence below
 * 1 is fuzzy, within the account when the id was already seen on it, else app-wide; a full-confidence
 * match is "token" when this token last resolved to that id, else "exact" (the fingerprint). The
 * {@code token_mismatch} check is appended when it fired.
 */
final class MatchKinds {
    private final Map<String, String> idByToken = new HashMap<>();
    private final Map<String, Set<String>> idsByAccount = new HashMap<>();

    String classify(Evaluation evaluation, String token, Optional<String> account) {
        String id = evaluation.device().id();
        String kind;
        if (evaluation.device().isNew()) {
            // A new device for a token that already had one: taken off a device it shared (DeviceResolver.separate).
            kind = idByToken.containsKey(token) ? "separated" : "new";
        }
        else if (evaluation.device().confidence() < 1) {
            kind = account.map(idsByAccount::get).filter(ids -> ids.contains(id)).isPresent() ? "fuzzy in account" : "fuzzy app-wide";
        }
        else {
            kind = id.equals(idByToken.get(token)) ? "token" : "exact";
        }
        boolean mismatch = Boolean.TRUE.equals(evaluation.checks().get("token_mismatch"));
        if (!mismatch) {
            idByToken.put(token, id);
        }
        account.ifPresent(name -> idsByAccount.computeIfAbsent(name, a -> new HashSet<>()).add(id));
        return mismatch ? kind + " (token_mismatch)" : kind;
    }
}

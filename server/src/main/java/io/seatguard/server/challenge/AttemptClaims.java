package io.seatguard.server.challenge;

import io.seatguard.core.challenge.Challenge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keys the hosted pages count a challenge's attempts by, in one place: the pages take tokens from them,
 * and an erasure drops the buckets they name.
 */
final class AttemptClaims {
    private static final List<String> CHANNELS = List.of("email", "sms");

    private AttemptClaims() {}

    /** The per-account limits' key: the app's own ({@link Challenge#limitKey}). */
    static String account(Challenge challenge) {
        return challenge.appId() + '|' + challenge.limitKey();
    }

    /** The per-recipient limit's key: the app's, the channel, and the address lower-cased (empty when none). */
    static String recipient(Challenge challenge, String channel) {
        String to = challenge.destination(channel).map(address -> address.toLowerCase(Locale.ROOT)).orElse("");
        return challenge.appId() + '|' + channel + ':' + to;
    }

    /**
     * Every bucket an erased account's challenges counted in, and its own id's (whose challenges retention
     * may have pruned already): per-account sends and checks, and its recipients' sends. A recipient's
     * bucket counts every account of the app that sent to the address, so the erasure gives the address its
     * full count back; the app that erased the account is the only one that can.
     */
    static List<AttemptLimits.Claim> ofErasedAccount(String appId, String userId, List<Challenge> challenges) {
        Set<String> accounts = new LinkedHashSet<>();
        accounts.add(appId + '|' + Challenge.userKey(userId));
        Set<String> recipients = new LinkedHashSet<>();
        for (Challenge challenge : challenges) {
            accounts.add(account(challenge));
            for (String channel : CHANNELS) {
                if (challenge.destination(channel).isPresent()) {
                    recipients.add(recipient(challenge, channel));
                }
            }
        }
        List<AttemptLimits.Claim> claims = new ArrayList<>();
        for (String account : accounts) {
            claims.add(new AttemptLimits.Claim(AttemptLimits.VERIFY_PER_ACCOUNT, account));
            claims.add(new AttemptLimits.Claim(AttemptLimits.SEND_PER_ACCOUNT, account));
        }
        recipients.forEach(recipient -> claims.add(new AttemptLimits.Claim(AttemptLimits.SEND_PER_RECIPIENT, recipient)));
        return claims;
    }
}

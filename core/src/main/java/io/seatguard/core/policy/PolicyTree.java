package io.seatguard.core.policy;

import io.seatguard.core.evaluation.Verdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A definition as a JSON tree, in the shape {@link PolicyParser} reads: what the API answers and what
 * storage keeps. {@link #read} decodes a tree this class wrote without validating it again, so a stored
 * policy stays readable even if a later version stops offering one of its checks (it then stays unknown).
 */
public final class PolicyTree {
    private PolicyTree() {}

    public static Map<String, Object> of(PolicyDefinition definition) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", definition.name());
        tree.put("enabled", definition.enabled());
        tree.put("mode", definition.mode().wireName());
        tree.put("priority", definition.priority());
        tree.put("actions", definition.actions());
        tree.put("conditions", condition(definition.conditions()));
        tree.put("verdict", definition.verdict().wireName());
        definition.challenge().ifPresent(challenge -> tree.put("challenge", challenge(challenge)));
        if (!definition.notifyChannels().isEmpty()) {
            tree.put("notify", Map.of("channels", definition.notifyChannels()));
        }
        return tree;
    }

    public static Map<String, Object> condition(Condition condition) {
        return switch (condition) {
            case Condition.All all -> Map.of("all", all.children().stream().map(PolicyTree::condition).toList());
            case Condition.Any any -> Map.of("any", any.children().stream().map(PolicyTree::condition).toList());
            case Condition.Not not -> Map.of("not", condition(not.child()));
            case Condition.Leaf leaf -> {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("check", leaf.field());
                node.put("op", leaf.op().wireName());
                node.put("value", wholeNumbers(leaf.value()));
                yield node;
            }
        };
    }

    private static Map<String, Object> challenge(ChallengeConfig challenge) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("type", challenge.type().wireName());
        if (challenge.type() == ChallengeType.VERIFICATION) {
            tree.put("channels", challenge.channels());
        }
        challenge.deviceLimit().ifPresent(limit -> tree.put("device_limit", limit));
        challenge.successUrl().ifPresent(url -> tree.put("success_url", url));
        challenge.logoutUrl().ifPresent(url -> tree.put("logout_url", url));
        tree.put("expires_in_seconds", challenge.expiresIn().toSeconds());
        return tree;
    }

    /**
     * Numbers are held as doubles; a whole one is written back as the integer its author typed. Every
     * whole double up to 2^53 is exact (a policy holds none beyond it), so it reads back as typed.
     */
    public static Object wholeNumbers(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= 0x1p53) {
            return d.longValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PolicyTree::wholeNumbers).toList();
        }
        return value;
    }

    /** Decodes a tree written by {@link #of}; for stored policies only, which were validated when written. */
    public static PolicyDefinition read(Map<?, ?> tree) {
        Optional<ChallengeConfig> challenge = Optional.ofNullable((Map<?, ?>) tree.get("challenge")).map(PolicyTree::readChallenge);
        return new PolicyDefinition(
                (String) tree.get("name"),
                (Boolean) tree.get("enabled"),
                PolicyMode.fromWireName((String) tree.get("mode")).orElseThrow(),
                ((Number) tree.get("priority")).intValue(),
                ((List<?>) tree.get("actions")).stream().map(String.class::cast).toList(),
                readCondition((Map<?, ?>) tree.get("conditions")),
                Verdict.fromWireName((String) tree.get("verdict")),
                challenge,
                tree.get("notify") instanceof Map<?, ?> notify
                        ? ((List<?>) notify.get("channels")).stream().map(String.class::cast).toList()
                        : List.of());
    }

    private static Condition readCondition(Map<?, ?> node) {
        if (node.containsKey("all")) {
            return new Condition.All(((List<?>) node.get("all")).stream().map(child -> readCondition((Map<?, ?>) child)).toList());
        }
        if (node.containsKey("any")) {
            return new Condition.Any(((List<?>) node.get("any")).stream().map(child -> readCondition((Map<?, ?>) child)).toList());
        }
        if (node.containsKey("not")) {
            return new Condition.Not(readCondition((Map<?, ?>) node.get("not")));
        }
        return new Condition.Leaf((String) node.get("check"), Operator.fromWireName((String) node.get("op")).orElseThrow(), doubles(node.get("value")));
    }

    /** Numbers are held as doubles in memory whatever the JSON reader made of them. */
    private static Object doubles(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PolicyTree::doubles).toList();
        }
        return value;
    }

    private static ChallengeConfig readChallenge(Map<?, ?> tree) {
        Object limit = tree.get("device_limit");
        Object channels = tree.get("channels");
        return new ChallengeConfig(
                ChallengeType.fromWireName((String) tree.get("type")).orElseThrow(),
                channels == null ? List.of() : ((List<?>) channels).stream().map(String.class::cast).toList(),
                limit == null ? OptionalInt.empty() : OptionalInt.of(((Number) limit).intValue()),
                Optional.ofNullable((String) tree.get("success_url")),
                Optional.ofNullable((String) tree.get("logout_url")),
                Duration.ofSeconds(((Number) tree.get("expires_in_seconds")).longValue()));
    }
}

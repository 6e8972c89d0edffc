package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A Lua script run by its digest, sent whole again when Redis no longer knows it. Redis keeps loaded
 * scripts in memory only: after a restart (the machine's Redis keeps nothing on disk) or a {@code SCRIPT
 * FLUSH}, every {@code EVALSHA} fails with NOSCRIPT, and without this presence would stay broken until
 * Seatguard itself restarted. {@code EVAL} loads the script again for the next digest call.
 */
final class RedisScript {
    private final String source;
    private final String sha;

    private RedisScript(String source, String sha) {
        this.source = source;
        this.sha = sha;
    }

    static RedisScript load(RedisCommands<String, String> redis, String source) {
        requireNonNull(source, "source is null");
        return new RedisScript(source, redis.scriptLoad(source));
    }

    <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... arguments) {
        try {
            return redis.evalsha(sha, type, keys, arguments);
        }
        catch (RedisNoScriptException e) {
            return redis.eval(source, type, keys, arguments);
        }
    }
}

package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScoredValueScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.event.command.CommandListener;
import io.seatguard.core.presence.Presence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Presence shared by every server node through Redis. Each account is one hash,
 * {@code seatguard:presence:<app>:<length>:<user>}, with a field per session holding
 * {@code lastSeenMillis|deviceId|deviceType|ip}, followed by {@code |v} once a vouched evaluation touched it
 * ({@link LiveSession#vouched}); the hash expires a window after its last touch, and
 * expired fields are dropped when the account is read (by a script that checks each again, so a heartbeat
 * landing between the read and the delete is kept). A touch is one Lua script, so a late heartbeat
 * never moves a session's last sign of life backwards, whichever node it reaches; the script also keeps
 * the hash at {@link #MAX_SESSIONS_PER_ACCOUNT} fields ({@code PUT_LIVE}). Each app also keeps a
 * sorted set, {@code seatguard:presence-app:<app>}, of its sessions scored by last sign of life, so the
 * dashboard counts the live ones with one ZCOUNT instead of scanning every account, and the touch script
 * refuses a new unvouched session once it holds the app's cap ({@link Presence#DEFAULT_MAX_LIVE_PER_APP}). Which sessions an
 * allowed evaluation opened, and on which device, is one key per session,
 * {@code seatguard:presence-opened:<app>:<length>:<user>:<session>}, holding {@code lastSeenMillis|deviceId|deviceType},
 * followed by {@code |v} too when vouched, and expiring {@link #OPENED_MEMORY} after the session's last sign
 * of life: a heartbeat resumes only those ({@link #resume}). A session's end is a key of its own too,
 * {@code seatguard:presence-ended:<app>:<length>:<user>:<session>}, holding {@code endedMillis|deviceId},
 * outside the hash and so outside its cap, kept a window, or {@link #OPENED_MEMORY} when a logout ended
 * it (then it names the session's device, {@code END}). Each account's index,
 * {@code seatguard:presence-index:<app>:<length>:<user>}, lists the sessions whose opening, or end naming a
 * device, is kept, written by the script that writes the key ({@code INDEX}): an erasure reads it rather
 * than walk Redis's keys ({@link #forgetOpenings}). The sessions the app's cap refused whose openings wait
 * for room are a sorted set, {@code seatguard:presence-waiting:<app>}, bounded ({@code WAITING}): a
 * flood the cap refuses leaves at most {@link Presence#MAX_WAITING_PER_APP} openings behind.
 *
 * <p>Without the mark a session reads as unvouched. That is how entries written by the release before the
 * mark read, during a rolling upgrade and until those sessions' next evaluations: they may be sessions
 * made up with the public client id, and the reading that cannot get an owner refused is the one to take
 * (a sharer's session among them goes unseen by vouched evaluations until its next page view). Unvouched
 * sessions are written as that release wrote them, so its nodes read them unchanged; a vouched one reads
 * there as one whose network is unknown (never concurrent), is refreshed there as unvouched, and is not
 * resumed there (its next evaluation opens it again).
 */
public final class RedisPresence implements Presence, AutoCloseable {
    /**
     * Lists the session in the account's index (a sorted set, {@link #indexKey}) until {@code key}, its
     * opening or its logout's end just written, expires: the member's score is that moment by Redis's
     * clock, late rather than early (TIME is read after the key's PTTL, and a millisecond is added for its
     * rounding down), so no entry goes while its key is there. A higher score stands (the session's
     * other key may live longer). Members past their score go on the way, so the index holds what is
     * still there, and it expires with the last of them. Written in the script that writes the key: there
     * is no moment when the key is there and the index does not list it.
     */
    private static final String INDEX = """
            local function index(indexKey, session, key)
              local ttl = redis.call('PTTL', key)
              if ttl <= 0 then return end
              local time = redis.call('TIME')
              local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
              redis.call('ZADD', indexKey, 'GT', now + ttl + 1, session)
              redis.call('ZREMRANGEBYSCORE', indexKey, '-inf', now)
              if redis.call('PTTL', indexKey) < ttl + 1 then redis.call('PEXPIRE', indexKey, ttl + 1) end
            end
            """;

    /**
     * Puts the session live with {@code payload} (device|type|ip) at ARGV[2] and keeps the account at the
     * cap (ARGV[6]). Past it, a field that holds no live session goes first (an end mark left for older
     * nodes, the end itself being a key of its own; an expired or malformed field); else the oldest session of the device holding the most (on a tie, the one with the
     * oldest sign of life), so one device opening sessions by the hundred pushes out its own; and when no
     * device holds two, the session being put (ARGV[1]) is the one that goes, so a hundred made-up devices
     * cannot push out the owner's live tab ({@link Presence#MAX_SESSIONS_PER_ACCOUNT}). The walk is of at
     * most the cap's fields, made only when one beyond it arrives. The end of TOUCH and RESUME, which
     * differ in where the device comes from; 1 when the session is live, 0 when the cap kept it out.
     * Before any of that, a new unvouched session (no mark, and no field live at ARGV[2]) is refused, 2,
     * when the app's sorted set, its expired members dropped, holds ARGV[10] sessions already
     * ({@link Presence#DEFAULT_MAX_LIVE_PER_APP}): counted in the script, so nodes touching at once cannot
     * together take the app past its cap, and with ZCARD, which costs the same however many there are.
     * A function, so that TOUCH and RESUME keep the app's waiting sessions by its answer ({@code WAITING}).
     */
    private static final String PUT_LIVE = """
            local function putLive(payload)
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[2]) - tonumber(ARGV[4]))
            if string.sub(payload, -2) ~= '|v' then
              local was = redis.call('HGET', KEYS[1], ARGV[1])
              local wasSeen = was and tonumber(string.match(was, '^(%d+)|'))
              local live = wasSeen and wasSeen + tonumber(ARGV[4]) > tonumber(ARGV[2])
              if not live and redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[10]) then return 2 end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. payload)
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            if redis.call('HLEN', KEYS[1]) > tonumber(ARGV[6]) then
              local fields = redis.call('HGETALL', KEYS[1])
              local at, window = tonumber(ARGV[2]), tonumber(ARGV[4])
              local idle, held, oldest, oldestSeen = nil, {}, {}, {}
              for i = 1, #fields, 2 do
                local seen, device = string.match(fields[i + 1], '^(%d+)|([^|]*)|[^|]*|')
                seen = tonumber(seen)
                if seen == nil or seen + window <= at then
                  idle = fields[i]
                else
                  held[device] = (held[device] or 0) + 1
                  if oldestSeen[device] == nil or seen < oldestSeen[device] then oldest[device], oldestSeen[device] = fields[i], seen end
                end
              end
              local out = idle
              if out == nil then
                local busiest = nil
                for device, count in pairs(held) do
                  if count > 1 and (busiest == nil or count > held[busiest] or (count == held[busiest] and oldestSeen[device] < oldestSeen[busiest])) then
                    busiest = device
                  end
                end
                if busiest then out = oldest[busiest] else out = ARGV[1] end
              end
              redis.call('HDEL', KEYS[1], out)
              redis.call('ZREM', KEYS[2], ARGV[7] .. out)
              if out == ARGV[1] then return 0 end
            end
            return 1
            end
            """;

    /**
     * Keeps the app's waiting sessions, KEYS[6] (a sorted set of {@code <length>:<user>:<session>} scored
     * by when each was last refused, the refusal's own time, as in memory), after PUT_LIVE answered {@code result} for the session (ARGV[5]):
     * one the app's cap refused (2) joins them when its opening is {@code new} (else only its score moves,
     * if it is there); past ARGV[11] the ones refused longest ago go, their openings (ARGV[12] and the
     * member) and their place in their accounts' indexes (ARGV[13], the length and the user) with them,
     * so a flood the cap refuses leaves at most that many ({@link Presence#MAX_WAITING_PER_APP}). One
     * kept leaves them, its opening now an ordinary one. The keys of the ones that go are made here from
     * their members: they are known only once the set says which go. A member's length prefix counts the
     * user id in UTF-16 units (Java's {@code String.length()}, {@link #member}), which Lua sees as UTF-8
     * bytes, so {@code userBytes} walks the id to find where it ends: cut at the prefix's count of bytes,
     * an id beyond ASCII named another index, and each such account's stayed {@link #OPENED_MEMORY}.
     */
    private static final String WAITING = """
            local function userBytes(text, units)
              local at = 1
              while units > 0 and at <= #text do
                local byte = string.byte(text, at)
                if byte >= 0xF0 then at, units = at + 4, units - 2
                elseif byte >= 0xE0 then at, units = at + 3, units - 1
                elseif byte >= 0xC0 then at, units = at + 2, units - 1
                else at, units = at + 1, units - 1 end
              end
              return at - 1
            end
            local function waiting(result, new)
              if result ~= 2 then
                redis.call('ZREM', KEYS[6], ARGV[5])
                return result
              end
              local at = tonumber(ARGV[2])
              if not new then
                redis.call('ZADD', KEYS[6], 'XX', 'GT', at, ARGV[5])
                return result
              end
              redis.call('ZADD', KEYS[6], at, ARGV[5])
              redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', at - tonumber(ARGV[8]))
              if redis.call('PTTL', KEYS[6]) < tonumber(ARGV[8]) then redis.call('PEXPIRE', KEYS[6], ARGV[8]) end
              local over = redis.call('ZCARD', KEYS[6]) - tonumber(ARGV[11])
              if over > 0 then
                local gone = redis.call('ZPOPMIN', KEYS[6], over)
                for i = 1, #gone, 2 do
                  local length, rest = string.match(gone[i], '^(%d+):(.*)$')
                  if length then
                    local bytes = userBytes(rest, tonumber(length))
                    redis.call('DEL', ARGV[12] .. gone[i])
                    redis.call('ZREM', ARGV[13] .. length .. ':' .. string.sub(rest, 1, bytes), string.sub(rest, bytes + 2))
                  end
                end
              end
              return result
            end
            """;

    /**
     * An allowed evaluation's touch: live unless ended at or after ARGV[2] (KEYS[4], or an end mark in the
     * hash, which the release before KEYS[4] wrote) or seen later already, and its opening
     * (ARGV[2]|device|type, ARGV[9]) remembered in KEYS[3] for ARGV[8] ms, and listed in the account's
     * index (KEYS[5]). A touch after the end removes it.
     */
    private static final String TOUCH = INDEX + PUT_LIVE + WAITING + """
            local endedMark = redis.call('GET', KEYS[4])
            local endedAt = endedMark and tonumber(string.match(endedMark, '^(%d+)'))
            if endedAt and endedAt >= tonumber(ARGV[2]) then return 0 end
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if current then
              local ended = tonumber(string.match(current, '^E(%d+)$'))
              if ended and ended >= tonumber(ARGV[2]) then return 0 end
              local seen = tonumber(string.match(current, '^(%d+)|'))
              if seen and seen > tonumber(ARGV[2]) then return 0 end
            end
            local payload = ARGV[3]
            local openedPayload = ARGV[9]
            local openedBefore = redis.call('GET', KEYS[3])
            if string.sub(payload, -2) ~= '|v' then
              -- Once vouched for, live or still remembered, a session stays so (Presence#touch).
              local live = current or ''
              local remembered = openedBefore or ''
              if string.sub(live, -2) == '|v' or string.sub(remembered, -2) == '|v' then
                payload = payload .. '|v'
                openedPayload = openedPayload .. '|v'
              end
            end
            redis.call('SET', KEYS[3], ARGV[2] .. '|' .. openedPayload, 'PX', ARGV[8])
            index(KEYS[5], ARGV[1], KEYS[3])
            -- Opened again after its end (the tab's next page): the end no longer stands, as in memory. Its
            -- mark in the hash goes too: PUT_LIVE overwrites it, but not when the app's cap refuses the
            -- session, and RESUME would then refuse every heartbeat although the opening stands.
            redis.call('DEL', KEYS[4])
            if current and string.match(current, '^E%d+$') then redis.call('HDEL', KEYS[1], ARGV[1]) end
            return waiting(putLive(payload), not openedBefore)
            """;

    /**
     * A heartbeat's resume: refused by any end (KEYS[4], or a mark in the hash), and unless KEYS[3] remembers the session's opening
     * (seen within ARGV[8] ms of ARGV[2]); live again on the remembered device and type, from ARGV[3],
     * vouched for only if its opening was (the mark after the type). A session seen after ARGV[2] already
     * is live as it is (1), as in memory: the heartbeat's answer says whether the session is live. The
     * opening is listed in the account's index (KEYS[5]) for as long as it is kept: one an older node
     * wrote is listed from now on.
     */
    private static final String RESUME = INDEX + PUT_LIVE + WAITING + """
            if redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if current then
              if string.match(current, '^E%d+$') then return 0 end
              local seen = tonumber(string.match(current, '^(%d+)|'))
              -- Seen later already (a touch from another node landed first): live, and left as it is.
              if seen and seen > tonumber(ARGV[2]) then return 1 end
            end
            local opened = redis.call('GET', KEYS[3])
            if not opened then return 0 end
            local openedSeen, device, kind, mark = string.match(opened, '^(%d+)|([^|]*)|([^|]*)(.*)$')
            if not openedSeen or tonumber(openedSeen) + tonumber(ARGV[8]) <= tonumber(ARGV[2]) then return 0 end
            if tonumber(ARGV[2]) > tonumber(openedSeen) then
              redis.call('SET', KEYS[3], ARGV[2] .. '|' .. device .. '|' .. kind .. mark, 'PX', ARGV[8])
            end
            index(KEYS[5], ARGV[1], KEYS[3])
            return waiting(putLive(device .. '|' .. kind .. '|' .. ARGV[3] .. mark), false)
            """;

    /**
     * Drops the named fields that are still expired (or malformed) when the script runs: live() decides
     * from a read, and a heartbeat from another node may refresh a field between that read and the delete.
     */
    private static final String PRUNE = """
            local cutoff = tonumber(ARGV[1])
            local removed = 0
            for i = 2, #ARGV do
              local current = redis.call('HGET', KEYS[1], ARGV[i])
              if current then
                local seen = tonumber(string.match(current, '^E(%d+)$')) or tonumber(string.match(current, '^(%d+)|'))
                local _, pipes = string.gsub(current, '|', '|')
                local ended = string.sub(current, 1, 1) == 'E'
                if seen == nil or (pipes < 3 and not ended) or seen <= cutoff then
                  redis.call('HDEL', KEYS[1], ARGV[i])
                  removed = removed + 1
                end
              end
            end
            return removed
            """;

    /**
     * Moves a live session's last sign of life to ARGV[2] and its network to ARGV[3], keeping its device,
     * type and vouched mark, and the memory of its opening (KEYS[3]) a memory (ARGV[6] ms) from then;
     * answers the session's device, or nil when the session is not live (no field, an end mark, or last
     * seen a window ago). The opening kept longer is listed in the account's index (KEYS[5]) as long.
     */
    private static final String REFRESH = INDEX + """
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if not current then return false end
            local seen, device, kind, mark = string.match(current, '^(%d+)|([^|]*)|([^|]*)|[^|]*(.*)$')
            if not seen then return false end
            seen = tonumber(seen)
            if seen + tonumber(ARGV[4]) <= tonumber(ARGV[2]) then return false end
            if seen >= tonumber(ARGV[2]) then return device end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. device .. '|' .. kind .. '|' .. ARGV[3] .. mark)
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            local opened = redis.call('GET', KEYS[3])
            local openedSeen, rest = nil, nil
            if opened then openedSeen, rest = string.match(opened, '^(%d+)|(.*)$') end
            if openedSeen and tonumber(openedSeen) < tonumber(ARGV[2]) then
              redis.call('SET', KEYS[3], ARGV[2] .. '|' .. rest, 'PX', ARGV[6])
              index(KEYS[5], ARGV[1], KEYS[3])
            end
            return device
            """;

    /**
     * Marks a session ended at ARGV[2] in its own key, KEYS[3] ({@code endedMillis|deviceId}; a later end
     * stays), and forgets its opening (KEYS[2]), so no heartbeat resumes it however late. An end because the
     * device was logged out (ARGV[5] = 1) names the device, the opening's (else the live field's), and is
     * kept {@link #OPENED_MEMORY} (ARGV[4] ms) from the end, for a heartbeat without a token to learn of
     * the logout ({@link #loggedOutOn}); a later end keeps that. Any other end names none and is kept a
     * window (ARGV[3] ms): a touch from before it does not bring the session back.
     * The end is kept apart from the account's hash, whose fields the cap ({@link #MAX_SESSIONS_PER_ACCOUNT})
     * holds: in the hash, a touch past the cap pushed the mark out first and a touch from before the end
     * then brought the session back, and the end of a session the hash did not hold was dropped on a full
     * account. A live field still becomes {@code E<endedMillis>} in place, for nodes of the release before
     * the key during a rolling upgrade; no field is added for an end, so ends never take a session's place,
     * and the mark may go when the cap needs room (the key stands). An end that names a device is listed
     * in the account's index (KEYS[4]), for an erasure to find; no other end needs to be. The session
     * no longer waits among the app's refused ones (KEYS[5], ARGV[6] its member; {@code WAITING}).
     */
    private static final String END = INDEX + """
            local at = tonumber(ARGV[2])
            local opened = redis.call('GET', KEYS[2])
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            local previous = redis.call('GET', KEYS[3])
            local device = nil
            if ARGV[5] == '1' then
              device = opened and string.match(opened, '^%d+|([^|]*)|')
              if not device and current then device = string.match(current, '^%d+|([^|]*)|') end
            end
            local ttl = tonumber(ARGV[3])
            if previous then
              local previousAt, previousDevice = string.match(previous, '^(%d+)|?(.*)$')
              if previousAt and tonumber(previousAt) > at then at = tonumber(previousAt) end
              if not device and previousDevice ~= nil and previousDevice ~= '' then device = previousDevice end
              ttl = math.max(ttl, redis.call('PTTL', KEYS[3]))
            end
            if device then ttl = math.max(ttl, tonumber(ARGV[4])) else device = '' end
            redis.call('SET', KEYS[3], at .. '|' .. device, 'PX', ttl)
            if device ~= '' then index(KEYS[4], ARGV[1], KEYS[3]) end
            redis.call('DEL', KEYS[2])
            redis.call('ZREM', KEYS[5], ARGV[6])
            if not current then return 1 end
            local ended = tonumber(string.match(current, '^E(%d+)$'))
            if ended and ended >= at then return 1 end
            redis.call('HSET', KEYS[1], ARGV[1], 'E' .. at)
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
            return 1
            """;

    /**
     * Forgets the erased account's sessions ARGV[i + 2]: deletes each one's opening (KEYS[2i]), and its end
     * mark (KEYS[2i+1]) keeps its time and expiry but no longer names a device (a logout's end named it
     * for {@link #loggedOutOn}, {@code END}); each then leaves the account's index (KEYS[1]). When ARGV[1]
     * is 1, each one's live field in the account's hash (KEYS[#KEYS - 1]) goes too, and its member (ARGV[2]
     * followed by the session) of the app's sorted set (KEYS[#KEYS]): a touch is one script, so a session
     * is then either wholly forgotten or, touched after, wholly kept ({@link #endAll}). An end mark an
     * older release left in the hash stays. Answers how many sessions there were.
     */
    private static final String ERASE = """
            local hash, app = KEYS[#KEYS - 1], KEYS[#KEYS]
            for i = 1, #ARGV - 2 do
              local session = ARGV[i + 2]
              redis.call('DEL', KEYS[2 * i])
              local endKey = KEYS[2 * i + 1]
              local mark = redis.call('GET', endKey)
              local at = mark and string.match(mark, '^(%d+)|.+$')
              local ttl = redis.call('PTTL', endKey)
              if at and ttl > 0 then redis.call('SET', endKey, at .. '|', 'PX', ttl) end
              redis.call('ZREM', KEYS[1], session)
              if ARGV[1] == '1' then
                local live = redis.call('HGET', hash, session)
                if live and string.match(live, '^%d+|') then
                  redis.call('HDEL', hash, session)
                  redis.call('ZREM', app, ARGV[2] .. session)
                end
              end
            end
            return #ARGV - 2
            """;

    /** Sessions one run of {@code ERASE} forgets: an account with thousands is erased in several, none holding Redis long. */
    static final int ERASE_BATCH = 500;

    /**
     * The last part of a session's payload (and of its opening) once a vouched evaluation touched it; any
     * other last part, or none, reads as unvouched. Appended only then, so an unvouched session is stored
     * exactly as before the mark existed.
     */
    private static final String VOUCHED = "v";

    private final RedisLink<String, String> link;
    private final RedisCommands<String, String> redis;
    private final Duration window;
    private final RedisScript touchScript;
    private final RedisScript resumeScript;
    private final RedisScript pruneScript;
    private final RedisScript endScript;
    private final RedisScript refreshScript;
    private final RedisScript eraseScript;
    private final UnindexedOpenings unindexed;
    /** The most live sessions an app keeps before a new unvouched one is refused ({@code PUT_LIVE}). */
    private final long maxLivePerApp;
    /** The most sessions the app's cap refused whose openings wait for room ({@link Presence#MAX_WAITING_PER_APP}, {@code WAITING}). */
    private final long maxWaitingPerApp;
    /** New unvouched sessions this node's touches and resumes were refused past the app's cap. */
    private final LongAdder refusedOverAppCap = new LongAdder();

    private RedisPresence(RedisLink<String, String> link, Duration window, long maxLivePerApp, String indexedSinceKey) {
        this.link = link;
        this.redis = link.connection().sync();
        this.window = window;
        this.maxLivePerApp = maxLivePerApp;
        this.maxWaitingPerApp = Math.min(maxLivePerApp, MAX_WAITING_PER_APP);
        this.touchScript = RedisScript.load(redis, TOUCH);
        this.resumeScript = RedisScript.load(redis, RESUME);
        this.pruneScript = RedisScript.load(redis, PRUNE);
        this.endScript = RedisScript.load(redis, END);
        this.refreshScript = RedisScript.load(redis, REFRESH);
        this.eraseScript = RedisScript.load(redis, ERASE);
        this.unindexed = UnindexedOpenings.since(redis, indexedSinceKey);
    }

    /** Connects to {@code redis://host:port[/db]}; commands time out after two seconds. */
    public static RedisPresence connect(String url, Duration window) {
        return connect(url, window, DEFAULT_MAX_LIVE_PER_APP);
    }

    /** With the most live sessions an app keeps before it refuses new unvouched ones ({@link Presence#DEFAULT_MAX_LIVE_PER_APP}). */
    public static RedisPresence connect(String url, Duration window, long maxLivePerApp) {
        return connect(url, window, maxLivePerApp, UnindexedOpenings.INDEXED_SINCE_KEY, List.of());
    }

    /**
     * With another key saying since when nodes index ({@link UnindexedOpenings}), and listeners told of
     * every command sent: for tests, which share one Redis.
     */
    static RedisPresence connect(String url, Duration window, String indexedSinceKey, List<CommandListener> listeners) {
        return connect(url, window, DEFAULT_MAX_LIVE_PER_APP, indexedSinceKey, listeners);
    }

    static RedisPresence connect(String url, Duration window, long maxLivePerApp, String indexedSinceKey, List<CommandListener> listeners) {
        requireNonNull(url, "url is null");
        requireNonNull(window, "window is null");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (maxLivePerApp < 1) {
            throw new IllegalArgumentException("maxLivePerApp must be positive: " + maxLivePerApp);
        }
        return RedisLink.open(url, StringCodec.UTF8, RedisLink.PROBE_INTERVAL, listeners)
                .build(link -> new RedisPresence(link, window, maxLivePerApp, indexedSinceKey));
    }

    /** Its link's state, for readiness and metrics. */
    public RedisHealth health() {
        return link;
    }

    @Override
    public void touch(String appId, String userId, LiveSession session) {
        String device = session.deviceId() + '|' + session.deviceType();
        String mark = session.vouched() ? "|" + VOUCHED : "";
        Long touched = link.call(() -> touchScript.run(redis, ScriptOutputType.INTEGER, keys(appId, userId, session.sessionId()), session.sessionId(),
                Long.toString(session.lastSeen().toEpochMilli()), device + '|' + session.ip() + mark, Long.toString(window.toMillis()),
                member(userId, session.sessionId()), Integer.toString(MAX_SESSIONS_PER_ACCOUNT), member(userId, ""),
                Long.toString(OPENED_MEMORY.toMillis()), device + mark, Long.toString(maxLivePerApp), Long.toString(maxWaitingPerApp),
                openedKeyPrefix(appId), indexKeyPrefix(appId)));
        countRefusal(touched);
    }

    /** PUT_LIVE answers 2 when the app's cap refused the session. */
    private void countRefusal(Long answer) {
        if (answer != null && answer == 2L) {
            refusedOverAppCap.increment();
        }
    }

    @Override
    public long refusedOverAppCap() {
        return refusedOverAppCap.sum();
    }

    @Override
    public Optional<OpenedSession> opened(String appId, String userId, String sessionId, Instant now) {
        String opened = link.call(() -> redis.get(openedKey(appId, userId, sessionId)));
        if (opened == null) {
            return Optional.empty();
        }
        String[] parts = opened.split("\\|", 4);
        if (parts.length < 3 || Instant.ofEpochMilli(Long.parseLong(parts[0])).plus(OPENED_MEMORY).compareTo(now) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new OpenedSession(parts[1], parts[2], parts.length == 4 && VOUCHED.equals(parts[3])));
    }

    @Override
    public boolean resume(String appId, String userId, String sessionId, String ip, Instant at) {
        // ARGV[9] is TOUCH's alone (the opening's payload): the app's cap is ARGV[10] in both, WAITING's ARGV[11..13] too.
        Long resumed = link.call(() -> resumeScript.run(redis, ScriptOutputType.INTEGER, keys(appId, userId, sessionId), sessionId,
                Long.toString(at.toEpochMilli()), ip, Long.toString(window.toMillis()), member(userId, sessionId),
                Integer.toString(MAX_SESSIONS_PER_ACCOUNT), member(userId, ""), Long.toString(OPENED_MEMORY.toMillis()), "",
                Long.toString(maxLivePerApp), Long.toString(maxWaitingPerApp), openedKeyPrefix(appId), indexKeyPrefix(appId)));
        countRefusal(resumed);
        return resumed != null && resumed == 1L;
    }

    /**
     * The account's hash, the app's sorted set, the session's opening and its end, the account's index,
     * and the app's waiting sessions, as TOUCH, RESUME and REFRESH take them.
     */
    private static String[] keys(String appId, String userId, String sessionId) {
        return new String[] {key(appId, userId), appKey(appId), openedKey(appId, userId, sessionId), endedKey(appId, userId, sessionId),
                indexKey(appId, userId), waitingKey(appId)};
    }

    @Override
    public Optional<String> refresh(String appId, String userId, String sessionId, String ip, Instant at) {
        String device = link.call(() -> refreshScript.run(redis, ScriptOutputType.VALUE, keys(appId, userId, sessionId), sessionId,
                Long.toString(at.toEpochMilli()), ip, Long.toString(window.toMillis()), member(userId, sessionId),
                Long.toString(OPENED_MEMORY.toMillis())));
        return Optional.ofNullable(device);
    }

    @Override
    public Optional<String> loggedOutOn(String appId, String userId, String sessionId, Instant now) {
        String ended = link.call(() -> redis.get(endedKey(appId, userId, sessionId)));
        if (ended == null) {
            return Optional.empty();
        }
        String[] parts = ended.split("\\|", 2);
        if (parts.length < 2 || parts[1].isEmpty() || Instant.ofEpochMilli(Long.parseLong(parts[0])).plus(OPENED_MEMORY).compareTo(now) <= 0) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    /**
     * The end is a key of its own ({@code END}): a touch from before it then leaves the session ended (the
     * touch script), and it goes once a window has passed, as a session would. A live field becomes a mark
     * of the end ({@code E<endedMillis>}) for older nodes.
     */
    @Override
    public void end(String appId, String userId, String sessionId, Instant at) {
        end(appId, userId, sessionId, at, false);
    }

    @Override
    public void endLoggedOut(String appId, String userId, String sessionId, Instant at) {
        end(appId, userId, sessionId, at, true);
    }

    private void end(String appId, String userId, String sessionId, Instant at, boolean loggedOut) {
        String key = key(appId, userId);
        link.call(() -> {
            endScript.run(redis, ScriptOutputType.INTEGER,
                    new String[] {key, openedKey(appId, userId, sessionId), endedKey(appId, userId, sessionId), indexKey(appId, userId),
                            waitingKey(appId)},
                    sessionId, Long.toString(at.toEpochMilli()), Long.toString(window.toMillis()), Long.toString(OPENED_MEMORY.toMillis()),
                    loggedOut ? "1" : "0", member(userId, sessionId));
            return redis.zrem(appKey(appId), member(userId, sessionId));
        });
    }

    @Override
    public long liveSessions(String appId, Instant now) {
        // Live means seen after now - window, as in live(): the lower bound is exclusive.
        return link.call(() -> redis.zcount(appKey(appId),
                io.lettuce.core.Range.create((double) (now.toEpochMilli() - window.toMillis() + 1), Double.POSITIVE_INFINITY)));
    }

    @Override
    public List<LiveSession> live(String appId, String userId, Instant now) {
        return link.call(() -> liveOnce(appId, userId, now));
    }

    private List<LiveSession> liveOnce(String appId, String userId, Instant now) {
        String key = key(appId, userId);
        List<LiveSession> live = new ArrayList<>();
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, String> field : redis.hgetall(key).entrySet()) {
            if (field.getValue().startsWith("E")) {
                // An ended session's mark: never live; it goes a window after the end.
                if (endedLongAgo(field.getValue(), now)) {
                    expired.add(field.getKey());
                }
                continue;
            }
            String[] parts = field.getValue().split("\\|", 5);
            if (parts.length < 4) {
                expired.add(field.getKey());
                continue;
            }
            Instant lastSeen = Instant.ofEpochMilli(Long.parseLong(parts[0]));
            if (lastSeen.plus(window).isAfter(now)) {
                live.add(new LiveSession(field.getKey(), parts[1], parts[2], parts[3], lastSeen, parts.length == 5 && VOUCHED.equals(parts[4])));
            }
            else {
                expired.add(field.getKey());
            }
        }
        if (!expired.isEmpty()) {
            prune(key, now, expired);
        }
        return live;
    }

    private boolean endedLongAgo(String mark, Instant now) {
        try {
            return Long.parseLong(mark.substring(1)) + window.toMillis() <= now.toEpochMilli();
        }
        catch (NumberFormatException e) {
            return true;
        }
    }

    /** Deletes those of {@code fields} that are still expired at {@code now}; answers how many went. */
    long prune(String key, Instant now, List<String> fields) {
        String[] arguments = new String[fields.size() + 1];
        // Expired means last seen + window <= now, i.e. last seen <= now - window.
        arguments[0] = Long.toString(now.toEpochMilli() - window.toMillis());
        for (int i = 0; i < fields.size(); i++) {
            arguments[i + 1] = fields.get(i);
        }
        return pruneScript.run(redis, ScriptOutputType.INTEGER, new String[] {key}, arguments);
    }

    /**
     * The account's sessions whose opening, or logout's end, is kept are those its index lists
     * ({@link #indexKey}), read and forgotten {@link #ERASE_BATCH} at a time, never by a walk over Redis's
     * keys; while keys an older release wrote without listing them may still be there, those are found by
     * that walk too ({@link UnindexedOpenings}). Openings are deleted; ends stay, without the device a
     * logout's named. Its sessions waiting for room under the app's cap go too ({@link #forgetWaiting}).
     */
    @Override
    public void forgetOpenings(String appId, String userId) {
        forget(appId, userId, false);
    }

    /**
     * {@link Presence#endAll}'s steps, each its own script, let a touch (another node's) land between its
     * read of the live sessions and its last forgetting of the openings: the session stayed live with its
     * opening forgotten, a live tab of an erased account that no heartbeat resumes once it lapses (a race
     * test on both nodes found some tens of 2,000 erasures so). The last forgetting here drops the live
     * field of each session it forgets in the same script ({@code ERASE}), so such a session goes wholly,
     * as if touched before the erasure, and one touched after it is not reached, or goes wholly too. Not
     * one script for the whole erasure: a bot's account may hold sessions by the hundred thousand.
     */
    @Override
    public void endAll(String appId, String userId, Instant now) {
        forgetOpenings(appId, userId);
        for (LiveSession session : live(appId, userId, now)) {
            end(appId, userId, session.sessionId(), now);
        }
        forget(appId, userId, true);
    }

    /** {@link #forgetOpenings}, and with {@code dropLive} each forgotten session's live field too ({@code ERASE}). */
    private void forget(String appId, String userId, boolean dropLive) {
        link.call(() -> {
            forgetIndexed(appId, userId, dropLive);
            forgetWaiting(appId, userId);
            if (unindexed.walkDue()) {
                Set<String> sessions = new LinkedHashSet<>(UnindexedOpenings.sessionsNamed(redis, openedKey(appId, userId, "")));
                sessions.addAll(UnindexedOpenings.sessionsNamed(redis, endedKey(appId, userId, "")));
                List<String> all = List.copyOf(sessions);
                for (int from = 0; from < all.size(); from += ERASE_BATCH) {
                    erase(appId, userId, all.subList(from, Math.min(all.size(), from + ERASE_BATCH)), dropLive);
                }
            }
            return null;
        });
    }

    /**
     * A batch at a time from the front of the index, which each batch's {@code ERASE} leaves: a bot may
     * have opened sessions by the hundred thousand, and one answer holding them all would outlast the
     * command timeout. As many as the index listed when the erasure began: sessions opened meanwhile, at
     * its back (the latest to expire), cannot keep it going.
     */
    private void forgetIndexed(String appId, String userId, boolean dropLive) {
        String index = indexKey(appId, userId);
        long listed = redis.zcard(index);
        for (long forgotten = 0; forgotten < listed;) {
            List<String> batch = redis.zrange(index, 0, ERASE_BATCH - 1);
            if (batch.isEmpty()) {
                return;
            }
            erase(appId, userId, batch, dropLive);
            forgotten += batch.size();
        }
    }

    /**
     * Takes the account's sessions out of the app's waiting set ({@code WAITING}), whose members name it: they
     * would otherwise stay until pushed out or the set expired, up to {@link #OPENED_MEMORY} after the
     * erasure, and one whose opening had already expired is in no index. Found by a ZSCAN of that set alone
     * (at most {@link Presence#MAX_WAITING_PER_APP} members, {@link UnindexedOpenings#SCAN_COUNT} at a
     * time), matching the account's member prefix with the user id escaped.
     */
    private void forgetWaiting(String appId, String userId) {
        String waiting = waitingKey(appId);
        ScanArgs args = ScanArgs.Builder.matches(UnindexedOpenings.globEscaped(member(userId, "")) + "*").limit(UnindexedOpenings.SCAN_COUNT);
        ScoredValueScanCursor<String> cursor = redis.zscan(waiting, args);
        while (true) {
            String[] members = cursor.getValues().stream().map(ScoredValue::getValue).toArray(String[]::new);
            if (members.length > 0) {
                redis.zrem(waiting, members);
            }
            if (cursor.isFinished()) {
                return;
            }
            cursor = redis.zscan(waiting, ScanCursor.of(cursor.getCursor()), args);
        }
    }

    private void erase(String appId, String userId, List<String> sessions, boolean dropLive) {
        String[] keys = new String[3 + 2 * sessions.size()];
        keys[0] = indexKey(appId, userId);
        for (int i = 0; i < sessions.size(); i++) {
            keys[1 + 2 * i] = openedKey(appId, userId, sessions.get(i));
            keys[2 + 2 * i] = endedKey(appId, userId, sessions.get(i));
        }
        keys[keys.length - 2] = key(appId, userId);
        keys[keys.length - 1] = appKey(appId);
        String[] arguments = new String[2 + sessions.size()];
        arguments[0] = dropLive ? "1" : "0";
        arguments[1] = member(userId, "");
        for (int i = 0; i < sessions.size(); i++) {
            arguments[2 + i] = sessions.get(i);
        }
        eraseScript.run(redis, ScriptOutputType.INTEGER, keys, arguments);
    }

    /** Length-prefixed user, so no user id can read as another app's or user's key. */
    static String key(String appId, String userId) {
        return "seatguard:presence:" + appId + ':' + userId.length() + ':' + userId;
    }

    /** A session's opening, by an allowed evaluation: {@code at|device|type}, kept {@link #OPENED_MEMORY} after its last sign of life. */
    static String openedKey(String appId, String userId, String sessionId) {
        return openedKeyPrefix(appId) + member(userId, sessionId);
    }

    /** What every session's opening key of the app starts with, for WAITING to make the key of one that goes. */
    private static String openedKeyPrefix(String appId) {
        return "seatguard:presence-opened:" + appId + ':';
    }

    /**
     * A session's end, {@code endedMillis|deviceId}: a touch from before it does not bring the session back,
     * and, after a logout, the device, kept {@link #OPENED_MEMORY} ({@code END}).
     */
    static String endedKey(String appId, String userId, String sessionId) {
        return "seatguard:presence-ended:" + appId + ':' + member(userId, sessionId);
    }

    /**
     * The account's index: a sorted set of the sessions whose opening, or whose end naming a device, is
     * kept, each scored by when (ms, Redis's clock) its key expires ({@code INDEX}), so that an erasure
     * finds them without walking Redis's keys.
     */
    static String indexKey(String appId, String userId) {
        return indexKeyPrefix(appId) + userId.length() + ':' + userId;
    }

    /** What every account's index key of the app starts with, for WAITING to make the index of one that goes. */
    private static String indexKeyPrefix(String appId) {
        return "seatguard:presence-index:" + appId + ':';
    }

    /** The app's sessions waiting for room under its cap, a sorted set ({@code WAITING}). */
    static String waitingKey(String appId) {
        return "seatguard:presence-waiting:" + appId;
    }

    static String appKey(String appId) {
        return "seatguard:presence-app:" + appId;
    }

    /** Length-prefixed user, as in {@link #key}, then the session id. */
    private static String member(String userId, String sessionId) {
        return userId.length() + ":" + userId + ":" + sessionId;
    }

    @Override
    public void close() {
        link.close();
    }
}

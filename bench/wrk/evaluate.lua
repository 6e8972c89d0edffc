-- wrk scenario: varied browser-mode POST /v3/evaluate (issue 2).
--
--   wrk -t2 -c64 -d30s --latency -s bench/wrk/evaluate.lua http://127.0.0.1:8080 -- pk_...
--
-- The client id comes from the first script argument (after "--") or from the
-- environment variable SEATGUARD_CLIENT_ID.
--
-- Traffic model (every knob below can be changed by environment variable):
--   EVAL_USERS      existing accounts, "user-<n>"                  (default 50000)
--   EVAL_DEVICES    browsers/devices, each with its own token and   (default 100000)
--                   ~22 stable fingerprint components; devices
--                   0..USERS-1 are each user's main device, the
--                   others are extra devices of random users (so
--                   ~37% of users have 1 device, ~37% 2, ~26% 3+)
--   EVAL_HOT_PCT    share of requests that go to the "hot" 20% of   (default 80)
--                   devices (returning users); the rest pick any device
--   EVAL_ACTION_MIX percentages "access,login,signup"               (default 70,25,5)
--                   A signup is a new account (user-<n>, n >= USERS)
--                   on a device never seen before.
--   EVAL_STUFFING_PCT share of requests sent by one bot: logins on    (default 0)
--                   device 0 (its token, components, User-Agent and
--                   addresses) into random accounts, as credential
--                   stuffing from one browser does
--   EVAL_NEW_TOKEN_PCT share of requests that bring a token never    (default 0)
--                   seen before instead of the device's own (a bot
--                   clearing its storage, or minting tokens)
--   EVAL_HEARTBEAT_PCT share of requests that are heartbeats          (default 0)
--                   (POST /v3/sessions/heartbeat) of a device's open
--                   tab instead of evaluations: its token, owner and
--                   session, as the SDK beats while a page is visible
--   EVAL_SEED       base random seed (default: time); each wrk thread
--                   adds its own number, so threads send different streams.
--
-- Per request: the device's stable User-Agent (desktop Chrome/Firefox/Safari/Edge,
-- iPhone, Android phone, iPad), X-Forwarded-For with the device's usual IP
-- (mobile devices hop between carrier addresses, ~5% of requests come from
-- elsewhere, some over IPv6), 1% of requests log a different account in on a
-- device, and 2% omit the device token (storage cleared: matched by fingerprint).
--
-- done() prints latency percentiles, the non-200 responses by status, the
-- verdict mix, and one machine-readable "SGBENCH ..." line (for bench/run-evaluate.sh).

local bit = require("bit")
local band, bxor, rshift, lshift, tobit, tohex = bit.band, bit.bxor, bit.rshift, bit.lshift, bit.tobit, bit.tohex
local random, floor, format, concat = math.random, math.floor, string.format, table.concat

-- ---------------------------------------------------------------- settings

local function env_number(name, default)
   local v = tonumber(os.getenv(name) or "")
   if v == nil then return default end
   return v
end

local USERS   = floor(env_number("EVAL_USERS", 50000))
local DEVICES = floor(env_number("EVAL_DEVICES", 100000))
if DEVICES < USERS then DEVICES = USERS end
local HOT_PCT = env_number("EVAL_HOT_PCT", 80)
local HOT_DEVICES = math.max(1, floor(DEVICES / 5))

local STUFFING_PCT = env_number("EVAL_STUFFING_PCT", 0)
local NEW_TOKEN_PCT = env_number("EVAL_NEW_TOKEN_PCT", 0)
local HEARTBEAT_PCT = env_number("EVAL_HEARTBEAT_PCT", 0)
local new_token_counter = 0

local ACCESS_PCT, LOGIN_PCT, SIGNUP_PCT = 70, 25, 5
do
   local mix = os.getenv("EVAL_ACTION_MIX")
   if mix then
      local a, l, s = mix:match("^%s*(%d+)%s*,%s*(%d+)%s*,%s*(%d+)%s*$")
      if not a then error("EVAL_ACTION_MIX must be 'access,login,signup' percentages, e.g. 70,25,5") end
      ACCESS_PCT, LOGIN_PCT, SIGNUP_PCT = tonumber(a), tonumber(l), tonumber(s)
   end
end
local ACTION_TOTAL = ACCESS_PCT + LOGIN_PCT + SIGNUP_PCT

-- ---------------------------------------------------------------- threads (main state)

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_number", thread_count)
   table.insert(threads, thread)
end

-- ---------------------------------------------------------------- stable hashing

-- 32-bit multiply that stays exact in doubles (LuaJIT numbers).
local function mul32(a, b)
   local alo, ahi = band(a, 0xffff), rshift(a, 16)
   local blo, bhi = band(b, 0xffff), rshift(b, 16)
   return tobit(alo * blo + lshift(tobit(ahi * blo + alo * bhi), 16))
end

-- lowbias32 integer hash of (n, salt): the same device always gets the same components.
local function h(n, salt)
   local x = bxor(tobit(n), mul32(tobit(salt), tobit(0x9e3779b9)))
   x = bxor(x, rshift(x, 16))
   x = mul32(x, tobit(0x7feb352d))
   x = bxor(x, rshift(x, 15))
   x = mul32(x, tobit(0x846ca68b))
   x = bxor(x, rshift(x, 16))
   return x
end

local function hu(n, salt) -- unsigned, 0 .. 2^32-1
   local x = h(n, salt)
   if x < 0 then x = x + 4294967296 end
   return x
end

local function pick(list, n, salt)
   return list[(hu(n, salt) % #list) + 1]
end

local function hex32(n, salt) -- 32 hex characters
   return tohex(h(n, salt), 8) .. tohex(h(n, salt + 1), 8) .. tohex(h(n, salt + 2), 8) .. tohex(h(n, salt + 3), 8)
end

-- token alphabet [A-Za-z0-9_-]
local B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
local function token_of(d)
   local out = {}
   for i = 0, 3 do
      local x = hu(d, 9001 + i)
      for _ = 1, 5 do
         local k = (x % 64) + 1
         out[#out + 1] = B64:sub(k, k)
         x = floor(x / 64)
      end
   end
   return "sgd_" .. concat(out) -- 24 characters
end

-- ---------------------------------------------------------------- device profiles

local CHROME = { "131.0.0.0", "130.0.0.0", "129.0.0.0", "128.0.0.0" }
local FIREFOX = { "133.0", "132.0", "128.0" }
local SAFARI = { { "18.1", "605.1.15" }, { "17.6", "605.1.15" }, { "18.0", "605.1.15" } }
local IOS = { { "18_1", "18.1" }, { "17_6_1", "17.6" }, { "18_0_1", "18.0" }, { "16_7_10", "16.6" } }
local ANDROID_MODELS = { "SM-S918B", "SM-A546B", "Pixel 8", "Pixel 7a", "SM-G991B", "2201116SG", "CPH2449" }
local ANDROID_VERSIONS = { "14", "13", "12" }

local WIN_GPUS = {
   "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)",
   "ANGLE (Intel, Intel(R) UHD Graphics 620 (0x00005917) Direct3D11 vs_5_0 ps_5_0, D3D11)",
   "ANGLE (AMD, AMD Radeon RX 6600 (0x000073FF) Direct3D11 vs_5_0 ps_5_0, D3D11)",
   "ANGLE (Intel, Intel(R) Iris(R) Xe Graphics (0x00009A49) Direct3D11 vs_5_0 ps_5_0, D3D11)",
}
local MAC_GPUS = { "ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)",
   "ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)",
   "ANGLE (Apple, ANGLE Metal Renderer: Apple M3 Pro, Unspecified Version)" }
local ANDROID_GPUS = { "Adreno (TM) 740", "Mali-G78 MP14", "Mali-G710 MC10", "Adreno (TM) 642L" }

local DESKTOP_SCREENS = { "1920x1080", "1920x1080", "1920x1080", "2560x1440", "1366x768", "1536x864", "3840x2160" }
local MAC_SCREENS = { "1440x900", "1512x982", "1728x1117", "2560x1440", "1920x1080" }
local IPHONE_SCREENS = { "390x844", "393x852", "430x932", "375x667", "428x926" }
local ANDROID_SCREENS = { "412x915", "360x800", "384x854", "412x892" }
local IPAD_SCREENS = { "820x1180", "810x1080", "1024x1366", "744x1133" }

-- timezone, languages: mostly Paris, then others
local LOCALES = {
   { "Europe/Paris", "fr-FR,fr,en-US,en" }, { "Europe/Paris", "en-US,en" }, { "Europe/Paris", "fr-FR,fr" },
   { "Europe/Paris", "en-US,en" }, { "Europe/Paris", "fr-FR,fr,en" }, { "Europe/London", "en-GB,en" },
   { "America/New_York", "en-US,en" }, { "Europe/Berlin", "de-DE,de,en" }, { "America/Los_Angeles", "en-US,en" },
   { "Asia/Tokyo", "ja-JP,ja,en" },
}

-- class: ua, platform, vendor, screens, gpu vendor, gpus, cores, memory, touch
local function profile(d)
   local c = hu(d, 11) % 100
   local p = {}
   if c < 30 then -- Windows Chrome
      p.ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" .. pick(CHROME, d, 12) .. " Safari/537.36"
      p.platform, p.vendor, p.screens = "Win32", "Google Inc.", DESKTOP_SCREENS
      p.gl_vendor, p.gl = "Google Inc. (NVIDIA)", pick(WIN_GPUS, d, 13)
      p.cores, p.memory, p.touch = pick({ 4, 8, 8, 12, 16 }, d, 14), pick({ 8, 8, 16 }, d, 15), 0
   elseif c < 36 then -- Windows Edge
      local v = pick(CHROME, d, 12)
      p.ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" .. v .. " Safari/537.36 Edg/" .. v
      p.platform, p.vendor, p.screens = "Win32", "Google Inc.", DESKTOP_SCREENS
      p.gl_vendor, p.gl = "Google Inc. (Intel)", pick(WIN_GPUS, d, 13)
      p.cores, p.memory, p.touch = pick({ 4, 8, 12 }, d, 14), pick({ 8, 16 }, d, 15), 0
   elseif c < 44 then -- Windows Firefox
      local v = pick(FIREFOX, d, 12)
      p.ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" .. v .. ") Gecko/20100101 Firefox/" .. v
      p.platform, p.vendor, p.screens = "Win32", "", DESKTOP_SCREENS
      p.gl_vendor, p.gl = "Mozilla", "Mozilla"
      p.cores, p.memory, p.touch = pick({ 4, 8, 16 }, d, 14), nil, 0
   elseif c < 52 then -- Mac Chrome
      p.ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" .. pick(CHROME, d, 12) .. " Safari/537.36"
      p.platform, p.vendor, p.screens = "MacIntel", "Google Inc.", MAC_SCREENS
      p.gl_vendor, p.gl = "Google Inc. (Apple)", pick(MAC_GPUS, d, 13)
      p.cores, p.memory, p.touch = pick({ 8, 10, 12 }, d, 14), 8, 0
   elseif c < 59 then -- Mac Safari
      local s = pick(SAFARI, d, 12)
      p.ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" .. s[1] .. " Safari/" .. s[2]
      p.platform, p.vendor, p.screens = "MacIntel", "Apple Computer, Inc.", MAC_SCREENS
      p.gl_vendor, p.gl = "Apple Inc.", "Apple GPU"
      p.cores, p.memory, p.touch = 8, nil, 0
   elseif c < 62 then -- Linux Firefox
      local v = pick(FIREFOX, d, 12)
      p.ua = "Mozilla/5.0 (X11; Linux x86_64; rv:" .. v .. ") Gecko/20100101 Firefox/" .. v
      p.platform, p.vendor, p.screens = "Linux x86_64", "", DESKTOP_SCREENS
      p.gl_vendor, p.gl = "Mozilla", "Mozilla"
      p.cores, p.memory, p.touch = pick({ 4, 8, 16 }, d, 14), nil, 0
   elseif c < 82 then -- iPhone Safari
      local i = pick(IOS, d, 12)
      p.ua = "Mozilla/5.0 (iPhone; CPU iPhone OS " .. i[1] .. " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" .. i[2] .. " Mobile/15E148 Safari/604.1"
      p.platform, p.vendor, p.screens = "iPhone", "Apple Computer, Inc.", IPHONE_SCREENS
      p.gl_vendor, p.gl = "Apple Inc.", "Apple GPU"
      p.cores, p.memory, p.touch, p.mobile = 4, nil, 5, true
   elseif c < 95 then -- Android Chrome
      p.ua = "Mozilla/5.0 (Linux; Android " .. pick(ANDROID_VERSIONS, d, 16) .. "; " .. pick(ANDROID_MODELS, d, 17) ..
         ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" .. pick(CHROME, d, 12) .. " Mobile Safari/537.36"
      p.platform, p.vendor, p.screens = "Linux armv81", "Google Inc.", ANDROID_SCREENS
      p.gl_vendor, p.gl = "Qualcomm", pick(ANDROID_GPUS, d, 13)
      p.cores, p.memory, p.touch, p.mobile = 8, pick({ 4, 8 }, d, 15), 5, true
   else -- iPad Safari (desktop-class UA, as iPadOS sends it)
      local s = pick(SAFARI, d, 12)
      p.ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" .. s[1] .. " Safari/" .. s[2]
      if hu(d, 18) % 3 == 0 then -- some iPads still send the iPad token
         p.ua = "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"
      end
      p.platform, p.vendor, p.screens = "MacIntel", "Apple Computer, Inc.", IPAD_SCREENS
      p.gl_vendor, p.gl = "Apple Inc.", "Apple GPU"
      p.cores, p.memory, p.touch, p.mobile = 8, nil, 5, true
   end
   return p
end

local function json_string(s)
   return '"' .. s:gsub('[%c"\\]', function(ch) return format("\\u%04x", ch:byte()) end) .. '"'
end

-- The "device" object of device d (without the token).
local function components_json(d, p)
   local locale = pick(LOCALES, d, 20)
   local parts = {
      '"canvas":"' .. hex32(d, 100) .. '"',
      '"webgl_vendor":' .. json_string(p.gl_vendor),
      '"webgl_renderer":' .. json_string(p.gl),
      '"webgl_hash":"' .. tohex(h(d, 110), 8) .. tohex(h(d, 111), 8) .. '"',
      '"screen":"' .. pick(p.screens, d, 21) .. '"',
      '"colorDepth":' .. ((hu(d, 22) % 10 == 0) and 30 or 24),
      '"pixelRatio":' .. (p.mobile and pick({ 2, 3, 2.625 }, d, 23) or pick({ 1, 1, 1.25, 1.5, 2 }, d, 23)),
      '"hardwareConcurrency":' .. p.cores,
      '"timezone":"' .. locale[1] .. '"',
      '"languages":"' .. locale[2] .. '"',
      '"platform":' .. json_string(p.platform),
      '"vendor":' .. json_string(p.vendor),
      '"fonts":"' .. tohex(h(d, 120), 8) .. tohex(h(d, 121), 8) .. '"',
      '"audio":' .. format("%.9f", 124.04 + (hu(d, 130) % 100000) / 1e9),
      '"maxTouchPoints":' .. p.touch,
      '"cookiesEnabled":true',
      '"pdfViewerEnabled":' .. (p.mobile and "false" or "true"),
      '"colorGamut":"' .. pick({ "srgb", "srgb", "p3" }, d, 24) .. '"',
      '"hdr":' .. ((hu(d, 25) % 5 == 0) and "true" or "false"),
      '"reducedMotion":' .. ((hu(d, 26) % 20 == 0) and "true" or "false"),
      '"math":"' .. tohex(h(d, 140), 8) .. '"',
      '"plugins":"' .. (p.mobile and "none" or tohex(h(d, 150), 8)) .. '"',
   }
   if p.memory then
      parts[#parts + 1] = '"deviceMemory":' .. p.memory
   end
   return "{" .. concat(parts, ",") .. "}"
end

-- ---------------------------------------------------------------- addresses

local PUBLIC_V4 = { 2, 5, 31, 37, 46, 62, 77, 78, 80, 81, 82, 83, 84, 86, 88, 90, 91, 92, 93, 94, 109, 176, 178, 185,
   188, 193, 194, 195, 212, 213, 217, 24, 50, 66, 67, 68, 69, 71, 72, 73, 74, 75, 76, 96, 98, 99, 173, 174 }
local CARRIER_V4 = { { 37, 164 }, { 80, 215 }, { 92, 184 }, { 176, 138 }, { 31, 33 }, { 172, 58 }, { 77, 205 } }

local function home_ip(d, owner)
   local seed = owner * 3 + (hu(d, 40) % 3 == 0 and 1 or 0) -- most extra devices share the owner's home
   return format("%d.%d.%d.%d", pick(PUBLIC_V4, seed, 41), hu(seed, 42) % 256, hu(seed, 43) % 256, 1 + hu(seed, 44) % 254)
end

local function carrier_ip()
   local c = CARRIER_V4[random(#CARRIER_V4)]
   return format("%d.%d.%d.%d", c[1], c[2], random(0, 255), random(1, 254))
end

local function random_ip()
   return format("%d.%d.%d.%d", PUBLIC_V4[random(#PUBLIC_V4)], random(0, 255), random(0, 255), random(1, 254))
end

local function ipv6(d)
   return format("2a01:e0a:%x:%x:%x:%x:%x:%x", hu(d, 50) % 65536, hu(d, 51) % 65536,
      random(0, 65535), random(0, 65535), random(0, 65535), random(0, 65535))
end

-- ---------------------------------------------------------------- per thread

local client_id
local thread_seed
local signup_counter = 0
local NEW_DEVICE_BASE = 1000000000

function init(args)
   client_id = args[1] or os.getenv("SEATGUARD_CLIENT_ID")
   if client_id == nil or client_id == "" then
      error("evaluate.lua needs the client id: wrk ... -s evaluate.lua URL -- pk_... (or SEATGUARD_CLIENT_ID=pk_...)")
   end
   local n = thread_number or 1
   local base = tonumber(os.getenv("EVAL_SEED") or "") or os.time()
   thread_seed = (base * 7919 + n * 104729) % 2147483647
   math.randomseed(thread_seed)
   for _ = 1, 10 do random() end
   -- signups of this thread use their own users and devices
   signup_base_user = USERS + n * 10000000 + (thread_seed % 1000) * 10000
   signup_base_device = NEW_DEVICE_BASE + n * 100000000 + (thread_seed % 1000) * 100000
   statuses, non200, verdicts, sample_error = {}, 0, {}, nil
end

local function owner_of(d)
   if d < USERS then return d end
   return hu(d, 7) % USERS
end

local function pick_device()
   if random(100) <= HOT_PCT then
      return random(0, HOT_DEVICES - 1)
   end
   return random(0, DEVICES - 1)
end

local function session_of(d, user)
   return "sess_" .. tohex(h(d, user), 8) .. tohex(h(user, d + 77), 8)
end

-- A tab of a known device beating: its owner's session, from its home address.
local function heartbeat()
   local d = pick_device()
   local user = owner_of(d)
   local body = '{"client_id":"' .. client_id .. '","user":"user-' .. user .. '","session":"' .. session_of(d, user) ..
      '","device":{"token":"' .. token_of(d) .. '"}}'
   return wrk.format("POST", "/v3/sessions/heartbeat", {
      ["Content-Type"] = "application/json",
      ["Accept"] = "*/*",
      ["User-Agent"] = profile(d).ua,
      ["X-Forwarded-For"] = home_ip(d, user),
   }, body)
end

function request()
   if HEARTBEAT_PCT > 0 and random() * 100 < HEARTBEAT_PCT then
      return heartbeat()
   end
   local r = random() * ACTION_TOTAL
   local action, d, user
   if STUFFING_PCT > 0 and random() * 100 < STUFFING_PCT then
      action = "login"
      d = 0
      user = random(0, USERS - 1)
   elseif r < SIGNUP_PCT then
      action = "signup"
      signup_counter = signup_counter + 1
      user = signup_base_user + signup_counter
      d = signup_base_device + signup_counter
   else
      action = (r < SIGNUP_PCT + LOGIN_PCT) and "login" or "access"
      d = pick_device()
      user = owner_of(d)
      if random(100) == 1 then -- someone else's account on this device
         user = random(0, USERS - 1)
      end
   end

   local p = profile(d)
   local ip
   local roll = random(100)
   if roll <= 5 then
      ip = random_ip()                      -- travelling, VPN, office
   elseif roll <= 10 then
      ip = ipv6(d)
   elseif p.mobile and roll <= 55 then
      ip = carrier_ip()                     -- on the mobile network
   else
      ip = home_ip(d, owner_of(d))
   end

   local token = ""
   if NEW_TOKEN_PCT > 0 and random() * 100 < NEW_TOKEN_PCT then
      new_token_counter = new_token_counter + 1
      token = '"token":"fresh-' .. tohex(h(d, new_token_counter), 8) .. tohex(h(new_token_counter, d + 91), 8) .. tohex(random(0, 2147483647), 8) .. '",'
   elseif random(50) ~= 1 then
      token = '"token":"' .. token_of(d) .. '",'
   end
   local body = '{"client_id":"' .. client_id .. '","action":"' .. action .. '","user":"user-' .. user ..
      '","session":"' .. session_of(d, user) ..
      '","device":{' .. token .. '"components":' .. components_json(d, p) .. '}}'

   return wrk.format("POST", "/v3/evaluate", {
      ["Content-Type"] = "application/json",
      ["Accept"] = "*/*",
      ["User-Agent"] = p.ua,
      ["X-Forwarded-For"] = ip,
   }, body)
end

function response(status, headers, body)
   if status == 200 then
      local v = body:match('"verdict":"([%w_]+)"')
      if v == nil and body:match('"active":') then
         v = body:match('"logout":true') and "heartbeat-logout" or "heartbeat"
      end
      if v then verdicts[v] = (verdicts[v] or 0) + 1 end
   else
      non200 = non200 + 1
      statuses[status] = (statuses[status] or 0) + 1
      if sample_error == nil then sample_error = status .. " " .. body:sub(1, 300) end
   end
end

-- ---------------------------------------------------------------- report (main state)

local function sorted_keys(t)
   local keys = {}
   for k in pairs(t) do keys[#keys + 1] = k end
   table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
   return keys
end

function done(summary, latency, requests)
   local total_non200, by_status, by_verdict, sample = 0, {}, {}, nil
   for _, thread in ipairs(threads) do
      total_non200 = total_non200 + (thread:get("non200") or 0)
      for k, v in pairs(thread:get("statuses") or {}) do by_status[k] = (by_status[k] or 0) + v end
      for k, v in pairs(thread:get("verdicts") or {}) do by_verdict[k] = (by_verdict[k] or 0) + v end
      sample = sample or thread:get("sample_error")
   end
   local seconds = summary.duration / 1e6
   local rps = summary.requests / seconds
   local e = summary.errors
   local ms = function(us) return us / 1000 end
   local p50, p90, p99, p999 = latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9)

   io.write("---- evaluate.lua\n")
   io.write(format("requests        %d in %.1fs = %.1f req/s\n", summary.requests, seconds, rps))
   io.write(format("latency ms      p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  mean %.2f\n",
      ms(p50), ms(p90), ms(p99), ms(p999), ms(latency.max), ms(latency.mean)))
   local parts = {}
   for _, k in ipairs(sorted_keys(by_status)) do parts[#parts + 1] = k .. "=" .. by_status[k] end
   io.write(format("non-200         %d%s\n", total_non200, #parts > 0 and ("  (" .. concat(parts, " ") .. ")") or ""))
   io.write(format("socket errors   connect %d, read %d, write %d, timeout %d\n", e.connect, e.read, e.write, e.timeout))
   parts = {}
   for _, k in ipairs(sorted_keys(by_verdict)) do parts[#parts + 1] = k .. "=" .. by_verdict[k] end
   io.write("verdicts        " .. (#parts > 0 and concat(parts, " ") or "-") .. "\n")
   if sample then io.write("first non-200   " .. sample .. "\n") end
   io.write(format("SGBENCH scenario=evaluate requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f non200=%d socket_errors=%d\n",
      summary.requests, seconds, rps, ms(p50), ms(p90), ms(p99), ms(p999), ms(latency.max), total_non200,
      e.connect + e.read + e.write + e.timeout))
end

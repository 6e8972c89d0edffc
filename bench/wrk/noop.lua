-- wrk scenario: the no-op baseline, GET /healthz on the same server (issue 2).
--
--   wrk -t2 -c64 -d30s --latency -s bench/wrk/noop.lua http://127.0.0.1:8080
--
-- It goes through the same HTTP stack (Jetty, Javalin routing, JSON response) as
-- /v3/evaluate and does nothing else, so evaluate req/s divided by these req/s says
-- what share of the HTTP-only ceiling an evaluation reaches on this machine.
-- Like evaluate.lua it counts non-200 responses and prints one "SGBENCH ..." line.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   non200, statuses = 0, {}
   req = wrk.format("GET", "/healthz", { ["User-Agent"] = "seatguard-bench/noop" })
end

function request()
   return req
end

function response(status, headers, body)
   if status ~= 200 then
      non200 = non200 + 1
      statuses[status] = (statuses[status] or 0) + 1
   end
end

function done(summary, latency, requests)
   local total_non200, by_status = 0, {}
   for _, thread in ipairs(threads) do
      total_non200 = total_non200 + (thread:get("non200") or 0)
      for k, v in pairs(thread:get("statuses") or {}) do by_status[k] = (by_status[k] or 0) + v end
   end
   local parts = {}
   for k, v in pairs(by_status) do parts[#parts + 1] = k .. "=" .. v end
   table.sort(parts)
   local seconds = summary.duration / 1e6
   local rps = summary.requests / seconds
   local e = summary.errors
   local ms = function(us) return us / 1000 end
   local p50, p90, p99, p999 = latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9)
   io.write("---- noop.lua (GET /healthz)\n")
   io.write(string.format("requests        %d in %.1fs = %.1f req/s\n", summary.requests, seconds, rps))
   io.write(string.format("latency ms      p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  mean %.2f\n",
      ms(p50), ms(p90), ms(p99), ms(p999), ms(latency.max), ms(latency.mean)))
   io.write(string.format("non-200         %d%s\n", total_non200, #parts > 0 and ("  (" .. table.concat(parts, " ") .. ")") or ""))
   io.write(string.format("socket errors   connect %d, read %d, write %d, timeout %d\n", e.connect, e.read, e.write, e.timeout))
   io.write(string.format("SGBENCH scenario=noop requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f non200=%d socket_errors=%d\n",
      summary.requests, seconds, rps, ms(p50), ms(p90), ms(p99), ms(p999), ms(latency.max), total_non200,
      e.connect + e.read + e.write + e.timeout))
end

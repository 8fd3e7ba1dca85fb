-- Loaded by scripts/bench/heartbeats-wrk.ts into wrk (-s): the closed loop of the heartbeat
-- benchmark, from a client in C. Each thread beats for its share of the viewers listed in the
-- file named by the first argument (a line each: cookie, session id, last sequence number, the
-- epoch milliseconds its playback started), round robin, so that a viewer has one beat in
-- flight at most. Positions advance at 1x of real time, in whole seconds (wrk's Lua has no
-- finer clock): never ahead of the time played. Counts the beats the portal credited.
local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("index", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  local step = tonumber(args[2])
  viewers = {}
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % step == index then
      local cookie, session, seq, started = line:match("^(%S+) (%S+) (%d+) (%d+)$")
      table.insert(viewers, { cookie = cookie, session = session, seq = tonumber(seq), started = tonumber(started) })
    end
    line_number = line_number + 1
  end
  next_viewer = 0
  credited = 0
  refused = 0
end

function request()
  next_viewer = next_viewer % #viewers + 1
  local viewer = viewers[next_viewer]
  viewer.seq = viewer.seq + 1
  local body = string.format('{"sessionId":"%s","seq":%d,"positionMs":%d,"event":"tick"}',
    viewer.session, viewer.seq, os.time() * 1000 - viewer.started)
  return wrk.format("POST", "/api/playback/heartbeat",
    { ["content-type"] = "application/json", ["cookie"] = viewer.cookie }, body)
end

function response(status, headers, body)
  if status == 200 and body:find('"session":"active"', 1, true) and body:find('"crediting":true', 1, true) then
    credited = credited + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local total_credited, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_credited = total_credited + thread:get("credited")
    total_refused = total_refused + thread:get("refused")
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK_BEATS {"credited":%d,"refused":%d,"durationUs":%d,"p50Us":%.1f,"p99Us":%.1f,"errors":%d}\n',
    total_credited, total_refused, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.connect + errors.read + errors.write + errors.timeout))
end

-- Loaded by scripts/bench/wrk.ts into wrk (-s): counts the responses outside 2xx, which wrk itself
-- does not (it counts only 4xx and 5xx, and a redirect to /login is a failure too), and prints the
-- run's figures as one JSON line for the script to read.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local outside = 0
  for _, thread in ipairs(threads) do
    outside = outside + thread:get("non2xx")
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationUs":%d,"p50Us":%.1f,"p99Us":%.1f,"maxUs":%.1f,"non2xx":%d,'
      .. '"connect":%d,"read":%d,"write":%d,"timeout":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max, outside,
    errors.connect, errors.read, errors.write, errors.timeout
  ))
end

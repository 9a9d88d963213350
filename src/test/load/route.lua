-- One class of requests in Quorum's load mix (see run.sh and docs/benchmarks.md).
--
--   wrk -s route.lua URL -- PATHS_FILE [CLIENTS | client=ADDRESS]
--
-- Each request is the next line of PATHS_FILE (every wrk thread starts at its own offset) and carries an
-- X-Forwarded-For address: one of CLIENTS simulated readers (default 2000), or the one fixed ADDRESS, which is
-- how run.sh plays a single greedy client. The server must trust the header from 127.0.0.1 (run.sh sets it),
-- so its per-client rate limits see many readers rather than one proxy.
-- When the run ends it prints one line of JSON: requests, rate, errors by kind, latency percentiles in ms.

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local paths = {}
local clients = 2000
local fixed = nil
local n = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  if #paths == 0 then
    error("no paths in " .. args[1])
  end
  local who = args[2]
  if who ~= nil and string.sub(who, 1, 7) == "client=" then
    fixed = string.sub(who, 8)
  elseif who ~= nil then
    clients = tonumber(who)
  end
  n = (tid or 0) * 7919
end

local function client(i)
  local c = i % clients
  return string.format("10.%d.%d.%d", math.floor(c / 65536) % 256, math.floor(c / 256) % 256, c % 256)
end

function request()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  return wrk.format("GET", path, { ["X-Forwarded-For"] = fixed or client(n * 31) })
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.2f,"rate":%.1f,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},'
      .. '"latency_ms":{"p50":%.2f,"p90":%.2f,"p99":%.2f,"max":%.2f}}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

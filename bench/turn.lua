-- One turn per request: POST a message to this connection's own session with its bearer token.
-- Run with as many threads as connections (wrk -tN -cN), so every connection owns one session and the
-- run measures turns, not contention on one row. Inputs come from files the harness writes:
--   BENCH_SESSIONS  one "<path>\t<token>" line per session (at least as many as connections)
--   BENCH_BODIES    one JSON request body per line, sent in turn
-- done() prints one JSON line, prefixed "RESULT ", for the harness to parse.

local counter = 0

local function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if line ~= "" then lines[#lines + 1] = line end
  end
  return lines
end

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
end

function init(args)
  local sessions = read_lines(os.getenv("BENCH_SESSIONS"))
  bodies = read_lines(os.getenv("BENCH_BODIES"))
  local entry = sessions[((index - 1) % #sessions) + 1]
  local tab = entry:find("\t", 1, true)
  path = entry:sub(1, tab - 1)
  headers = {
    ["Authorization"] = "Bearer " .. entry:sub(tab + 1),
    ["Content-Type"] = "application/json",
  }
  sent = index -- threads start at different messages, so the mix is varied at every instant
end

function request()
  sent = sent + 1
  return wrk.format("POST", path, headers, bodies[(sent % #bodies) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "errors": {"connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d}, "latency_us": {"p50": %d, "p90": %d, "p99": %d, ' ..
    '"mean": %.1f, "max": %d}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max))
end

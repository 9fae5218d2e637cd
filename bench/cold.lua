-- wrk script of the cold-page measurement (bench/run.py): every request is a page-cache miss.
--
-- BENCH_PATHS_FILE names a file of paths, one a line (bench/mixed.py cold_paths):
-- the requests rotate over them, and each gets a query parameter never sent before,
-- bench=<run>-<thread>-<counter> with BENCH_RUN naming the run. The views ignore
-- parameters they do not know and the page cache keys on the whole address, so the
-- page cache is asked for a page it cannot have: it renders and stores it. A
-- response() callback counts each status and X-Cache header, so that bench/run.py
-- can tell the measurement was really cold. done() prints one line "BENCH_JSON {...}".

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local paths, count, counter, run = {}, 0, 0, "0"
statuses = {}
cache = {hit = 0, miss = 0, none = 0}

function init(args)
  for line in io.lines(os.getenv("BENCH_PATHS_FILE")) do
    if line ~= "" then
      count = count + 1
      paths[count] = line
    end
  end
  -- Each thread starts elsewhere in the rotation.
  counter = ((id - 1) * 7919) % math.max(count, 1)
  run = os.getenv("BENCH_RUN") or "0"
end

request = function()
  counter = counter + 1
  local path = paths[(counter % count) + 1]
  local separator = path:find("?", 1, true) and "&" or "?"
  return wrk.format("GET", path .. separator .. "bench=" .. run .. "-" .. id .. "-" .. counter)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local x = headers["X-Cache"]
  if x == "HIT" then
    cache.hit = cache.hit + 1
  elseif x == "MISS" then
    cache.miss = cache.miss + 1
  else
    cache.none = cache.none + 1
  end
end

done = function(summary, latency, requests)
  local st, c = {}, {hit = 0, miss = 0, none = 0}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do st[code] = (st[code] or 0) + n end
    for key, n in pairs(thread:get("cache")) do c[key] = c[key] + n end
  end
  local parts = {}
  for code, n in pairs(st) do table.insert(parts, string.format('"%d": %d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "errors": {"connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d}, "p50_us": %d, "p90_us": %d, "p99_us": %d, "mean_us": %.1f, ' ..
    '"max_us": %d, "statuses": {%s}, "x_cache": {"HIT": %d, "MISS": %d, "none": %d}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max,
    table.concat(parts, ", "), c.hit, c.miss, c.none))
end

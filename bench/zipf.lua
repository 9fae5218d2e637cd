-- wrk script of the mixed-traffic measurement (bench/run.py, bench/mixed.py).
--
-- BENCH_POPULATION names a file of "weight<TAB>path" lines, most popular first
-- (bench/mixed.py write_weighted: Zipf weights 1/rank^s). Each thread reads it in
-- init(), builds the cumulative table and picks every request's path by a binary
-- search of math.random() in it, seeded with BENCH_SEED and the thread's number.
-- It counts the requests by rank bucket (1, 2-10, 11-100, 101-1000, the rest) and,
-- unless BENCH_COUNT_RESPONSES=0, every response's status and X-Cache header in a
-- response() callback (wrk then parses each response's headers into Lua: it costs
-- wrk some CPU, which bench/run.py measures on the ceiling). done() prints one line
-- "BENCH_JSON {...}" with the totals of all threads.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local paths, cumulative, count = {}, {}, 0
buckets = {0, 0, 0, 0, 0}
statuses = {}
cache = {hit = 0, miss = 0, none = 0}

local edges = {1, 10, 100, 1000}

function init(args)
  local total = 0
  for line in io.lines(os.getenv("BENCH_POPULATION")) do
    local weight, path = line:match("^(%S+)\t(.+)$")
    if weight then
      count = count + 1
      total = total + tonumber(weight)
      paths[count] = path
      cumulative[count] = total
    end
  end
  for i = 1, count do
    cumulative[i] = cumulative[i] / total
  end
  cumulative[count] = 1.0
  math.randomseed(tonumber(os.getenv("BENCH_SEED") or "1") * 1000 + id)
end

local function pick()
  local r = math.random()
  local low, high = 1, count
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < r then
      low = middle + 1
    else
      high = middle
    end
  end
  return low
end

request = function()
  local rank = pick()
  local bucket = 5
  for i = 1, 4 do
    if rank <= edges[i] then
      bucket = i
      break
    end
  end
  buckets[bucket] = buckets[bucket] + 1
  return wrk.format("GET", paths[rank])
end

if os.getenv("BENCH_COUNT_RESPONSES") ~= "0" then
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
end

done = function(summary, latency, requests)
  local b, st, c = {0, 0, 0, 0, 0}, {}, {hit = 0, miss = 0, none = 0}
  for _, thread in ipairs(threads) do
    local tb, ts, tc = thread:get("buckets"), thread:get("statuses"), thread:get("cache")
    for i = 1, 5 do b[i] = b[i] + tb[i] end
    for code, n in pairs(ts) do st[code] = (st[code] or 0) + n end
    for key, n in pairs(tc) do c[key] = c[key] + n end
  end
  local parts = {}
  for code, n in pairs(st) do table.insert(parts, string.format('"%d": %d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "errors": {"connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d}, "p50_us": %d, "p90_us": %d, "p99_us": %d, "mean_us": %.1f, ' ..
    '"max_us": %d, "sent_by_rank": {"1": %d, "2-10": %d, "11-100": %d, "101-1000": %d, "1001+": %d}, ' ..
    '"statuses": {%s}, "x_cache": {"HIT": %d, "MISS": %d, "none": %d}, "counted": %s}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max,
    b[1], b[2], b[3], b[4], b[5], table.concat(parts, ", "), c.hit, c.miss, c.none,
    response and "true" or "false"))
end

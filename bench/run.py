"""`make bench`: the site under gunicorn with production settings, against its own ceiling.

1. Prepares PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/oim_bench;
   the database is created if missing): migrate, 10,000 demo releases
   (generate_demo_content), VACUUM ANALYZE, collectstatic.
2. Counts the SQL queries of each page (bench/queries.py, test client, same settings),
   and finds through the ORM the cold-page paths and the mixed traffic's population
   (bench/mixed.py).
3. Starts gunicorn with bench.settings (production settings + /bench/ceiling/, a
   view returning a constant) and measures home, news list, news detail,
   programme area, search and the ceiling with wrk (or a Python load generator
   when wrk is missing): first with the page cache off (PAGE_CACHE_SECONDS=0),
   then on (Redis when REDIS_URL is set or a Redis answers on 127.0.0.1:6379,
   local memory otherwise). Then a single-connection run of the search page for
   its median, and a 30 s soak at 64 connections over all pages, uncached;
   then Lighthouse (mobile) on home, news list and news detail (bench/lighthouse.py).
4. Issue 15, with the page cache on, wrk only:
   - cold pages: home, news list, news detail, programme area, partner and search,
     every request a page-cache miss (bench/cold.lua: a new ?bench= address each
     time, X-Cache counted), the ceiling before and after;
   - mixed traffic: every public page in both languages and a few hundred searches,
     sampled Zipf-like (bench/zipf.lua), 64 connections for 60 s after a 60 s
     warm-up of the same mix, while bench/mixed.py's editor publishes or edits
     through the editorial services every 5 s and checks that every page showing
     the change shows it on the next request; the ceiling right before and after.
5. Prints the tables and PASS/FAIL for each target of issues 7 and 15 (never fails
   the build) and writes everything to bench/results/<timestamp>.json.

Environment: DATABASE_URL, REDIS_URL, BENCH_DURATION (s per measurement, 10),
BENCH_SOAK (s, 30), BENCH_CONNECTIONS (16), BENCH_SOAK_CONNECTIONS (64),
BENCH_WORKERS (gunicorn workers, 2 x CPUs), BENCH_NEWS (10000), BENCH_PORT,
BENCH_SEARCH (the search terms, "réinstallation"), BENCH_SKIP_SETUP=1 (reuse the database as it is),
BENCH_LIGHTHOUSE=0 (skip Lighthouse), BENCH_COLD=0 (skip the cold pages), BENCH_MIXED (measured
mixed traffic, s, 60; 0 skips it), BENCH_MIXED_WARMUP (s, 180), BENCH_MIXED_CONNECTIONS (64),
BENCH_MIXED_THREADS (wrk threads, 2), BENCH_EDIT_INTERVAL (s between changes, 5), BENCH_ZIPF_S
(the Zipf exponent, 1.0), BENCH_SEARCHES (distinct searches, 300), BENCH_SEED (1).
"""

import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lighthouse  # noqa: E402  (bench/lighthouse.py)
import mixed  # noqa: E402  (bench/mixed.py)

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))

DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oim_bench")
DURATION = int(os.environ.get("BENCH_DURATION", 10))
SOAK = int(os.environ.get("BENCH_SOAK", 30))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
SOAK_CONNECTIONS = int(os.environ.get("BENCH_SOAK_CONNECTIONS", 64))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2 * (os.cpu_count() or 1)))
NEWS = int(os.environ.get("BENCH_NEWS", 10_000))
LIGHTHOUSE = os.environ.get("BENCH_LIGHTHOUSE", "1") != "0"
COLD = os.environ.get("BENCH_COLD", "1") != "0"
MIXED_DURATION = int(os.environ.get("BENCH_MIXED", 60))
MIXED_WARMUP = int(os.environ.get("BENCH_MIXED_WARMUP", 180))
MIXED_CONNECTIONS = int(os.environ.get("BENCH_MIXED_CONNECTIONS", 64))
MIXED_THREADS = int(os.environ.get("BENCH_MIXED_THREADS", 2))
EDIT_INTERVAL = float(os.environ.get("BENCH_EDIT_INTERVAL", 5))
ZIPF_S = float(os.environ.get("BENCH_ZIPF_S", mixed.DEFAULT_ZIPF_S))
SEED = int(os.environ.get("BENCH_SEED", 1))

#: bakerydemo's best uncached ratio to the same ceiling, measured on this machine (issue 7).
BAKERYDEMO_RATIO = 0.016
TARGETS = {
    "uncached_ratio": 0.10,
    "uncached_vs_bakerydemo": 6,
    "cached_ratio": 0.70,
    "search_median_ms": 50,
}
PAGES = ["home", "news list", "news detail", "programme area", "search", "ceiling"]


def log(message):
    print(f"[bench] {message}", flush=True)


# --- Set-up -------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_url():
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return "redis://127.0.0.1:6379/15"
    except OSError:
        return ""


def base_env(secret, cache_prefix, redis):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "CACHE_KEY_PREFIX": cache_prefix,
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    if redis:
        env["REDIS_URL"] = redis
    return env


def safe_url(value):
    """The URL without its password, for the results file."""
    url = urlparse(value)
    user = f"{url.username}@" if url.username else ""
    return f"{url.scheme}://{user}{url.hostname}:{url.port or 5432}{url.path}"


def ensure_database():
    """Create the database named in DATABASE_URL if it does not exist (PostgreSQL only)."""
    url = urlparse(DATABASE_URL)
    if not url.scheme.startswith("postgres"):
        raise SystemExit("The benchmark runs on PostgreSQL: set DATABASE_URL=postgres://…")
    import psycopg2

    name = url.path.lstrip("/")
    connection = psycopg2.connect(host=url.hostname, port=url.port or 5432, user=url.username,
                                  password=url.password, dbname="postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            log(f"creating database {name}")
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def manage(env, *args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)


def vacuum_analyze():
    import psycopg2

    url = urlparse(DATABASE_URL)
    connection = psycopg2.connect(host=url.hostname, port=url.port or 5432, user=url.username,
                                  password=url.password, dbname=url.path.lstrip("/"))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.close()


# --- Gunicorn ------------------------------------------------------------------------


class Server:
    def __init__(self, env, port):
        self.env, self.port = env, port
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [GUNICORN, "oim_site.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers", str(WORKERS),
             "--log-level", "warning", "--timeout", "60", "--backlog", "2048"],
            cwd=ROOT, env=self.env, start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                status, _ = fetch(self.port, "/bench/ceiling/")
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__(None, None, None)
        raise SystemExit("gunicorn did not answer within 30 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# --- Load ------------------------------------------------------------------------------


def load(port, paths, *, duration, connections):
    """Requests/s, latency percentiles and errors for ``paths`` (rotated)."""
    if shutil.which("wrk"):
        return load_wrk(port, paths, duration=duration, connections=connections)
    return load_python(port, paths, duration=duration, connections=connections)


def load_wrk(port, paths, *, duration, connections):
    return wrk(port, "report.lua", {"BENCH_PATHS": " ".join(paths)}, duration=duration, connections=connections)


def wrk(port, script, env, *, duration, connections, threads=None):
    """One wrk run with a script of bench/ that prints a BENCH_JSON line; its figures, with the derived ones."""
    raw = json.loads(wrk_output(wrk_command(port, script, duration=duration, connections=connections,
                                            threads=threads), env))
    return wrk_result(raw)


def wrk_command(port, script, *, duration, connections, threads=None):
    threads = threads or max(1, min(connections, os.cpu_count() or 1))
    return ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s",
            "-s", str(BENCH / script), f"http://127.0.0.1:{port}"]


def wrk_output(command, env, process=None):
    """The BENCH_JSON object of a wrk run (``process``: one already started with ``command``)."""
    if process is None:
        output = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True,
                                check=True).stdout
    else:
        output, _errors = process.communicate()
        if process.returncode:
            raise subprocess.CalledProcessError(process.returncode, command, output)
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    return line.removeprefix("BENCH_JSON ")


def wrk_result(raw):
    result = {
        "tool": "wrk",
        "requests": raw["requests"],
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "errors": sum(raw["errors"].values()),
        "error_detail": raw["errors"],
    }
    for key in ("max_us", "statuses", "x_cache", "sent_by_rank", "counted"):
        if key in raw:
            result[key] = raw[key]
    return result


def load_python(port, paths, *, duration, connections):
    """A small closed-loop load generator: one thread per connection, keep-alive."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop = time.monotonic() + duration

    def worker(offset):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        count = offset
        mine = []
        while time.monotonic() < stop:
            path = paths[count % len(paths)]
            count += 1
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    with lock:
                        errors[0] += 1
            except (OSError, http.client.HTTPException):
                with lock:
                    errors[0] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    if not latencies:
        return {"tool": "python", "requests": 0, "rps": 0, "p50_ms": None, "p90_ms": None, "p99_ms": None,
                "errors": errors[0]}

    def percentile(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    return {"tool": "python", "requests": len(latencies), "rps": len(latencies) / elapsed,
            "p50_ms": statistics.median(latencies) * 1000, "p90_ms": percentile(0.90), "p99_ms": percentile(0.99),
            "errors": errors[0]}


def drain(port, quiet_ms=100, timeout=120):
    """Wait until the ceiling answers fast three times in a row; the seconds waited.

    gunicorn's sync workers finish every request a load generator gave up on
    when it stopped (up to one per connection, seconds each for a slow page):
    the next measurement would otherwise begin behind that queue.
    """
    started = time.monotonic()
    fast = 0
    while time.monotonic() - started < timeout:
        begun = time.perf_counter()
        try:
            fetch(port, "/bench/ceiling/")
        except OSError:
            fast = 0
        else:
            fast = fast + 1 if (time.perf_counter() - begun) * 1000 < quiet_ms else 0
        if fast >= 3:
            break
        time.sleep(0.1)
    waited = time.monotonic() - started
    if waited > 2:
        log(f"waited {waited:.0f} s for the server to work off the previous run's queue")
    return waited


def measure_pass(port, pages, label):
    """Each page for DURATION seconds; the ceiling first and last, averaged.

    The machine is shared: measuring the ceiling on both sides of the pages
    keeps a burst of someone else's work from skewing every ratio one way.
    """
    results = {}
    ceilings = []
    for name in ["ceiling", *PAGES]:
        path = pages[name]["path"]
        if not path:
            continue
        drain(port)
        load(port, [path], duration=1, connections=CONNECTIONS)  # warm-up (and fill the cache)
        result = load(port, [path], duration=DURATION, connections=CONNECTIONS)
        status, headers = head(port, path)
        result["status"], result["x_cache"] = status, headers.get("X-Cache", "")
        if name == "ceiling":
            ceilings.append(result)
        else:
            results[name] = result
        log(f"{label:8} {name:15} {result['rps']:8.0f} req/s  {result['x_cache']}")
    results["ceiling"] = combined_ceiling(ceilings)
    return results


def combined_ceiling(ceilings):
    """The ceilings measured before and after some pages: their mean."""
    return {
        "tool": ceilings[0]["tool"],
        "requests": sum(c["requests"] for c in ceilings),
        "rps": statistics.mean(c["rps"] for c in ceilings),
        "rps_each": [round(c["rps"], 1) for c in ceilings],
        "p50_ms": statistics.mean(c["p50_ms"] for c in ceilings),
        "p99_ms": max(c["p99_ms"] for c in ceilings),
        "errors": sum(c["errors"] for c in ceilings),
    }


def head(port, path, timeout=10):
    """Status and headers of one GET (to see whether the page came from the cache)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        headers = dict(response.getheaders())
        headers.setdefault("Content-Length", str(len(body)))
        return response.status, headers
    finally:
        connection.close()


def failing_softly(measure, *args):
    """The measurement, or {"failed": why}: the other results are still reported and written."""
    try:
        return measure(*args)
    except Exception as error:
        log(f"{measure.__name__} failed: {error!r}")
        return {"failed": repr(error)}


def measure_cold(port, cold, pages, folder):
    """The cold-page table: each row for DURATION s, every request a page-cache miss; the ceiling first and last.

    bench/cold.lua rotates over the row's paths (cold: French and English,
    2,000 releases, every area and partner, the searches) and makes each
    address new with ?bench=<run>-<thread>-<counter>; it counts the statuses
    and X-Cache headers, so a row that was not all 200 MISS says so. The
    rest of the site stays warm: nothing changes during the pass, so the
    content version and the aggregates kept under it are in the cache.
    """
    drain(port)
    ceilings = [load(port, [pages["ceiling"]["path"]], duration=DURATION, connections=CONNECTIONS)]
    log(f"cold     ceiling         {ceilings[0]['rps']:8.0f} req/s")
    rows = {}
    for number, name in enumerate(mixed.COLD_PAGES):
        paths = cold.get(name) or []
        if not paths:
            continue
        file = folder / f"cold-{number}.txt"
        file.write_text("".join(f"{path}\n" for path in paths))
        env = {"BENCH_PATHS_FILE": str(file)}
        drain(port)
        wrk(port, "cold.lua", {**env, "BENCH_RUN": f"w{number}"}, duration=1, connections=CONNECTIONS)  # warm-up
        result = wrk(port, "cold.lua", {**env, "BENCH_RUN": f"m{number}"}, duration=DURATION,
                     connections=CONNECTIONS)
        result.update(paths=len(paths), example=f"{paths[0]}{'&' if '?' in paths[0] else '?'}bench=m{number}-1-1",
                      misses=result["x_cache"]["MISS"],
                      non_200=sum(count for code, count in result["statuses"].items() if code != "200"),
                      queries=(pages.get(name) or {}).get("queries"))
        rows[name] = result
        log(f"cold     {name:15} {result['rps']:8.0f} req/s  {result['misses']}/{result['requests']} MISS")
    drain(port)
    ceilings.append(load(port, [pages["ceiling"]["path"]], duration=DURATION, connections=CONNECTIONS))
    log(f"cold     ceiling         {ceilings[1]['rps']:8.0f} req/s")
    ceiling = combined_ceiling(ceilings)
    for row in rows.values():
        row["ratio"] = row["rps"] / ceiling["rps"] if ceiling["rps"] else 0
    return {"ceiling": ceiling, "rows": rows, "connections": CONNECTIONS, "duration_s": DURATION}


def measure_mixed(port, env, population, folder):
    """The mixed traffic: Zipf over the population, with the editor's changes, between two ceilings.

    The ceiling (at the same connections and threads) right before, then the
    cost of wrk's response() callback on the ceiling, a warm-up of the same
    mix (another seed, not counted), the measured run with the editor
    (bench/mixed.py editor) making and checking a change every
    BENCH_EDIT_INTERVAL s, and the ceiling right after.
    """
    weighted = folder / "population.tsv"
    weights = mixed.write_weighted(weighted, population, ZIPF_S)
    zipf_env = {"BENCH_POPULATION": str(weighted)}
    options = {"connections": MIXED_CONNECTIONS, "threads": MIXED_THREADS}
    ceiling_env = {"BENCH_PATHS": "/bench/ceiling/"}
    drain(port)
    before = wrk(port, "report.lua", ceiling_env, duration=DURATION, **options)
    log(f"mixed    ceiling         {before['rps']:8.0f} req/s ({MIXED_CONNECTIONS} connections)")
    alone = folder / "ceiling.tsv"
    alone.write_text("1\t/bench/ceiling/\n")
    counted = wrk(port, "zipf.lua", {"BENCH_POPULATION": str(alone)}, duration=DURATION, **options)
    log(f"mixed    ceiling through zipf.lua, responses counted: {counted['rps']:8.0f} req/s")
    warmup = None
    if MIXED_WARMUP > 0:
        log(f"mixed    warm-up: the same mix for {MIXED_WARMUP} s (another seed), so that the hot pages are cached "
            "as on a running site; not counted")
        warmup = wrk(port, "zipf.lua", {**zipf_env, "BENCH_SEED": str(SEED + 1)}, duration=MIXED_WARMUP, **options)
    out = folder / "editor.json"
    editor = subprocess.Popen(
        [PY, str(BENCH / "mixed.py"), "editor", "--port", str(port), "--duration", str(MIXED_DURATION),
         "--interval", str(EDIT_INTERVAL), "--seed", str(SEED), "--out", str(out)],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        for line in editor.stdout:
            if line.strip() == "READY":
                break
        else:
            raise SystemExit("the editor (bench/mixed.py editor) did not start")
        log(f"mixed    measured: {MIXED_DURATION} s, {MIXED_CONNECTIONS} connections, a change every "
            f"{EDIT_INTERVAL} s")
        command = wrk_command(port, "zipf.lua", duration=MIXED_DURATION, **options)
        process = subprocess.Popen(command, env={**os.environ, **zipf_env, "BENCH_SEED": str(SEED)},
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        editor.stdin.write("go\n")
        editor.stdin.flush()
        result = wrk_result(json.loads(wrk_output(command, None, process)))
        editor.wait(timeout=MIXED_DURATION + 300)
    finally:
        if editor.poll() is None:
            editor.kill()
            editor.wait()
    edits = json.loads(out.read_text()) if out.exists() else {"changes": [], "summary": mixed.summarize_changes([])}
    drained = drain(port)
    after = wrk(port, "report.lua", ceiling_env, duration=DURATION, **options)
    log(f"mixed    ceiling         {after['rps']:8.0f} req/s")
    probes = probe_kinds(port, population)
    ceiling = combined_ceiling([before, after])
    answered = sum(result["x_cache"].values())
    sent = sum(result["sent_by_rank"].values()) or 1
    result.update(
        ratio=result["rps"] / ceiling["rps"] if ceiling["rps"] else 0,
        ceiling=ceiling,
        hit_ratio=result["x_cache"]["HIT"] / answered if answered else None,
        zipf_s=ZIPF_S,
        seed=SEED,
        connections=MIXED_CONNECTIONS,
        threads=MIXED_THREADS,
        duration_s=MIXED_DURATION,
        warmup_s=MIXED_WARMUP,
        warmup={key: warmup[key] for key in ("requests", "rps", "p99_ms", "errors", "x_cache")} if warmup else None,
        population=len(population),
        population_kinds=dict(Counter(entry["kind"] for entry in population)),
        expected_by_rank=mixed.share_by_bucket(weights),
        observed_by_rank={key: count / sent for key, count in result["sent_by_rank"].items()},
        response_callback={"ceiling_rps": before["rps"], "ceiling_rps_counting": counted["rps"],
                           "ratio": counted["rps"] / before["rps"] if before["rps"] else None},
        edit_interval_s=EDIT_INTERVAL,
        edits=edits["summary"],
        changes=edits["changes"],
        restored=edits.get("restored"),
        drained_s=round(drained, 1),
        miss_by_kind=probes,
    )
    return result


def probe_kinds(port, population):
    """One request, alone, to the most popular page of each kind, made a miss (?bench=probe): what a miss costs."""
    probes = {}
    for entry in population:
        if entry["kind"] in probes:
            continue
        path = f"{entry['path']}{'&' if '?' in entry['path'] else '?'}bench=probe"
        begun = time.perf_counter()
        try:
            status, headers = head(port, path, timeout=60)
        except OSError as error:
            probes[entry["kind"]] = {"path": path, "error": repr(error)}
            continue
        elapsed_ms = round((time.perf_counter() - begun) * 1000, 1)
        size = int(headers.get("Content-Length") or 0)
        probes[entry["kind"]] = {"path": path, "status": status, "ms": elapsed_ms,
                                 "x_cache": headers.get("X-Cache", ""), "bytes": size}
    return probes


# --- Report ----------------------------------------------------------------------------


def verdict(ok):
    return "PASS" if ok else "FAIL"


def report(data):
    pages = data["pages"]
    rows = []
    header = (f"{'page':16} {'pass':9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'% ceiling':>10} "
              f"{'queries':>8} {'errors':>7}")
    print("(queries: SQL queries of one uncached request; for cached rows, the X-Cache header after the run)")
    print("\n" + header)
    print("-" * len(header))
    for label in ("uncached", "cached"):
        ceiling = data[label]["ceiling"]["rps"]
        for name in PAGES:
            result = data[label].get(name)
            if not result:
                continue
            ratio = result["rps"] / ceiling if ceiling else 0
            result["ratio"] = ratio
            queries = pages[name]["queries"] if label == "uncached" else result.get("x_cache") or "-"
            print(f"{name:16} {label:9} {result['rps']:8.0f} {result['p50_ms']:8.1f} {result['p99_ms']:8.1f} "
                  f"{ratio * 100:9.1f}% {queries!s:>8} {result['errors']:7}")
            rows.append((name, label, ratio))
    search = data["search_latency"]
    soak = data["soak"]
    print(f"\nsearch, 1 connection: median {search['p50_ms']:.1f} ms, p99 {search['p99_ms']:.1f} ms "
          f"({search['requests']} requests)")
    print(f"soak: {SOAK_CONNECTIONS} connections for {SOAK} s over all pages (uncached): "
          f"{soak['requests']} requests, {soak['rps']:.0f} req/s, p99 {soak['p99_ms']:.0f} ms, "
          f"{soak['errors']} errors")

    checks = []
    for name, label, ratio in rows:
        if name == "ceiling":
            continue
        if label == "uncached":
            checks.append((f"uncached {name} >= 10% of ceiling ({ratio * 100:.1f}%)",
                           ratio >= TARGETS["uncached_ratio"]))
            if name in {"home", "news list", "news detail"}:
                times = ratio / BAKERYDEMO_RATIO
                checks.append((f"uncached {name} >= 6x bakerydemo's 1.6% ({times:.1f}x)",
                               times >= TARGETS["uncached_vs_bakerydemo"]))
        else:
            checks.append((f"cached {name} >= 70% of ceiling ({ratio * 100:.1f}%)", ratio >= TARGETS["cached_ratio"]))
    checks.append((f"no error at {SOAK_CONNECTIONS} connections for {SOAK} s ({soak['errors']} errors)",
                   soak["errors"] == 0))
    checks.append((f"search median < 50 ms among {data['releases']} releases ({search['p50_ms']:.1f} ms)",
                   search["p50_ms"] < TARGETS["search_median_ms"]))
    failing = [f"{label} {name}: {data[label][name]['errors']}" for label in ("uncached", "cached")
               for name in PAGES if data[label].get(name, {}).get("errors")]
    checks.append((f"every measured request answered 2xx/3xx ({'; '.join(failing) or 'no errors'})", not failing))
    for name, _path in pages.items():
        status = pages[name]["status"]
        if status is not None:
            checks.append((f"{name} answers 200 ({status})", status == 200))
    audits = data.get("lighthouse", {})
    if "skipped" in audits:
        print(f"\nLighthouse skipped: {audits['skipped']}")
    elif audits:
        print(f"\n{'Lighthouse (mobile)':20} " + " ".join(f"{name:>15}" for name in lighthouse.CATEGORIES)
              + f" {'KB w/o images':>14}")
        for name, result in audits.items():
            print(f"{name:20} " + " ".join(f"{result['scores'][c]:>15}" for c in lighthouse.CATEGORIES)
                  + f" {result['bytes_without_images'] / 1024:>14.1f}")
            checks.append((f"Lighthouse {name}: 100 in all four categories ({result['scores']}"
                           f"{'; below 100: ' + ', '.join(result['below_100']) if result['below_100'] else ''})",
                           all(score == 100 for score in result["scores"].values())))
        if "home" in audits:
            weight = audits["home"]["bytes_without_images"] / 1024
            checks.append((f"home under 100 KB transferred without images ({weight:.1f} KB)", weight < 100))
    later = report_issue15(data)
    print("\nTargets (issue 7):")
    for text, ok in checks:
        print(f"  {verdict(ok)}  {text}")
    if later:
        print("\nTargets (issue 15):")
        for text, ok in later:
            print(f"  {verdict(ok)}  {text}")
    data["checks"] = ([{"target": text, "pass": ok, "issue": 7} for text, ok in checks]
                      + [{"target": text, "pass": ok, "issue": 15} for text, ok in later])
    return data


def report_issue15(data):
    """The cold-page and mixed-traffic tables; their [(target, ok)]."""
    checks = []
    cold = data.get("cold")
    if cold and "skipped" in cold:
        print(f"\nCold pages skipped: {cold['skipped']}")
    elif cold and "failed" in cold:
        print(f"\nCold pages: the measurement failed: {cold['failed']}")
        checks.append((f"cold pages measured ({cold['failed']})", False))
    elif cold:
        print(f"\nCold pages: page cache on ({data['settings']['cache']}, PAGE_CACHE_SECONDS=600), every request a new "
              f"address (?bench=…) so a page-cache miss, the rest of the site warm; {cold['connections']} connections, "
              f"{cold['duration_s']} s a row; ceiling {cold['ceiling']['rps']:.0f} req/s "
              f"(before {cold['ceiling']['rps_each'][0]:.0f}, after {cold['ceiling']['rps_each'][-1]:.0f})")
        header = (f"{'page':16} {'paths':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'% ceiling':>10} "
                  f"{'queries':>8} {'MISS/requests':>15} {'errors':>7}  target")
        print("(queries: SQL queries of one uncached request, bench/queries.py)")
        print(header)
        print("-" * len(header))
        row_checks = dict(zip(cold["rows"], mixed.cold_checks(cold["rows"]), strict=True))
        for name, row in cold["rows"].items():
            print(f"{name:16} {row['paths']:6} {row['rps']:8.1f} {row['p50_ms']:8.1f} {row['p99_ms']:8.1f} "
                  f"{row['ratio'] * 100:9.1f}% {row['queries']!s:>8} {row['misses']:>7}/{row['requests']:<7} "
                  f"{row['errors'] + row['non_200']:7}  {verdict(row_checks[name][1])}")
        checks += list(row_checks.values())
    result = data.get("mixed")
    if result and "skipped" in result:
        print(f"\nMixed traffic skipped: {result['skipped']}")
    elif result and "failed" in result:
        print(f"\nMixed traffic: the measurement failed: {result['failed']}")
        checks.append((f"mixed traffic measured ({result['failed']})", False))
    elif result:
        edits = result["edits"]
        print(f"\nMixed traffic: {result['population']} URLs (every public page in French and English, "
              f"{result['population_kinds'].get('search', 0)} searches), Zipf s={result['zipf_s']}, "
              f"wrk -t{result['threads']} -c{result['connections']} -d{result['duration_s']}s after a "
              f"{result['warmup_s']} s warm-up of the same mix (not counted); a change through the editorial "
              f"services every {result['edit_interval_s']:g} s; ceiling {result['ceiling']['rps']:.0f} req/s "
              f"(before {result['ceiling']['rps_each'][0]:.0f}, after {result['ceiling']['rps_each'][-1]:.0f})")
        header = (f"{'requests':>9} {'req/s':>8} {'% ceiling':>10} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} "
                  f"{'errors':>7} {'hit ratio':>10} {'edits':>7} {'pages checked':>14}")
        print(header)
        print("-" * len(header))
        hit = f"{result['hit_ratio'] * 100:.1f}%" if result.get("hit_ratio") is not None else "-"
        print(f"{result['requests']:9} {result['rps']:8.1f} {result['ratio'] * 100:9.1f}% {result['p50_ms']:8.1f} "
              f"{result['p90_ms']:8.1f} {result['p99_ms']:8.1f} {result['errors']:7} {hit:>10} "
              f"{edits['changes']:>3}/{edits.get('planned', edits['changes']):<3} "
              f"{edits['pages_ok']:>6}/{edits['pages_checked']:<7}")
        if edits.get("late_s_max", 0) > 1:
            print(f"(checks took longer than the interval: a change started up to {edits['late_s_max']:.1f} s late)")
        print("requests by rank, sent (expected): " + ", ".join(
            f"{key}: {result['observed_by_rank'].get(key, 0) * 100:.1f}% ({share * 100:.1f}%)"
            for key, share in result["expected_by_rank"].items()))
        callback = result["response_callback"]
        if callback.get("ratio"):
            print(f"wrk's response() callback (X-Cache counts): the ceiling through it is "
                  f"{callback['ratio'] * 100:.0f}% of the plain ceiling "
                  f"({callback['ceiling_rps_counting']:.0f} / {callback['ceiling_rps']:.0f} req/s)")
        probes = result.get("miss_by_kind") or {}
        if probes:
            def described(kind, probe):
                if "error" in probe:
                    return f"{kind} [{probe['error']}]"
                size = f" ({probe['bytes'] / 1e6:.1f} MB)" if probe["bytes"] > 1e6 else ""
                status = "" if probe["status"] == 200 else f" [{probe['status']}]"
                return f"{kind} {probe['ms']:.0f} ms{size}{status}"

            print("one miss of each kind, alone, after the run: " + ", ".join(
                described(kind, probe)
                for kind, probe in sorted(probes.items(), key=lambda item: -item[1].get("ms", 1e9))))
        if result.get("warmup"):
            warm = result["warmup"]
            answered = sum(warm["x_cache"].values()) or 1
            print(f"warm-up: {warm['requests']} requests, {warm['rps']:.0f} req/s, hit ratio "
                  f"{warm['x_cache']['HIT'] / answered * 100:.1f}%, {warm['errors']} errors")
        for change in result["changes"]:
            stale = [check["path"] for check in change.get("checks", []) if not check["ok"]]
            state = change.get("error") or (f"STALE {', '.join(stale)}" if stale else "ok")
            print(f"  {change['at_s']:5.1f} s  {change['kind']:13} {change.get('marker', ''):14} "
                  f"{len(change.get('checks', [])) - len(stale):3}/{len(change.get('checks', [])):<3} pages  {state}")
        checks += mixed.mixed_checks(result)
    return checks


def main():
    started = time.monotonic()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    secret = secrets.token_urlsafe(50)
    redis = redis_url()
    prefix = f"oim-bench-{stamp}"
    env = base_env(secret, prefix, redis)
    uncached_env = {**env, "PAGE_CACHE_SECONDS": "0"}
    cached_env = {**env, "PAGE_CACHE_SECONDS": "600"}

    ensure_database()
    if os.environ.get("BENCH_SKIP_SETUP") != "1":
        log("migrate, demo content, collectstatic")
        manage(uncached_env, "migrate", "--noinput", "-v0")
        manage(uncached_env, "generate_demo_content", "--news", str(NEWS), "--partners", "40", "--areas", "8",
               "--offices", "3")
        vacuum_analyze()
        manage(uncached_env, "collectstatic", "--noinput", "-v0")

    log("query counts, cold-page paths and mixed-traffic population")
    urls = Path(tempfile.mkdtemp(prefix="oim-bench-urls-"))
    cold_file, population_file = urls / "cold.json", urls / "population.json"
    counted = subprocess.run([PY, str(BENCH / "queries.py"), "--cold", str(cold_file), "--population",
                              str(population_file)], cwd=ROOT, env=uncached_env, check=True,
                             capture_output=True, text=True).stdout
    counts = json.loads(counted.strip().splitlines()[-1])
    pages = counts["pages"]

    data = {
        "timestamp": stamp,
        "git": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip(),
        "machine": {"cpus": os.cpu_count(), "load_before": os.getloadavg()},
        "settings": {"database": safe_url(DATABASE_URL),
                     "cache": "redis" if redis else "locmem (per worker)", "workers": WORKERS,
                     "duration_s": DURATION, "connections": CONNECTIONS, "soak_s": SOAK,
                     "soak_connections": SOAK_CONNECTIONS, "tool": "wrk" if shutil.which("wrk") else "python",
                     "page_cache": "core.cache.PageCacheMiddleware (PAGE_CACHE_SECONDS=0 for uncached)",
                     "mixed_s": MIXED_DURATION, "mixed_warmup_s": MIXED_WARMUP,
                     "mixed_connections": MIXED_CONNECTIONS, "mixed_threads": MIXED_THREADS,
                     "edit_interval_s": EDIT_INTERVAL, "zipf_s": ZIPF_S, "seed": SEED},
        "releases": counts["releases"],
        "pages": pages,
    }

    port = free_port()
    log(f"uncached pass: gunicorn, {WORKERS} workers, port {port}")
    with Server(uncached_env, port):
        data["uncached"] = measure_pass(port, pages, "uncached")
        data["search_latency"] = load(port, [pages["search"]["path"]], duration=DURATION, connections=1)
        log(f"soak: {SOAK_CONNECTIONS} connections, {SOAK} s")
        every = [pages[name]["path"] for name in PAGES if pages[name]["path"] and name != "ceiling"]
        data["soak"] = load(port, every, duration=SOAK, connections=SOAK_CONNECTIONS)

    port = free_port()
    log(f"cached pass ({data['settings']['cache']}): gunicorn, {WORKERS} workers, port {port}")
    with Server(cached_env, port):
        data["cached"] = measure_pass(port, pages, "cached")
        if LIGHTHOUSE:
            log("Lighthouse (mobile): home, news list, news detail")
            data["lighthouse"] = lighthouse.run(port, pages)
        else:
            data["lighthouse"] = {"skipped": "BENCH_LIGHTHOUSE=0"}
        with tempfile.TemporaryDirectory(prefix="oim-bench-") as folder:
            folder = Path(folder)
            if not shutil.which("wrk"):
                data["cold"] = data["mixed"] = {"skipped": "wrk is not installed (a Python load generator "
                                                           "would take the CPUs the site needs)"}
            else:
                if COLD:
                    log("cold pass: every request a page-cache miss")
                    data["cold"] = failing_softly(measure_cold, port, json.loads(cold_file.read_text()), pages,
                                                  folder)
                else:
                    data["cold"] = {"skipped": "BENCH_COLD=0"}
                if MIXED_DURATION > 0:
                    log("mixed traffic")
                    data["mixed"] = failing_softly(measure_mixed, port, cached_env,
                                                   json.loads(population_file.read_text()), folder)
                else:
                    data["mixed"] = {"skipped": "BENCH_MIXED=0"}

    if redis:
        try:
            import redis as redis_client

            client = redis_client.Redis.from_url(redis)
            keys = list(client.scan_iter(f"{prefix}:*"))
            if keys:
                client.delete(*keys)
        except Exception as error:  # cleaning up is a courtesy, not part of the result
            log(f"could not remove the bench's cache keys: {error}")

    shutil.rmtree(urls, ignore_errors=True)
    data["machine"]["load_after"] = os.getloadavg()
    data["elapsed_s"] = round(time.monotonic() - started, 1)
    report(data)
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    path = results / f"{stamp}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {path.relative_to(ROOT)} ({data['elapsed_s']} s in all).")


if __name__ == "__main__":
    main()

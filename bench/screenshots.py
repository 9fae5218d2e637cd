"""`make screenshots`: full-page screenshots of each public page type, for a reviewer to look at.

Builds a throwaway site in a temporary folder (SQLite database, media, static
files and cache of its own: nothing of db.sqlite3 or media/ is touched):
`migrate`, `load_initial_content --no-input` (the shipped content, as a
newcomer's `make run` shows it) and `collectstatic`, then serves it with
gunicorn under production settings (DJANGO_DEBUG=0, WhiteNoise's compressed
static files, media served by Django) and has Debian's Chromium photograph
home, news list, a release, a partner, an office and a search, in French and
English, at 360 and 1,280 px wide.

Writes screenshots/<language>-<page>-<width>.png (the folder is gitignored)
and prints where each page's <h1> starts.

Options: --out FOLDER (screenshots), --widths 360,1280, --search TERMS
(migration). CHROME_PATH chooses the browser (default /usr/bin/chromium).
"""

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run", "--disable-sync"]
HEIGHT = 740

#: The addresses of one release, partner and office in both languages, from the shipped content.
URLS_SCRIPT = """
import json
from news.models import NewsRelease
from offices.models import Office
from partners.models import Partner
found = {}
for name, model, order in (("release", NewsRelease, "-publication_date"), ("partner", Partner, "pk"),
                           ("office", Office, "pk")):
    item = model.objects.published().order_by(order).first()
    if item is not None:
        found[name] = {language: item.get_absolute_url_in(language) for language in ("fr", "en")}
print(json.dumps(found))
"""


def log(message):
    print(f"[screenshots] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(folder):
    """Production settings on a site of its own in ``folder``."""
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_URL"}}
    env.update({
        "DJANGO_SETTINGS_MODULE": "oim_site.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "DJANGO_CACHE_DIR": str(folder / "cache"),
        "PENDING_UPLOADS_DIR": str(folder / "pending-uploads"),
        "DJANGO_SERVE_MEDIA": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    })
    return env


def manage(env, *args, capture=False):
    result = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True,
                            capture_output=capture)
    return result.stdout


def serve(env, port):
    process = subprocess.Popen(
        [PY, "-m", "gunicorn", "oim_site.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped before answering")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/fr/", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise SystemExit("gunicorn did not answer within 30 s")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def pages(found, search):
    """{language: [(name, path)]} for every page type."""
    lists = {"fr": ("/fr/", "/fr/actualites/", "/fr/recherche/"), "en": ("/en/", "/en/news/", "/en/search/")}
    result = {}
    for language, (home, news, search_path) in lists.items():
        result[language] = [("home", home), ("news-list", news)]
        result[language] += [(name, found[name][language]) for name in ("release", "partner", "office")
                             if name in found]
        result[language].append(("search", f"{search_path}?q={urllib.request.quote(search)}"))
    return result


def photograph(base, targets, widths, out):
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_ARGS)
        try:
            for language, entries in targets.items():
                for width in widths:
                    context = browser.new_context(viewport={"width": width, "height": HEIGHT},
                                                  locale="fr-FR" if language == "fr" else "en-GB")
                    page = context.new_page()
                    for name, path in entries:
                        response = page.goto(base + path, wait_until="load")
                        if response is None or response.status != 200:
                            log(f"{path}: HTTP {response.status if response else 'no response'}, skipped")
                            continue
                        page.evaluate("document.fonts.ready.then(() => true)")
                        h1 = page.evaluate("(() => { const h = document.querySelector('h1');"
                                           " return h ? Math.round(h.getBoundingClientRect().top) : null; })()")
                        file = out / f"{language}-{name}-{width}.png"
                        page.screenshot(path=str(file), full_page=True)
                        written.append(file)
                        log(f"{file.relative_to(ROOT) if file.is_relative_to(ROOT) else file}  "
                            f"(h1 at {h1} px, {path})")
                    context.close()
        finally:
            browser.close()
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--widths", default="360,1280")
    parser.add_argument("--search", default="migration")
    options = parser.parse_args()
    if not Path(CHROME).exists():
        raise SystemExit(f"No Chromium at {CHROME} (apt-get install chromium, or set CHROME_PATH)")
    widths = [int(width) for width in options.widths.split(",")]

    with tempfile.TemporaryDirectory(prefix="oim-screenshots-") as folder:
        env = site_env(Path(folder))
        log("migrate, load_initial_content, collectstatic (throwaway SQLite site)")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_initial_content", "--no-input", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        found = json.loads(manage(env, "shell", "-c", URLS_SCRIPT, capture=True).strip().splitlines()[-1])
        port = free_port()
        server = serve(env, port)
        try:
            written = photograph(f"http://127.0.0.1:{port}", pages(found, options.search), widths,
                                 options.out.resolve())
        finally:
            stop(server)
    log(f"{len(written)} screenshots in {options.out}")


if __name__ == "__main__":
    main()

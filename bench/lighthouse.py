"""Lighthouse (mobile) on home, news list and news detail, for `make bench`.

Lighthouse comes from the npm registry, pinned in bench/package.json and
installed into bench/node_modules by `npm ci` on first use; it drives Debian's
Chromium (CHROME_PATH, default /usr/bin/chromium). Without npm or Chromium the
step is skipped and says why; the tests check the same properties
(compression, static cache headers, no blocking scripts, image dimensions).
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("home", "news list", "news detail")
IMAGE_TYPES = {"Image"}


def available():
    """None when Lighthouse can run, else the reason it cannot."""
    if not Path(CHROME).exists():
        return f"no Chromium at {CHROME}"
    if not LIGHTHOUSE.exists():
        if not shutil.which("npm"):
            return "npm is not installed"
        result = subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=BENCH,
                                capture_output=True, text=True, timeout=600)
        if result.returncode != 0 or not LIGHTHOUSE.exists():
            return f"npm ci failed: {result.stderr.strip()[-300:]}"
    return None


def audit(url):
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
             "--form-factor=mobile", f"--chrome-flags={CHROME_FLAGS}"],
            env={**os.environ, "CHROME_PATH": CHROME}, check=True, capture_output=True, timeout=180,
        )
        report = json.loads(output.read_text())
    requests = report["audits"]["network-requests"]["details"]["items"]
    failed = [
        f"{report['categories'][name]['title']}: {ref['id']}"
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref.get("weight") and report["audits"][ref["id"]].get("score") is not None
        and report["audits"][ref["id"]]["score"] < 1
    ]
    return {
        "scores": {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
        "bytes_without_images": sum(item.get("transferSize", 0) for item in requests
                                    if item.get("resourceType") not in IMAGE_TYPES),
        "bytes_images": sum(item.get("transferSize", 0) for item in requests
                            if item.get("resourceType") in IMAGE_TYPES),
        "below_100": failed,
    }


def run(port, pages):
    reason = available()
    if reason:
        return {"skipped": reason}
    results = {}
    for name in PAGES:
        path = pages[name]["path"]
        if path:
            results[name] = audit(f"http://127.0.0.1:{port}{path}")
    return results

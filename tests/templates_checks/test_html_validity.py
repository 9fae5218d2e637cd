"""Every public page type, in both languages, is valid HTML for the Nu HTML Checker (vnu).

vnu comes from the npm registry, pinned in bench/package.json with Lighthouse,
and installed into bench/node_modules by `npm ci` on first use; it runs on
the machine's Java. Without Java or npm the test is skipped and says why on a
newcomer's machine, and fails in CI, where both must be there. The pages are
rendered by the test client and checked in one run: vnu takes seconds to start.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import require
from tests.templates_checks.site import build_site

BENCH = Path(settings.BASE_DIR) / "bench"
VNU = BENCH / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


@pytest.fixture(scope="session")
def vnu_jar():
    require(shutil.which("java") is not None, "needs Java 11 or later for the Nu HTML Checker (apt-get install "
                                               "default-jre-headless)")
    if not VNU.exists():
        require(shutil.which("npm") is not None, "needs npm to install the Nu HTML Checker (apt-get install npm)")
        # The jar is in the package; its install script would only fetch a Java runtime.
        result = subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=BENCH,
                                capture_output=True, text=True, timeout=600)
        require(result.returncode == 0 and VNU.exists(), f"npm ci failed in bench/: {result.stderr.strip()[-300:]}")
    return VNU


def test_every_public_page_type_is_valid_html_in_both_languages(client, png_upload, tmp_path, vnu_jar):
    urls = build_site(png_upload)
    files = {}
    for name, pair in urls.items():
        for url in pair:
            response = client.get(url)
            assert response.status_code == (404 if name == "404" else 200), url
            path = tmp_path / f"page-{len(files):02d}.html"
            path.write_bytes(response.content)
            files[path.name] = url
    result = subprocess.run(["java", "-jar", str(vnu_jar), "--format", "json", "--stdout", *map(str, sorted(
        tmp_path.glob("page-*.html")))], capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    # Warnings (such as a redundant role) are advice, not failures; an unreadable file is one.
    errors = [f"{files.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: {m['message']}"
              for m in report["messages"] if m["type"] in {"error", "non-document-error"}]
    assert not errors, "\n".join(errors)
    assert len(files) == 2 * len(urls)

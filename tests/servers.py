"""Real gunicorn servers for the tests that need several processes (shared cache, two instances)."""

import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn_servers(env, count=1, workers=1):
    """``count`` gunicorn servers of ``workers`` workers each, started with ``env``; yields their base URLs."""
    servers = []
    for _ in range(count):
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "oim_site.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
             "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        servers.append((proc, f"http://127.0.0.1:{port}"))
    try:
        for proc, url in servers:
            for _ in range(150):
                try:
                    urllib.request.urlopen(url + "/fr/", timeout=2)
                    break
                except OSError:
                    if proc.poll() is not None:
                        pytest.fail(proc.stderr.read().decode())
                    time.sleep(0.1)
        yield [url for _proc, url in servers]
    finally:
        for proc, _url in servers:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                # A worker stuck in a request would otherwise outlive the run, holding the test database open.
                proc.kill()
                proc.wait(timeout=10)

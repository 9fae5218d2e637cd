"""`manage.py check --deploy` tells the operator what would make the site wrong in production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import checks

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"DJANGO_DEBUG": "0", "DJANGO_HTTPS": "1", "DJANGO_ALLOWED_HOSTS": "www.oim.fr",
              "DJANGO_SECRET_KEY": "deploy-check-" + "x" * 50}


def manage_check(tmp_path, **env):
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "PYTEST_XDIST_WORKER"))}
    env = {**clean, "DJANGO_CACHE_DIR": str(tmp_path / "cache"), **env}
    env = {k: v for k, v in env.items() if v is not None}
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def ids(messages):
    return [message.id for message in messages]


def test_the_ci_production_variables_pass(tmp_path):
    # .ci/run's invocation: no REDIS_URL, no DJANGO_TRUSTED_PROXY_COUNT.
    result = manage_check(tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr


def test_a_cache_private_to_each_process_fails_the_deploy_check(tmp_path):
    result = manage_check(tmp_path, **{**PRODUCTION, "DJANGO_DEBUG": "1"})
    assert result.returncode != 0
    assert "core.W001" in result.stderr and "LocMemCache" in result.stderr


@pytest.mark.parametrize("backend", ["locmem.LocMemCache", "dummy.DummyCache"])
def test_process_local_caches_are_warned_about(settings, backend):
    settings.CACHES = {"default": {"BACKEND": f"django.core.cache.backends.{backend}"}}
    assert ids(checks.cache_shared_across_processes()) == ["core.W001"]


def test_shared_caches_pass(settings, tmp_path):
    settings.CACHES = {"default": {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": "redis://cache:6379/0"}}
    assert checks.cache_shared_across_processes() == []
    settings.CACHES = {"default": {"BACKEND": checks.FILE_CACHE, "LOCATION": str(tmp_path / "cache")}}
    assert checks.cache_shared_across_processes() == []


def test_a_cache_directory_that_cannot_be_written_is_warned_about(settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    settings.CACHES = {"default": {"BACKEND": checks.FILE_CACHE, "LOCATION": str(blocker / "cache")}}
    assert ids(checks.cache_shared_across_processes()) == ["core.W002"]


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "²"])
def test_an_invalid_proxy_count_is_an_error_on_every_check(tmp_path, value):
    result = manage_check(tmp_path, DJANGO_DEBUG="1", DJANGO_TRUSTED_PROXY_COUNT=value)
    assert result.returncode != 0
    assert "core.E001" in result.stderr


def test_behind_the_proxy_a_count_of_zero_is_warned_about(tmp_path):
    result = manage_check(tmp_path, **PRODUCTION, DJANGO_TRUSTED_PROXY_COUNT="0")
    assert result.returncode != 0
    assert "core.W003" in result.stderr


def test_an_explicit_count_matching_the_proxy_passes(tmp_path):
    assert manage_check(tmp_path, **PRODUCTION, DJANGO_TRUSTED_PROXY_COUNT="2").returncode == 0


def test_a_count_without_a_proxy_is_warned_about(settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.TRUSTED_PROXY_COUNT = 1
    assert ids(checks.login_throttle_sees_the_visitor()) == ["core.W004"]
    settings.TRUSTED_PROXY_COUNT = 0
    assert checks.login_throttle_sees_the_visitor() == []

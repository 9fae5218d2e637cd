"""Production behaviour is switched by environment variables, never by code paths."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_under(env, expr):
    code = f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='oim_site.settings'; " \
           f"from django.conf import settings; print({expr})"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "AWS_"))}
    result = subprocess.run([sys.executable, "-c", code], env={**clean, **env}, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    return result


def test_secret_key_has_no_default_outside_debug():
    result = settings_under({}, "settings.SECRET_KEY")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_mode_runs_without_a_secret_on_sqlite():
    result = settings_under({"DJANGO_DEBUG": "1"}, "settings.DATABASES['default']['ENGINE']")
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_database_url_and_redis_url_are_read():
    env = {"DJANGO_SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://u:p@db:5432/oim",
           "REDIS_URL": "redis://cache:6379/1"}
    result = settings_under(env, "settings.DATABASES['default']['NAME'], settings.CACHES['default']['BACKEND']")
    assert result.stdout.strip() == "oim core.redis_cache.RedisCache"


def test_https_switch_turns_on_secure_cookies_hsts_and_redirect():
    env = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_HTTPS": "1"}
    expr = "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT, " \
           "settings.SECURE_HSTS_SECONDS > 0"
    assert settings_under(env, expr).stdout.strip() == "True True True True"
    assert settings_under({"DJANGO_SECRET_KEY": "x" * 50}, expr).stdout.strip() == "False False False False"


def test_media_goes_to_object_storage_when_a_bucket_is_named():
    env = {"DJANGO_SECRET_KEY": "x" * 50, "AWS_STORAGE_BUCKET_NAME": "oim-media"}
    expr = "settings.STORAGES['default']['BACKEND']"
    assert settings_under(env, expr).stdout.strip() == "storages.backends.s3.S3Storage"
    assert settings_under({"DJANGO_SECRET_KEY": "x" * 50}, expr).stdout.strip().endswith("FileSystemStorage")

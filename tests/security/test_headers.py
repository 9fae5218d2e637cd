"""Security headers on the public site and the admin, and production transport settings."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import NewsReleaseFactory

ROOT = Path(__file__).resolve().parents[2]


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def public_urls(db):
    release = NewsReleaseFactory()
    return ["/fr/", "/en/", reverse("news:list"), release.get_absolute_url(), release.get_absolute_url_in("en")]


def test_public_pages_have_a_strict_content_security_policy(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        csp = policy(response)
        assert csp["default-src"] == ["'self'"]
        assert csp["script-src"] == ["'self'"], "no inline or eval'd script on public pages"
        assert csp["style-src"] == ["'self'"]
        assert csp["img-src"] == ["'self'", "data:"]
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'self'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert csp["form-action"] == ["'self'"]


def test_not_found_pages_carry_the_policy_too(client, db):
    response = client.get("/fr/actualites/nexiste-pas/")
    assert response.status_code == 404
    assert policy(response)["script-src"] == ["'self'"]


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/", "/ckeditor/browse/"])
def test_admin_policy_relaxes_only_inline_script_and_style(client, admin_user, url):
    client.force_login(admin_user)
    csp = policy(client.get(url))
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    # Everything else is as strict as on the public site.
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["base-uri"] == ["'self'"]


@pytest.mark.parametrize("url", ["/fr/", "/admin/login/"])
def test_browser_hardening_headers(client, db, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def _production_env(**extra):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "oim_site.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "www.oim-france.example",
        "DJANGO_HTTPS": "1",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def _manage(*args, env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_deploy_check_is_clean_with_production_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_without_https():
    # The same check run without DJANGO_HTTPS must complain: proves the check above can fail.
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env(DJANGO_HTTPS=None))
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout  # HSTS
    assert "security.W008" in result.stderr + result.stdout  # SSL redirect


def test_production_variables_switch_on_hsts_secure_cookies_and_ssl_redirect():
    code = (
        "import json; from django.conf import settings as s; import django; django.setup(); "
        "print(json.dumps({k: getattr(s, k) for k in ['SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', "
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'LANGUAGE_COOKIE_SECURE', "
        "'SECURE_PROXY_SSL_HEADER', 'DEBUG', 'SESSION_COOKIE_HTTPONLY']}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_production_env(), capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_SECURE": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "DEBUG": False,
        "SESSION_COOKIE_HTTPONLY": True,
    }


def test_production_without_secret_key_refuses_to_start():
    result = _manage("check", env=_production_env(DJANGO_SECRET_KEY=None))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_https_requests_get_hsts_and_plain_http_is_redirected(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    plain = client.get("/fr/")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    secure = client.get("/fr/", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"

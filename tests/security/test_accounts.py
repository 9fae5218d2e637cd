"""Logging in: brute force is throttled, passwords are checked, sessions end."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from tests.factories import PASSWORD, UserFactory

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def staff(db):
    return UserFactory(username="redactrice", groups=["Rédaction"])


def attempt(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def fail(client, username, times, **extra):
    return [attempt(client, username, "wrong password!", **extra).status_code for _ in range(times)]


def test_four_failures_still_let_the_right_password_in(client, staff):
    assert fail(client, "redactrice", 4) == [200] * 4
    response = attempt(client, "redactrice", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_fifth_failure_locks_the_account_with_a_bilingual_message(client, staff):
    assert fail(client, "redactrice", 5) == [200, 200, 200, 200, 429]
    response = attempt(client, "redactrice", PASSWORD)  # even the right password is refused now
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    text = response.content.decode()
    assert "Connexion temporairement bloquée" in text
    assert "Login temporarily locked" in text
    assert "une heure" in text and "one hour" in text
    assert "manage.py axes_reset_username redactrice" in text
    # The lockout page still gets the admin's security headers.
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_lockout_is_per_username_and_address(client, staff):
    other = UserFactory(username="publieur")
    fail(client, "redactrice", 5)
    # Same address, another account: not locked (nobody can lock a colleague out from the office).
    assert attempt(client, other.username, PASSWORD).status_code == 302
    client.logout()
    # Same account from another address: not locked.
    assert attempt(client, "redactrice", PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 302


def test_reset_command_unlocks_at_once(client, staff):
    fail(client, "redactrice", 5)
    assert attempt(client, "redactrice", PASSWORD).status_code == 429
    call_command("axes_reset_username", "redactrice")
    assert attempt(client, "redactrice", PASSWORD).status_code == 302


def test_lock_expires_after_an_hour(client, staff):
    fail(client, "redactrice", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timezone.timedelta(minutes=59))
    assert attempt(client, "redactrice", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timezone.timedelta(minutes=61))
    assert attempt(client, "redactrice", PASSWORD).status_code == 302


def test_behind_the_proxy_the_forwarded_address_is_throttled_and_cannot_be_forged(client, staff, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    proxy = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_PROTO": "https"}
    fail(client, "redactrice", 5, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    # The attacker prepends a fake address: the proxy's own entry (right-most) still identifies them.
    forged = attempt(client, "redactrice", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7", **proxy)
    assert forged.status_code == 429
    # Another visitor behind the same proxy is not locked out.
    colleague = attempt(client, "redactrice", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy)
    assert colleague.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}


def test_logins_outside_http_are_not_throttled_but_still_check_the_password(client, staff):
    # client.login() calls authenticate() without a request, like the shell does.
    assert not client.login(username="redactrice", password="wrong")
    assert client.login(username="redactrice", password=PASSWORD)


@pytest.mark.parametrize("password", [
    "court",                 # too short
    "motdepasse",            # short and common
    "123456789012345",       # numeric
    "password1234",          # common
    "redactrice2024",        # like the username
])
def test_weak_passwords_are_rejected(db, password):
    user = UserFactory.build(username="redactrice", email="redactrice@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_passphrase_is_accepted(db):
    validate_password("Lanterne-verte-sur-le-quai-9", UserFactory.build(username="redactrice"))


def test_admin_password_change_refuses_a_weak_password(client, staff):
    client.force_login(staff)
    response = client.post("/admin/password_change/", {
        "old_password": PASSWORD, "new_password1": "azerty123", "new_password2": "azerty123",
    })
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_sessions_end_with_the_browser_and_after_eight_hours(client, staff, settings):
    assert attempt(client, "redactrice", PASSWORD).status_code == 302
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a browser-session cookie
    assert cookie["httponly"]
    assert client.session.get_expiry_age() == 8 * 3600
    # A session older than that is refused: the admin asks to log in again.
    from django.contrib.sessions.models import Session

    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

"""The login throttle counts the visitor, however many proxies stand in front (DJANGO_TRUSTED_PROXY_COUNT).

Issue 14: behind a proxy that does not append the client's address, a
rotating right-most X-Forwarded-For let 8 of 8 failed logins through.
"""

import itertools

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from core.security import client_ip
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PROXY = "10.0.0.2"


@pytest.fixture
def staff(db):
    return UserFactory(username="redactrice", groups=["Rédaction"])


def forged_addresses():
    return (f"203.0.113.{n}" for n in itertools.count(1))


def login(client, password, forwarded, remote=PROXY):
    return client.post(LOGIN, {"username": "redactrice", "password": password},
                       REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded, HTTP_X_FORWARDED_PROTO="https")


@pytest.mark.parametrize("behind_proxy", [False, True])
def test_with_no_trusted_proxy_a_rotating_forwarded_for_cannot_bypass_the_throttle(
        client, staff, settings, behind_proxy):
    # Count 0: a proxy that passes X-Forwarded-For through without appending
    # (or no proxy at all). The header is whatever the attacker wrote.
    settings.TRUSTED_PROXY_COUNT = 0
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if behind_proxy else None
    forged = forged_addresses()
    statuses = [login(client, "wrong password!", next(forged)).status_code for _ in range(8)]
    assert statuses == [200] * 4 + [429] * 4
    assert login(client, PASSWORD, next(forged)).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}


def test_with_one_proxy_the_address_it_appends_is_throttled_whatever_the_client_sent(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    visitor = "198.51.100.7"
    forged = forged_addresses()
    # The attacker rotates the header it sends; the proxy appends the address it saw.
    statuses = [login(client, "wrong password!", f"{next(forged)}, {visitor}").status_code for _ in range(8)]
    assert statuses == [200] * 4 + [429] * 4
    assert login(client, PASSWORD, f"{next(forged)}, {visitor}").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {visitor}
    # A colleague behind the same proxy is not locked out.
    assert login(client, PASSWORD, "198.51.100.8").status_code == 302


def test_with_two_proxies_the_second_address_from_the_right_is_the_visitor(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    visitor, outer_proxy = "198.51.100.7", "192.0.2.50"
    forged = forged_addresses()
    statuses = [login(client, "wrong password!", f"{next(forged)}, {visitor}, {outer_proxy}").status_code
                for _ in range(6)]
    assert statuses == [200] * 4 + [429] * 2
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {visitor}


@pytest.mark.parametrize(("count", "forwarded", "expected"), [
    (0, "198.51.100.7", PROXY),                  # the header is ignored
    (1, "", PROXY),                              # no header: the connection's address
    (1, "192.0.2.1, 198.51.100.7", "198.51.100.7"),
    (2, "198.51.100.7", "198.51.100.7"),         # fewer entries than proxies: all written by them
    (1, "192.0.2.1, not-an-address", PROXY),     # never a made-up value in the throttle's table
    ("abc", "198.51.100.7", PROXY),              # invalid (refused by check): the header is not trusted
    (None, "192.0.2.1, 198.51.100.7", PROXY),    # unset, not behind a proxy: 0
])
def test_client_ip_reads_the_configured_number_of_proxies(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    settings.SECURE_PROXY_SSL_HEADER = None
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_unset_count_behind_the_proxy_is_one(settings):
    settings.TRUSTED_PROXY_COUNT = None
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7")
    assert client_ip(request) == "198.51.100.7"

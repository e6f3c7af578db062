"""Login lockout (django-axes, security/lockout.py): after 5 wrong passwords the
right one is refused with a clear message, at /admin/login/ and /de/anmelden/, per
account (from any address) and per address (for any account); the Administration
lifts a lock in the admin; bad input never gives a 500."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog

from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from security.client_ip import client_ip
from tests.editorial.site import PASSWORD, build_editorial_site

ADMIN_LOGIN = "/admin/login/"
FRONT_LOGIN = "/de/anmelden/"
MESSAGE = "Zu viele fehlgeschlagene Anmeldeversuche"
LIMIT = 5


@pytest.fixture
def site(db):
    return build_editorial_site()


def attempt(url: str, username: str, password: str, address: str = "127.0.0.1", **extra):
    client = Client(REMOTE_ADDR=address)
    response = client.post(url, {"username": username, "password": password}, **extra)
    return client, response


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def fail(url: str, username: str, times: int = LIMIT, address: str = "127.0.0.1") -> None:
    for _ in range(times):
        client, response = attempt(url, username, "falsch", address)
        assert not logged_in(client)
        assert response.status_code in (200, 429)


@pytest.mark.parametrize("url", [ADMIN_LOGIN, FRONT_LOGIN])
def test_five_failures_lock_the_right_password_out(site, url):
    fail(url, "redaktion", LIMIT - 1)
    client, response = attempt(url, "redaktion", PASSWORD)
    assert logged_in(client), "four failures do not lock"
    assert not AccessAttempt.objects.exists(), "a successful login clears the failures"
    assert not AccessLog.objects.exists(), "successful logins are not recorded"
    fail(url, "redaktion")
    client, response = attempt(url, "redaktion", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    text = response.content.decode()
    assert MESSAGE in text
    assert "15 Minuten" in text
    assert int(response.headers["Retry-After"]) == 15 * 60


def test_lock_holds_for_the_account_from_another_address(site):
    fail(ADMIN_LOGIN, "redaktion", address="198.51.100.1")
    client, response = attempt(FRONT_LOGIN, "redaktion", PASSWORD, address="203.0.113.9")
    assert response.status_code == 429
    assert not logged_in(client)


def test_lock_holds_for_the_address_with_another_account(site):
    for name in ("anna", "bert", "carla", "dora", "emil"):  # credential stuffing
        fail(ADMIN_LOGIN, name, times=1, address="198.51.100.2")
    client, response = attempt(ADMIN_LOGIN, "moderation", PASSWORD, address="198.51.100.2")
    assert response.status_code == 429
    assert not logged_in(client)
    # Neither the account nor other addresses are affected.
    client, response = attempt(ADMIN_LOGIN, "moderation", PASSWORD, address="198.51.100.3")
    assert logged_in(client)


def test_lock_ends_after_the_cool_off(site):
    fail(ADMIN_LOGIN, "redaktion")
    assert attempt(ADMIN_LOGIN, "redaktion", PASSWORD)[1].status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    client, _ = attempt(ADMIN_LOGIN, "redaktion", PASSWORD)
    assert logged_in(client)


def test_administration_lifts_an_account_lock(site):
    fail(FRONT_LOGIN, "redaktion", address="198.51.100.4")
    fail(FRONT_LOGIN, "redaktion", address="198.51.100.5")
    admin = site.client_for("administration")
    page = admin.get(reverse("security_login_locks"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Sperre aufheben" in html
    assert "redaktion" in html
    assert "198.51.100.4" in html

    response = admin.post(reverse("security_login_locks"), {"username": "redaktion"}, follow=True)
    assert "Die Sperre für „redaktion“ ist aufgehoben." in response.content.decode()
    client, _ = attempt(FRONT_LOGIN, "redaktion", PASSWORD, address="198.51.100.4")
    assert logged_in(client)


def test_administration_lifts_an_address_lock(site):
    for name in ("anna", "bert", "carla", "dora", "emil"):
        fail(ADMIN_LOGIN, name, times=1, address="198.51.100.6")
    admin = site.client_for("administration")
    assert "198.51.100.6" in admin.get(reverse("security_login_locks")).content.decode()
    admin.post(reverse("security_login_locks"), {"ip_address": "198.51.100.6"})
    client, _ = attempt(ADMIN_LOGIN, "redaktion", PASSWORD, address="198.51.100.6")
    assert logged_in(client)


def test_only_user_administrators_may_unlock(site):
    fail(ADMIN_LOGIN, "gast")
    for role in ("redaktion", "moderation"):
        client = site.client_for(role)
        # Wagtail answers a refused admin view with a redirect to the dashboard.
        response = client.get(reverse("security_login_locks"))
        assert (response.status_code, response.get("Location")) == (302, "/admin/")
        response = client.post(reverse("security_login_locks"), {"username": "gast"})
        assert response.status_code == 302
        assert "anmeldesperren" not in client.get("/admin/").content.decode()
    assert AccessAttempt.objects.filter(username="gast").exists()
    assert "anmeldesperren" in site.client_for("administration").get("/admin/").content.decode()


def test_bad_input_never_gives_a_500(site):
    bad = [
        {},
        {"username": "redaktion"},
        {"username": "x" * 5000, "password": "y" * 5000},
        {"username": "red\x00aktion", "password": "a\x00b"},
        {"username": ["a", "b"], "password": ["c", "d"]},
    ]
    for url in (ADMIN_LOGIN, FRONT_LOGIN):
        for data in bad * 2:
            response = Client().post(url, data)
            assert response.status_code in (200, 400, 429), (url, data, response.status_code)
        response = Client().post(
            url, {"username": "a", "password": "b"}, HTTP_X_FORWARDED_FOR="::::, x"
        )
        assert response.status_code in (200, 429)
    admin = site.client_for("administration")
    for data in ({}, {"username": ""}, {"ip_address": "keine-adresse"}, {"username": "x\x00y"}):
        response = admin.post(reverse("security_login_locks"), data, follow=True)
        assert response.status_code == 200
    assert "Für diese Angabe besteht keine Sperre." in response.content.decode()


class FakeRequest:
    def __init__(self, remote: str, forwarded: str | None = None):
        self.META = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            self.META["HTTP_X_FORWARDED_FOR"] = forwarded


def test_client_address_without_a_proxy_ignores_x_forwarded_for():
    assert client_ip(FakeRequest("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_client_address_behind_nginx_is_what_nginx_appended():
    # nginx appends the address it saw; whatever the client sent stays on the left.
    assert client_ip(FakeRequest("127.0.0.1", "203.0.113.1")) == "203.0.113.1"
    assert client_ip(FakeRequest("127.0.0.1", "6.6.6.6, 203.0.113.1")) == "203.0.113.1"
    assert client_ip(FakeRequest("127.0.0.1")) == "127.0.0.1"
    assert client_ip(FakeRequest("127.0.0.1", "kaputt")) == "127.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_nginx_a_forged_header_does_not_dodge_the_address_lock(site):
    for number, name in enumerate(("anna", "bert", "carla", "dora", "emil")):
        client = Client(REMOTE_ADDR="127.0.0.1")
        client.post(
            ADMIN_LOGIN,
            {"username": name, "password": "falsch"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}, 203.0.113.20",
        )
    client = Client(REMOTE_ADDR="127.0.0.1")
    response = client.post(
        ADMIN_LOGIN,
        {"username": "moderation", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.20",
    )
    assert response.status_code == 429
    client, _ = attempt(
        ADMIN_LOGIN,
        "moderation",
        PASSWORD,
        address="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.21",
    )
    assert logged_in(client)

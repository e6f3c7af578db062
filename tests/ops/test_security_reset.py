"""The password-reset limit (security/ratelimit.py): at most 5 requests an hour per
client address and per e-mail address; over it a clear message (429) and no
e-mail; a dead cache lets requests through instead of failing."""

from __future__ import annotations

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

RESET = "/admin/password_reset/"
MESSAGE = "Zu viele Anfragen zum Zurücksetzen des Passworts"
REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                     "LOCATION": "redis://127.0.0.1:6379/5"}}  # fmt: skip
DEAD_REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": "redis://127.0.0.1:1/5"}}  # fmt: skip


@pytest.fixture
def users(db):
    cache.clear()
    model = get_user_model()
    for name in ("anna", "bert"):
        model.objects.create_user(name, f"{name}@example.org", "ein-langes-passwort", is_staff=True)
    yield
    cache.clear()


def request_reset(email: str, address: str = "127.0.0.1"):
    return Client(REMOTE_ADDR=address).post(RESET, {"email": email})


def test_five_resets_per_email_then_refused_without_mail(users):
    for number in range(5):
        response = request_reset("anna@example.org", address=f"198.51.100.{number}")
        assert response.status_code == 302
    assert len(mail.outbox) == 5
    response = request_reset("Anna@Example.org", address="198.51.100.99")  # another address
    assert response.status_code == 429
    assert MESSAGE in response.content.decode()
    assert len(mail.outbox) == 5
    # Another person is not affected.
    assert request_reset("bert@example.org", address="198.51.100.98").status_code == 302
    assert len(mail.outbox) == 6


def test_five_resets_per_address_then_refused(users):
    for number in range(5):
        assert request_reset(f"person{number}@example.org").status_code == 302
    response = request_reset("anna@example.org")
    assert response.status_code == 429
    assert MESSAGE in response.content.decode()
    assert mail.outbox == []  # the five addresses have no account; anna's is refused
    assert request_reset("anna@example.org", address="198.51.100.50").status_code == 302
    assert len(mail.outbox) == 1


def test_bad_input_is_a_form_error(users):
    for data in (
        {},
        {"email": "kein-e-mail"},
        {"email": "a\x00b@example.org"},
        {"email": "x" * 500},
    ):
        response = Client().post(RESET, data)
        assert response.status_code == 200, data
    assert mail.outbox == []


@override_settings(CACHES=REDIS)
def test_limit_in_redis(users):
    cache.clear()
    for _ in range(5):
        assert request_reset("anna@example.org").status_code == 302
    assert request_reset("anna@example.org").status_code == 429
    assert len(mail.outbox) == 5
    cache.clear()


@override_settings(CACHES=DEAD_REDIS)
def test_dead_cache_lets_resets_through(users):
    for _ in range(7):
        assert request_reset("anna@example.org").status_code == 302
    assert len(mail.outbox) == 7

"""Logging in and out, idle sessions, and throttled failed logins (django-axes).

The personas are those of ``conftest.py``; the ones who log in here are given
a password first. Every request is followed by a look at the database: the
session rows and django-axes' attempts.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

SANDI = "kinerja-robatal-2020"
SALAH = "bukan-sandinya"
MASUK = reverse("akun:masuk")


@pytest.fixture
def batas(settings) -> int:
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def _bersandi(dunia, nama: str):
    user = dunia.pengguna[nama]
    user.set_password(SANDI)
    user.save()
    return user


def _masuk(client, username: str, password: str, ip: str = "10.0.0.1", url: str = MASUK):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def _sesi_user_ids() -> list[str | None]:
    return [s.get_decoded().get(SESSION_KEY) for s in Session.objects.all()]


def test_it_shows_the_login_page_in_indonesian(client, db):
    response = client.get(MASUK)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="id">' in html and "Nama pengguna" in html and "Sandi" in html
    assert "csrfmiddlewaretoken" in html
    assert "/static/web/sakip.css" in html and "http" not in html.split("<body>")[0]


def test_it_logs_the_operator_in_and_sends_them_home(client, dunia):
    user = _bersandi(dunia, "operator-robatal")

    response = _masuk(client, "operator-robatal", SANDI)

    assert response.status_code == 302 and response["Location"] == reverse("web:beranda")
    assert _sesi_user_ids() == [str(user.pk)]
    home = client.get(reverse("web:beranda"))
    assert home.status_code == 200 and "operator Kecamatan Robatal" in home.content.decode()
    assert not AccessAttempt.objects.exists()


def test_it_refuses_a_wrong_password_with_a_message_and_counts_it(client, dunia):
    _bersandi(dunia, "operator-robatal")

    response = _masuk(client, "operator-robatal", SALAH)

    assert response.status_code == 200
    assert "nama pengguna dan sandi yang benar" in response.content.decode().lower()
    assert not Session.objects.exists()
    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address, attempt.failures_since_start) == (
        "operator-robatal",
        "10.0.0.1",
        1,
    )
    # django-axes keeps what was posted, with the password masked.
    assert SALAH not in attempt.post_data


@pytest.mark.parametrize("nama", ["operator-nonaktif", "sistem"])
def test_it_refuses_an_inactive_account_and_the_system_actor(client, dunia, nama):
    if nama != "sistem":
        _bersandi(dunia, nama)

    response = _masuk(client, nama, SANDI if nama != "sistem" else "")

    assert response.status_code == 200
    assert not Session.objects.exists()


def test_it_sends_an_anonymous_visitor_to_the_login_page(client, db):
    response = client.get(reverse("web:beranda"))

    assert response.status_code == 302
    assert response["Location"] == f"{MASUK}?next=/"
    assert not Session.objects.exists()


def test_it_logs_out_on_post_only(client, dunia):
    user = _bersandi(dunia, "pimpinan-robatal")
    client.force_login(user)

    assert client.get(reverse("akun:keluar")).status_code == 405
    assert _sesi_user_ids() == [str(user.pk)]
    response = client.post(reverse("akun:keluar"))

    assert response.status_code == 302 and response["Location"] == MASUK
    assert str(user.pk) not in _sesi_user_ids()
    assert client.get(reverse("web:beranda")).status_code == 302


# Idle sessions ------------------------------------------------------------


class Jam:
    """A clock the test moves; django.utils.timezone.now reads it."""

    def __init__(self) -> None:
        self.sekarang = timezone.now()

    def __call__(self):
        return self.sekarang

    def maju(self, **selang) -> None:
        self.sekarang += timedelta(**selang)


def test_it_ends_a_session_after_8_idle_hours_and_not_before(client, dunia, monkeypatch, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    jam = Jam()
    monkeypatch.setattr(timezone, "now", jam)
    _bersandi(dunia, "operator-robatal")
    assert _masuk(client, "operator-robatal", SANDI).status_code == 302
    beranda = reverse("web:beranda")

    # Used every 7 hours: 21 hours in, still logged in, the expiry moving along.
    for _ in range(3):
        jam.maju(hours=7)
        assert client.get(beranda).status_code == 200
        assert Session.objects.get().expire_date == jam.sekarang + timedelta(hours=8)

    jam.maju(hours=8, seconds=1)
    response = client.get(beranda)

    assert response.status_code == 302 and response["Location"].startswith(MASUK)
    assert not Session.objects.filter(expire_date__gt=jam.sekarang).exists()


def test_a_session_in_use_is_written_at_most_every_few_minutes(client, dunia, monkeypatch):
    jam = Jam()
    monkeypatch.setattr(timezone, "now", jam)
    _bersandi(dunia, "operator-robatal")
    _masuk(client, "operator-robatal", SANDI)
    beranda = reverse("web:beranda")
    client.get(beranda)
    kedaluwarsa = Session.objects.get().expire_date

    jam.maju(minutes=2)
    with CaptureQueriesContext(connection) as q:
        assert client.get(beranda).status_code == 200
    assert not [x for x in q.captured_queries if x["sql"].startswith('UPDATE "django_session')]
    assert Session.objects.get().expire_date == kedaluwarsa

    jam.maju(minutes=4)
    client.get(beranda)
    assert Session.objects.get().expire_date == jam.sekarang + timedelta(hours=8)


# Throttling ---------------------------------------------------------------


def test_it_locks_an_account_after_too_many_wrong_passwords(client, dunia, batas):
    _bersandi(dunia, "operator-robatal")

    for _ in range(batas - 1):
        assert _masuk(client, "operator-robatal", SALAH).status_code == 200
    terakhir = _masuk(client, "operator-robatal", SALAH)
    benar = _masuk(client, "operator-robatal", SANDI)

    assert terakhir.status_code == 429
    assert benar.status_code == 429
    html = benar.content.decode()
    assert "Terlalu banyak percobaan masuk yang gagal" in html and "15 menit" in html
    assert not Session.objects.exists()
    assert AccessAttempt.objects.get().failures_since_start == batas


def test_a_locked_account_is_locked_from_another_address_too(client, dunia, batas):
    _bersandi(dunia, "operator-robatal")
    for _ in range(batas):
        _masuk(client, "operator-robatal", SALAH, ip="10.0.0.1")

    response = _masuk(client, "operator-robatal", SANDI, ip="10.9.9.9")

    assert response.status_code == 429
    assert not Session.objects.exists()


def test_an_address_is_locked_across_usernames_and_others_still_log_in(client, dunia, batas):
    user = _bersandi(dunia, "operator-torjun")
    for nama in ("operator-robatal", "admin-sampang", "tidak-ada")[:batas]:
        assert _masuk(client, nama, SALAH, ip="10.6.6.6").status_code in (200, 429)

    dari_situ = _masuk(client, "operator-torjun", SANDI, ip="10.6.6.6")
    assert dari_situ.status_code == 429 and not Session.objects.exists()

    dari_lain = _masuk(client, "operator-torjun", SANDI, ip="10.0.0.2")
    assert dari_lain.status_code == 302 and _sesi_user_ids() == [str(user.pk)]


def test_the_admin_login_is_locked_the_same_way(client, dunia, batas):
    _bersandi(dunia, "superuser")
    admin_masuk = reverse("admin:login")

    for _ in range(batas):
        _masuk(client, "akar", SALAH, url=admin_masuk)
    response = _masuk(client, "akar", SANDI, url=admin_masuk)
    ours = _masuk(client, "akar", SANDI, ip="10.7.7.7")

    assert response.status_code == 429 and ours.status_code == 429
    assert not Session.objects.exists()
    assert AccessAttempt.objects.get().path_info == admin_masuk


def test_the_lock_ends_after_the_cool_off(client, dunia, batas, settings):
    user = _bersandi(dunia, "operator-robatal")
    for _ in range(batas):
        _masuk(client, "operator-robatal", SALAH)
    assert _masuk(client, "operator-robatal", SANDI).status_code == 429

    # The last failure as long ago as the cool-off, and a second more.
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    response = _masuk(client, "operator-robatal", SANDI)

    assert response.status_code == 302 and _sesi_user_ids() == [str(user.pk)]


def test_the_lock_is_lifted_by_the_axes_reset_command(client, dunia, batas):
    user = _bersandi(dunia, "operator-robatal")
    for _ in range(batas):
        _masuk(client, "operator-robatal", SALAH)

    call_command("axes_reset_username", "operator-robatal", verbosity=0)
    response = _masuk(client, "operator-robatal", SANDI)

    assert not AccessAttempt.objects.exists()
    assert response.status_code == 302 and _sesi_user_ids() == [str(user.pk)]

"""Changing one's own password, and the pemda admin setting a user's password.

After every request the test reads the user's password back from the
database, and the audit rows, which name the user but never the password.
"""

from __future__ import annotations

import json

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.urls import reverse

from sakip.akun.akses import AksesDitolak
from sakip.akun.models import Keanggotaan, Peran
from sakip.akun.services import AkunError, SandiDitolak, sandi_atur
from sakip.ledger.models import AuditAction, AuditLog

LAMA = "kinerja-robatal-2020"
BARU = "rencana-aksi-triwulan-3"


def _bersandi(dunia, nama: str):
    user = dunia.pengguna[nama]
    user.set_password(LAMA)
    user.save()
    return user


def _sandi_tetap(user, sandi: str = LAMA) -> bool:
    return get_user_model().objects.get(pk=user.pk).check_password(sandi)


def _tanpa_sandi_di_audit(*sandi: str) -> bool:
    teks = " ".join(f"{r.old} {r.new}" for r in AuditLog.objects.all())
    return all(s not in teks for s in sandi) and "md5$" not in teks


# Own password -------------------------------------------------------------

UBAH = reverse("akun:sandi-ubah")


def _ubah(client, lama: str, baru: str, ulang: str | None = None):
    return client.post(
        UBAH, {"old_password": lama, "new_password1": baru, "new_password2": ulang or baru}
    )


def test_it_changes_the_users_own_password_and_keeps_the_session(client, dunia):
    user = _bersandi(dunia, "operator-robatal")
    client.force_login(user)

    response = _ubah(client, LAMA, BARU)

    assert response.status_code == 302
    assert response["Location"] == reverse("akun:sandi-ubah-selesai")
    assert _sandi_tetap(user, BARU)
    assert client.get(reverse("web:beranda")).status_code == 200
    row = AuditLog.objects.get()
    assert (row.action, row.actor, row.object_id) == (AuditAction.SANDI_GANTI, user, str(user.pk))
    assert json.loads(row.new) == {"username": "operator-robatal"}
    assert _tanpa_sandi_di_audit(LAMA, BARU)


@pytest.mark.parametrize(
    ("lama", "baru", "ulang", "pesan"),
    [
        ("salah-sekali-ini", BARU, None, "sandi lama"),
        (LAMA, "12345678", None, "angka"),
        (LAMA, "pendek", None, "terlalu pendek"),
        (LAMA, BARU, BARU + "x", "tidak cocok"),
    ],
    ids=["sandi-lama-salah", "hanya-angka", "pendek", "tidak-sama"],
)
def test_it_refuses_a_change_with_the_reason(client, dunia, lama, baru, ulang, pesan):
    user = _bersandi(dunia, "operator-robatal")
    client.force_login(user)

    response = _ubah(client, lama, baru, ulang)

    assert response.status_code == 200
    assert pesan in response.content.decode().lower()
    assert _sandi_tetap(user)
    assert not AuditLog.objects.exists()


def test_it_sends_an_anonymous_visitor_to_log_in_before_changing(client, db):
    response = client.post(UBAH, {"old_password": LAMA, "new_password1": BARU})

    assert response.status_code == 302 and response["Location"].startswith(reverse("akun:masuk"))
    assert not AuditLog.objects.exists()


# The admin sets a password -----------------------------------------------


def _atur_url(user) -> str:
    return reverse("akun:sandi-atur", args=[user.pk])


def _atur(client, user, sandi: str = BARU, ulang: str | None = None):
    return client.post(_atur_url(user), {"sandi1": sandi, "sandi2": ulang or sandi})


def test_the_admin_sets_a_password_for_a_user_of_the_pemda(client, dunia):
    admin = dunia.pengguna["admin-sampang"]
    target = _bersandi(dunia, "operator-robatal")
    # The operator is logged in elsewhere; that session ends with the new password.
    lain = type(client)()
    lain.force_login(target)
    client.force_login(admin)

    halaman = client.get(_atur_url(target))
    response = _atur(client, target)

    assert halaman.status_code == 200 and "operator-robatal" in halaman.content.decode()
    assert response.status_code == 302 and response["Location"] == reverse("web:beranda")
    assert _sandi_tetap(target, BARU)
    assert lain.get(reverse("web:beranda")).status_code == 302
    row = AuditLog.objects.get()
    assert (row.action, row.actor, row.object_type, row.object_id) == (
        AuditAction.SANDI_ATUR,
        admin,
        "auth.User",
        str(target.pk),
    )
    assert json.loads(row.new) == {"username": "operator-robatal"} and row.old == ""
    assert _tanpa_sandi_di_audit(LAMA, BARU)


def test_the_admins_new_password_lifts_a_lockout(client, dunia, settings):
    settings.AXES_FAILURE_LIMIT = 2
    target = _bersandi(dunia, "operator-robatal")
    masuk = reverse("akun:masuk")
    for _ in range(2):
        client.post(masuk, {"username": "operator-robatal", "password": "salah"})
    assert AccessAttempt.objects.filter(username="operator-robatal").exists()

    sandi_atur(aktor=dunia.pengguna["admin-sampang"], user=target, sandi=BARU)
    response = client.post(masuk, {"username": "operator-robatal", "password": BARU})

    assert not AccessAttempt.objects.exists()
    assert response.status_code == 302
    assert [s.get_decoded().get(SESSION_KEY) for s in Session.objects.all()] == [str(target.pk)]


@pytest.mark.parametrize(
    "aktor",
    [
        "operator-robatal",
        "pimpinan-robatal",
        "evaluator-sampang",
        "admin-bangkalan",
        "tanpa-peran",
    ],
)
def test_it_refuses_everyone_but_the_pemdas_admin(client, dunia, aktor):
    target = _bersandi(dunia, "operator-torjun")
    client.force_login(dunia.pengguna[aktor])

    halaman = client.get(_atur_url(target))
    response = _atur(client, target)

    assert halaman.status_code == 403 and response.status_code == 403
    assert _sandi_tetap(target)
    assert not AuditLog.objects.exists()


def test_it_sends_an_anonymous_visitor_to_log_in_before_setting(client, dunia):
    target = _bersandi(dunia, "operator-torjun")

    response = _atur(client, target)

    assert response.status_code == 302 and response["Location"].startswith(reverse("akun:masuk"))
    assert _sandi_tetap(target)
    assert not AuditLog.objects.exists()


def test_it_refuses_a_user_who_is_also_in_another_pemda(client, dunia):
    # operator-dua holds roles in Robatal and Torjun (both Sampang): allowed;
    # give them a role in Bangkalan and Sampang's admin may no longer.
    target = _bersandi(dunia, "operator-dua")
    Keanggotaan.objects.create(user=target, peran=Peran.EVALUATOR, pemda=dunia.bangkalan)
    client.force_login(dunia.pengguna["admin-sampang"])

    response = _atur(client, target)

    assert response.status_code == 403
    assert _sandi_tetap(target)
    assert not AuditLog.objects.exists()


@pytest.mark.parametrize(
    ("target", "status", "pesan"),
    [
        ("admin-sampang", 400, "halaman Ganti sandi"),
        ("tanpa-peran", 403, None),
        ("superuser", 403, None),
    ],
    ids=["sendiri", "tanpa-peran", "superuser"],
)
def test_it_refuses_the_admins_own_account_a_user_without_role_and_staff(
    client, dunia, target, status, pesan
):
    user = _bersandi(dunia, target)
    if target == "superuser":
        Keanggotaan.objects.create(user=user, peran=Peran.OPERATOR, instansi=dunia.robatal)
    client.force_login(dunia.pengguna["admin-sampang"])

    response = _atur(client, user)

    assert response.status_code == status
    if pesan:
        assert pesan in response.content.decode()
    assert _sandi_tetap(user)
    assert not AuditLog.objects.exists()


def test_it_refuses_a_weak_or_mismatched_password_and_keeps_the_old(client, dunia):
    target = _bersandi(dunia, "operator-robatal")
    client.force_login(dunia.pengguna["admin-sampang"])

    lemah = _atur(client, target, "operator-robatal")
    beda = _atur(client, target, BARU, BARU + "x")

    assert lemah.status_code == 400 and "terlalu mirip" in lemah.content.decode().lower()
    assert beda.status_code == 400 and "tidak sama" in beda.content.decode()
    assert _sandi_tetap(target)
    assert not AuditLog.objects.exists()


def test_the_service_refuses_the_system_actor_and_weak_passwords(dunia):
    admin = dunia.pengguna["admin-sampang"]
    target = dunia.pengguna["operator-robatal"]

    with pytest.raises(SandiDitolak):
        sandi_atur(aktor=admin, user=target, sandi="12345678")
    with pytest.raises(AksesDitolak):
        sandi_atur(aktor=admin, user=dunia.pengguna["sistem"], sandi=BARU)
    with pytest.raises(AkunError, match="halaman Ganti sandi"):
        sandi_atur(aktor=admin, user=admin, sandi=BARU)
    assert not AuditLog.objects.exists()


def test_the_admin_sees_the_pemdas_users_and_others_do_not(client, dunia):
    client.force_login(dunia.pengguna["admin-sampang"])
    url = reverse("akun:pengguna-daftar", args=[dunia.sampang.pk])

    page = client.get(url)

    assert page.status_code == 200
    html = page.content.decode()
    assert "operator-robatal" in html and "admin-bangkalan" not in html
    assert reverse("akun:sandi-atur", args=[dunia.pengguna["operator-torjun"].pk]) in html
    for nama in ("admin-bangkalan", "evaluator-sampang", "operator-robatal"):
        client.force_login(dunia.pengguna[nama])
        # The page of a pemda's admin tells nobody else that it exists.
        assert client.get(url).status_code == 404, nama
    client.logout()
    assert client.get(url).status_code == 302


def test_the_account_pages_cost_a_few_queries_whatever_the_number_of_users(
    client, dunia, django_assert_max_num_queries
):
    # Session (read and the write that moves its expiry), user, memberships,
    # then the page's own reads: a bound that does not grow with the users.
    for i in range(20):
        user = get_user_model().objects.create_user(f"operator-{i}")
        Keanggotaan.objects.create(user=user, peran=Peran.OPERATOR, instansi=dunia.robatal)
    client.force_login(dunia.pengguna["admin-sampang"])
    target = dunia.pengguna["operator-dua"]
    for url in (
        reverse("akun:pengguna-daftar", args=[dunia.sampang.pk]),
        reverse("akun:sandi-atur", args=[target.pk]),
        UBAH,
    ):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200, url

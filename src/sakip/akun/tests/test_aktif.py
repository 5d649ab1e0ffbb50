"""The pemda admin lets a deactivated user back in (the mirror of deactivation).

The personas are those of ``conftest.py``: ``operator-nonaktif`` is a
deactivated operator of Kecamatan Robatal (Kabupaten Sampang). After every
request the test reads the user back from the database, with the audit rows
and django-axes' attempts.
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
from sakip.akun.services import AkunError, pengguna_aktifkan
from sakip.ledger.models import AuditAction, AuditLog

SANDI = "kinerja-robatal-2020"
MASUK = reverse("akun:masuk")


def _bersandi(dunia, nama: str):
    user = dunia.pengguna[nama]
    user.set_password(SANDI)
    user.save()
    return user


def _aktif(user) -> bool:
    return get_user_model().objects.get(pk=user.pk).is_active


def _url(dunia, user) -> str:
    return reverse("akun:pengguna-aktif", args=[dunia.sampang.pk, user.pk])


def _masuk(client, username: str, password: str = SANDI):
    return client.post(MASUK, {"username": username, "password": password})


def _sesi_user_ids() -> list[str | None]:
    return [s.get_decoded().get(SESSION_KEY) for s in Session.objects.all()]


def test_the_admin_reactivates_a_user_who_can_then_log_in_again(client, dunia):
    admin = dunia.pengguna["admin-sampang"]
    target = _bersandi(dunia, "operator-nonaktif")
    tamu = type(client)()
    assert _masuk(tamu, "operator-nonaktif").status_code == 200 and not Session.objects.exists()
    client.force_login(admin)

    response = client.post(_url(dunia, target), follow=True)

    assert response.redirect_chain == [
        (reverse("akun:pengguna-daftar", args=[dunia.sampang.pk]), 302)
    ]
    assert "operator-nonaktif aktif kembali" in response.content.decode()
    assert _aktif(target)
    # Their role stays.
    assert list(target.keanggotaan.values_list("peran", "instansi")) == [
        (Peran.OPERATOR, dunia.robatal.pk)
    ]
    row = AuditLog.objects.get()
    assert (row.action, row.actor, row.object_type, row.object_id) == (
        AuditAction.PENGGUNA_AKTIF,
        admin,
        "auth.User",
        str(target.pk),
    )
    assert json.loads(row.old) == {"is_active": False}
    assert json.loads(row.new) == {"username": "operator-nonaktif", "is_active": True}
    masuk = _masuk(tamu, "operator-nonaktif")
    assert masuk.status_code == 302 and str(target.pk) in _sesi_user_ids()
    assert tamu.get(reverse("web:beranda")).status_code == 200


def test_the_list_offers_reactivation_for_an_inactive_user_only(client, dunia):
    client.force_login(dunia.pengguna["admin-sampang"])
    nonaktif = dunia.pengguna["operator-nonaktif"]
    aktif = dunia.pengguna["operator-robatal"]
    p = dunia.sampang.pk

    html = client.get(reverse("akun:pengguna-daftar", args=[p])).content.decode()

    assert _url(dunia, nonaktif) in html and "Aktifkan kembali" in html
    assert _url(dunia, aktif) not in html
    assert reverse("akun:pengguna-nonaktif", args=[p, aktif.pk]) in html
    assert reverse("akun:pengguna-nonaktif", args=[p, nonaktif.pk]) not in html


def test_it_refuses_a_user_who_is_already_active(client, dunia):
    target = dunia.pengguna["operator-robatal"]
    client.force_login(dunia.pengguna["admin-sampang"])

    response = client.post(_url(dunia, target), follow=True)

    assert response.status_code == 200
    assert "tidak diaktifkan kembali" in response.content.decode()
    assert "sudah aktif" in response.content.decode()
    with pytest.raises(AkunError, match="sudah aktif"):
        pengguna_aktifkan(aktor=dunia.pengguna["admin-sampang"], user=target)
    assert _aktif(target)
    assert not AuditLog.objects.exists()


def test_it_refuses_the_admins_own_account(dunia):
    admin = dunia.pengguna["admin-sampang"]

    # Refused for being oneself, before anything else is looked at.
    with pytest.raises(AkunError, match="akun sendiri"):
        pengguna_aktifkan(aktor=admin, user=admin)
    assert not AuditLog.objects.exists()


@pytest.mark.parametrize(
    "aktor",
    [
        "admin-bangkalan",
        "operator-robatal",
        "pimpinan-robatal",
        "evaluator-sampang",
        "tanpa-peran",
    ],
)
def test_it_refuses_everyone_but_the_pemdas_admin(client, dunia, aktor):
    target = dunia.pengguna["operator-nonaktif"]
    client.force_login(dunia.pengguna[aktor])

    response = client.post(_url(dunia, target))

    # The pemda's user pages tell nobody else that they exist.
    assert response.status_code == 404
    with pytest.raises(AksesDitolak):
        pengguna_aktifkan(aktor=dunia.pengguna[aktor], user=target)
    assert not _aktif(target)
    assert not AuditLog.objects.exists()


def test_it_refuses_a_staff_account_and_a_user_also_in_another_pemda(dunia):
    admin = dunia.pengguna["admin-sampang"]
    akar = dunia.pengguna["superuser-nonaktif"]
    Keanggotaan.objects.create(user=akar, peran=Peran.OPERATOR, instansi=dunia.robatal)
    target = dunia.pengguna["operator-nonaktif"]
    Keanggotaan.objects.create(user=target, peran=Peran.EVALUATOR, pemda=dunia.bangkalan)

    with pytest.raises(AksesDitolak):
        pengguna_aktifkan(aktor=admin, user=akar)
    with pytest.raises(AksesDitolak):
        pengguna_aktifkan(aktor=admin, user=target)
    assert not _aktif(akar) and not _aktif(target)
    assert not AuditLog.objects.exists()


def test_it_answers_post_only_and_sends_an_anonymous_visitor_to_log_in(client, dunia):
    target = dunia.pengguna["operator-nonaktif"]

    anonim = client.post(_url(dunia, target))
    client.force_login(dunia.pengguna["admin-sampang"])
    get = client.get(_url(dunia, target))

    assert anonim.status_code == 302 and anonim["Location"].startswith(MASUK)
    assert get.status_code == 405
    assert not _aktif(target)
    assert not AuditLog.objects.exists()


def test_reactivating_lifts_a_lockout(client, dunia, settings):
    settings.AXES_FAILURE_LIMIT = 2
    target = _bersandi(dunia, "operator-nonaktif")
    for _ in range(2):
        _masuk(client, "operator-nonaktif", "salah")
    assert AccessAttempt.objects.filter(username="operator-nonaktif").exists()

    pengguna_aktifkan(aktor=dunia.pengguna["admin-sampang"], user=target)
    response = _masuk(client, "operator-nonaktif")

    assert not AccessAttempt.objects.exists()
    assert response.status_code == 302
    assert _sesi_user_ids() == [str(target.pk)]

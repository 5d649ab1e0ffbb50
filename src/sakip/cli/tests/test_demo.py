"""`sakip demo`: the shipped datasets and one account per role, never a known password."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sakip.akun.akses import Aksi, boleh
from sakip.akun.models import Keanggotaan
from sakip.cli.demo import AKUN_DEMO
from sakip.cli.main import main
from sakip.ledger.models import AuditAction, AuditLog
from sakip.organisasi.models import Instansi, Pemda
from sakip.record.models import TahunKinerja

pytestmark = pytest.mark.django_db

SANDI = "contoh-kinerja-sampang"
NAMA = [a.username for a in AKUN_DEMO]


@pytest.fixture(autouse=True)
def _sandi_cepat(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _peran() -> list[tuple[str, str, str]]:
    return sorted(
        (k.user.username, k.peran, (k.instansi or k.pemda).nama)
        for k in Keanggotaan.objects.select_related("user", "instansi", "pemda")
    )


def test_it_loads_the_data_and_creates_the_six_accounts_with_the_password(capsys):
    assert main(["demo", "--password", SANDI]) == 0

    out = capsys.readouterr().out
    assert SANDI not in out
    assert sorted(TahunKinerja.objects.values_list("instansi__nama", "tahun")) == [
        ("Kecamatan Robatal", 2020),
        ("Kecamatan Torjun", 2022),
    ]
    assert _peran() == [
        ("admin-sampang", "admin_pemda", "Kabupaten Sampang"),
        ("evaluator-sampang", "evaluator", "Kabupaten Sampang"),
        ("operator-robatal", "operator", "Kecamatan Robatal"),
        ("operator-torjun", "operator", "Kecamatan Torjun"),
        ("pimpinan-robatal", "pimpinan", "Kecamatan Robatal"),
        ("pimpinan-torjun", "pimpinan", "Kecamatan Torjun"),
    ]
    User = get_user_model()
    users = User.objects.exclude(username="sistem")
    assert sorted(u.username for u in users) == sorted(NAMA)
    assert all(u.check_password(SANDI) and u.is_active for u in users)
    assert not users.filter(is_superuser=True).exists() and not users.filter(is_staff=True).exists()
    assert not User.objects.filter(username="demo").exists()
    # Made by the system actor, through the services, audited without the password.
    tambah = AuditLog.objects.filter(action=AuditAction.PENGGUNA_TAMBAH)
    assert sorted(json.loads(r.new)["username"] for r in tambah) == sorted(NAMA)
    assert set(tambah.values_list("actor__username", flat=True)) == {"sistem"}
    assert not AuditLog.objects.filter(new__contains=SANDI).exists()


def test_each_demo_account_logs_in_and_holds_its_right(client):
    assert main(["demo", "--password", SANDI]) == 0
    robatal = Instansi.objects.get(nama="Kecamatan Robatal")

    for nama in NAMA:
        c = Client()
        response = c.post("/masuk/", {"username": nama, "password": SANDI})
        assert response.status_code == 302, nama
    user = get_user_model().objects.get(username="pimpinan-robatal")
    assert boleh(user, Aksi.SETUJUI, robatal) and not boleh(user, Aksi.UBAH_REALISASI, robatal)


def test_without_a_password_it_prints_a_random_one_once(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    sandi = re.search(r"sandi akun demo yang baru dibuat: (\S+)", out).group(1)

    assert len(sandi) >= 20 and sandi not in ("demo", SANDI)
    assert get_user_model().objects.get(username="admin-sampang").check_password(sandi)
    assert not AuditLog.objects.filter(new__contains=sandi).exists()

    assert main(["demo"]) == 0
    again = capsys.readouterr().out
    assert "sandi akun demo" not in again and sandi not in again


def test_running_it_twice_changes_nothing_and_says_the_accounts_exist(capsys):
    assert main(["demo", "--password", SANDI]) == 0
    capsys.readouterr()
    audit = AuditLog.objects.count()
    peran = _peran()

    assert main(["demo", "--password", "sandi-lain-sama-sekali"]) == 0

    out = capsys.readouterr().out
    assert out.count("tidak ada perubahan") == 2
    assert out.count("sudah ada (sandi tidak diubah)") == 6
    assert AuditLog.objects.count() == audit and _peran() == peran
    assert get_user_model().objects.get(username="operator-torjun").check_password(SANDI)


@pytest.mark.parametrize("lain", ["pengguna", "instansi"])
def test_it_refuses_a_database_with_other_data_unless_forced(capsys, lain):
    if lain == "pengguna":
        get_user_model().objects.create_user("kepala-bappeda")
    else:
        bangkalan = Pemda.objects.create(nama="Kabupaten Bangkalan")
        Instansi.objects.create(pemda=bangkalan, nama="Dinas")

    assert main(["demo", "--password", SANDI]) == 1

    err = capsys.readouterr().err
    assert "sudah berisi data lain" in err and "--paksa" in err
    assert ("kepala-bappeda" if lain == "pengguna" else "Dinas (Kabupaten Bangkalan)") in err
    assert not TahunKinerja.objects.exists() and not Keanggotaan.objects.exists()
    assert not get_user_model().objects.filter(username__in=NAMA).exists()

    assert main(["demo", "--password", SANDI, "--paksa"]) == 0
    assert TahunKinerja.objects.count() == 2 and Keanggotaan.objects.count() == 6


@pytest.mark.parametrize("sandi", ["demo", "12345678", "admin-sampang"])
def test_it_refuses_a_password_djangos_rules_refuse(capsys, sandi):
    assert main(["demo", "--password", sandi]) == 1

    assert "sandi ditolak" in capsys.readouterr().err
    assert not TahunKinerja.objects.exists()
    assert not get_user_model().objects.filter(username__in=NAMA).exists()


def test_it_deactivates_the_demo_demo_superuser_of_earlier_versions(capsys):
    lama = get_user_model().objects.create_superuser("demo", "demo@example.invalid", "demo")

    assert main(["demo", "--password", SANDI]) == 0

    assert "akun lama 'demo' bersandi 'demo' dinonaktifkan" in capsys.readouterr().out
    lama.refresh_from_db()
    assert not lama.is_active and not lama.has_usable_password()
    row = AuditLog.objects.get(action=AuditAction.PENGGUNA_NONAKTIF)
    assert (row.actor.username, row.object_id) == ("sistem", str(lama.pk))
    assert Client().post("/masuk/", {"username": "demo", "password": "demo"}).status_code == 200
    assert Keanggotaan.objects.count() == 6
    # Deactivated, it is the demo's own still: a second run is not refused.
    assert main(["demo"]) == 0
    assert "dinonaktifkan" not in capsys.readouterr().out

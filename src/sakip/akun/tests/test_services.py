"""Adding users and memberships: the write, its audit rows and every refusal."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model

from sakip.akun.akses import AksesDitolak, Aksi, boleh
from sakip.akun.models import Keanggotaan, Peran
from sakip.akun.services import AkunError, SandiDitolak, keanggotaan_tambah, pengguna_tambah
from sakip.ledger.models import AuditAction, AuditLog

SANDI = "kinerja-robatal-2020"


def _tambah(dunia, aktor="admin-sampang", **kwargs):
    kwargs.setdefault("username", "operator-baru")
    kwargs.setdefault("password", SANDI)
    kwargs.setdefault("peran", Peran.OPERATOR)
    if kwargs["peran"] in (Peran.OPERATOR, Peran.PIMPINAN):
        kwargs.setdefault("instansi", dunia.robatal)
    return pengguna_tambah(aktor=dunia.pengguna[aktor], **kwargs)


def test_it_creates_the_user_with_the_membership_and_two_audit_rows(dunia):
    user = _tambah(dunia, email="ops@robatal.example")

    user.refresh_from_db()
    assert user.is_active and user.email == "ops@robatal.example"
    assert user.check_password(SANDI)
    assert list(Keanggotaan.objects.filter(user=user).values_list("peran", "instansi")) == [
        ("operator", dunia.robatal.pk)
    ]
    assert boleh(user, Aksi.UBAH_REALISASI, dunia.robatal)
    rows = list(AuditLog.objects.order_by("id"))
    assert [r.action for r in rows] == [
        AuditAction.PENGGUNA_TAMBAH,
        AuditAction.KEANGGOTAAN_TAMBAH,
    ]
    assert {r.actor.username for r in rows} == {"admin-sampang"}
    assert rows[0].object_type == "auth.User" and rows[0].object_id == str(user.pk)
    assert json.loads(rows[0].new) == {"username": "operator-baru", "email": "ops@robatal.example"}
    assert json.loads(rows[1].new) == {
        "username": "operator-baru",
        "peran": "operator",
        "instansi": "Kecamatan Robatal",
        "pemda": "Kabupaten Sampang",
    }
    # Neither the password nor its hash is ever in the audit.
    assert all(SANDI not in r.new and "md5" not in r.new for r in rows)


def test_the_system_actor_is_named_in_the_audit(dunia):
    _tambah(dunia, aktor="sistem", peran=Peran.EVALUATOR, pemda=dunia.bangkalan)

    assert set(AuditLog.objects.values_list("actor__username", flat=True)) == {"sistem"}
    anggota = Keanggotaan.objects.get(user__username="operator-baru")
    assert (anggota.peran, anggota.pemda, anggota.instansi) == ("evaluator", dunia.bangkalan, None)


@pytest.mark.parametrize(
    ("aktor", "peran", "lingkup"),
    [
        ("operator-robatal", Peran.OPERATOR, "robatal"),
        ("pimpinan-robatal", Peran.OPERATOR, "robatal"),
        ("evaluator-sampang", Peran.OPERATOR, "robatal"),
        ("admin-bangkalan", Peran.OPERATOR, "robatal"),
        ("admin-bangkalan", Peran.ADMIN_PEMDA, "sampang"),
        ("operator-nonaktif", Peran.OPERATOR, "robatal"),
        ("anonim", Peran.OPERATOR, "robatal"),
    ],
)
def test_it_refuses_an_actor_who_may_not_manage_the_pemdas_users(dunia, aktor, peran, lingkup):
    obj = dunia.objek(lingkup)
    kwargs = {"instansi": obj} if peran == Peran.OPERATOR else {"pemda": obj}

    with pytest.raises(AksesDitolak, match="tidak berhak mengelola pengguna Kabupaten Sampang"):
        _tambah(dunia, aktor=aktor, peran=peran, **kwargs)

    assert not get_user_model().objects.filter(username="operator-baru").exists()
    assert not AuditLog.objects.exists()


@pytest.mark.parametrize(
    ("sandi", "pesan"),
    [
        ("pendek", "terlalu pendek"),
        ("83920174652", "seluruhnya terdiri dari angka"),
        ("password123", "terlalu umum"),
        ("operator-baru1", "terlalu mirip"),
    ],
)
def test_it_refuses_a_weak_password_with_the_validators_messages(dunia, sandi, pesan):
    with pytest.raises(SandiDitolak) as exc:
        _tambah(dunia, password=sandi)

    assert any(pesan in p for p in exc.value.pesan), exc.value.pesan
    assert str(exc.value).startswith("sandi ditolak: ")
    assert not get_user_model().objects.filter(username="operator-baru").exists()
    assert not AuditLog.objects.exists()


@pytest.mark.parametrize("username", ["operator-robatal", "Operator-Robatal", " operator-robatal "])
def test_it_refuses_a_username_already_taken_whatever_its_case(dunia, username):
    with pytest.raises(AkunError, match="nama pengguna .* sudah dipakai"):
        _tambah(dunia, username=username)
    assert not AuditLog.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "pesan"),
    [
        ({"username": "sistem"}, "dipakai oleh baris perintah"),
        ({"username": "Sistem"}, "dipakai oleh baris perintah"),
        ({"username": "ada spasi"}, "^nama pengguna: .*valid"),
        ({"username": "x" * 151}, "^nama pengguna: .*150 karakter"),
        ({"email": "bukan-surel"}, "^email: .*valid"),
        ({"peran": "bupati"}, "peran 'bupati' tidak dikenal"),
        ({"peran": Peran.ADMIN_PEMDA, "instansi": None}, "berlaku untuk satu pemda"),
        ({"peran": Peran.PIMPINAN, "instansi": None}, "memerlukan instansi"),
    ],
)
def test_it_refuses_arguments_that_do_not_make_a_user(dunia, kwargs, pesan):
    with pytest.raises(AkunError, match=pesan):
        _tambah(dunia, **kwargs)
    assert get_user_model().objects.count() == len(dunia.pengguna) - 1  # anonim is no row
    assert not AuditLog.objects.exists()


def test_an_instansi_outside_the_named_pemda_is_refused(dunia):
    with pytest.raises(AkunError, match="bukan bagian dari Kabupaten Bangkalan"):
        _tambah(dunia, pemda=dunia.bangkalan)


def test_a_second_membership_gives_rights_in_a_second_instansi(dunia):
    user = dunia.pengguna["operator-robatal"]
    assert not boleh(user, Aksi.UBAH_REALISASI, dunia.torjun)  # memberships now cached

    anggota = keanggotaan_tambah(
        aktor=dunia.pengguna["admin-sampang"], user=user, peran="operator", instansi=dunia.torjun
    )

    assert str(anggota) == "operator Kecamatan Torjun"
    # The cache on this user object was dropped: the new right counts at once.
    assert boleh(user, Aksi.UBAH_REALISASI, dunia.torjun)
    row = AuditLog.objects.get()
    assert row.action == AuditAction.KEANGGOTAAN_TAMBAH
    assert row.object_type == "akun.Keanggotaan" and row.object_id == str(anggota.pk)


def test_it_refuses_a_membership_the_user_already_holds(dunia):
    with pytest.raises(
        AkunError, match="'admin-sampang' sudah menjadi admin pemda Kabupaten Sampang"
    ):
        keanggotaan_tambah(
            aktor=dunia.pengguna["sistem"],
            user=dunia.pengguna["admin-sampang"],
            peran=Peran.ADMIN_PEMDA,
            pemda=dunia.sampang,
        )
    assert Keanggotaan.objects.filter(user=dunia.pengguna["admin-sampang"]).count() == 1
    assert not AuditLog.objects.exists()


def test_an_admin_may_not_grant_a_role_in_another_pemda(dunia):
    with pytest.raises(AksesDitolak):
        keanggotaan_tambah(
            aktor=dunia.pengguna["admin-sampang"],
            user=dunia.pengguna["tanpa-peran"],
            peran=Peran.EVALUATOR,
            pemda=dunia.bangkalan,
        )
    assert not Keanggotaan.objects.filter(user=dunia.pengguna["tanpa-peran"]).exists()


def test_the_system_actor_is_given_no_role(dunia):
    with pytest.raises(AkunError, match="aktor sistem 'sistem' tidak diberi peran"):
        keanggotaan_tambah(
            aktor=dunia.pengguna["superuser"],
            user=dunia.pengguna["sistem"],
            peran=Peran.OPERATOR,
            instansi=dunia.robatal,
        )
    assert not Keanggotaan.objects.filter(user=dunia.pengguna["sistem"]).exists()

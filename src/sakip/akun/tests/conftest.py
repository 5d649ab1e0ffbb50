"""The personas of the access tests, in one place.

Kabupaten Sampang has Kecamatan Robatal and Kecamatan Torjun; Kabupaten
Bangkalan is the other pemda. Each persona's name says its memberships.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from sakip.akun.models import Keanggotaan, Peran
from sakip.akun.sistem import aktor_sistem
from sakip.organisasi.models import Instansi, Pemda


@dataclass
class Dunia:
    sampang: Pemda
    bangkalan: Pemda
    robatal: Instansi
    torjun: Instansi
    pengguna: dict

    def objek(self, nama: str) -> Pemda | Instansi:
        return getattr(self, nama)


@pytest.fixture(autouse=True)
def _sandi_cepat(settings):
    # The production hasher takes a noticeable fraction of a second by design;
    # these tests create dozens of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _user(username: str, **extra):
    # No password: the personas never log in here (an unusable one costs no hashing).
    return get_user_model().objects.create_user(username, **extra)


@pytest.fixture
def dunia(db) -> Dunia:
    sampang = Pemda.objects.create(nama="Kabupaten Sampang")
    bangkalan = Pemda.objects.create(nama="Kabupaten Bangkalan")
    robatal = Instansi.objects.create(pemda=sampang, nama="Kecamatan Robatal")
    torjun = Instansi.objects.create(pemda=sampang, nama="Kecamatan Torjun")

    def anggota(user, peran, *, instansi=None, pemda=None):
        Keanggotaan.objects.create(user=user, peran=peran, instansi=instansi, pemda=pemda)
        return user

    dua = anggota(_user("operator-dua"), Peran.OPERATOR, instansi=robatal)
    anggota(dua, Peran.OPERATOR, instansi=torjun)
    nonaktif = anggota(
        _user("operator-nonaktif", is_active=False), Peran.OPERATOR, instansi=robatal
    )
    pengguna = {
        "operator-robatal": anggota(_user("operator-robatal"), Peran.OPERATOR, instansi=robatal),
        "operator-torjun": anggota(_user("operator-torjun"), Peran.OPERATOR, instansi=torjun),
        "operator-dua": dua,
        "pimpinan-robatal": anggota(_user("pimpinan-robatal"), Peran.PIMPINAN, instansi=robatal),
        "admin-sampang": anggota(_user("admin-sampang"), Peran.ADMIN_PEMDA, pemda=sampang),
        "admin-bangkalan": anggota(_user("admin-bangkalan"), Peran.ADMIN_PEMDA, pemda=bangkalan),
        "evaluator-sampang": anggota(_user("evaluator-sampang"), Peran.EVALUATOR, pemda=sampang),
        "tanpa-peran": _user("tanpa-peran"),
        "anonim": AnonymousUser(),
        "operator-nonaktif": nonaktif,
        "superuser": _user("akar", is_superuser=True, is_staff=True),
        "superuser-nonaktif": _user("akar-lama", is_superuser=True, is_active=False),
        "sistem": aktor_sistem(),
    }
    return Dunia(sampang, bangkalan, robatal, torjun, pengguna)

"""Personas and a survey for the SKM tests: the Robatal 2020 dataset (its
Renstra has the IKM indicator S1.1), a survey of its KTP service, alice
Robatal's operator (a staff member too) and bob a user without any role."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from sakip.akun.models import Keanggotaan, Peran
from sakip.akun.sistem import aktor_sistem
from sakip.record.testing import impor_uji
from sakip.skm.services import survei_buka


@pytest.fixture(autouse=True)
def _cache_kosong(request):
    # The rate limit lives in the cache, a table of the database: each test
    # that uses the database starts with none used (a test transaction's
    # rollback would forget it too, but a live-server test commits).
    nama = {"db", "transactional_db"} & set(request.fixturenames)
    if not nama:
        yield
        return
    request.getfixturevalue("transactional_db" if "transactional_db" in nama else "db")
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tahun(db):
    return impor_uji()


@pytest.fixture
def kuesioner(tahun):
    return survei_buka(
        instansi=tahun.instansi, tahun=2020, layanan="KTP", populasi=100, aktor=aktor_sistem()
    )


@pytest.fixture
def alice(tahun):
    user = get_user_model().objects.create_user("alice", password="rahasia-alice", is_staff=True)
    Keanggotaan.objects.create(user=user, peran=Peran.OPERATOR, instansi=tahun.instansi)
    return user


@pytest.fixture
def bob(db):
    return get_user_model().objects.create_user("bob", password="rahasia-bob")

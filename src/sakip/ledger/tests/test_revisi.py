"""The record's revision mark: it moves after every committed write, never
for a write rolled back, and only grows."""

from __future__ import annotations

import pytest
from django.db import transaction

from sakip.akun.sistem import aktor_sistem
from sakip.ledger.audit import audit_record, tanda_revisi
from sakip.ledger.models import AuditLog, Revisi
from sakip.organisasi.models import Pemda
from sakip.record.testing import impor_uji

pytestmark = pytest.mark.django_db(transaction=True)


def _tulis(pemda: Pemda) -> None:
    audit_record(actor=aktor_sistem(), action="impor", obj=pemda, new={"nama": pemda.nama})


def test_a_committed_write_moves_the_mark_and_only_the_newest_row_stays():
    pemda = Pemda.objects.create(nama="Kabupaten Uji")
    awal = tanda_revisi()
    _tulis(pemda)
    satu = tanda_revisi()
    _tulis(pemda)
    dua = tanda_revisi()
    assert awal.id < satu.id < dua.id
    assert list(Revisi.objects.values_list("id", flat=True)) == [dua.id]


def test_the_mark_moves_when_the_transaction_commits_not_before():
    pemda = Pemda.objects.create(nama="Kabupaten Uji")
    awal = tanda_revisi()
    with transaction.atomic():
        _tulis(pemda)
        _tulis(pemda)
        # Another connection could not see these rows yet: neither may the mark.
        assert tanda_revisi() == awal
    assert tanda_revisi().id > awal.id


def test_a_write_rolled_back_leaves_the_mark_where_it_was():
    pemda = Pemda.objects.create(nama="Kabupaten Uji")
    awal = tanda_revisi()
    with pytest.raises(RuntimeError), transaction.atomic():
        _tulis(pemda)
        raise RuntimeError("batal")
    assert tanda_revisi() == awal
    assert not AuditLog.objects.filter(object_id=str(pemda.pk)).exists()


def test_an_import_moves_the_mark():
    awal = tanda_revisi()
    impor_uji()
    assert tanda_revisi().id > awal.id

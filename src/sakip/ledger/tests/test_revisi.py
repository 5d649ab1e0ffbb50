"""The record's revision mark: it moves after every committed write, never
for a write rolled back, and only grows; a write to one instansi's record
leaves the others' marks alone."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction

from sakip.akun.sistem import aktor_sistem
from sakip.ledger.audit import audit_record, instansi_dari, tanda_revisi
from sakip.ledger.models import AuditLog, Revisi
from sakip.ledger.testing import ROBATAL, load_yaml
from sakip.organisasi.models import Pemda
from sakip.record.models import AnggaranNode, Indikator, NilaiIndikator
from sakip.record.services import realisasi_set
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


def test_a_write_to_one_instansi_leaves_the_others_mark_alone():
    robatal = impor_uji()
    torjun = impor_uji(load_yaml((ROBATAL.parent / "torjun-2022.yaml").read_text("utf-8")))
    a, b = robatal.instansi_id, torjun.instansi_id
    awal_a, awal_b = tanda_revisi(a), tanda_revisi(b)
    ind = Indikator.objects.filter(renstra=robatal.renstra).order_by("urutan").first()
    assert ind is not None
    row = NilaiIndikator.objects.get(indikator=ind, tahun=robatal.tahun)
    realisasi_set(
        aktor=aktor_sistem(), indikator=ind, tahun=robatal.tahun, nilai=Decimal(3), versi=row.versi
    )
    assert tanda_revisi(a).id > awal_a.id
    assert tanda_revisi(b) == awal_b
    # What every instansi shares (here the pemda itself) moves every mark.
    sebelum_a = tanda_revisi(a)
    _tulis(robatal.instansi.pemda)
    assert tanda_revisi(a).id > sebelum_a.id
    assert tanda_revisi(b).id > awal_b.id


def test_every_row_of_a_year_marks_its_own_instansi():
    tk = impor_uji()
    pk = tk.perjanjian.first()
    assert pk is not None
    rows = [
        tk,
        pk,
        *pk.indikator.all(),
        *pk.program.all(),
        *Indikator.objects.filter(renstra=tk.renstra),
        *NilaiIndikator.objects.filter(indikator__renstra=tk.renstra),
        *AnggaranNode.objects.filter(anggaran__tahun_kinerja=tk),
    ]
    assert {instansi_dari(r) for r in rows} == {tk.instansi_id}
    assert instansi_dari(tk.instansi.pemda) is None

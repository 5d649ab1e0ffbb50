"""Dropping the printed figures of an imported year: the galat that compare
them with the data go, the data stay, and every change is in the history."""

from __future__ import annotations

import pytest

from sakip.akun.sistem import aktor_sistem
from sakip.engine.temuan import Tingkat
from sakip.ledger.models import AuditAction, AuditLog
from sakip.record.ekspor import dokumen_tahun
from sakip.record.models import StatusTahun, TahunKinerja
from sakip.record.queries import laporan_tahun
from sakip.record.services import TahunTerkunci, angka_cetak_lepas
from sakip.record.testing import impor_uji
from sakip.web.testing import torjun_doc


def _galat(tk) -> list[str]:
    # A fresh read, as a page makes: the caller's object keeps its rows.
    segar = TahunKinerja.objects.get(pk=tk.pk)
    return sorted(t.kode for t in laporan_tahun(segar).temuan if t.tingkat == Tingkat.GALAT)


@pytest.mark.django_db
def test_torjuns_printed_figures_go_and_their_galat_with_them():
    tk = impor_uji(torjun_doc())
    realisasi_sebelum = [b.realisasi for b in laporan_tahun(tk).indikator_tahun()]

    berubah = angka_cetak_lepas(aktor=aktor_sistem(), tahun_kinerja=tk)

    assert berubah > 0
    # What is left is about the data, which the pages edit: the IKM formula
    # (IKU sheet) and the Ikhtisar's sentence (Narasi), never a printed figure.
    assert _galat(tk) == ["IKM_TANPA_KONVERSI", "NARASI_BEDA"]
    assert [b.realisasi for b in laporan_tahun(tk).indikator_tahun()] == realisasi_sebelum
    assert AuditLog.objects.filter(action=AuditAction.ANGKA_CETAK_LEPAS).count() == berubah
    segar = TahunKinerja.objects.get(pk=tk.pk)
    assert "dinyatakan" not in str(dokumen_tahun(segar).get("anggaran", {}))
    # A second call finds nothing left to drop.
    assert angka_cetak_lepas(aktor=aktor_sistem(), tahun_kinerja=tk) == 0


@pytest.mark.django_db
def test_an_approved_year_keeps_its_printed_figures():
    tk = impor_uji()
    tk.status = StatusTahun.DISETUJUI
    tk.save(update_fields=["status"])
    with pytest.raises(TahunTerkunci):
        angka_cetak_lepas(aktor=aktor_sistem(), tahun_kinerja=tk)

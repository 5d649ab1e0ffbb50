"""The computed report of an instansi-year: kept while the record does not
change, computed again after any write, never kept inside a transaction;
shared by every worker through the cache."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction

from sakip.akun.sistem import aktor_sistem
from sakip.record import queries
from sakip.record.models import Indikator, NilaiIndikator
from sakip.record.queries import laporan_tahun
from sakip.record.services import realisasi_set
from sakip.record.testing import impor_uji


def _realisasi(tk, nilai: Decimal) -> None:
    ind = Indikator.objects.filter(renstra=tk.renstra).order_by("urutan").first()
    assert ind is not None
    row = NilaiIndikator.objects.get(indikator=ind, tahun=tk.tahun)
    realisasi_set(aktor=aktor_sistem(), indikator=ind, tahun=tk.tahun, nilai=nilai, versi=row.versi)


def _kode_realisasi(laporan) -> dict:
    return {b.ref.indikator.kode: b.realisasi for b in laporan.indikator_tahun()}


@pytest.mark.django_db(transaction=True)
def test_the_report_is_kept_until_the_record_changes():
    tk = impor_uji()
    pertama = laporan_tahun(tk)
    assert laporan_tahun(tk) is pertama
    _realisasi(tk, Decimal("12.5"))
    kedua = laporan_tahun(tk)
    assert kedua is not pertama
    assert Decimal("12.5") in _kode_realisasi(kedua).values()


@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_nothing_is_kept():
    tk = impor_uji()
    with transaction.atomic():
        dalam = laporan_tahun(tk)
        assert laporan_tahun(tk) is not dalam


@pytest.mark.django_db(transaction=True)
def test_a_report_another_worker_computed_is_read_not_computed_again(
    monkeypatch, settings, tmp_path
):
    settings.CACHES = {
        **settings.CACHES,
        queries.CACHE_LAPORAN: {
            **settings.CACHES[queries.CACHE_LAPORAN],
            "LOCATION": str(tmp_path),
        },
    }
    tk = impor_uji()
    pertama = laporan_tahun(tk)
    queries.lupakan_laporan()  # as if another process asked next

    def tidak_boleh(_tk):  # noqa: ANN001, ANN202
        raise AssertionError("computed again")

    monkeypatch.setattr(queries, "_hitung", tidak_boleh)
    kedua = laporan_tahun(tk)
    assert kedua is not pertama
    assert _kode_realisasi(kedua) == _kode_realisasi(pertama)
    assert [t.kode for t in kedua.temuan] == [t.kode for t in pertama.temuan]
    # After a write the mark moves: computed again (here, refused).
    monkeypatch.undo()
    _realisasi(tk, Decimal("7"))
    monkeypatch.setattr(queries, "_hitung", tidak_boleh)
    with pytest.raises(AssertionError, match="computed again"):
        laporan_tahun(tk)

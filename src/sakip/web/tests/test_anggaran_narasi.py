"""The budget page (tree with pagu and realisasi on its lines, totals from
the engine) and the report text page (parts and analysis per indicator)."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from sakip.engine.angka import format_rupiah
from sakip.record.models import AnggaranNode, Indikator, StatusTahun, TahunKinerja
from sakip.record.queries import laporan_tahun
from sakip.record.riwayat import indikator_dari_tahun


def _url(tk, nama, *args):
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun, *args])


def _daun(tk) -> AnggaranNode:
    node = (
        AnggaranNode.objects.filter(anggaran__tahun_kinerja=tk, anak__isnull=True)
        .order_by("urutan", "id")
        .first()
    )
    assert node is not None
    return node


def test_the_budget_tree_shows_the_engines_totals_and_edits_only_lines(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "anggaran")).content.decode()
    total = laporan_tahun(tk).anggaran.total
    assert format_rupiah(total.pagu) in html and format_rupiah(total.realisasi) in html
    daun = _daun(tk)
    assert _url(tk, "ubah-anggaran", daun.pk, "pagu") in html
    program = AnggaranNode.objects.filter(anggaran__tahun_kinerja=tk, anak__isnull=False).first()
    if program is not None:  # a parent's amounts are computed, never typed
        assert _url(tk, "ubah-anggaran", program.pk, "pagu") not in html


def test_a_saved_pagu_changes_the_total_the_page_shows(client, dunia):
    tk = dunia.robatal
    daun = _daun(tk)
    sebelum = laporan_tahun(tk).anggaran.total.pagu
    lama = Decimal(str(daun.pagu or 0))
    client.force_login(dunia.user["operator-robatal"])
    url = _url(tk, "ubah-anggaran", daun.pk, "pagu")
    jawab = client.post(url, {"nilai": "1.000.000,50", "versi": daun.versi})
    assert jawab.status_code == 302
    sesudah = sebelum - lama + Decimal("1000000.50")
    html = client.get(_url(tk, "anggaran")).content.decode()
    assert format_rupiah(sesudah) in html


def test_the_operator_writes_the_analysis_of_each_indicator_one_after_another(client, dunia):
    tk = dunia.torjun
    inds = list(indikator_dari_tahun(tk).order_by("id")[:3])
    assert len(inds) >= 2
    client.force_login(dunia.user["operator-torjun"])
    html = client.get(_url(tk, "narasi")).content.decode()
    for bagian in ("kata_pengantar", "ikhtisar", "hambatan", "solusi", "penutup"):
        assert _url(tk, "ubah-narasi", bagian) in html
    versi = TahunKinerja.objects.get(pk=tk.pk).versi
    # Fields read at the same version: saving one part does not refuse another.
    for ind in inds:
        jawab = client.post(
            _url(tk, "ubah-analisis", ind.pk),
            {"nilai": f"Analisis {ind.kode}", "versi": versi},
            HTTP_HX_REQUEST="true",
        )
        assert jawab["HX-Trigger"] == "tersimpan", jawab.content.decode()
    jawab = client.post(
        _url(tk, "ubah-narasi", "hambatan"),
        {"nilai": "Hujan", "versi": versi},
        HTTP_HX_REQUEST="true",
    )
    assert jawab["HX-Trigger"] == "tersimpan", jawab.content.decode()
    tk.refresh_from_db()
    assert tk.narasi["hambatan"] == "Hujan"
    for ind in inds:
        assert tk.narasi["analisis"][ind.kode] == f"Analisis {ind.kode}"
    assert laporan_tahun(tk).dokumen.narasi.analisis[inds[0].kode] == f"Analisis {inds[0].kode}"


def test_the_same_analysis_changed_by_two_people_refuses_the_second(client, dunia):
    tk = dunia.robatal
    ind = Indikator.objects.filter(renstra=tk.renstra).order_by("urutan").first()
    versi = tk.versi
    url = _url(tk, "ubah-analisis", ind.pk)
    client.force_login(dunia.user["admin-sampang"])
    client.post(url, {"nilai": "Pertama", "versi": versi})
    client.force_login(dunia.user["operator-robatal"])
    html = client.post(url, {"nilai": "Kedua", "versi": versi}, HTTP_HX_REQUEST="true")
    assert "telah diubah oleh admin-sampang" in html.content.decode()
    tk.refresh_from_db()
    assert tk.narasi["analisis"][ind.kode] == "Pertama"


def test_a_locked_year_refuses_budget_and_text_writes(client, dunia):
    tk = dunia.robatal
    daun = _daun(tk)
    TahunKinerja.objects.filter(pk=tk.pk).update(status=StatusTahun.DISETUJUI)
    client.force_login(dunia.user["operator-robatal"])
    for nama in ("anggaran", "narasi"):
        assert "Simpan" not in client.get(_url(tk, nama)).content.decode()
    jawab = client.post(
        _url(tk, "ubah-anggaran", daun.pk, "pagu"),
        {"nilai": "5", "versi": daun.versi},
        HTTP_HX_REQUEST="true",
    )
    assert "terkunci" in jawab.content.decode()
    jawab = client.post(
        _url(tk, "ubah-narasi", "hambatan"),
        {"nilai": "x", "versi": tk.versi},
        HTTP_HX_REQUEST="true",
    )
    assert "terkunci" in jawab.content.decode()
    daun.refresh_from_db()
    assert daun.pagu != 5

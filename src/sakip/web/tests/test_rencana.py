"""The planning pages: Renstra, IKU, pohon kinerja, Perjanjian Kinerja and
rencana aksi, each for the roles that may and may not, within the query
budget; and the PK Perubahan flow from the browser's side."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from sakip.dataset.load import validate
from sakip.record.ekspor import dokumen_tahun
from sakip.record.models import (
    Indikator,
    JenisTriwulan,
    NilaiIndikator,
    NilaiTriwulan,
    PerjanjianKinerja,
    PerjanjianProgram,
    TahunKinerja,
)
from sakip.record.queries import laporan_tahun
from sakip.web.testing import siap_diajukan

HALAMAN = ("renstra", "iku", "pohon", "pk", "rencana-aksi")
PEMDA = (
    "operator-robatal",
    "pimpinan-robatal",
    "admin-sampang",
    "evaluator-sampang",
)


def _url(tk, nama, *args):
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun, *args])


def _s11(tk) -> Indikator:
    return Indikator.objects.get(renstra=tk.renstra, kode="S1.1")


@pytest.mark.parametrize("halaman", HALAMAN)
def test_every_role_of_the_pemda_sees_each_planning_page_within_the_query_budget(
    client, dunia, maks_query, halaman
):
    for tk in (dunia.robatal, dunia.torjun):
        for nama in PEMDA if tk is dunia.robatal else ("operator-torjun", "evaluator-sampang"):
            client.force_login(dunia.user[nama])
            with maks_query(20):
                jawab = client.get(_url(tk, halaman))
            assert jawab.status_code == 200, (nama, halaman)
            assert f"{tk.instansi.nama} · {tk.tahun}" in jawab.content.decode()


@pytest.mark.parametrize("halaman", HALAMAN)
def test_another_instansi_and_another_pemda_get_not_found(client, dunia, halaman):
    for nama in ("operator-torjun", "admin-lain"):
        client.force_login(dunia.user[nama])
        assert client.get(_url(dunia.robatal, halaman)).status_code == 404


def test_the_renstra_shows_every_year_of_the_period_and_past_realisations(client, dunia):
    tk = dunia.torjun
    client.force_login(dunia.user["operator-torjun"])
    html = client.get(_url(tk, "renstra")).content.decode()
    for th in range(2019, 2025):
        assert f"Target {th}" in html
        assert _url(tk, "ubah-nilai", _s11(tk).pk, "target", th) in html
    assert "Tujuan" in html and "Sasaran" in html and "realisasi:" in html


def test_the_operator_edits_a_future_target_in_the_renstra_and_the_evaluator_may_not(client, dunia):
    tk = dunia.torjun
    ind = _s11(tk)
    url = _url(tk, "ubah-nilai", ind.pk, "target", 2024)
    versi = getattr(NilaiIndikator.objects.filter(indikator=ind, tahun=2024).first(), "versi", 0)
    for nama in ("evaluator-sampang", "pimpinan-torjun"):
        client.force_login(dunia.user[nama])
        assert "Simpan" not in client.get(_url(tk, "renstra")).content.decode()
        assert client.post(url, {"nilai": "99", "versi": versi}).status_code == 403
    client.force_login(dunia.user["operator-torjun"])
    jawab = client.post(url, {"nilai": "90,5", "versi": versi}, HTTP_HX_REQUEST="true")
    assert jawab["HX-Trigger"] == "tersimpan"
    assert NilaiIndikator.objects.get(indikator=ind, tahun=2024).target == Decimal("90.5")


def test_the_iku_sheet_lists_the_key_indicators_with_how_they_are_measured(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["evaluator-sampang"])
    html = client.get(_url(tk, "iku")).content.decode()
    assert "S1.1" in html and "Survei Kepuasan Masyarakat" in html and "Camat Robatal" in html
    assert "Simpan" not in html
    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "iku")).content.decode()
    assert _url(tk, "ubah-nilai", _s11(tk).pk, "target", 2020) in html


def test_the_pohon_kinerja_cascades_from_the_rpjmd_down_to_sub_kegiatan(client, dunia):
    tk = dunia.torjun
    client.force_login(dunia.user["pimpinan-torjun"])
    html = client.get(_url(tk, "pohon")).content.decode()
    urutan = [
        "RPJMD-S1",
        "Meningkatnya tata kelola Pemerintahan di Kecamatan",
        'class="kode">S1</span>',
        "S1.1",
        "7.01.02",
        "Penyelenggaraan urusan Pemerintahan",
    ]
    letak = [html.index(teks) for teks in urutan]
    assert letak == sorted(letak)
    assert "simpul-sub_kegiatan" in html and "<script" not in html.split("</head>")[1]


def test_the_pohon_places_a_tujuan_without_rpjmd_link_and_a_program_without_sasaran(dunia):
    from sakip.web.rencana import pohon_kinerja

    tk = dunia.robatal
    tk.renstra.tujuan.update(mendukung=None)
    node = tk.anggaran.node.filter(level="program").order_by("urutan").first()
    node.sasaran = None
    node.save()
    akar, jumlah = pohon_kinerja(laporan_tahun(tk))
    assert [a.uraian for a in akar] == ["Tidak terhubung ke RPJMD", "Program tanpa sasaran Renstra"]
    assert akar[1].anak[0].kode == node.kode and jumlah > 5


def test_the_pimpinan_signs_the_pk_and_then_it_refuses_a_change(client, dunia):
    tk = dunia.robatal
    pk = PerjanjianKinerja.objects.get(tahun_kinerja=tk)
    item = pk.indikator.get()
    sign = _url(tk, "pk-tandatangani", 1)
    for nama in ("operator-robatal", "evaluator-sampang"):
        client.force_login(dunia.user[nama])
        assert client.post(sign, {"versi": pk.versi}).status_code == 403
    client.force_login(dunia.user["pimpinan-robatal"])
    assert "Tandatangani" in client.get(_url(tk, "pk")).content.decode()
    assert client.post(sign, {"versi": pk.versi}).status_code == 302
    pk.refresh_from_db()
    assert pk.ditandatangani_oleh == dunia.user["pimpinan-robatal"]

    client.force_login(dunia.user["operator-robatal"])
    jawab = client.post(
        _url(tk, "ubah-pk-target", item.pk),
        {"nilai": "90", "versi": item.versi},
        HTTP_HX_REQUEST="1",
    )
    assert "sudah ditandatangani" in jawab.content.decode()
    item.refresh_from_db()
    assert item.target is None


def test_the_pk_perubahan_flow_from_creation_to_signature(client, dunia):
    tk = dunia.robatal
    pk = PerjanjianKinerja.objects.get(tahun_kinerja=tk)
    client.force_login(dunia.user["pimpinan-robatal"])
    client.post(_url(tk, "pk-tandatangani", 1), {"versi": pk.versi})
    # Only the operator (or admin) starts a PK Perubahan.
    for nama in ("pimpinan-robatal", "evaluator-sampang"):
        client.force_login(dunia.user[nama])
        assert client.post(_url(tk, "pk-perubahan", 1)).status_code == 403
    client.force_login(dunia.user["operator-robatal"])
    assert "Buat PK Perubahan" in client.get(_url(tk, "pk")).content.decode()
    client.post(_url(tk, "pk-perubahan", 1))
    baru = PerjanjianKinerja.objects.get(tahun_kinerja=tk, nomor=2)
    item = baru.indikator.get()

    html = client.get(_url(tk, "pk")).content.decode()
    assert "PK Perubahan 2" in html and _url(tk, "ubah-pk-target", item.pk) in html
    for nama in ("pimpinan-robatal", "evaluator-sampang"):
        client.force_login(dunia.user[nama])
        jawab = client.post(_url(tk, "ubah-pk-target", item.pk), {"nilai": "1", "versi": 1})
        assert jawab.status_code == 403
    client.force_login(dunia.user["operator-robatal"])
    jawab = client.post(_url(tk, "ubah-pk-target", item.pk), {"nilai": "82,5", "versi": item.versi})
    assert jawab.status_code == 302
    item.refresh_from_db()
    assert item.target == Decimal("82.5")
    s11 = next(b for b in laporan_tahun(tk).indikator_tahun() if b.ref.kode == "S1.1")
    assert s11.target == Decimal("82.5") and s11.sumber_target == "perjanjian kinerja"

    client.force_login(dunia.user["pimpinan-robatal"])
    baru.refresh_from_db()
    client.post(_url(tk, "pk-tandatangani", 2), {"versi": baru.versi})
    baru.refresh_from_db()
    assert baru.ditandatangani_pada is not None
    html = client.get(_url(tk, "pk")).content.decode()
    assert "Perjanjian Kinerja awal" in html and "Tandatangani" not in html


def test_an_item_of_another_years_pk_is_not_found_here(client, dunia):
    lain = PerjanjianKinerja.objects.get(tahun_kinerja=dunia.torjun).indikator.first()
    client.force_login(dunia.user["operator-robatal"])
    url = _url(dunia.robatal, "ubah-pk-target", lain.pk)
    assert client.post(url, {"nilai": "1", "versi": 1}).status_code == 404
    program = PerjanjianKinerja.objects.get(tahun_kinerja=dunia.torjun).program.first()
    url = _url(dunia.robatal, "ubah-pk-pagu", program.pk)
    assert client.post(url, {"nilai": "1", "versi": 1}).status_code == 404
    assert client.post(_url(dunia.robatal, "pk-perubahan", 9)).status_code == 404


def test_the_operator_fills_the_rencana_aksi_by_quarter(client, dunia):
    tk = dunia.torjun
    ind = _s11(tk)
    client.force_login(dunia.user["operator-torjun"])
    html = client.get(_url(tk, "rencana-aksi")).content.decode()
    assert "S2.1" in html and "TW4" in html
    url = _url(tk, "ubah-triwulan", ind.pk, JenisTriwulan.RENCANA_AKSI, 2)
    assert url in html
    jawab = client.post(url, {"nilai": "40", "versi": 0}, HTTP_HX_REQUEST="1")
    assert jawab["HX-Trigger"] == "tersimpan"
    row = NilaiTriwulan.objects.get(indikator=ind, jenis=JenisTriwulan.RENCANA_AKSI, triwulan=2)
    assert row.nilai == 40 and row.tahun == 2022
    client.force_login(dunia.user["evaluator-sampang"])
    assert client.post(url, {"nilai": "41", "versi": row.versi}).status_code == 403
    row.refresh_from_db()
    assert row.nilai == 40


def test_the_pk_figures_follow_the_latest_version_within_the_query_budget(
    client, dunia, maks_query
):
    tk = dunia.torjun
    client.force_login(dunia.user["evaluator-sampang"])
    with maks_query(20):
        html = client.get(_url(tk, "pk-hasil")).content.decode()
    # Torjun's PK prints a pagu for 7.01.02 that the budget does not give it.
    assert "PK_PAGU_BEDA" not in html and "peringatan" in html and "7.01.02" in html
    assert "14.566.373,00" in html and "14.866.373,00" in html
    client.force_login(dunia.user["admin-lain"])
    assert client.get(_url(tk, "pk-hasil")).status_code == 404


def test_a_pk_target_change_shows_in_the_history_of_the_indicator(client, dunia):
    tk = dunia.robatal
    pk = PerjanjianKinerja.objects.get(tahun_kinerja=tk)
    item = pk.indikator.get()
    client.force_login(dunia.user["operator-robatal"])
    client.post(_url(tk, "ubah-pk-target", item.pk), {"nilai": "80", "versi": item.versi})
    html = client.get(_url(tk, "riwayat") + "?indikator=S1.1&bidang=target").content.decode()
    assert "operator-robatal" in html and "target S1.1 PK" in html


def _program(tk, kode):
    return PerjanjianProgram.objects.get(perjanjian__tahun_kinerja=tk, kode=kode)


def test_the_operator_edits_the_pagu_an_unsigned_pk_prints_in_place(client, dunia):
    tk = dunia.robatal
    item = _program(tk, "P1")
    url = _url(tk, "ubah-pk-pagu", item.pk)
    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "pk")).content.decode()
    assert url in html and "mengikuti anggaran" in html

    jawab = client.post(url, {"nilai": "1.500.000,50", "versi": item.versi}, HTTP_HX_REQUEST="1")

    assert jawab["HX-Trigger"] == "tersimpan" and "tersimpan" in jawab.content.decode()
    item.refresh_from_db()
    assert item.pagu == Decimal("1500000.50") and not item.ringkas
    html = client.get(_url(tk, "pk")).content.decode()
    assert 'value="1.500.000,50"' in html
    assert laporan_tahun(tk).dokumen.perjanjian_kinerja.program[0].pagu == Decimal("1500000.50")
    riwayat = client.get(_url(tk, "riwayat") + "?anggaran=P1&bidang=pagu").content.decode()
    assert "operator-robatal" in riwayat and "pagu P1 PK" in riwayat

    # A negative amount is refused on the field; empty follows the budget again.
    jawab = client.post(url, {"nilai": "-5", "versi": item.versi}, HTTP_HX_REQUEST="1")
    assert "bukan jumlah rupiah" in jawab.content.decode()
    item.refresh_from_db()
    assert item.pagu == Decimal("1500000.50")
    assert client.post(url, {"nilai": "", "versi": item.versi}).status_code == 302
    item.refresh_from_db()
    assert (item.pagu, item.ringkas) == (None, True)
    doc = dokumen_tahun(TahunKinerja.objects.get(pk=tk.pk))
    assert validate(doc) == [] and doc["perjanjian_kinerja"]["program"][0] == "P1"


def test_the_evaluator_sees_the_pk_pagu_without_a_field(client, dunia):
    tk = dunia.torjun
    item = _program(tk, "7.01.02")
    url = _url(tk, "ubah-pk-pagu", item.pk)
    client.force_login(dunia.user["evaluator-sampang"])
    html = client.get(_url(tk, "pk")).content.decode()
    assert "Rp 14.566.373,00" in html and url not in html
    assert client.post(url, {"nilai": "1", "versi": item.versi}).status_code == 403
    item.refresh_from_db()
    assert item.pagu == Decimal("14566373.00")


def test_a_signed_pk_shows_its_pagu_without_a_field_and_refuses_a_change(client, dunia):
    tk = dunia.robatal
    pk = PerjanjianKinerja.objects.get(tahun_kinerja=tk)
    item = _program(tk, "P1")
    url = _url(tk, "ubah-pk-pagu", item.pk)
    client.force_login(dunia.user["pimpinan-robatal"])
    client.post(_url(tk, "pk-tandatangani", 1), {"versi": pk.versi})

    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "pk")).content.decode()
    assert url not in html and "mengikuti anggaran" in html
    jawab = client.post(url, {"nilai": "90", "versi": item.versi}, HTTP_HX_REQUEST="1")
    assert "buat PK Perubahan untuk mengubah pagunya" in jawab.content.decode()
    item.refresh_from_db()
    assert item.pagu is None


def test_a_pagu_of_a_program_the_budget_lacks_shows_in_its_history(client, dunia):
    tk = dunia.robatal
    PerjanjianProgram.objects.filter(perjanjian__tahun_kinerja=tk, kode="P5").update(kode="P9")
    item = _program(tk, "P9")
    client.force_login(dunia.user["operator-robatal"])
    client.post(_url(tk, "ubah-pk-pagu", item.pk), {"nilai": "7", "versi": item.versi})
    riwayat = client.get(_url(tk, "riwayat") + "?anggaran=P9&bidang=pagu")
    assert riwayat.status_code == 200 and "pagu P9 PK" in riwayat.content.decode()
    assert client.get(_url(tk, "riwayat") + "?anggaran=P8").status_code == 404


def test_an_approved_year_shows_the_plan_without_any_field_or_action(client, dunia):
    tk = dunia.robatal
    pk = PerjanjianKinerja.objects.get(tahun_kinerja=tk)
    client.force_login(dunia.user["pimpinan-robatal"])
    client.post(_url(tk, "pk-tandatangani", 1), {"versi": pk.versi})
    siap_diajukan(tk)
    client.force_login(dunia.user["operator-robatal"])
    client.post(_url(tk, "status", "ajukan"))
    client.force_login(dunia.user["pimpinan-robatal"])
    client.post(_url(tk, "status", "setujui"))

    client.force_login(dunia.user["operator-robatal"])
    for halaman in HALAMAN:
        html = client.get(_url(tk, halaman)).content.decode()
        assert "terkunci" in html and "Simpan" not in html, halaman
    assert "Buat PK Perubahan" not in client.get(_url(tk, "pk")).content.decode()
    client.post(_url(tk, "pk-perubahan", 1))
    assert PerjanjianKinerja.objects.filter(tahun_kinerja=tk).count() == 1


def test_the_operator_completes_an_iku_definition_on_the_sheet(client, dunia):
    tk = dunia.torjun
    ind = Indikator.objects.get(renstra=tk.renstra, kode="S1.1")
    client.force_login(dunia.user["operator-torjun"])
    url = _url(tk, "ubah-indikator", ind.pk, "formula")
    jawab = client.post(
        url, {"nilai": "Rata-rata NRR tertimbang x 25", "versi": ind.versi}, HTTP_HX_REQUEST="1"
    )
    assert jawab["HX-Trigger"] == "tersimpan"
    ind.refresh_from_db()
    assert ind.formula == "Rata-rata NRR tertimbang x 25"
    kode = [t.kode for t in laporan_tahun(TahunKinerja.objects.get(pk=tk.pk)).temuan]
    assert "IKM_TANPA_KONVERSI" not in kode
    client.force_login(dunia.user["evaluator-sampang"])
    assert client.post(url, {"nilai": "x", "versi": ind.versi}).status_code == 403

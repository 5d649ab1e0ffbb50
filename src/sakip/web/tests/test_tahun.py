"""The pages of an instansi-year: overview, values edited in place, history,
and the workflow, each for the roles that may and may not."""

from __future__ import annotations

import gzip

from django.urls import reverse

from sakip.record.models import Indikator, NilaiIndikator, StatusTahun
from sakip.web.testing import siap_diajukan


def _url(tk, nama, *args):
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun, *args])


def _indikator(tk) -> Indikator:
    ind = Indikator.objects.filter(renstra=tk.renstra).order_by("urutan").first()
    assert ind is not None
    return ind


def test_the_operator_sees_the_years_figures_and_findings(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "tahun")).content.decode()
    assert "Kecamatan Robatal · 2020" in html
    assert "Ajukan ke pimpinan" in html
    assert "Temuan (" in html and "Capaian 2020" in html


def test_another_instansis_operator_and_another_pemda_get_not_found(client, dunia):
    for nama in ("operator-torjun", "admin-lain"):
        client.force_login(dunia.user[nama])
        assert client.get(_url(dunia.robatal, "tahun")).status_code == 404
    client.logout()
    jawab = client.get(_url(dunia.robatal, "tahun"))
    assert jawab.status_code == 302 and "/masuk/" in jawab["Location"]


def test_the_operator_types_an_indonesian_number_and_it_is_saved_exactly(client, dunia):
    tk = dunia.robatal
    ind = _indikator(tk)
    row = NilaiIndikator.objects.get(indikator=ind, tahun=tk.tahun)
    client.force_login(dunia.user["operator-robatal"])
    url = _url(tk, "ubah-nilai", ind.pk, "realisasi", tk.tahun)

    jawab = client.post(url, {"nilai": "1.234,5", "versi": row.versi}, HTTP_HX_REQUEST="true")

    assert jawab.status_code == 200 and jawab["HX-Trigger"] == "tersimpan"
    assert 'value="1.234,5"' in jawab.content.decode()
    row.refresh_from_db()
    assert str(row.realisasi) == "1234.5"


def test_a_stale_write_is_refused_with_who_changed_it(client, dunia):
    tk = dunia.robatal
    ind = _indikator(tk)
    row = NilaiIndikator.objects.get(indikator=ind, tahun=tk.tahun)
    versi = row.versi
    url = _url(tk, "ubah-nilai", ind.pk, "realisasi", tk.tahun)
    client.force_login(dunia.user["admin-sampang"])
    assert client.post(url, {"nilai": "80", "versi": versi}).status_code == 302
    client.force_login(dunia.user["operator-robatal"])

    html = client.post(url, {"nilai": "81", "versi": versi}, HTTP_HX_REQUEST="true").content
    html = html.decode()

    assert "telah diubah oleh admin-sampang" in html and 'value="81"' in html
    row.refresh_from_db()
    assert row.realisasi == 80


def test_the_evaluator_reads_but_cannot_change_a_figure(client, dunia):
    tk = dunia.robatal
    ind = _indikator(tk)
    client.force_login(dunia.user["evaluator-sampang"])
    html = client.get(_url(tk, "capaian")).content.decode()
    assert "Simpan" not in html
    url = _url(tk, "ubah-nilai", ind.pk, "realisasi", tk.tahun)
    assert client.post(url, {"nilai": "1", "versi": 1}).status_code == 403


def test_an_indicator_of_another_instansi_is_not_found_through_this_year(client, dunia):
    lain = _indikator(dunia.torjun)
    client.force_login(dunia.user["operator-robatal"])
    url = _url(dunia.robatal, "ubah-nilai", lain.pk, "realisasi", dunia.robatal.tahun)
    assert client.post(url, {"nilai": "1", "versi": 0}).status_code == 404


def test_a_value_that_is_no_amount_is_refused_with_the_reason(client, dunia):
    tk = dunia.robatal
    node = tk.anggaran.node.order_by("urutan").first()
    client.force_login(dunia.user["operator-robatal"])
    url = _url(tk, "ubah-anggaran", node.pk, "pagu")
    html = client.post(url, {"nilai": "satu juta", "versi": node.versi}).content.decode()
    assert "bukan angka" in html


def test_the_year_goes_from_draf_to_approved_and_then_refuses_changes(client, dunia):
    tk = dunia.robatal
    ind = _indikator(tk)
    siap_diajukan(tk)
    client.force_login(dunia.user["operator-robatal"])
    client.post(_url(tk, "status", "ajukan"))
    tk.refresh_from_db()
    assert tk.status == StatusTahun.DIAJUKAN
    client.force_login(dunia.user["pimpinan-robatal"])
    client.post(_url(tk, "status", "setujui"))
    tk.refresh_from_db()
    assert tk.status == StatusTahun.DISETUJUI

    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "capaian")).content.decode()
    assert "terkunci" in html and "Simpan" not in html
    row = NilaiIndikator.objects.get(indikator=ind, tahun=tk.tahun)
    url = _url(tk, "ubah-nilai", ind.pk, "realisasi", tk.tahun)
    html = client.post(url, {"nilai": "1", "versi": row.versi}).content.decode()
    assert "terkunci" in html

    client.force_login(dunia.user["admin-sampang"])
    client.post(_url(tk, "status", "buka-kunci"), {"catatan": "salah ketik realisasi"})
    tk.refresh_from_db()
    assert tk.status == StatusTahun.DRAF


def test_the_history_shows_the_whole_reason_of_an_unlock(client, dunia):
    tk = dunia.robatal
    siap_diajukan(tk)
    client.force_login(dunia.user["operator-robatal"])
    client.post(_url(tk, "status", "ajukan"))
    client.force_login(dunia.user["pimpinan-robatal"])
    client.post(_url(tk, "status", "setujui"))
    alasan = "Koreksi realisasi TW2 atas permintaan Inspektorat; surat nomor 700/123/2021 tanggal 5"
    assert len(alasan) > 80  # longer than a value the history shortens
    client.force_login(dunia.user["admin-sampang"])
    client.post(_url(tk, "status", "buka-kunci"), {"catatan": alasan})
    html = client.get(_url(tk, "riwayat") + "?bidang=status").content.decode()
    assert f"draf; alasan: {alasan}" in html
    assert "&quot;catatan&quot;" not in html  # not the stored JSON


def test_the_history_of_a_field_shows_who_changed_it(client, dunia):
    tk = dunia.robatal
    ind = _indikator(tk)
    row = NilaiIndikator.objects.get(indikator=ind, tahun=tk.tahun)
    client.force_login(dunia.user["operator-robatal"])
    client.post(
        _url(tk, "ubah-nilai", ind.pk, "realisasi", tk.tahun), {"nilai": "77,5", "versi": row.versi}
    )
    html = client.get(_url(tk, "riwayat") + f"?indikator={ind.kode}&bidang=realisasi").content
    assert "operator-robatal" in html.decode() and "77,5" in html.decode()


def test_the_operator_drops_the_old_reports_printed_figures_to_unblock_submission(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "tahun")).content.decode()
    assert "lepaskan angka tercetak" in html
    client.post(_url(tk, "angka-cetak"))
    html = client.get(_url(tk, "tahun")).content.decode()
    assert "lepaskan angka tercetak" not in html and "galat harus diperbaiki" not in html


def test_pages_travel_compressed(client, dunia):
    client.force_login(dunia.user["operator-robatal"])
    jawab = client.get(_url(dunia.robatal, "capaian"), HTTP_ACCEPT_ENCODING="gzip")
    assert jawab["Content-Encoding"] == "gzip"
    assert b"Kecamatan Robatal" in gzip.decompress(jawab.content)

"""The measuring page: realisations by quarter and year, explanation of a
realisation below target, and evidence files, for the roles that may and
may not."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sakip.ledger.models import AuditAction, AuditLog
from sakip.record.models import (
    BuktiDukung,
    Indikator,
    JenisTriwulan,
    NilaiIndikator,
    NilaiTriwulan,
    Penjelasan,
    StatusTahun,
    TahunKinerja,
)
from sakip.web.testing import sql_halaman
from sakip.web.tests.test_keamanan import MAKS_QUERY

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def bukti_dir(settings, tmp_path):
    settings.SAKIP_BUKTI_DIR = tmp_path / "bukti"
    return settings.SAKIP_BUKTI_DIR


def _url(tk, nama, *args):
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun, *args])


def _ind(tk) -> Indikator:
    ind = Indikator.objects.filter(renstra=tk.renstra).order_by("urutan").first()
    assert ind is not None
    return ind


def _unggah(client, tk, isi=PDF, nama="bukti.pdf", triwulan="1"):
    berkas = SimpleUploadedFile(nama, isi, content_type="application/pdf")
    return client.post(
        _url(tk, "bukti-unggah", _ind(tk).pk), {"triwulan": triwulan, "berkas": berkas}
    )


def _bukti(dunia) -> BuktiDukung:
    return BuktiDukung.objects.create(
        tahun_kinerja=dunia.robatal,
        indikator=_ind(dunia.robatal),
        triwulan=None,
        nama_asli="ada.pdf",
        lokasi="x/ada.pdf",
        jenis="application/pdf",
        ukuran=3,
        sha256="0" * 64,
    )


def test_the_operator_edits_quarters_and_the_year_on_one_page(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "realisasi")).content.decode()
    ind = _ind(tk)
    assert f'id="ind-{ind.pk}"' in html
    for t in (1, 2, 3, 4):
        assert _url(tk, "ubah-triwulan", ind.pk, JenisTriwulan.REALISASI, t) in html
        assert _url(tk, "ubah-triwulan", ind.pk, JenisTriwulan.RENCANA_AKSI, t) in html
    assert _url(tk, "ubah-nilai", ind.pk, "realisasi", tk.tahun) in html
    assert "Unggah" in html and 'enctype="multipart/form-data"' in html
    assert 'data-label="Realisasi"' in html  # stacks per quarter on a phone

    url = _url(tk, "ubah-triwulan", ind.pk, JenisTriwulan.REALISASI, 2)
    jawab = client.post(url, {"nilai": "12,5", "versi": 0}, HTTP_HX_REQUEST="true")
    assert jawab["HX-Trigger"] == "tersimpan"
    row = NilaiTriwulan.objects.get(
        indikator=ind, jenis=JenisTriwulan.REALISASI, tahun=tk.tahun, triwulan=2
    )
    assert str(row.nilai) == "12.5"


@pytest.mark.parametrize("nama", ["realisasi", "anggaran", "narasi"])
def test_a_measuring_page_reads_in_at_most_twenty_queries(client, dunia, nama):
    _bukti(dunia)
    for orang, tk in (("operator-robatal", dunia.robatal), ("operator-torjun", dunia.torjun)):
        client.force_login(dunia.user[orang])
        with CaptureQueriesContext(connection) as q:
            assert client.get(_url(tk, nama)).status_code == 200
        # Counted as the security test counts (savepoints of the test's
        # own transaction aside).
        assert len(sql_halaman(q)) <= MAKS_QUERY, (orang, nama, len(sql_halaman(q)))


@pytest.mark.parametrize("nama", ["realisasi", "anggaran", "narasi"])
def test_readers_see_a_measuring_page_without_inputs_and_strangers_get_not_found(
    client, dunia, nama
):
    tk = dunia.robatal
    for orang in ("pimpinan-robatal", "evaluator-sampang"):
        client.force_login(dunia.user[orang])
        jawab = client.get(_url(tk, nama))
        assert jawab.status_code == 200
        html = jawab.content.decode()
        assert "Simpan" not in html and "Unggah bukti" not in html
    client.force_login(dunia.user["admin-sampang"])
    assert "Simpan" in client.get(_url(tk, nama)).content.decode()
    for orang in ("operator-torjun", "admin-lain"):
        client.force_login(dunia.user[orang])
        assert client.get(_url(tk, nama)).status_code == 404
    client.logout()
    jawab = client.get(_url(tk, nama))
    assert jawab.status_code == 302 and "/masuk/" in jawab["Location"]


def test_the_operator_uploads_evidence_and_readers_download_it(client, dunia, bukti_dir):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    jawab = _unggah(client, tk, triwulan="3")
    assert jawab.status_code == 302
    row = BuktiDukung.objects.get()
    assert row.triwulan == 3 and row.jenis == "application/pdf"
    assert (bukti_dir / row.lokasi).read_bytes() == PDF
    html = client.get(jawab["Location"]).content.decode()
    assert "tersimpan: bukti.pdf" in html and _url(tk, "bukti", row.pk) in html

    for orang in ("operator-robatal", "pimpinan-robatal", "evaluator-sampang", "admin-sampang"):
        client.force_login(dunia.user[orang])
        unduh = client.get(_url(tk, "bukti", row.pk))
        assert unduh.status_code == 200
        assert b"".join(unduh.streaming_content) == PDF
        assert unduh["Content-Disposition"].startswith("attachment")
        assert unduh["X-Content-Type-Options"] == "nosniff"
        assert unduh["Content-Type"] == "application/pdf"


def test_evidence_is_refused_to_another_instansi_another_pemda_and_anonymous(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    _unggah(client, tk)
    row = BuktiDukung.objects.get()
    for orang in ("operator-torjun", "admin-lain"):
        client.force_login(dunia.user[orang])
        assert client.get(_url(tk, "bukti", row.pk)).status_code == 404
        # Nor through the operator's own year: the file belongs to Robatal.
        torjun = reverse("web:bukti", args=[dunia.torjun.instansi_id, dunia.torjun.tahun, row.pk])
        assert client.get(torjun).status_code == 404
    client.logout()
    jawab = client.get(_url(tk, "bukti", row.pk))
    assert jawab.status_code == 302 and "/masuk/" in jawab["Location"]


def test_evidence_is_not_reachable_under_static(client, dunia, settings):
    from sakip.project import settings as asli

    assert asli.STATIC_ROOT not in asli.SAKIP_BUKTI_DIR.parents
    assert asli.SAKIP_BUKTI_DIR != asli.STATIC_ROOT
    client.force_login(dunia.user["operator-robatal"])
    _unggah(client, dunia.robatal)
    row = BuktiDukung.objects.get()
    for url in (f"/static/{row.lokasi}", f"/static/bukti/{row.lokasi}", f"/{row.lokasi}"):
        assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("isi", "nama", "pesan"),
    [
        (b"MZ\x90\x00not a pdf", "bukti.pdf", "bukan jenis yang diterima"),
        (PNG, "bukti.pdf", "berisi PNG tetapi bernama .pdf"),
        (PDF, "bukti.html", "berisi PDF tetapi bernama .html"),
    ],
)
def test_a_refused_upload_says_why_and_keeps_nothing(client, dunia, bukti_dir, isi, nama, pesan):
    client.force_login(dunia.user["operator-robatal"])
    jawab = _unggah(client, dunia.robatal, isi=isi, nama=nama)
    assert jawab.status_code == 302
    html = client.get(jawab["Location"]).content.decode()
    assert "tidak disimpan" in html and pesan in html
    assert not BuktiDukung.objects.exists()
    assert not bukti_dir.exists() or not any(p.is_file() for p in bukti_dir.rglob("*"))


def test_an_upload_over_the_size_limit_is_refused(client, dunia, settings):
    settings.SAKIP_BUKTI_MAKS_BYTE = 40
    client.force_login(dunia.user["operator-robatal"])
    jawab = _unggah(client, dunia.robatal, isi=PDF + b"x" * 100)
    assert "melebihi batas" in client.get(jawab["Location"]).content.decode()
    assert not BuktiDukung.objects.exists()


def test_a_bad_quarter_or_a_missing_file_is_a_message_not_an_error(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    jawab = _unggah(client, tk, triwulan="9")
    assert jawab.status_code == 302
    assert "tidak dikenal" in client.get(jawab["Location"]).content.decode()
    jawab = client.post(_url(tk, "bukti-unggah", _ind(tk).pk), {"triwulan": ""})
    assert "pilih berkas" in client.get(jawab["Location"]).content.decode()
    assert not BuktiDukung.objects.exists()


def test_who_may_not_upload_or_delete_changes_nothing(client, dunia):
    tk = dunia.robatal
    row = _bukti(dunia)
    for orang, kode in (
        ("pimpinan-robatal", 403),
        ("evaluator-sampang", 403),
        ("operator-torjun", 404),
        ("admin-lain", 404),
    ):
        client.force_login(dunia.user[orang])
        assert _unggah(client, tk).status_code == kode
        assert client.post(_url(tk, "bukti-hapus", row.pk)).status_code == kode
        url = _url(tk, "ubah-penjelasan", _ind(tk).pk)
        assert client.post(url, {"nilai": "x", "versi": 0}).status_code == kode
    assert BuktiDukung.objects.count() == 1 and not Penjelasan.objects.exists()
    row.refresh_from_db()
    assert row.dihapus_pada is None


def test_the_operator_withdraws_evidence_and_it_is_audited(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    _unggah(client, tk)
    row = BuktiDukung.objects.get()
    assert client.post(_url(tk, "bukti-hapus", row.pk)).status_code == 302
    row.refresh_from_db()
    assert row.dihapus_pada is not None
    assert client.get(_url(tk, "bukti", row.pk)).status_code == 404
    assert AuditLog.objects.filter(action=AuditAction.BUKTI_HAPUS).count() == 1
    riwayat = client.get(_url(tk, "riwayat")).content.decode()
    assert "bukti.pdf" in riwayat


def test_a_realisation_below_target_asks_for_an_explanation_until_written(client, dunia):
    tk = dunia.robatal
    ind = _ind(tk)
    client.force_login(dunia.user["operator-robatal"])
    nilai = NilaiIndikator.objects.get(indikator=ind, tahun=tk.tahun)
    url = _url(tk, "ubah-nilai", ind.pk, "target", tk.tahun)
    client.post(url, {"nilai": "100", "versi": nilai.versi})
    nilai.refresh_from_db()
    url = _url(tk, "ubah-nilai", ind.pk, "realisasi", tk.tahun)
    client.post(url, {"nilai": "40", "versi": nilai.versi})

    html = client.get(_url(tk, "realisasi")).content.decode()
    assert "Penjelasan belum diisi" in html and f"{ind.kode} {ind.uraian}: capaian 40,00 %" in html
    assert "belum diisi</span>" in html
    url = _url(tk, "ubah-penjelasan", ind.pk)
    assert url in html

    jawab = client.post(url, {"nilai": "Kegiatan ditunda", "versi": 0}, HTTP_HX_REQUEST="true")
    assert jawab["HX-Trigger"] == "tersimpan" and "Kegiatan ditunda" in jawab.content.decode()
    assert Penjelasan.objects.get(indikator=ind).teks == "Kegiatan ditunda"
    kurang = client.get(_url(tk, "realisasi-kurang")).content.decode()
    assert f"{ind.kode} {ind.uraian}" not in kurang
    html = client.get(_url(tk, "realisasi")).content.decode()
    assert f"{ind.kode} {ind.uraian}: capaian" not in html


def test_a_locked_year_refuses_every_write_of_the_measuring_pages(client, dunia):
    tk = dunia.robatal
    ind = _ind(tk)
    row = _bukti(dunia)
    TahunKinerja.objects.filter(pk=tk.pk).update(status=StatusTahun.DISETUJUI)
    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "realisasi")).content.decode()
    assert "Simpan" not in html and "Unggah bukti" not in html and "terkunci" in html

    jawab = _unggah(client, tk)
    assert "terkunci" in client.get(jawab["Location"]).content.decode()
    client.post(_url(tk, "bukti-hapus", row.pk))
    for url in (
        _url(tk, "ubah-penjelasan", ind.pk),
        _url(tk, "ubah-analisis", ind.pk),
        _url(tk, "ubah-triwulan", ind.pk, JenisTriwulan.REALISASI, 1),
    ):
        jawab = client.post(url, {"nilai": "7", "versi": 0}, HTTP_HX_REQUEST="true")
        assert jawab.status_code == 200 and "terkunci" in jawab.content.decode()
    assert BuktiDukung.objects.count() == 1 and not Penjelasan.objects.exists()
    row.refresh_from_db()
    assert row.dihapus_pada is None
    assert not NilaiTriwulan.objects.filter(
        indikator=ind, jenis=JenisTriwulan.REALISASI, tahun=tk.tahun, triwulan=1, nilai=7
    ).exists()

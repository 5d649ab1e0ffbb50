"""The year's documents from the page: the LKjIP and the PK in three formats,
draft for every year and final only for an approved one."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sakip.documents.tests.conftest import teks_docx
from sakip.record.models import StatusTahun, TahunKinerja

PEMDA = ("operator-robatal", "pimpinan-robatal", "admin-sampang", "evaluator-sampang")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _url(tk, nama, *args):
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun, *args])


def _setujui(tk: TahunKinerja) -> None:
    # Setup only: the workflow itself is tested with the year's pages.
    TahunKinerja.objects.filter(pk=tk.pk).update(status=StatusTahun.DISETUJUI)


@pytest.mark.parametrize("nama", PEMDA)
def test_each_role_of_the_pemda_sees_the_documents(client, dunia, nama, maks_query):
    client.force_login(dunia.user[nama])
    with maks_query(20):
        jawab = client.get(_url(dunia.robatal, "dokumen"))
    html = jawab.content.decode()
    assert jawab.status_code == 200 and 'aria-current="page">Dokumen</a>' in html
    for jenis in ("lkjip", "pk"):
        for format in ("docx", "pdf", "xlsx"):
            assert _url(dunia.robatal, "dokumen-unduh", jenis, "draf", format) in html
    assert "/final/" not in html and "setelah laporan tahun ini disetujui" in html


@pytest.mark.parametrize(
    ("jenis", "format", "jenis_isi", "nama"),
    [
        ("lkjip", "pdf", "application/pdf", "LKjIP-Kecamatan-Robatal-2020-draf.pdf"),
        ("lkjip", "docx", DOCX, "LKjIP-Kecamatan-Robatal-2020-draf.docx"),
        ("lkjip", "xlsx", XLSX, "LKjIP-Kecamatan-Robatal-2020-draf.xlsx"),
        ("pk", "pdf", "application/pdf", "PK-Kecamatan-Robatal-2020-draf.pdf"),
        ("pk", "docx", DOCX, "PK-Kecamatan-Robatal-2020-draf.docx"),
        ("pk", "xlsx", XLSX, "PK-Kecamatan-Robatal-2020-draf.xlsx"),
    ],
)
def test_a_draft_downloads_as_a_valid_file_with_a_safe_name(
    client, dunia, jenis, format, jenis_isi, nama, maks_query
):
    client.force_login(dunia.user["evaluator-sampang"])
    # The document is built from the record's rows: 19 queries for Robatal.
    with maks_query(20):
        jawab = client.get(_url(dunia.robatal, "dokumen-unduh", jenis, "draf", format))
    assert jawab.status_code == 200
    assert jawab["Content-Type"] == jenis_isi
    assert jawab["Content-Disposition"] == f'attachment; filename="{nama}"'
    isi = jawab.content
    if format == "pdf":
        assert isi.startswith(b"%PDF")
    else:
        assert zipfile.is_zipfile(io.BytesIO(isi))
    if format == "docx":
        assert "DRAF - belum disetujui" in teks_docx(isi)
    if format == "xlsx":
        ws = load_workbook(io.BytesIO(isi)).worksheets[0]
        assert str(ws["A1"].value).startswith("DRAF")


def test_the_final_form_is_refused_until_the_year_is_approved(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    jawab = client.get(_url(tk, "dokumen-unduh", "lkjip", "final", "docx"))
    assert jawab.status_code == 409
    assert "hanya tersedia setelah laporan 2020 disetujui" in jawab.content.decode()

    _setujui(tk)
    html = client.get(_url(tk, "dokumen")).content.decode()
    assert _url(tk, "dokumen-unduh", "pk", "final", "pdf") in html
    jawab = client.get(_url(tk, "dokumen-unduh", "lkjip", "final", "docx"))
    assert jawab.status_code == 200
    assert (
        jawab["Content-Disposition"] == 'attachment; filename="LKjIP-Kecamatan-Robatal-2020.docx"'
    )
    teks = teks_docx(jawab.content)
    assert "KECAMATAN ROBATAL" in teks and "DRAF" not in teks


def test_others_get_not_found_and_strangers_the_login(client, dunia):
    tk = dunia.robatal
    urls = [_url(tk, "dokumen"), _url(tk, "dokumen-unduh", "lkjip", "draf", "pdf")]
    for nama in ("operator-torjun", "admin-lain"):
        client.force_login(dunia.user[nama])
        for url in urls:
            assert client.get(url).status_code == 404, url
    client.force_login(dunia.user["operator-robatal"])
    for salah in (("lkjip", "draf", "odt"), ("renja", "draf", "pdf"), ("pk", "resmi", "pdf")):
        assert client.get(_url(tk, "dokumen-unduh", *salah)).status_code == 404
    client.logout()
    for url in urls:
        jawab = client.get(url)
        assert jawab.status_code == 302 and "/masuk/" in jawab["Location"]

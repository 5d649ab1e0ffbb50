"""The SKM tab of an instansi-year: the surveys, opening and closing one,
the poster, the results, paper forms imported from a file and the IKM set as
the realisation, for the roles that may and may not."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sakip.akun.sistem import aktor_sistem
from sakip.ledger.models import AuditAction, AuditLog
from sakip.record.models import NilaiIndikator, StatusTahun, TahunKinerja
from sakip.skm.models import Kuesioner, Responden
from sakip.skm.services import respon_simpan, survei_buka

PEMDA = ("operator-robatal", "pimpinan-robatal", "admin-sampang", "evaluator-sampang")
HEADER = ",".join(f"U{i}" for i in range(1, 10)) + ",jenis_kelamin\n"


def _url(tk, nama, *args):
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun, *args])


@pytest.fixture
def survei(dunia):
    tk = dunia.robatal
    return survei_buka(instansi=tk.instansi, tahun=tk.tahun, layanan="KTP", aktor=aktor_sistem())


def _ikm(dunia) -> NilaiIndikator:
    """Robatal's IKM indicator S1.1 in 2020 (Torjun has an S1.1 too)."""
    tk = dunia.robatal
    return NilaiIndikator.objects.get(
        indikator__renstra=tk.renstra, indikator__kode="S1.1", tahun=2020
    )


def _csv(teks: str, nama: str = "kertas.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, teks.encode(), content_type="text/csv")


@pytest.mark.parametrize("nama", PEMDA)
def test_each_role_of_the_pemda_sees_the_years_surveys(client, dunia, survei, nama, maks_query):
    client.force_login(dunia.user[nama])
    with maks_query(20):
        jawab = client.get(_url(dunia.robatal, "skm"))
    html = jawab.content.decode()
    assert jawab.status_code == 200
    assert "SKM 2020 KTP" in html and f"/s/{survei.kode}" in html
    assert 'aria-current="page">SKM</a>' in html
    boleh_kelola = nama in ("operator-robatal", "admin-sampang")
    assert ("Buka survei baru" in html) is boleh_kelola
    assert ("Tutup survei" in html) is boleh_kelola


@pytest.mark.parametrize("nama", PEMDA)
def test_each_role_of_the_pemda_reads_the_results_and_the_poster(
    client, dunia, survei, nama, maks_query
):
    respon_simpan(kuesioner=survei, jawaban={f"U{i}": 3 for i in range(1, 10)})
    client.force_login(dunia.user[nama])
    with maks_query(20):
        jawab = client.get(reverse("web:skm-hasil", kwargs={"kode": survei.kode}))
    html = jawab.content.decode()
    assert jawab.status_code == 200
    assert "IKM <strong>75,00</strong>" in html and "Kecamatan Robatal · 2020" in html
    with maks_query(20):
        jawab = client.get(_url(dunia.robatal, "skm-poster", survei.kode))
    html = jawab.content.decode()
    assert jawab.status_code == 200
    assert f"/s/{survei.kode}/qr.svg" in html and f"http://testserver/s/{survei.kode}" in html
    assert "@media print" not in html  # the print rules live in the stylesheet


def test_another_instansis_operator_and_another_pemda_get_not_found(client, dunia, survei):
    tk = dunia.robatal
    urls = [
        _url(tk, "skm"),
        _url(tk, "skm-poster", survei.kode),
        reverse("web:skm-hasil", kwargs={"kode": survei.kode}),
    ]
    posts = [
        _url(tk, "skm-buka"),
        _url(tk, "skm-tutup", survei.kode),
        _url(tk, "skm-ikm", survei.kode),
        _url(tk, "skm-impor", survei.kode),
    ]
    for nama in ("operator-torjun", "admin-lain"):
        client.force_login(dunia.user[nama])
        for url in urls:
            assert client.get(url).status_code == 404, url
        for url in posts:
            assert client.post(url, {"layanan": "X"}).status_code == 404, url
    client.logout()
    for url in urls + posts:
        jawab = client.get(url) if url in urls else client.post(url)
        assert jawab.status_code == 302 and "/masuk/" in jawab["Location"], url
    survei.refresh_from_db()
    assert survei.terbuka and Kuesioner.objects.count() == 1


def test_a_survey_of_another_year_is_not_found_through_this_year(client, dunia):
    lain = survei_buka(instansi=dunia.torjun.instansi, tahun=2022, aktor=aktor_sistem())
    client.force_login(dunia.user["admin-sampang"])
    assert client.post(_url(dunia.robatal, "skm-tutup", lain.kode)).status_code == 404
    lain.refresh_from_db()
    assert lain.terbuka


@pytest.mark.parametrize("nama", ["pimpinan-robatal", "evaluator-sampang"])
def test_the_pimpinan_and_the_evaluator_cannot_change_a_survey(client, dunia, survei, nama):
    tk = dunia.robatal
    respon_simpan(kuesioner=survei, jawaban={f"U{i}": 4 for i in range(1, 10)})
    sebelum = _ikm(dunia).realisasi
    client.force_login(dunia.user[nama])
    assert client.post(_url(tk, "skm-buka"), {"unsur": "permenpan-14-2017"}).status_code == 403
    assert client.post(_url(tk, "skm-tutup", survei.kode)).status_code == 403
    assert client.post(_url(tk, "skm-ikm", survei.kode)).status_code == 403
    berkas = _csv(HEADER + "4,4,4,4,4,4,4,4,4,\n")
    assert client.post(_url(tk, "skm-impor", survei.kode), {"berkas": berkas}).status_code == 403
    survei.refresh_from_db()
    assert survei.terbuka and Kuesioner.objects.count() == 1 and Responden.objects.count() == 1
    assert _ikm(dunia).realisasi == sebelum


def test_the_operator_opens_and_closes_a_survey(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    data = {"layanan": "Akta", "periode": "Semester I", "unsur": "permenpan-14-2017"}
    jawab = client.post(_url(tk, "skm-buka"), {**data, "populasi": "250"}, follow=True)
    k = Kuesioner.objects.get()
    assert (k.layanan, k.periode, k.populasi, k.terbuka) == ("Akta", "Semester I", 250, True)
    assert f"/s/{k.kode}" in jawab.content.decode() and "dibuka" in jawab.content.decode()
    assert AuditLog.objects.get(action=AuditAction.SKM_BUKA).actor == dunia.user["operator-robatal"]

    jawab = client.post(_url(tk, "skm-tutup", k.kode), follow=True)
    k.refresh_from_db()
    assert not k.terbuka and "ditutup" in jawab.content.decode()
    assert client.get(f"/s/{k.kode}").status_code == 410


def test_a_bad_opening_form_says_where_and_opens_nothing(client, dunia):
    client.force_login(dunia.user["operator-robatal"])
    jawab = client.post(
        _url(dunia.robatal, "skm-buka"), {"unsur": "tidak-ada", "populasi": "banyak"}
    )
    html = jawab.content.decode()
    assert jawab.status_code == 400
    assert "Populasi penerima layanan" in html and "errorlist" in html
    assert not Kuesioner.objects.exists()


def test_the_operator_imports_paper_forms(client, dunia, survei):
    client.force_login(dunia.user["operator-robatal"])
    berkas = _csv(HEADER + "4,4,4,4,4,4,4,4,4,Perempuan\n3,3,3,3,3,3,3,3,,Laki-laki\n")
    jawab = client.post(
        _url(dunia.robatal, "skm-impor", survei.kode), {"berkas": berkas}, follow=True
    )
    assert "2 responden dari kertas.csv diimpor" in jawab.content.decode()
    assert sorted(Responden.objects.values_list("jawaban", "sumber")) == [
        ("333333330", "impor"),
        ("444444444", "impor"),
    ]
    log = AuditLog.objects.get(action=AuditAction.SKM_IMPOR)
    assert log.actor == dunia.user["operator-robatal"] and "kertas.csv" in log.new


@pytest.mark.parametrize(
    ("berkas", "pesan"),
    [
        (_csv(HEADER + "4,4,4,4,4,4,4,4,4,\n4,4,4,4,4,4,4,4,7,\n"), "baris 3, kolom U9"),
        (_csv("nama,umur\nAli,30\n"), "kolom unsur tidak ada: U1"),
        (SimpleUploadedFile("jawaban.xlsx", b"bukan workbook"), "bukan berkas XLSX yang sah"),
        (
            SimpleUploadedFile(
                "jawaban.csv", (HEADER + "4,4,4,4,4,4,4,4,4,caf\xe9\n").encode("latin-1")
            ),
            "UTF-8",
        ),
        (SimpleUploadedFile("jawaban.pdf", b"%PDF-1.4"), "bukan berkas CSV atau XLSX"),
    ],
    ids=["cell", "columns", "not-a-workbook", "not-utf8", "extension"],
)
def test_a_bad_paper_form_file_says_where_and_imports_nothing(client, dunia, survei, berkas, pesan):
    client.force_login(dunia.user["operator-robatal"])
    jawab = client.post(
        _url(dunia.robatal, "skm-impor", survei.kode), {"berkas": berkas}, follow=True
    )
    html = jawab.content.decode()
    assert jawab.status_code == 200 and pesan in html and "tidak ada yang diimpor" in html
    assert not Responden.objects.exists()
    assert not AuditLog.objects.filter(action=AuditAction.SKM_IMPOR).exists()


def test_an_import_without_a_file_asks_for_one(client, dunia, survei):
    client.force_login(dunia.user["operator-robatal"])
    jawab = client.post(_url(dunia.robatal, "skm-impor", survei.kode), follow=True)
    assert "pilih berkas CSV atau XLSX" in jawab.content.decode()


def test_the_operator_sets_the_ikm_as_the_realisation(client, dunia, survei):
    respon_simpan(kuesioner=survei, jawaban={f"U{i}": 4 for i in range(1, 10)})
    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(dunia.robatal, "skm")).content.decode()
    assert '<option value="S1.1" selected>' in html  # the IKM indicator, found by its name
    jawab = client.post(
        _url(dunia.robatal, "skm-ikm", survei.kode), {"indikator": "S1.1"}, follow=True
    )
    assert "IKM 100,00 dicatat sebagai realisasi S1.1 2020" in jawab.content.decode()
    nilai = _ikm(dunia)
    assert str(nilai.realisasi) == "100.00"
    log = AuditLog.objects.get(action=AuditAction.SKM_IKM_REALISASI)
    assert log.actor == dunia.user["operator-robatal"]


def test_an_ikm_that_cannot_be_set_says_why(client, dunia, survei):
    client.force_login(dunia.user["operator-robatal"])
    sebelum = _ikm(dunia).realisasi
    jawab = client.post(_url(dunia.robatal, "skm-ikm", survei.kode), follow=True)
    assert "tidak dicatat: IKM belum dapat dihitung" in jawab.content.decode()
    respon_simpan(kuesioner=survei, jawaban={f"U{i}": 4 for i in range(1, 10)})
    jawab = client.post(
        _url(dunia.robatal, "skm-ikm", survei.kode), {"indikator": "X9"}, follow=True
    )
    assert "indikator X9 tidak ada di Renstra" in jawab.content.decode()
    assert _ikm(dunia).realisasi == sebelum


def test_the_ikm_of_an_approved_year_is_refused_as_locked(client, dunia, survei):
    respon_simpan(kuesioner=survei, jawaban={f"U{i}": 4 for i in range(1, 10)})
    sebelum = _ikm(dunia).realisasi
    TahunKinerja.objects.filter(pk=dunia.robatal.pk).update(status=StatusTahun.DISETUJUI)
    client.force_login(dunia.user["operator-robatal"])
    jawab = client.post(_url(dunia.robatal, "skm-ikm", survei.kode), follow=True)
    assert "tidak dicatat" in jawab.content.decode() and "terkunci" in jawab.content.decode()
    assert _ikm(dunia).realisasi == sebelum

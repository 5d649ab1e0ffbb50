"""The workflow in the browser: what blocks a submission and the justification
of each warning, the pemda admin's filling windows, overdue and late quarters,
a closed quarter refused until reopened, each for the roles that may and may
not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sakip.ledger.models import AuditAction, AuditLog
from sakip.record import services
from sakip.record.alur import syarat_ajuan
from sakip.record.models import (
    Indikator,
    JadwalPengisian,
    JustifikasiTemuan,
    NilaiTriwulan,
    StatusTahun,
    TahunKinerja,
)
from sakip.record.queries import laporan_tahun


def _url(tk, nama, *args):
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun, *args])


def _jadwal_url(dunia, tahun=2020):
    return reverse("web:jadwal", args=[dunia.sampang.pk, tahun])


def _html(jawab) -> str:
    return jawab.content.decode()


# -- submission -----------------------------------------------------------------


def test_a_galat_blocks_the_submit_button_and_the_submission(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])

    html = _html(client.get(_url(tk, "tahun")))

    assert "Belum dapat diajukan" in html and "1 temuan galat harus diperbaiki" in html
    assert "<strong>menghalangi</strong>" in html and "SISA_BEDA" in html
    assert '<button type="button" disabled>Ajukan ke pimpinan</button>' in html

    jawab = client.post(_url(tk, "status", "ajukan"), follow=True)

    assert "belum dapat diajukan" in _html(jawab) and "SISA_BEDA di P5/#5" in _html(jawab)
    assert TahunKinerja.objects.get(pk=tk.pk).status == StatusTahun.DRAF


def _peringatan(tk):
    return syarat_ajuan(tk, laporan_tahun(tk)).peringatan


def test_the_operator_justifies_a_warning_in_place(client, dunia):
    tk = dunia.torjun
    p = _peringatan(tk)[0]
    n = len(_peringatan(tk))
    client.force_login(dunia.user["operator-torjun"])
    html = _html(client.get(_url(tk, "tahun")))
    assert n >= 3 and html.count('name="nilai"') == n
    assert f"{n} peringatan belum diberi justifikasi" in html
    url = _url(tk, "ubah-justifikasi") + f"?kode={p.temuan.kode}&lokasi={p.temuan.lokasi}"

    jawab = client.post(
        url, {"nilai": "Pagu PK memakai DPA awal.", "versi": 0}, HTTP_HX_REQUEST="true"
    )

    assert jawab.status_code == 200 and jawab["HX-Trigger"] == "tersimpan"
    assert "Pagu PK memakai DPA awal." in _html(jawab) and "tersimpan" in _html(jawab)
    j = JustifikasiTemuan.objects.get(tahun_kinerja=tk, kode=p.temuan.kode)
    assert j.teks == "Pagu PK memakai DPA awal." and j.oleh == dunia.user["operator-torjun"]
    assert f"{n - 1} peringatan belum diberi justifikasi" in _html(client.get(_url(tk, "tahun")))


def test_justifications_are_read_by_the_pimpinan_and_the_evaluator_who_cannot_write(client, dunia):
    tk = dunia.torjun
    p = _peringatan(tk)[0]
    services.justifikasi_set(
        aktor=dunia.user["operator-torjun"],
        tahun_kinerja=tk,
        kode=p.temuan.kode,
        lokasi=p.temuan.lokasi,
        teks="Selisih karena pergeseran anggaran.",
        versi=0,
    )
    url = _url(tk, "ubah-justifikasi") + f"?kode={p.temuan.kode}&lokasi={p.temuan.lokasi}"
    for nama in ("pimpinan-torjun", "evaluator-sampang"):
        client.force_login(dunia.user[nama])
        html = _html(client.get(_url(tk, "tahun")))
        assert "Selisih karena pergeseran anggaran." in html
        assert "Justifikasi oleh operator-torjun" in html and "<textarea" not in html
        assert client.post(url, {"nilai": "ubah", "versi": 1}).status_code == 403
    for nama in ("operator-robatal", "admin-lain"):
        client.force_login(dunia.user[nama])
        assert client.post(url, {"nilai": "ubah", "versi": 1}).status_code == 404
    assert JustifikasiTemuan.objects.get().teks == "Selisih karena pergeseran anggaran."


def test_a_justification_of_no_such_warning_says_so(client, dunia):
    tk = dunia.torjun
    client.force_login(dunia.user["operator-torjun"])
    url = _url(tk, "ubah-justifikasi") + "?kode=PK_PAGU_BEDA&lokasi=tidak-ada"

    html = _html(client.post(url, {"nilai": "x", "versi": 0}, HTTP_HX_REQUEST="true"))

    assert "tidak memiliki peringatan PK_PAGU_BEDA di tidak-ada" in html
    assert not JustifikasiTemuan.objects.exists()
    assert client.get(_url(tk, "ubah-justifikasi")).status_code == 404


# -- filling windows -------------------------------------------------------------


def test_only_the_pemda_admin_opens_the_jadwal_page(client, dunia):
    url = _jadwal_url(dunia)
    client.force_login(dunia.user["admin-sampang"])
    assert client.get(url).status_code == 200
    client.force_login(dunia.user["evaluator-sampang"])
    assert client.get(url).status_code == 403
    for nama in ("operator-robatal", "pimpinan-robatal", "admin-lain"):
        client.force_login(dunia.user[nama])
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.parametrize(
    "nama,status",
    [("evaluator-sampang", 403), ("operator-robatal", 404), ("pimpinan-torjun", 404)],
)
def test_a_jadwal_post_by_another_role_changes_nothing(client, dunia, nama, status):
    client.force_login(dunia.user[nama])
    data = {"triwulan": 1, "versi": 0, "buka": "2020-01-01", "tutup": "2020-04-15"}

    assert client.post(_jadwal_url(dunia), data).status_code == status
    assert not JadwalPengisian.objects.exists()


def test_the_admin_sets_a_window_and_bad_dates_are_explained(client, dunia):
    client.force_login(dunia.user["admin-sampang"])
    url = _jadwal_url(dunia)

    jawab = client.post(url, {"triwulan": 2, "versi": 0, "buka": "15-07-2020", "tutup": "31-02"})
    assert jawab.status_code == 400 and "tidak dikenali; tulis seperti 15-07-2024" in _html(jawab)
    jawab = client.post(
        url, {"triwulan": 2, "versi": 0, "buka": "2020-07-15", "tutup": "2020-07-01"}
    )
    assert jawab.status_code == 400 and "sesudah tanggal tutup" in _html(jawab)
    assert not JadwalPengisian.objects.exists()

    jawab = client.post(
        url, {"triwulan": 2, "versi": 0, "buka": "01-07-2020", "tutup": "2020-07-15"}
    )

    assert jawab.status_code == 302
    j = JadwalPengisian.objects.get()
    assert (j.pemda, j.tahun, j.triwulan, str(j.buka), str(j.tutup)) == (
        dunia.sampang,
        2020,
        2,
        "2020-07-01",
        "2020-07-15",
    )
    assert 'value="2020-07-15"' in _html(client.get(url))


def _tutup_kemarin(dunia, triwulan=1):
    hari = timezone.localdate()
    return services.jadwal_set(
        aktor=dunia.user["admin-sampang"],
        pemda=dunia.sampang,
        tahun=2020,
        triwulan=triwulan,
        buka=hari - timedelta(days=20),
        tutup=hari - timedelta(days=1),
        versi=0,
    )


def test_an_overdue_quarter_shows_to_the_operator_the_pimpinan_and_the_admin(client, dunia):
    _tutup_kemarin(dunia)
    tk = dunia.robatal
    for nama in ("operator-robatal", "pimpinan-robatal", "admin-sampang"):
        client.force_login(dunia.user[nama])
        assert 'hx-get="' + _url(tk, "triwulan") in _html(client.get(_url(tk, "tahun")))
        html = _html(client.get(_url(tk, "triwulan")))
        assert '<tr class="terlambat"><td>TW1</td>' in html, nama
        assert "Triwulan" in html and "1 belum diisi" in html
    client.force_login(dunia.user["operator-robatal"])
    assert "Realisasi TW1 terlambat: 1 belum diisi" in _html(client.get(reverse("web:beranda")))
    client.force_login(dunia.user["admin-sampang"])
    assert "terlambat: TW1" in _html(client.get(reverse("web:beranda")))


def test_a_closed_quarter_refuses_the_operator_until_the_admin_reopens_it(client, dunia):
    j = _tutup_kemarin(dunia)
    tk = dunia.robatal
    ind = Indikator.objects.get(renstra=tk.renstra, kode="S1.1")
    url = _url(tk, "ubah-triwulan", ind.pk, "realisasi_triwulan", 1)
    client.force_login(dunia.user["operator-robatal"])

    html = _html(client.post(url, {"nilai": "80", "versi": 0}, HTTP_HX_REQUEST="true"))

    assert "triwulan 1 tahun 2020 sudah ditutup" in html
    assert not NilaiTriwulan.objects.filter(indikator=ind).exists()

    client.force_login(dunia.user["admin-sampang"])
    data = {"triwulan": 1, "versi": j.versi, "buka": str(j.buka)}
    data["tutup"] = str(timezone.localdate() + timedelta(days=5))
    jawab = client.post(_jadwal_url(dunia), data)
    assert jawab.status_code == 400 and "alasan membukanya kembali" in _html(jawab)
    jawab = client.post(_jadwal_url(dunia), {**data, "alasan": "Server kecamatan rusak"})
    assert jawab.status_code == 302
    assert "Server kecamatan rusak" in _html(client.get(_jadwal_url(dunia)))
    log = AuditLog.objects.get(action=AuditAction.JADWAL_BUKA_ULANG)
    assert log.actor == dunia.user["admin-sampang"]

    client.force_login(dunia.user["operator-robatal"])
    jawab = client.post(url, {"nilai": "80", "versi": 0}, HTTP_HX_REQUEST="true")

    assert jawab["HX-Trigger"] == "tersimpan"
    assert NilaiTriwulan.objects.get(indikator=ind).nilai == 80
    assert "1 diisi terlambat" in _html(client.get(_url(tk, "triwulan"), HTTP_HX_REQUEST="true"))
    html = _html(client.get(_url(tk, "riwayat")))
    assert '<span class="telat">terlambat</span>' in html


# -- speed -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nama", ["operator-robatal", "pimpinan-robatal", "admin-sampang", "evaluator-sampang"]
)
def test_the_overview_and_the_jadwal_page_stay_within_20_queries(client, dunia, nama, maks_query):
    _tutup_kemarin(dunia)
    client.force_login(dunia.user[nama])
    with maks_query(20):
        assert client.get(_url(dunia.robatal, "tahun")).status_code == 200
    for halaman in ("triwulan", "temuan-ringkas", "riwayat"):
        with maks_query(20):
            assert client.get(_url(dunia.robatal, halaman)).status_code == 200
    with maks_query(20):
        client.get(_jadwal_url(dunia))


def test_the_overview_of_a_year_with_warnings_stays_within_20_queries(client, dunia, maks_query):
    _tutup_kemarin(dunia)
    client.force_login(dunia.user["operator-torjun"])
    with maks_query(20):
        assert client.get(_url(dunia.torjun, "tahun")).status_code == 200

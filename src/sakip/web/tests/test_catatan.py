"""Review notes: the evaluator writes and resolves, the agency answers, a
locked year keeps its notes open to review, and nobody else sees them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sakip.evaluasi.models import CatatanReviu, JawabanCatatan, StatusCatatan
from sakip.evaluasi.services import CatatanDitolak, catatan_jawab, catatan_tulis
from sakip.ledger.models import AuditAction, AuditLog
from sakip.record.models import Indikator, StatusTahun, TahunKinerja
from sakip.record.queries import laporan_tahun


def _url(tk, nama, *args):
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun, *args])


def _tulis(client, tk, tentang, teks="Angka realisasi tidak didukung bukti."):
    return client.post(_url(tk, "catatan-tulis"), {"tentang": tentang, "teks": teks})


def test_the_evaluator_writes_the_operator_answers_and_the_evaluator_resolves(client, dunia):
    tk = dunia.robatal
    ind = Indikator.objects.filter(renstra=tk.renstra).order_by("urutan").first()
    client.force_login(dunia.user["evaluator-sampang"])
    assert "Tulis catatan" in client.get(_url(tk, "catatan")).content.decode()
    html = client.get(_url(tk, "catatan-tulis")).content.decode()
    assert f'value="indikator:{ind.kode}"' in html

    jawab = _tulis(client, tk, f"indikator:{ind.kode}")

    assert jawab.status_code == 302
    catatan = CatatanReviu.objects.get()
    assert (catatan.sasaran, catatan.kode, catatan.penulis) == (
        "indikator",
        ind.kode,
        dunia.user["evaluator-sampang"],
    )
    assert AuditLog.objects.filter(action=AuditAction.CATATAN_TULIS).count() == 1

    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "catatan")).content.decode()
    assert "Catatan reviu (1)" in html  # the open count in the tab
    assert "Tulis catatan" not in html and "Tandai selesai" not in html
    assert "Kirim jawaban" in html
    client.post(_url(tk, "catatan-jawab", catatan.pk), {"teks": "Bukti kami unggah ulang."})
    assert JawabanCatatan.objects.get().penulis == dunia.user["operator-robatal"]

    client.force_login(dunia.user["evaluator-sampang"])
    client.post(_url(tk, "catatan-status", catatan.pk), {"status": "selesai", "versi": 1})
    catatan.refresh_from_db()
    assert catatan.status == StatusCatatan.SELESAI
    html = client.get(_url(tk, "catatan")).content.decode()
    assert "Catatan reviu (" not in html and "Bukti kami unggah ulang." in html
    assert AuditLog.objects.filter(action=AuditAction.CATATAN_SELESAI).count() == 1


def test_the_operator_cannot_write_or_resolve_a_note_but_can_answer(client, dunia):
    tk = dunia.robatal
    catatan = catatan_tulis(
        aktor=dunia.user["evaluator-sampang"], tahun_kinerja=tk, sasaran="umum", teks="Cek PK."
    )
    for nama in ("operator-robatal", "pimpinan-robatal"):
        client.force_login(dunia.user[nama])
        assert _tulis(client, tk, "umum").status_code == 403
        jawab = client.get(_url(tk, "catatan-tulis"))
        assert jawab.status_code == 302 and jawab["Location"] == _url(tk, "catatan")
        url = _url(tk, "catatan-status", catatan.pk)
        assert client.post(url, {"status": "selesai", "versi": 1}).status_code == 403
        url = _url(tk, "catatan-jawab", catatan.pk)
        assert client.post(url, {"teks": f"jawaban {nama}"}).status_code == 302
    assert CatatanReviu.objects.count() == 1
    assert CatatanReviu.objects.get().status == StatusCatatan.TERBUKA
    assert JawabanCatatan.objects.count() == 2


def test_another_instansi_and_another_pemda_get_not_found(client, dunia):
    tk = dunia.robatal
    catatan = catatan_tulis(
        aktor=dunia.user["evaluator-sampang"], tahun_kinerja=tk, sasaran="umum", teks="Cek PK."
    )
    for nama in ("operator-torjun", "pimpinan-torjun", "admin-lain"):
        client.force_login(dunia.user[nama])
        assert client.get(_url(tk, "catatan")).status_code == 404
        assert _tulis(client, tk, "umum").status_code == 404
        url = _url(tk, "catatan-jawab", catatan.pk)
        assert client.post(url, {"teks": "x"}).status_code == 404
    # A note of Robatal is not found through Torjun's year, even by its evaluator.
    client.force_login(dunia.user["evaluator-sampang"])
    url = _url(dunia.torjun, "catatan-jawab", catatan.pk)
    assert client.post(url, {"teks": "x"}).status_code == 404
    assert not JawabanCatatan.objects.exists()
    client.logout()
    assert client.get(_url(tk, "catatan")).status_code == 302


def test_notes_are_written_and_answered_on_a_locked_year(client, dunia):
    tk = dunia.robatal
    TahunKinerja.objects.filter(pk=tk.pk).update(status=StatusTahun.DISETUJUI)
    client.force_login(dunia.user["evaluator-sampang"])
    assert _tulis(client, tk, "umum", "Reviu setelah persetujuan.").status_code == 302
    catatan = CatatanReviu.objects.get()
    client.force_login(dunia.user["operator-robatal"])
    client.post(_url(tk, "catatan-jawab", catatan.pk), {"teks": "Akan diperbaiki."})
    assert JawabanCatatan.objects.filter(catatan=catatan).exists()
    client.force_login(dunia.user["evaluator-sampang"])
    client.post(_url(tk, "catatan-status", catatan.pk), {"status": "selesai", "versi": 1})
    assert CatatanReviu.objects.get().status == StatusCatatan.SELESAI


def test_a_note_on_a_finding_and_on_a_budget_line(client, dunia):
    tk = dunia.robatal
    temuan = laporan_tahun(tk).temuan[0]
    program = laporan_tahun(tk).anggaran.total.anak[0]
    client.force_login(dunia.user["evaluator-sampang"])
    html = client.get(_url(tk, "catatan-tulis")).content.decode()
    assert f'value="temuan:{temuan.kode}@{temuan.lokasi}"' in html
    assert f'value="anggaran:{program.lokasi}"' in html

    _tulis(client, tk, f"temuan:{temuan.kode}@{temuan.lokasi}")
    _tulis(client, tk, f"anggaran:{program.lokasi}")

    kode = {c.sasaran: c.kode for c in CatatanReviu.objects.all()}
    assert kode == {"temuan": temuan.kode, "anggaran": program.kode or program.lokasi}


@pytest.mark.parametrize(
    ("tentang", "teks", "pesan"),
    [
        ("umum", "   ", "isi catatan masih kosong"),
        ("indikator:TIDAK-ADA", "x", "tidak ada pada"),
        ("temuan:BUKAN@di/mana", "x", "temuan itu tidak ada lagi"),
        ("anggaran:abc", "x", "baris anggaran itu tidak ada"),
        ("", "x", "pilih apa yang dicatat"),
    ],
)
def test_a_bad_note_is_refused_with_the_reason(client, dunia, tentang, teks, pesan):
    tk = dunia.robatal
    client.force_login(dunia.user["evaluator-sampang"])
    jawab = _tulis(client, tk, tentang, teks)
    assert jawab.status_code == 400
    html = jawab.content.decode()
    assert pesan in html and "Catatan tidak disimpan" in html
    assert not CatatanReviu.objects.exists()


def test_a_stale_resolve_is_refused(dunia):
    from sakip.evaluasi.services import catatan_status

    tk = dunia.robatal
    evaluator = dunia.user["evaluator-sampang"]
    catatan = catatan_tulis(aktor=evaluator, tahun_kinerja=tk, sasaran="umum", teks="x")
    catatan_status(aktor=evaluator, catatan=catatan, status="selesai", versi=1)
    with pytest.raises(CatatanDitolak, match="diubah orang lain"):
        catatan_status(aktor=evaluator, catatan=catatan, status="terbuka", versi=1)


def test_the_notes_page_and_the_year_pages_stay_within_20_queries(client, dunia, maks_query):
    tk = dunia.robatal
    evaluator = dunia.user["evaluator-sampang"]
    for i in range(5):
        c = catatan_tulis(aktor=evaluator, tahun_kinerja=tk, sasaran="umum", teks=f"catatan {i}")
        catatan_jawab(aktor=dunia.user["operator-robatal"], catatan=c, teks="jawab")
    for nama in ("evaluator-sampang", "operator-robatal"):
        client.force_login(dunia.user[nama])
        # (The capaian page is over the bound before this branch: one query per field.)
        halaman = ["catatan", "tahun"]
        if nama == "evaluator-sampang":
            halaman.append("catatan-tulis")
        for h in halaman:
            with maks_query(20):
                assert client.get(_url(tk, h)).status_code == 200, h

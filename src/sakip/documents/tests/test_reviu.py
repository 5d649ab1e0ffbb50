"""The Inspektorat's review document: scope, checks with counts, findings by
root cause and chapter, responses that survive a re-run, signature."""

from __future__ import annotations

import datetime

import pytest

from sakip.cli.main import main
from sakip.documents.model import Tabel
from sakip.documents.pernyataan import Pernyataan, Tanggapan
from sakip.documents.reviu import AKIBAT, bab_dan_tabel, susun_reviu
from sakip.documents.tests.conftest import DEMO, teks_docx
from sakip.engine.laporan import hitung_laporan
from sakip.engine.temuan import JENIS
from sakip.model import Pejabat

TORJUN = DEMO / "torjun-2022.yaml"


@pytest.fixture(scope="module")
def laporan(torjun):
    return hitung_laporan(torjun.ds.doc)


def _tabel(model, judul):
    return next(t for t in model.tabel() if t.judul == judul)


def test_every_check_is_listed_with_its_count(laporan):
    model = susun_reviu(laporan)
    tabel = _tabel(model, "Pemeriksaan dan Jumlah Temuan")
    jumlah = {row[0]: int(row[3]) for row in tabel.baris}
    assert set(jumlah) == set(JENIS)
    assert jumlah["PERSEN_BEDA"] == 5 and jumlah["SASARAN_TANPA_INDIKATOR"] == 0
    assert sum(jumlah.values()) == len(laporan.temuan)


def test_findings_are_grouped_by_chapter_and_under_their_root_cause(laporan):
    model = susun_reviu(laporan)
    bab3 = _tabel(model, "Temuan Bab III Akuntabilitas Kinerja")
    kode = [(row[0], row[3].split(" ", 1)[0]) for row in bab3.baris]
    # The claim of Bab III.A follows from Tabel 3.5's capaian: listed right under it.
    akar = next(n for n, (_, k) in enumerate(kode) if k == "CAPAIAN_BEDA")
    assert kode[akar][0] != AKIBAT and kode[akar + 1] == (AKIBAT, "KLAIM_BEDA")
    bab2 = _tabel(model, "Temuan Bab II Perencanaan Kinerja")
    assert [row[3].split(" ", 1)[0] for row in bab2.baris[:3]] == [
        "PK_PAGU_BEDA",
        "PK_PAGU_BEDA",
        "JUMLAH_BEDA",
    ]
    # Its figures the Indonesian way, and where the LKjIP printed them.
    assert bab2.baris[0][4] == "2.991.517.997,00 / 3.080.095.712,00"
    assert [row[5] for row in bab3.baris if "TINGKAT_KEMAJUAN" in row[3]] == ["Tabel 3.3"]


@pytest.mark.parametrize(
    ("kode", "lokasi", "sumber", "bab", "tabel"),
    [
        ("CAPAIAN_BEDA", "S1.1/2022", "Tabel 3.5", "Bab III Akuntabilitas Kinerja", "Tabel 3.5"),
        ("CAPAIAN_BEDA", "instansi/2022", None, "Bab III Akuntabilitas Kinerja", "Capaian Sasaran"),
        (
            "IKU_TIDAK_LENGKAP",
            "iku/S1.1",
            None,
            "Bab II Perencanaan Kinerja",
            "B. Indikator Kinerja Utama",
        ),
        (
            "SISA_BEDA",
            "P5/#5",
            None,
            "Bab III Akuntabilitas Kinerja",
            "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
        ),
    ],
)
def test_each_finding_names_its_chapter_and_table(kode, lokasi, sumber, bab, tabel):
    from sakip.engine.temuan import Temuan

    assert bab_dan_tabel(Temuan(kode, lokasi, "", sumber=sumber)) == (bab, tabel)


def test_a_response_keyed_by_fingerprint_survives_a_rerun(torjun, laporan):
    capaian = next(t for t in laporan.temuan if t.kode == "CAPAIAN_BEDA")
    reviu = Pernyataan(
        "Inspektorat Kabupaten Sampang",
        Pejabat("Inspektur", "Drs. Pereviu", "", "196601011990031001"),
        "Sampang",
        datetime.date(2023, 3, 1),
        True,
        {capaian.sidik: Tanggapan("Salah ketik Tabel 3.5", "Diperbaiki di versi final", "selesai")},
    )
    # A re-run computes the findings afresh: the response still finds its finding.
    model = susun_reviu(hitung_laporan(torjun.ds.doc), reviu)
    baris = next(
        row
        for row in _tabel(model, "Temuan Bab III Akuntabilitas Kinerja").baris
        if row[1] == capaian.sidik
    )
    assert baris[6:] == ["Salah ketik Tabel 3.5", "selesai: Diperbaiki di versi final"]
    judul = [b.judul for b in model.bagian]
    assert judul[0] == "I. Ruang Lingkup" and judul[-1] == "IV. Simpulan"
    simpulan = model.bagian[-1]
    assert any("1 telah selesai" in getattr(b, "teks", "") for b in simpulan.isi)


def test_a_report_without_findings_says_so(robatal):
    import copy

    doc = copy.deepcopy(robatal.ds.doc)
    doc["anggaran"]["program"][4]["kegiatan"][4].pop("dinyatakan", None)
    laporan = hitung_laporan(doc)
    laporan.temuan.clear()
    model = susun_reviu(laporan)
    assert not [t for t in model.tabel() if isinstance(t, Tabel) and t.judul.startswith("Temuan")]


@pytest.mark.parametrize("akhiran", ["docx", "pdf"])
def test_sakip_reviu_writes_the_document(tmp_path, akhiran, capsys):
    tanggapan = tmp_path / "reviu.yaml"
    tanggapan.write_text(
        "format: sakip-reviu/1\nunit: Inspektorat Kabupaten Sampang\n"
        "pereviu: {jabatan: Inspektur, nama: Drs. Pereviu}\nditandatangani: true\n",
        encoding="utf-8",
    )
    out = tmp_path / f"reviu.{akhiran}"
    args = ["reviu", str(TORJUN), "--out", str(out), "--tanggapan", str(tanggapan)]
    assert main(args) == 0
    assert out.stat().st_size > 1000
    if akhiran == "docx":
        teks = teks_docx(out.read_bytes())
        assert "Laporan Hasil Reviu" in teks.title() or "LAPORAN HASIL REVIU" in teks.upper()
        assert "Drs. Pereviu" in teks and "KLAIM_BEDA" in teks


@pytest.mark.parametrize(
    ("args", "kode", "pesan"),
    [
        (["--out", "x.txt"], 2, ".pdf"),
        (["--out", "x.pdf"], 2, "DATASET_FILE"),
        ([str(TORJUN), "--instansi", "X", "--tahun", "2022", "--out", "x.pdf"], 2, "DATASET_FILE"),
        ([str(TORJUN), "--out", "x.pdf", "--tanggapan", "tidak-ada.yaml"], 1, "tidak dapat dibaca"),
    ],
)
def test_sakip_reviu_refuses_bad_arguments_with_a_message(tmp_path, capsys, args, kode, pesan):
    assert main(["reviu", *args]) == kode
    assert pesan in capsys.readouterr().err

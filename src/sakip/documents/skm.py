"""The SKM result document (Laporan Hasil Survei Kepuasan Masyarakat) as a
:class:`Dokumen`, from the results the engine computes
(:func:`sakip.engine.skm_hasil.hitung_hasil`).

Nothing is computed here: the figures are only chosen and formatted the
Indonesian way (:mod:`sakip.engine.angka`); the chart is the LKjIP's NRR
chart (:func:`sakip.documents.tabel.grafik_nrr`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from sakip.documents.buat import Hasil, tulis
from sakip.documents.model import Bagian, Blok, Daftar, Dokumen, Paragraf, Sampul, Tabel
from sakip.documents.siap import periksa
from sakip.documents.tabel import grafik_nrr
from sakip.documents.teks import KOSONG
from sakip.engine.angka import format_angka
from sakip.engine.mutu import PitaMutu
from sakip.engine.skm import HasilIkm
from sakip.engine.skm_hasil import HasilKelompok, HasilSkm
from sakip.engine.skm_profil import JUDUL_PROFIL

JUDUL = "Survei Kepuasan Masyarakat"


def _angka(value: Decimal | None, tempat: int = 2) -> str:
    return KOSONG if value is None else format_angka(value, tempat)


def _mutu(mutu: PitaMutu | None) -> str:
    return f"{mutu.mutu} ({mutu.kinerja})" if mutu else KOSONG


def _ikm(ikm: HasilIkm) -> str:
    """ "IKM 87,28, mutu B (Baik)": two decimals rounded half up, as reports print it."""
    return f"IKM {_angka(ikm.ikm)}, mutu {_mutu(ikm.mutu)}"


def tabel_unsur(hasil: HasilSkm, judul: str) -> Tabel:
    baris = [
        [
            u.kode,
            u.nama + (" *" if u.prioritas else ""),
            format_angka(Decimal(u.jumlah_jawaban), 0),
            _angka(u.nrr),
            _angka(u.nrr_tertimbang, 4),
            u.mutu.mutu if u.mutu else KOSONG,
        ]
        for u in hasil.unsur
    ]
    kaki = [
        [
            "",
            "IKM (jumlah NRR tertimbang x 25)",
            "",
            "",
            _angka(hasil.ikm.ikm),
            _mutu(hasil.ikm.mutu),
        ]
    ]
    return Tabel(
        judul,
        ["Kode", "Unsur pelayanan", "Jumlah jawaban", "NRR", "NRR tertimbang", "Mutu"],
        baris,
        kaki,
        angka=frozenset({2, 3, 4}),
        lembar="SKM",
    )


def tabel_kelompok(judul: str, kelompok: list[HasilKelompok]) -> Tabel:
    baris = [
        [
            str(i),
            k.nilai,
            format_angka(Decimal(k.responden), 0),
            _angka(k.ikm.ikm),
            k.ikm.mutu.mutu if k.ikm.mutu else KOSONG,
            k.ikm.mutu.kinerja if k.ikm.mutu else KOSONG,
        ]
        for i, k in enumerate(kelompok, 1)
    ]
    return Tabel(
        judul,
        ["No", "Kelompok", "Responden", "IKM", "Mutu", "Kinerja"],
        baris,
        angka=frozenset({2, 3}),
    )


def tabel_nrr_kelompok(judul: str, kelompok: list[HasilKelompok]) -> Tabel:
    """NRR of every unsur (rows) in every group (columns)."""
    pertama = kelompok[0].unsur
    baris = [
        [u.kode, u.nama, *(_angka(k.unsur[j].nrr) for k in kelompok)] for j, u in enumerate(pertama)
    ]
    kaki = [["", "IKM", *(_angka(k.ikm.ikm) for k in kelompok)]]
    return Tabel(
        judul,
        ["Kode", "Unsur", *(k.nilai for k in kelompok)],
        baris,
        kaki,
        angka=frozenset(range(2, 2 + len(kelompok))),
    )


#: Up to this many groups, a breakdown also gets its NRR per unsur table.
KOLOM_NRR_MAKS = 6


def _sampel(hasil: HasilSkm) -> Paragraf:
    if hasil.sampel_minimum is None:
        return Paragraf(
            "Jumlah populasi tidak dinyatakan: kecukupan sampel (Krejcie-Morgan) tidak dinilai.",
            "catatan",
        )
    populasi = format_angka(Decimal(hasil.populasi or 0), 0)
    teks = (
        f"Sampel minimum Krejcie-Morgan untuk populasi {populasi} orang adalah "
        f"{format_angka(Decimal(hasil.sampel_minimum), 0)} responden; "
    )
    if hasil.sampel_cukup:
        return Paragraf(teks + "jumlah responden mencukupi.")
    return Paragraf(teks + "jumlah responden BELUM mencukupi.", "peringatan")


def susun_skm(
    hasil: HasilSkm,
    *,
    instansi: str = "",
    layanan: str = "",
    periode: str = "",
    pemda: str = "",
) -> Dokumen:
    """The neutral document model of one SKM result.

    ``periode`` is a year ("2024", printed as the cover's year) or any text
    ("Semester I 2024"); instansi, layanan and periode appear in the title
    when given.
    """
    judul = f"Hasil {JUDUL}"
    judul += f" {instansi}" if instansi else ""
    judul += f" Layanan {layanan}" if layanan else ""
    judul += f" {periode}" if periode else ""
    tahun = int(periode) if re.fullmatch(r"\d{4}", periode) else None
    sampul = ["Laporan Hasil", JUDUL]
    sampul += [f"Layanan {layanan}"] if layanan else []
    sampul += [f"Periode {periode}"] if periode and tahun is None else []
    peringatan: list[str] = []

    ringkasan: list[Blok] = [
        Paragraf(
            f"Jumlah responden: {format_angka(Decimal(hasil.responden), 0)} orang; "
            f"daftar unsur: {hasil.unsur_set} ({len(hasil.unsur)} unsur)."
        ),
        _sampel(hasil),
        Paragraf(f"Indeks Kepuasan Masyarakat: {_ikm(hasil.ikm)}.", "tengah"),
        Paragraf(f"Perhitungan: {hasil.ikm.rumus}.", "catatan"),
    ]
    if hasil.ikm.ikm is None:
        peringatan.append(hasil.ikm.rumus)
    if hasil.sampel_cukup is False:
        peringatan.append("jumlah responden di bawah sampel minimum Krejcie-Morgan")
    bagian = [
        Bagian("A. Ringkasan", 1, ringkasan),
        Bagian(
            "B. Nilai per Unsur Pelayanan",
            1,
            [
                tabel_unsur(hasil, "Nilai rata-rata (NRR) per unsur pelayanan"),
                Paragraf("* unsur prioritas perbaikan (NRR terendah).", "catatan"),
                grafik_nrr(
                    "NRR per unsur pelayanan dan rata-ratanya",
                    [u.kode for u in hasil.unsur],
                    [u.nrr for u in hasil.unsur],
                ),
            ],
        ),
    ]
    prioritas = hasil.prioritas
    bagian.append(
        Bagian(
            "C. Unsur Prioritas Perbaikan",
            1,
            [
                Daftar(
                    [
                        f"{u.kode} {u.nama}: NRR {_angka(u.nrr)}, mutu {_mutu(u.mutu)}"
                        for u in prioritas
                    ]
                )
                if prioritas
                else Paragraf("Tidak ada unsur yang terukur.", "catatan")
            ],
        )
    )
    huruf = iter("DEFGHIJKLMNOP")
    for nama, kelompok in hasil.per_kelompok.items():
        if not kelompok:
            continue
        label = JUDUL_PROFIL.get(nama, nama)
        isi: list[Blok] = [tabel_kelompok(f"IKM per {label.lower()}", kelompok)]
        if len(kelompok) <= KOLOM_NRR_MAKS:
            isi.append(tabel_nrr_kelompok(f"NRR per unsur menurut {label.lower()}", kelompok))
        bagian.append(Bagian(f"{next(huruf)}. Hasil per {label}", 1, isi))
    return Dokumen(
        "skm",
        judul,
        Sampul(sampul, instansi, pemda, tahun),
        bagian,
        peringatan,
        daftar_isi=False,
    )


FORMAT_SKM = ("docx", "pdf")


def buat_dokumen_skm(hasil: HasilSkm, *, format: str, **judul: str) -> Hasil:
    """The SKM result document as DOCX or PDF bytes; raise
    :class:`~sakip.documents.siap.DokumenTidakSiap` before any work when a
    library or font is missing. ``judul``: instansi, layanan, periode, pemda."""
    if format not in FORMAT_SKM:
        raise ValueError(f"format {format!r} tidak dikenal: docx atau pdf")
    periksa(format)
    model = susun_skm(hasil, **judul)
    return Hasil(tulis(model, format), model)

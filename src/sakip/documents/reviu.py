"""The Inspektorat's review of one LKjIP (Laporan Hasil Reviu) as a
:class:`Dokumen`: its scope, the checks run with their counts, the findings
grouped by root cause and by chapter of the LKjIP with their figures and
where each appears, the agency's response and resolution of each, and the
reviewer's signature.

Findings carry their fingerprint (:attr:`Temuan.sidik`) so that the
responses of a review file (:mod:`sakip.documents.pernyataan`) find them
again after a re-run.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from sakip.documents import teks
from sakip.documents.model import Bagian, Blok, Dokumen, Paragraf, Sampul, Tabel, TandaTangan
from sakip.documents.pernyataan import Pernyataan, Tanggapan
from sakip.engine.angka import ke_desimal
from sakip.engine.capaian import ATURAN_KUALITATIF
from sakip.engine.laporan import Laporan
from sakip.engine.temuan import JENIS, Temuan, kelompok_sebab

#: The chapter of the LKjIP a finding belongs to, and the table that prints
#: the figure, by its code (PermenPAN-RB 53/2014 structure, as sakip prints it).
BAB: dict[str, tuple[str, str]] = {}
for _kode, _bab, _tabel in (
    ("SASARAN_TANPA_INDIKATOR", "Bab II Perencanaan Kinerja", "A. Rencana Strategis"),
    ("CASCADING_TIDAK_LENGKAP", "Bab I Pendahuluan", "Cascading Kinerja"),
    ("IKU_TIDAK_LENGKAP", "Bab II Perencanaan Kinerja", "B. Indikator Kinerja Utama"),
    ("TARGET_MUNDUR", "Bab II Perencanaan Kinerja", "A. Rencana Strategis"),
    ("POLARITAS_RAGU", "Bab II Perencanaan Kinerja", "A. Rencana Strategis"),
    ("PK_TARGET_BEDA", "Bab II Perencanaan Kinerja", "Sasaran, Indikator dan Target Kinerja"),
    (
        "PK_TANPA_TARGET_RENSTRA",
        "Bab II Perencanaan Kinerja",
        "Sasaran, Indikator dan Target Kinerja",
    ),
    ("PK_PAGU_BEDA", "Bab II Perencanaan Kinerja", "Program dan Anggaran Perjanjian Kinerja"),
    (
        "PROGRAM_TIDAK_DI_PK",
        "Bab II Perencanaan Kinerja",
        "Program dan Anggaran Perjanjian Kinerja",
    ),
    (
        "PROGRAM_TANPA_SASARAN",
        "Bab II Perencanaan Kinerja",
        "Program dan Anggaran Perjanjian Kinerja",
    ),
    ("RENCANA_AKSI_KOSONG", "Bab II Perencanaan Kinerja", "C. Perjanjian Kinerja"),
    ("SKALA_CELAH", "Bab III Akuntabilitas Kinerja", "A. Capaian Kinerja Organisasi"),
    ("SKALA_TUMPANG", "Bab III Akuntabilitas Kinerja", "A. Capaian Kinerja Organisasi"),
    ("SKALA_TIDAK_MENCAKUP", "Bab III Akuntabilitas Kinerja", "A. Capaian Kinerja Organisasi"),
    (
        "TINGKAT_KEMAJUAN_BEDA",
        "Bab III Akuntabilitas Kinerja",
        "Tingkat Kemajuan terhadap Target Akhir Renstra",
    ),
    ("TRIWULAN_BEDA", "Bab III Akuntabilitas Kinerja", "Capaian Kinerja"),
    ("REALISASI_SAMA_SERAPAN", "Bab III Akuntabilitas Kinerja", "Efisiensi Penggunaan Sumber Daya"),
    (
        "PAGU_BEDA",
        "Bab III Akuntabilitas Kinerja",
        "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
    ),
    (
        "SISA_BEDA",
        "Bab III Akuntabilitas Kinerja",
        "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
    ),
    (
        "PERSEN_BEDA",
        "Bab III Akuntabilitas Kinerja",
        "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
    ),
    (
        "PERSEN_TANPA_PAGU",
        "Bab III Akuntabilitas Kinerja",
        "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
    ),
    ("CAPAIAN_TANPA_UKURAN", "Bab III Akuntabilitas Kinerja", "Capaian Kinerja"),
    ("SKM_SEBARAN_BEDA", "Bab III Akuntabilitas Kinerja", "Survei Kepuasan Masyarakat"),
    ("KELAS_BEDA", "Bab III Akuntabilitas Kinerja", "Realisasi Anggaran (per kelas belanja)"),
    (
        "KELAS_TIDAK_TERUJI",
        "Bab III Akuntabilitas Kinerja",
        "Realisasi Anggaran (per kelas belanja)",
    ),
    (
        "RINCIAN_BEDA",
        "Bab III Akuntabilitas Kinerja",
        "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
    ),
    (
        "REALISASI_MELEBIHI_PAGU",
        "Bab III Akuntabilitas Kinerja",
        "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
    ),
    ("IKM_BEDA", "Bab III Akuntabilitas Kinerja", "Survei Kepuasan Masyarakat"),
    ("IKM_TANPA_KONVERSI", "Bab III Akuntabilitas Kinerja", "Survei Kepuasan Masyarakat"),
    ("MUTU_BEDA", "Bab III Akuntabilitas Kinerja", "Survei Kepuasan Masyarakat"),
    ("NRR_BEDA", "Bab III Akuntabilitas Kinerja", "Survei Kepuasan Masyarakat"),
    ("NILAI_EVALUASI_BEDA", "Bab I Pendahuluan", "Hasil Evaluasi SAKIP"),
    ("JUMLAH_BEDA", "Ikhtisar Eksekutif", "uraian"),
    ("KLAIM_BEDA", "Bab III Akuntabilitas Kinerja", "uraian"),
):
    BAB[_kode] = (_bab, _tabel)
# Indicator figures (target, realisasi, capaian, predikat, measurement): Bab III's capaian table.
_CAPAIAN = ("Bab III Akuntabilitas Kinerja", "Capaian Kinerja")
_ANGKA = re.compile(r"-?\d+(\.\d+)?")
#: The mark of a finding that follows from the one above it.
AKIBAT = "akibat"
URUTAN_BAB = (
    "Ikhtisar Eksekutif",
    "Bab I Pendahuluan",
    "Bab II Perencanaan Kinerja",
    "Bab III Akuntabilitas Kinerja",
)


def bab_dan_tabel(t: Temuan) -> tuple[str, str]:
    """Where in the LKjIP a finding's figure appears: the chapter, and the
    table as the document printed it (its ``sumber``) or as sakip prints it."""
    bab, tabel = BAB.get(t.kode, _CAPAIAN)
    if t.kode == "CAPAIAN_BEDA" and t.lokasi.startswith("instansi/"):
        tabel = "Capaian Sasaran"
    return bab, t.sumber or tabel


def _satu(nilai: str | None) -> str:
    """A finding's figure as the report prints numbers (Indonesian)."""
    if nilai is None:
        return teks.KOSONG
    angka = ke_desimal(nilai) if _ANGKA.fullmatch(nilai) else None
    return teks.nilai(angka) if angka is not None else nilai


def _angka(t: Temuan) -> str:
    if t.dinyatakan is None and t.dihitung is None:
        return teks.KOSONG
    return f"{_satu(t.dinyatakan)} / {_satu(t.dihitung)}"


def _tanggapan(reviu: Pernyataan | None, t: Temuan) -> Tanggapan:
    if reviu is None:
        return Tanggapan()
    return reviu.tanggapan.get(t.sidik, Tanggapan())


def _ruang_lingkup(laporan: Laporan, reviu: Pernyataan | None) -> Bagian:
    d = laporan.dokumen
    nama = d.instansi.nama or "instansi"
    aturan = laporan.aturan
    isi: list[Blok] = [
        Paragraf(
            f"Reviu atas Laporan Kinerja Instansi Pemerintah (LKjIP) {nama} "
            f"{d.pemda.nama + ' ' if d.pemda.nama else ''}Tahun {laporan.tahun} dilaksanakan "
            "untuk memberikan keyakinan terbatas bahwa laporan kinerja telah disajikan secara "
            "akurat, andal, dan valid (PermenPAN-RB 53/2014). Setiap angka laporan dihitung "
            "ulang dari data, dan setiap angka yang tercetak dibandingkan dengan hasil "
            "perhitungan itu."
        ),
        Tabel(
            "Ruang Lingkup dan Aturan Perhitungan",
            ["Hal", "Keterangan"],
            [
                ["Instansi", nama],
                ["Tahun laporan", str(laporan.tahun)],
                ["Pereviu", (reviu.unit if reviu else "Inspektorat")],
                [
                    "Skala predikat",
                    f"{aturan.skala.nama}: " + "; ".join(p.uraian() for p in aturan.skala.pita),
                ],
                [
                    "Batas capaian per indikator",
                    f"{teks.nilai(aturan.batas_capaian)} %"
                    if aturan.batas_capaian
                    else "tanpa batas",
                ],
                ["Rumus polaritas negatif", aturan.rumus_negatif.value],
                ["Indikator kualitatif", ATURAN_KUALITATIF[aturan.capaian_kualitatif]],
            ],
        ),
    ]
    return Bagian("I. Ruang Lingkup", isi=isi, halaman_baru=True)


def _pemeriksaan(temuan: Sequence[Temuan]) -> Bagian:
    jumlah = Counter(t.kode for t in temuan)
    rows = [
        [j.kode, j.judul, j.tingkat.value, str(jumlah.get(j.kode, 0))]
        for j in sorted(JENIS.values(), key=lambda j: (-jumlah.get(j.kode, 0), j.kode))
    ]
    per_tingkat = Counter(t.tingkat.value for t in temuan)
    return Bagian(
        "II. Pemeriksaan yang Dilakukan",
        isi=[
            Paragraf(
                f"{len(JENIS)} pemeriksaan dijalankan; {len(temuan)} temuan: "
                f"{per_tingkat.get('galat', 0)} galat, {per_tingkat.get('peringatan', 0)} "
                f"peringatan, {per_tingkat.get('catatan', 0)} catatan."
            ),
            Tabel(
                "Pemeriksaan dan Jumlah Temuan",
                ["Kode", "Pemeriksaan", "Tingkat", "Jumlah"],
                rows,
                angka=frozenset({3}),
                lembar="Pemeriksaan",
            ),
        ],
        halaman_baru=True,
    )


def _temuan(temuan: Sequence[Temuan], reviu: Pernyataan | None) -> list[Bagian]:
    """Findings by chapter, each root cause followed by what follows from it."""
    kelompok = kelompok_sebab(temuan)
    per_bab: dict[str, list[tuple[Temuan, list[Temuan]]]] = {}
    for akar, akibat in kelompok:
        per_bab.setdefault(bab_dan_tabel(akar)[0], []).append((akar, akibat))
    bagian = [Bagian("III. Temuan Reviu", halaman_baru=True)]
    if not temuan:
        bagian[0].isi.append(Paragraf("Reviu tidak menemukan hal yang perlu diperbaiki."))
        return bagian
    bagian[0].isi.append(
        Paragraf(
            "Temuan dikelompokkan per bab LKjIP. Temuan yang merupakan akibat dari temuan "
            f'lain dicantumkan di bawah penyebabnya (ditandai "{AKIBAT}"): memperbaiki penyebab '
            "menyelesaikan akibatnya. Sidik adalah penanda tetap setiap temuan (kode, lokasi "
            "dan angkanya) untuk mencatat tanggapan."
        )
    )
    urutan = [b for b in URUTAN_BAB if b in per_bab] + sorted(set(per_bab) - set(URUTAN_BAB))
    for bab in urutan:
        rows: list[list[str]] = []
        tingkat: list[int] = []
        no = 0
        for akar, akibat in per_bab[bab]:
            no += 1
            for i, t in enumerate([akar, *akibat]):
                tanggap = _tanggapan(reviu, t)
                rows.append(
                    [
                        str(no) if i == 0 else AKIBAT,
                        t.sidik,
                        t.tingkat.value,
                        f"{t.kode} ({t.lokasi}): {t.pesan}",
                        _angka(t),
                        bab_dan_tabel(t)[1],
                        tanggap.tanggapan or teks.KOSONG,
                        f"{tanggap.status}"
                        + (f": {tanggap.penyelesaian}" if tanggap.penyelesaian else ""),
                    ]
                )
                tingkat.append(0 if i == 0 else 1)
        bagian.append(
            Bagian(
                bab,
                2,
                [
                    Tabel(
                        f"Temuan {bab}",
                        [
                            "No",
                            "Sidik",
                            "Tingkat",
                            "Temuan",
                            "Dinyatakan / dihitung",
                            "Tercetak di",
                            "Tanggapan instansi",
                            "Penyelesaian",
                        ],
                        rows,
                        tingkat=tingkat,
                        lembar=f"Temuan {bab}"[:31],
                    )
                ],
                mendatar=True,
            )
        )
    return bagian


def _penutup(laporan: Laporan, reviu: Pernyataan | None) -> Bagian:
    temuan = laporan.temuan
    terbuka = [t for t in temuan if _tanggapan(reviu, t).status not in ("selesai", "diterima")]
    kalimat = (
        f"Dari {len(temuan)} temuan, {len(temuan) - len(terbuka)} telah selesai atau diterima "
        f"penjelasannya dan {len(terbuka)} masih perlu ditindaklanjuti."
        if temuan
        else "Tidak ada temuan yang perlu ditindaklanjuti."
    )
    isi: list[Blok] = [Paragraf(kalimat)]
    if reviu is not None and reviu.ditandatangani:
        isi.append(Paragraf("Reviu ini telah ditandatangani oleh pereviu."))
    isi.append(
        TandaTangan(
            None,
            {
                **teks.orang(reviu.pereviu if reviu else None),
                "keterangan": reviu.unit if reviu else "",
            },
            reviu.tempat_tanggal if reviu else "",
        )
    )
    return Bagian("IV. Simpulan", isi=isi, halaman_baru=True)


def susun_reviu(laporan: Laporan, reviu: Pernyataan | None = None) -> Dokumen:
    """The review document of one LKjIP, with the responses of ``reviu``."""
    d = laporan.dokumen
    nama = d.instansi.nama or "Instansi"
    bagian = [_ruang_lingkup(laporan, reviu), _pemeriksaan(laporan.temuan)]
    bagian += _temuan(laporan.temuan, reviu)
    bagian.append(_penutup(laporan, reviu))
    return Dokumen(
        "reviu",
        f"Laporan Hasil Reviu atas LKjIP {nama} Tahun {laporan.tahun}",
        Sampul(
            ["Laporan Hasil Reviu", "atas Laporan Kinerja", "Instansi Pemerintah"],
            nama,
            d.pemda.nama,
            laporan.tahun,
        ),
        bagian,
    )

"""The measurement tables, built from the engine's results (no figure is
computed here: only chosen, ordered and formatted)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sakip.documents import teks
from sakip.documents.model import Grafik, Tabel
from sakip.engine.anggaran import NodeAnggaran, RingkasanAnggaran
from sakip.engine.efisiensi import BarisEfisiensi
from sakip.engine.kinerja import BarisAgregat, BarisIndikator
from sakip.engine.laporan import HasilSurvei
from sakip.model import PerjanjianKinerja


def capaian_indikator(baris: Sequence[BarisIndikator], tahun: int) -> Tabel:
    rows = [
        [
            str(i),
            b.ref.induk_uraian or b.ref.induk,
            f"{b.kode} {b.ref.indikator.uraian}",
            b.ref.indikator.satuan,
            teks.nilai(b.target),
            teks.nilai(b.realisasi),
            teks.capaian(b.capaian),
            b.predikat or teks.KOSONG,
        ]
        for i, b in enumerate(baris, start=1)
    ]
    return Tabel(
        f"Capaian Kinerja Tahun {tahun}",
        [
            "No",
            "Sasaran / Tujuan",
            "Indikator",
            "Satuan",
            "Target",
            "Realisasi",
            "Capaian",
            "Predikat",
        ],
        rows,
        angka=frozenset({4, 5, 6}),
        lembar=f"Capaian {tahun}",
    )


def capaian_agregat(sasaran: Sequence[BarisAgregat], instansi: BarisAgregat | None) -> Tabel:
    rows = [
        [
            a.kode,
            a.uraian,
            str(a.rata_rata.jumlah),
            teks.rata_rata(a.rata_rata),
            a.predikat or teks.KOSONG,
        ]
        for a in sasaran
    ]
    kaki = []
    if instansi is not None:
        kaki.append(
            [
                "",
                "Capaian instansi",
                str(instansi.rata_rata.jumlah),
                teks.rata_rata(instansi.rata_rata),
                instansi.predikat or teks.KOSONG,
            ]
        )
    return Tabel(
        "Capaian Sasaran",
        ["Kode", "Sasaran", "Indikator terukur", "Capaian", "Predikat"],
        rows,
        kaki,
        angka=frozenset({2, 3}),
        lembar="Capaian Sasaran",
    )


def perbandingan(baris: Sequence[BarisIndikator]) -> Tabel:
    """One indicator over the years, as Bab III compares them."""
    rows = []
    for b in baris:
        ubah = b.perubahan
        rows.append(
            [
                str(b.tahun),
                teks.nilai(b.target),
                teks.nilai(b.realisasi),
                teks.capaian(b.capaian),
                b.predikat or teks.KOSONG,
                teks.KOSONG
                if ubah is None
                else f"{teks.nilai(ubah.selisih)} ({teks.persen(ubah.persen)})",
            ]
        )
    kode = baris[0].kode if baris else ""
    return Tabel(
        f"Perbandingan Realisasi {kode} dengan Tahun Sebelumnya",
        ["Tahun", "Target", "Realisasi", "Capaian", "Predikat", "Perubahan dari tahun lalu"],
        rows,
        angka=frozenset({1, 2, 3, 5}),
    )


def perbandingan_semua(baris: Sequence[BarisIndikator], semua: Sequence[BarisIndikator]) -> Tabel:
    """Every indicator of the year beside its earlier years: realisasi (capaian)."""
    tahun = sorted({r.tahun for r in semua})
    per = {(r.ref.jenis, r.kode, r.tahun): r for r in semua}
    rows = []
    for b in baris:
        sel = []
        for t in tahun:
            r = per.get((b.ref.jenis, b.kode, t))
            if r is None or r.realisasi is None:
                sel.append(teks.KOSONG)
            else:
                c = teks.capaian(r.capaian) if r.capaian.terukur else "tidak terukur"
                sel.append(f"{teks.nilai(r.realisasi)} ({c})")
        ubah = b.perubahan
        sel.append(
            teks.KOSONG
            if ubah is None
            else f"{teks.nilai(ubah.selisih)} ({teks.persen(ubah.persen)})"
        )
        rows.append([f"{b.kode} {b.ref.indikator.uraian}", *sel])
    return Tabel(
        "Realisasi (Capaian) per Tahun",
        ["Indikator", *[str(t) for t in tahun], "Perubahan dari tahun lalu"],
        rows,
        angka=frozenset(range(1, len(tahun) + 2)),
        lembar="Perbandingan Tahunan",
    )


def grafik_tren(judul: str, baris: Sequence[BarisIndikator]) -> Grafik | None:
    """Target and realisation of one indicator over the years, when numeric."""
    tahun = sorted({b.tahun for b in baris})
    per_tahun = {b.tahun: b for b in baris}
    target = [teks.angka_grafik(per_tahun[t].target) for t in tahun]
    realisasi = [teks.angka_grafik(per_tahun[t].realisasi) for t in tahun]
    if sum(v is not None for v in realisasi) + sum(v is not None for v in target) < 2:
        return None
    return Grafik(
        judul, "tren", [str(t) for t in tahun], {"Target": target, "Realisasi": realisasi}
    )


def kemajuan(baris: Sequence[BarisIndikator]) -> Tabel:
    rows = [
        [
            f"{b.kode} {b.ref.indikator.uraian}",
            teks.nilai(b.realisasi),
            teks.nilai(b.target_akhir),
            teks.capaian(b.kemajuan) if b.kemajuan else "tidak ada target akhir Renstra",
        ]
        for b in baris
    ]
    return Tabel(
        "Tingkat Kemajuan terhadap Target Akhir Renstra",
        ["Indikator", "Realisasi", "Target akhir Renstra", "Tingkat kemajuan"],
        rows,
        angka=frozenset({1, 2, 3}),
        lembar="Tingkat Kemajuan",
    )


def efisiensi(baris: Sequence[BarisEfisiensi]) -> Tabel:
    rows = [
        [
            f"{b.sasaran} {b.uraian}".strip(),
            ", ".join(b.program),
            teks.KOSONG if b.tanpa_sasaran else teks.persen(b.capaian),
            teks.rupiah(b.pagu)
            + (
                f" (termasuk bagian pos bersama {teks.rupiah(b.pagu_bersama)})"
                if b.pagu_bersama
                else ""
            ),
            teks.rupiah(b.realisasi),
            teks.persen(b.penyerapan),
            teks.persen(b.selisih).replace(" %", " poin") if b.selisih is not None else teks.KOSONG,
            teks.persen(b.penghematan) if b.penghematan is not None else teks.KOSONG,
        ]
        for b in baris
    ]
    return Tabel(
        "Efisiensi Penggunaan Sumber Daya",
        [
            "Sasaran",
            "Program",
            "Capaian",
            "Pagu",
            "Realisasi",
            "Penyerapan",
            "Capaian − penyerapan",
            "Penghematan",
        ],
        rows,
        angka=frozenset({2, 3, 4, 5, 6, 7}),
        lembar="Efisiensi",
    )


def _baris_anggaran(node: NodeAnggaran) -> list[str]:
    return [
        node.kode or "",
        node.uraian,
        teks.rupiah(node.pagu),
        teks.rupiah(node.realisasi),
        teks.persen(node.penyerapan),
        teks.rupiah(node.sisa),
    ]


def anggaran(ringkasan: RingkasanAnggaran) -> Tabel:
    """Every node of the budget tree, children under their parent, with the total."""
    rows: list[list[str]] = []
    tingkat: list[int] = []

    def turun(node: NodeAnggaran, kedalaman: int) -> None:
        rows.append(_baris_anggaran(node))
        tingkat.append(kedalaman)
        for anak in node.anak:
            turun(anak, kedalaman + 1)

    for node in ringkasan.total.anak:
        turun(node, 0)
    total = _baris_anggaran(ringkasan.total)
    total[1] = "Jumlah"
    return Tabel(
        "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
        ["Kode", "Uraian", "Pagu", "Realisasi", "Penyerapan", "Sisa"],
        rows,
        [total],
        angka=frozenset({2, 3, 4, 5}),
        tingkat=tingkat,
        lembar="Realisasi Anggaran",
    )


def program_pk(pk: PerjanjianKinerja, ringkasan: RingkasanAnggaran | None) -> Tabel:
    """The programs of the Perjanjian Kinerja with their budgets: the pagu the
    agreement prints, else the budget's."""
    program = {p.kode: p for p in ringkasan.belanja_langsung.anak} if ringkasan else {}
    rows = []
    for i, item in enumerate(pk.program, start=1):
        node = program.get(item.kode)
        pagu = item.pagu if item.pagu is not None else (node.pagu if node else None)
        rows.append(
            [
                str(i),
                item.kode,
                node.uraian if node else "(program tidak ada di anggaran)",
                teks.rupiah(pagu),
            ]
        )
    return Tabel(
        "Program dan Anggaran Perjanjian Kinerja",
        ["No", "Kode", "Program", "Anggaran"],
        rows,
        angka=frozenset({3}),
        lembar="PK Program",
    )


def target_pk(baris: Sequence[BarisIndikator]) -> Tabel:
    rows = [
        [
            str(i),
            b.ref.induk_uraian or b.ref.induk,
            f"{b.kode} {b.ref.indikator.uraian}",
            b.ref.indikator.satuan,
            teks.nilai(b.target),
        ]
        for i, b in enumerate(baris, start=1)
    ]
    return Tabel(
        "Sasaran, Indikator dan Target Kinerja",
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"],
        rows,
        angka=frozenset({4}),
        lembar="PK Indikator",
    )


def skm(hasil: HasilSurvei) -> Tabel:
    rows = [
        [
            kode,
            uraian,
            teks.nilai(hasil.jumlah_jawaban.get(kode)),
            teks.nilai(hasil.nrr.get(kode))
            if hasil.nrr.get(kode) is None
            else teks.persen(hasil.nrr[kode]).removesuffix(" %"),
        ]
        for kode, uraian in hasil.unsur
        if hasil.nrr
    ]
    mutu = hasil.ikm.mutu
    kaki = [
        ["", "IKM", "", teks.persen(hasil.ikm.ikm).removesuffix(" %")],
        ["", "Mutu pelayanan", "", f"{mutu.mutu} ({mutu.kinerja})" if mutu else teks.KOSONG],
    ]
    judul = f"Survei Kepuasan Masyarakat {hasil.tahun}" + (
        f" – {hasil.layanan}" if hasil.layanan else ""
    )
    return Tabel(
        judul,
        ["Unsur", "Uraian", "Jumlah jawaban", "NRR"],
        rows,
        kaki,
        angka=frozenset({2, 3}),
        lembar=f"SKM {hasil.indeks + 1}",
    )


def grafik_nrr(judul: str, label: list[str], nilai: list[Decimal | None]) -> Grafik:
    """Bars of NRR per unsur with the mean NRR drawn across them (LKjIP and
    the SKM result document)."""
    terisi = [v for v in nilai if v is not None]
    # The mean NRR drawn across the bars is a chart guide only, not a report figure.
    rata = sum(terisi, Decimal(0)) / len(terisi) if terisi else None
    return Grafik(
        judul,
        "skm",
        label,
        {"NRR": nilai},
        garis=rata,
        label_garis="rata-rata NRR",
        sumbu_y="NRR (1–4)",
    )


def grafik_skm(hasil: HasilSurvei) -> Grafik | None:
    if not hasil.nrr:
        return None
    return grafik_nrr(
        f"NRR per Unsur SKM {hasil.tahun}",
        [kode for kode, _ in hasil.unsur],
        [hasil.nrr.get(kode) for kode, _ in hasil.unsur],
    )

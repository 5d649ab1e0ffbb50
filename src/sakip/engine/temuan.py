"""Review findings: every stated figure that disagrees with its computation.

A dataset records under ``dinyatakan`` what the source document printed. The
engine never trusts it: it compares it with the computed figure and turns
each difference into a :class:`Temuan` with a code, the node's location,
both figures and a sentence in Indonesian.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from sakip.engine.angka import bulatkan, format_angka, jumlah_desimal, ke_desimal


class Tingkat(StrEnum):
    GALAT = "galat"  # a figure is wrong
    PERINGATAN = "peringatan"  # something is inconsistent or doubtful
    CATATAN = "catatan"  # worth a reviewer's attention


@dataclass(frozen=True)
class JenisTemuan:
    kode: str
    tingkat: Tingkat
    judul: str


def _j(kode: str, tingkat: Tingkat, judul: str) -> JenisTemuan:
    return JenisTemuan(kode, tingkat, judul)


G, P, C = Tingkat.GALAT, Tingkat.PERINGATAN, Tingkat.CATATAN

#: Every kind of finding, by code. Codes are a public interface (JSON output).
JENIS: dict[str, JenisTemuan] = {
    j.kode: j
    for j in (
        _j("PAGU_BEDA", G, "pagu yang dinyatakan berbeda dengan hasil penjumlahan"),
        _j("REALISASI_BEDA", G, "realisasi yang dinyatakan berbeda dengan data"),
        _j("SISA_BEDA", G, "sisa anggaran yang dinyatakan berbeda dengan pagu - realisasi"),
        _j("PERSEN_BEDA", G, "persentase penyerapan yang dinyatakan berbeda"),
        _j("TARGET_BEDA", G, "target yang dinyatakan berbeda dengan target Renstra"),
        _j("CAPAIAN_BEDA", G, "capaian yang dinyatakan berbeda dengan hasil rumus"),
        _j("PREDIKAT_BEDA", G, "predikat yang dinyatakan berbeda dengan skala pemda"),
        _j("TINGKAT_KEMAJUAN_BEDA", G, "tingkat kemajuan yang dinyatakan berbeda"),
        _j("IKM_BEDA", G, "IKM yang dinyatakan berbeda dengan hasil NRR"),
        _j("MUTU_BEDA", G, "mutu pelayanan yang dinyatakan berbeda dengan tabel mutu"),
        _j("NRR_BEDA", G, "NRR unsur yang dinyatakan berbeda dengan jawaban responden"),
        _j("NILAI_EVALUASI_BEDA", G, "predikat evaluasi SAKIP tidak sesuai dengan nilainya"),
        _j("PK_TARGET_BEDA", P, "target Perjanjian Kinerja berbeda dengan target Renstra"),
        # A PK is signed on the original budget; a later budget change makes
        # the two differ legitimately, so this is a warning, not an error.
        _j("PK_PAGU_BEDA", P, "pagu Perjanjian Kinerja berbeda dengan pagu anggaran"),
        _j("TRIWULAN_BEDA", P, "realisasi tahunan berbeda dengan akumulasi triwulan"),
        _j("RINCIAN_BEDA", P, "pagu/realisasi sub kegiatan berbeda dengan jumlah rinciannya"),
        _j("SKALA_CELAH", P, "skala predikat memiliki celah"),
        _j("SKALA_TUMPANG", P, "skala predikat tumpang tindih"),
        _j("TIDAK_TERUKUR", C, "capaian indikator tidak dapat diukur"),
        # An IKU or an agreed indicator is what the year is accountable for.
        _j("UTAMA_TIDAK_TERUKUR", P, "indikator IKU atau Perjanjian Kinerja tidak terukur"),
        _j("RENCANA_AKSI_KOSONG", C, "indikator Perjanjian Kinerja tanpa rencana aksi triwulan"),
        _j("REALISASI_MELEBIHI_PAGU", P, "realisasi anggaran melebihi pagu"),
        # The reviewer's checks beyond printed figures (sakip.engine.reviu).
        _j("SASARAN_TANPA_INDIKATOR", P, "sasaran tanpa indikator kinerja"),
        _j("IKU_TIDAK_LENGKAP", P, "IKU tanpa formula, sumber data atau penanggung jawab"),
        _j("PK_TANPA_TARGET_RENSTRA", P, "indikator Perjanjian Kinerja tanpa target Renstra"),
        _j("PROGRAM_TIDAK_DI_PK", C, "program dianggarkan tetapi tidak dalam Perjanjian Kinerja"),
        _j("PROGRAM_TANPA_SASARAN", P, "program Perjanjian Kinerja tidak mendukung sasaran"),
        _j("CASCADING_TIDAK_LENGKAP", C, "tujuan atau sasaran tidak terhubung ke sasaran RPJMD"),
        _j("TARGET_MUNDUR", P, "target bergerak berlawanan dengan arah indikator"),
        _j("SATUAN_BEDA", P, "target dan realisasi berbeda satuan"),
        _j("NILAI_GANDA", P, "nilai memuat beberapa besaran, hanya yang pertama terbaca"),
        _j("CAPAIAN_EKSTREM", C, "capaian di atas 150 % atau di bawah 50 % tanpa analisis"),
        _j("PEMBULATAN_PREDIKAT", P, "capaian yang dibulatkan mengubah predikat"),
        _j("REALISASI_SAMA_SERAPAN", P, "realisasi kinerja sama dengan serapan anggaran"),
        _j("SKALA_TIDAK_MENCAKUP", C, "capaian di luar pita skala predikat"),
        _j("POLARITAS_RAGU", P, "polaritas bertentangan dengan rumusan indikator"),
        _j("JUMLAH_BEDA", P, "jumlah sasaran/indikator/program/kegiatan yang disebut berbeda"),
        _j("KLAIM_BEDA", G, "pernyataan capaian dalam laporan bertentangan dengan data"),
        _j("NARASI_BEDA", G, "angka dalam uraian laporan berbeda dengan data"),
        _j("IKM_TANPA_KONVERSI", G, "IKM tidak dikonversi ke skala 25-100 (x 25)"),
        _j("PERSEN_TANPA_PAGU", G, "persentase penyerapan dicetak untuk pagu 0"),
        _j("CAPAIAN_TANPA_UKURAN", G, "capaian dicetak untuk indikator yang tidak terukur"),
        _j("SKM_SEBARAN_BEDA", G, "sebaran jawaban SKM tidak 100 % atau tidak sesuai dengan NRR"),
        _j("KELAS_BEDA", G, "jumlah per kelas belanja yang dicetak berbeda dengan data"),
        # Only where the record keeps evidence files (sakip.record): a file
        # has no place for them.
        _j("BUKTI_KOSONG", P, "realisasi tanpa bukti dukung"),
        _j(
            "KELAS_TIDAK_TERUJI",
            C,
            "jumlah per kelas belanja dicetak tanpa rincian untuk mengujinya",
        ),
    )
}


@dataclass(frozen=True)
class Temuan:
    kode: str
    lokasi: str
    pesan: str
    dinyatakan: str | None = None
    dihitung: str | None = None
    sumber: str | None = None
    #: The finding this one follows from: (code, location) of its root cause.
    akibat_dari: tuple[str, str] | None = None

    @property
    def tingkat(self) -> Tingkat:
        return JENIS[self.kode].tingkat

    @property
    def sidik(self) -> str:
        """A stable fingerprint of the finding: its code, location and figures.

        A response written for a finding is keyed by it, so it survives a
        re-run as long as the finding is the same; the sentence may change.

        >>> Temuan("SISA_BEDA", "P5/#5", "...", "0.01", "875.00").sidik
        '04ab768316'
        """
        isi = "\x1f".join(
            (self.kode, self.lokasi, self.dinyatakan or "", self.dihitung or "", self.sumber or "")
        )
        return hashlib.sha256(isi.encode("utf-8")).hexdigest()[:10]

    @property
    def kunci(self) -> tuple[str, str]:
        """What another finding names as its cause."""
        return self.kode, self.lokasi

    def akibat(self, sebab: Temuan) -> Temuan:
        """This finding as a consequence of ``sebab``."""
        return replace(self, akibat_dari=sebab.kunci)

    def as_dict(self) -> dict[str, object]:
        return {
            "kode": self.kode,
            "sidik": self.sidik,
            "tingkat": self.tingkat.value,
            "lokasi": self.lokasi,
            "pesan": self.pesan,
            "dinyatakan": self.dinyatakan,
            "dihitung": self.dihitung,
            "sumber": self.sumber,
            "akibat_dari": None
            if self.akibat_dari is None
            else {"kode": self.akibat_dari[0], "lokasi": self.akibat_dari[1]},
        }


def kelompok_sebab(temuan: Sequence[Temuan]) -> list[tuple[Temuan, list[Temuan]]]:
    """Findings grouped under their root cause, in their order: each root
    with the findings that follow from it (directly or through another).

    A finding whose cause is not in the list stands as a root of its own.
    """
    pertama: dict[tuple[str, str], Temuan] = {}
    for t in temuan:
        pertama.setdefault(t.kunci, t)

    def akar(t: Temuan) -> Temuan | None:
        """The root ``t`` follows from, or None when ``t`` is a root."""
        sebab, dilihat = t.akibat_dari, {t.kunci}
        hasil: Temuan | None = None
        while sebab is not None and sebab in pertama and sebab not in dilihat:
            dilihat.add(sebab)
            hasil = pertama[sebab]
            sebab = hasil.akibat_dari
        return hasil

    sebab = [akar(t) for t in temuan]
    posisi = {id(t): i for i, t in enumerate(temuan)}
    grup: dict[int, tuple[Temuan, list[Temuan]]] = {}
    for t, a in zip(temuan, sebab, strict=True):
        # A cycle of causes has no root: its findings stand alone.
        if a is None or sebab[posisi[id(a)]] is not None:
            grup[id(t)] = (t, [])
    for t, a in zip(temuan, sebab, strict=True):
        if a is not None and id(a) in grup and id(t) not in grup:
            grup[id(a)][1].append(t)
    return list(grup.values())


#: What a report prints for a figure that cannot be measured.
TIDAK_TERUKUR_DICETAK = frozenset({"tidak terukur", "-", "–", "—", "n/a", "tidak dapat diukur"})


def persen_cocok(dinyatakan: Decimal, dihitung: Decimal) -> bool:
    """A printed percentage matches when it equals the computed one rounded
    to as many decimals as it was printed with.

    >>> persen_cocok(Decimal("99"), Decimal("99.4")), persen_cocok(Decimal("99"), Decimal("99.81"))
    (True, False)
    >>> persen_cocok(Decimal("96.89"), Decimal("96.8939"))
    True
    """
    return bulatkan(dihitung, jumlah_desimal(dinyatakan)) == dinyatakan


def teks(value: object) -> str | None:
    """A figure as exact text for a finding (Decimal in plain notation)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, tuple):
        # A range (the model keeps it as a tuple): printed as the plain
        # document's list always printed.
        return str(list(value))
    return str(value)


def tampil(value: object, *, uang: bool = False) -> str:
    """A figure as a finding's sentence prints it: the Indonesian way.

    >>> tampil(Decimal("82.55")), tampil(Decimal("1500000"), uang=True), tampil((80, 85))
    ('82,55', '1.500.000,00', '80 s.d. 85')
    >>> tampil("B"), tampil(None)
    ('B', '(kosong)')
    """
    if value is None:
        return "(kosong)"
    if isinstance(value, tuple | list):
        return " s.d. ".join(tampil(v) for v in value)
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return format_angka(Decimal(value), 2 if uang else None)
    return str(value)


def bandingkan_uang(
    kode: str,
    lokasi: str,
    bidang: str,
    dinyatakan: object,
    dihitung: Decimal,
    sumber: str | None,
    *,
    jumlah: bool = False,
) -> Temuan | None:
    """Money must match to the sen.

    A ``jumlah`` (a total of its parts) that differs cannot say which side
    is wrong, the printed total or a part: it says the two do not reconcile
    and by how much, and leaves the verdict to the reader.
    """
    stated = ke_desimal(dinyatakan)
    if stated is not None and stated == dihitung:
        return None
    if jumlah and stated is not None:
        pesan = (
            f"{bidang} dinyatakan Rp {format_angka(stated)}, jumlah rinciannya "
            f"Rp {format_angka(dihitung)}: tidak dapat direkonsiliasi, selisih "
            f"Rp {format_angka(abs(stated - dihitung))}; periksa angka yang dicetak dan rinciannya"
        )
    else:
        pesan = (
            f"{bidang} dinyatakan {_fmt(stated, dinyatakan)}, seharusnya {format_angka(dihitung)}"
        )
    saran = "" if jumlah and stated is not None else "; perbaiki angka yang dicetak"
    return Temuan(
        kode,
        lokasi,
        pesan + (f" ({sumber})" if sumber else "") + saran,
        teks(dinyatakan),
        teks(dihitung),
        sumber,
    )


def bandingkan_persen(
    kode: str,
    lokasi: str,
    bidang: str,
    dinyatakan: object,
    dihitung: Decimal | None,
    sumber: str | None,
    keterangan: str = "",
) -> Temuan | None:
    stated = ke_desimal(dinyatakan)
    if stated is not None and dihitung is not None and persen_cocok(stated, dihitung):
        return None
    if dihitung is None and str(dinyatakan).strip().casefold() in TIDAK_TERUKUR_DICETAK:
        return None
    hitung = "tidak terukur" if dihitung is None else format_angka(dihitung) + " %"
    # What to do: a figure that cannot be measured is not printed as one.
    saran = (
        'tulis "tidak terukur" sebagai ganti angka itu'
        if dihitung is None
        else f"cetak {format_angka(bulatkan(dihitung))} %"
    )
    return Temuan(
        kode,
        lokasi,
        f"{bidang} dinyatakan {_fmt(stated, dinyatakan)}"
        + (" %" if stated is not None else "")
        + f", hasil perhitungan {hitung}"
        + (f" ({keterangan})" if keterangan else "")
        + (f"; dicetak di {sumber}" if sumber else "")
        + f"; {saran}",
        teks(dinyatakan),
        teks(bulatkan(dihitung) if dihitung is not None else None),
        sumber,
    )


def bandingkan_teks(
    kode: str,
    lokasi: str,
    bidang: str,
    dinyatakan: object,
    dihitung: str | None,
    sumber: str | None,
) -> Temuan | None:
    if dihitung is not None and str(dinyatakan).strip().casefold() == dihitung.casefold():
        return None
    return Temuan(
        kode,
        lokasi,
        f"{bidang} dinyatakan {dinyatakan!s}, seharusnya {dihitung or 'tidak dapat ditentukan'}"
        + (f" ({sumber})" if sumber else "")
        + ("; perbaiki sesuai hasil perhitungan" if dihitung else ""),
        teks(dinyatakan),
        dihitung,
        sumber,
    )


def _fmt(angka: Decimal | None, asli: object) -> str:
    return format_angka(angka, None) if angka is not None else repr(asli)

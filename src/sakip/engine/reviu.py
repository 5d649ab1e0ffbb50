"""The checks of a careful Inspektorat reviewer beyond printed-vs-computed
figures: the plan's integrity, how indicators are measured, the predikat
scale, the report's claims and counts.

Each check yields :class:`Temuan` with a stable code, the location, the
figures involved and one Indonesian sentence saying what to fix. A check
speaks only of what the dataset records: an output indicator recorded with
neither target nor realisation says nothing (the report may well print
them), so it raises nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from sakip.engine.anggaran import NodeAnggaran, RingkasanAnggaran
from sakip.engine.angka import (
    HUNDRED,
    BukanAngka,
    baca_angka,
    bulatkan,
    format_angka,
    jumlah_desimal,
    ke_desimal,
)
from sakip.engine.efisiensi import BarisEfisiensi
from sakip.engine.kinerja import Aturan, BarisAgregat, BarisIndikator
from sakip.engine.temuan import Temuan, persen_cocok, tampil, teks
from sakip.model import Dokumen, Indikator, Polaritas
from sakip.model.rencana import JUMLAH_DICETAK

#: Capaian outside these bounds needs its analysis (PermenPAN-RB 53/2014 asks
#: for the causes of every result; an extreme one without them is doubtful).
CAPAIAN_TINGGI, CAPAIAN_RENDAH = Decimal(150), Decimal(50)

# Words naming something bad to have more of: measured "higher is better" they
# contradict the wording. Whole words only, so "pelanggaran" does not match
# inside a longer word by accident.
_KATA_NEGATIF = (
    "pelanggaran",
    "gangguan",
    "kemiskinan",
    "penduduk miskin",
    "pengangguran",
    "kriminalitas",
    "kecelakaan",
    "kematian",
    "stunting",
    "gizi buruk",
    "konflik",
    "sengketa",
    "tunggakan",
    "kebakaran",
    "kasus",
)
# ... unless the indicator counts their reduction or their handling: a
# "persentase penurunan gangguan" or "pelanggaran yang ditangani" is
# higher-is-better.
_KATA_PEMBALIK = (
    "penurunan",
    "menurun",
    "turunnya",
    "berkurang",
    "pengurangan",
    "ditangani",
    "tertangani",
    "penanganan",
    "ditindaklanjuti",
    "tindak lanjut",
    "diselesaikan",
    "terselesaikan",
    "penyelesaian",
    "pencegahan",
    "penanggulangan",
    "bebas",
    "zero",
)

_ANGKA = re.compile(r"\d+(?:[.,]\d+)*")
_SATUAN = re.compile(r"^\s*[-+]?\d+(?:[.,]\d+)*\s*(.*?)\s*$")

NAMA_JUMLAH = {
    "sasaran": "sasaran",
    "indikator": "indikator kinerja",
    "program": "program",
    "kegiatan": "kegiatan",
    "sub_kegiatan": "sub kegiatan",
}


def _ada_kata(uraian: str, kata: Sequence[str]) -> str | None:
    teks_kecil = uraian.casefold()
    for k in kata:
        if re.search(rf"\b{re.escape(k)}\b", teks_kecil):
            return k
    return None


def _satuan(value: object) -> str | None:
    """The unit written after the number of a value ("5 Pelayanan" -> "pelayanan")."""
    if not isinstance(value, str):
        return None
    m = _SATUAN.match(value)
    if m is None or not m.group(1):
        return None
    return " ".join(m.group(1).casefold().split())


def periksa_reviu(
    dokumen: Dokumen,
    indikator: Sequence[BarisIndikator],
    anggaran: RingkasanAnggaran | None,
    efisiensi: Sequence[BarisEfisiensi],
    aturan: Aturan,
    tahun: int,
    sasaran: Sequence[BarisAgregat] = (),
) -> list[Temuan]:
    """Every check of this module over one dataset's report year."""
    baris_tahun = [b for b in indikator if b.tahun == tahun]
    temuan: list[Temuan] = []
    temuan += _rencana(dokumen, tahun)
    temuan += _program(dokumen, anggaran, tahun)
    temuan += _pengukuran(dokumen, baris_tahun, aturan)
    temuan += _serapan(baris_tahun, anggaran, efisiensi)
    temuan += _skala(baris_tahun, aturan)
    temuan += _polaritas(dokumen, anggaran)
    temuan += _dinyatakan_instansi(dokumen, baris_tahun, anggaran, tahun)
    temuan += _narasi(dokumen, baris_tahun, sasaran)
    return temuan


def periksa_bukti(
    indikator: Sequence[BarisIndikator], tahun: int, ada_bukti: set[str]
) -> list[Temuan]:
    """Realisations of the year with no evidence file, where the record keeps
    evidence: ``ada_bukti`` holds the codes of the indicators that have one.

    >>> periksa_bukti([], 2020, set())
    []
    """
    return [
        Temuan(
            "BUKTI_KOSONG",
            f"{b.kode}/{tahun}",
            f"realisasi {b.kode} {tahun} ({tampil(b.realisasi)}) belum didukung bukti; "
            "unggah bukti dukungnya di halaman Realisasi",
            dinyatakan=teks(b.realisasi),
        )
        for b in indikator
        if b.tahun == tahun and b.realisasi is not None and b.kode not in ada_bukti
    ]


# -- plan integrity -----------------------------------------------------------


def _rencana(dokumen: Dokumen, tahun: int) -> Iterator[Temuan]:
    renstra = dokumen.renstra
    if renstra is None:
        return
    rpjmd = {s.kode for s in dokumen.rpjmd.sasaran} if dokumen.rpjmd else set()
    for tujuan in renstra.tujuan:
        tujuan_terhubung = bool(rpjmd & set(tujuan.mendukung))
        if rpjmd and not tujuan_terhubung:
            yield Temuan(
                "CASCADING_TIDAK_LENGKAP",
                f"renstra/{tujuan.kode}",
                f"tujuan {tujuan.kode} tidak terhubung ke sasaran RPJMD mana pun; "
                "cantumkan sasaran RPJMD yang didukungnya (pohon kinerja)",
            )
        for sasaran in tujuan.sasaran:
            if not sasaran.indikator:
                yield Temuan(
                    "SASARAN_TANPA_INDIKATOR",
                    f"renstra/{sasaran.kode}",
                    f"sasaran {sasaran.kode} tidak memiliki indikator kinerja; tetapkan "
                    "indikatornya agar capaiannya dapat diukur",
                )
            # A sasaran is linked through its tujuan when it names nothing itself.
            if rpjmd and sasaran.mendukung and not rpjmd & set(sasaran.mendukung):
                yield Temuan(
                    "CASCADING_TIDAK_LENGKAP",
                    f"renstra/{sasaran.kode}",
                    f"sasaran {sasaran.kode} mendukung {', '.join(sasaran.mendukung)}, "
                    "bukan sasaran RPJMD; cantumkan sasaran RPJMD yang didukungnya",
                )
    for ind, _, _ in renstra.semua_indikator():
        if ind.iku:
            kurang = [
                nama
                for nama, isi in (
                    ("formula", ind.formula),
                    ("sumber data", ind.sumber_data),
                    ("penanggung jawab", ind.penanggung_jawab),
                )
                if not isi.strip()
            ]
            if kurang:
                yield Temuan(
                    "IKU_TIDAK_LENGKAP",
                    f"iku/{ind.kode}",
                    f"IKU {ind.kode} tanpa {', '.join(kurang)}; lengkapi definisi IKU-nya",
                    None,
                    ", ".join(kurang),
                )
        yield from _target_mundur(ind)
        yield from _rumus_ikm(ind)
    pk = dokumen.perjanjian_kinerja
    if pk is not None and pk.tahun is not None:
        per_kode = {ind.kode: ind for ind, _, _ in renstra.semua_indikator()}
        for i in pk.indikator:
            dirinci = per_kode.get(i.kode)
            if dirinci is not None and dirinci.target.get(pk.tahun) is None:
                yield Temuan(
                    "PK_TANPA_TARGET_RENSTRA",
                    f"perjanjian_kinerja/{i.kode}",
                    f"indikator Perjanjian Kinerja {i.kode} tidak memiliki target Renstra "
                    f"tahun {pk.tahun}"
                    + (f" (Perjanjian Kinerja menetapkan {tampil(i.target)})" if i.target else "")
                    + "; cantumkan targetnya di Renstra",
                    teks(i.target),
                    None,
                )


_IKM = re.compile(r"\bikm\b|indeks kepuasan masyarakat", re.IGNORECASE)
# Arithmetic written out: an operator between spaces, or its word.
_HITUNG = re.compile(r"\s[/x×*:]\s|dibagi|dikali", re.IGNORECASE)


def _rumus_ikm(ind: Indikator) -> Iterator[Temuan]:
    """An IKM indicator whose printed formula computes without the x 25 that
    turns the 1-4 answers into the 25-100 index (PermenPAN-RB 14/2017)."""
    rumus = ind.formula
    if _IKM.search(ind.uraian) and _HITUNG.search(rumus) and "25" not in rumus:
        yield Temuan(
            "IKM_TANPA_KONVERSI",
            f"{ind.kode}/formula",
            f'formula IKM {ind.kode} "{rumus}" tidak mengalikan nilai rata-rata tertimbang '
            "dengan 25; gunakan IKM = jumlah (NRR x 1/9) x 25 (PermenPAN-RB 14/2017)",
            rumus,
        )


def _target_mundur(ind: Indikator) -> Iterator[Temuan]:
    """Targets that go backwards against the indicator's direction."""
    if ind.polaritas == Polaritas.KUALITATIF:
        return
    angka = [
        (t, ke_desimal(v))
        for t, v in sorted(ind.target.items())
        if not isinstance(v, tuple | list) and ke_desimal(v) is not None
    ]
    mundur = []
    for (t0, v0), (t1, v1) in zip(angka, angka[1:], strict=False):
        assert v0 is not None and v1 is not None
        if (v1 < v0) if ind.polaritas == Polaritas.POSITIF else (v1 > v0):
            mundur.append(f"{t0} {tampil(v0)} -> {t1} {tampil(v1)}")
    if mundur:
        arah = "naik" if ind.polaritas == Polaritas.POSITIF else "turun"
        yield Temuan(
            "TARGET_MUNDUR",
            f"{ind.kode}/target",
            f"target {ind.kode} mundur ({'; '.join(mundur)}), padahal indikator ini "
            f"seharusnya {arah} setiap tahun; tinjau target Renstra atau polaritasnya",
            "; ".join(mundur),
        )


def _program(dokumen: Dokumen, anggaran: RingkasanAnggaran | None, tahun: int) -> Iterator[Temuan]:
    pk = dokumen.perjanjian_kinerja
    if anggaran is None or pk is None or not pk.program:
        return
    sasaran_indikator = (
        {ind.kode for ind, _, s in dokumen.renstra.semua_indikator() if s is not None}
        if dokumen.renstra
        else set()
    )
    di_pk = {p.kode for p in pk.program}
    program = {p.kode: p for p in anggaran.belanja_langsung.anak if p.kode}
    for kode, node in program.items():
        if kode not in di_pk:
            yield Temuan(
                "PROGRAM_TIDAK_DI_PK",
                f"anggaran/{kode}",
                f"program {kode} {node.uraian} dianggarkan Rp {tampil(node.pagu, uang=True)} "
                "tetapi tidak tercantum dalam Perjanjian Kinerja; cantumkan program ini "
                "dalam Perjanjian Kinerja atau jelaskan mengapa tidak",
                None,
                teks(node.pagu),
            )
    for kode in sorted(di_pk):
        prog = program.get(kode)
        if prog is not None and not _melayani_sasaran(prog, sasaran_indikator):
            yield Temuan(
                "PROGRAM_TANPA_SASARAN",
                f"perjanjian_kinerja/{kode}",
                f"program {kode} dalam Perjanjian Kinerja tidak mendukung sasaran mana pun; "
                "kaitkan program ini dengan sasaran yang didukungnya",
            )


def _melayani_sasaran(node: NodeAnggaran, sasaran_indikator: set[str]) -> bool:
    return bool(node.sasaran) or any(
        k in sasaran_indikator for leaf in node.daun() for k in leaf.mendukung
    )


# -- measurement --------------------------------------------------------------


def _pengukuran(
    dokumen: Dokumen, baris: Sequence[BarisIndikator], aturan: Aturan
) -> Iterator[Temuan]:
    analisis = dokumen.narasi.analisis
    for b in baris:
        lok = b.lokasi
        s_target, s_real = _satuan(b.target), _satuan(b.realisasi)
        if s_target and s_real and s_target != s_real:
            yield Temuan(
                "SATUAN_BEDA",
                lok,
                f"target {b.kode} {tampil(b.target)} dan realisasinya {tampil(b.realisasi)} "
                "berbeda satuan; nyatakan keduanya dalam satuan indikator yang sama",
                teks(b.target),
                teks(b.realisasi),
            )
        for bidang, nilai in (("target", b.target), ("realisasi", b.realisasi)):
            if isinstance(nilai, str) and len(_ANGKA.findall(nilai)) > 1:
                pertama = _ANGKA.findall(nilai)[0]
                yield Temuan(
                    "NILAI_GANDA",
                    lok,
                    f"{bidang} {b.kode} {nilai!r} memuat beberapa besaran; hanya angka "
                    f"pertama ({pertama}) yang dapat diukur: pecah menjadi indikator terpisah "
                    "atau nyatakan satu besaran",
                    nilai,
                )
        cap = b.capaian.nilai
        if (
            cap is not None
            and b.ref.jenis != "output"
            and (cap > CAPAIAN_TINGGI or cap < CAPAIAN_RENDAH)
            and not (analisis.get(b.kode) or "").strip()
        ):
            arah = "di atas 150 %" if cap > CAPAIAN_TINGGI else "di bawah 50 %"
            yield Temuan(
                "CAPAIAN_EKSTREM",
                lok,
                f"capaian {b.kode} {format_angka(bulatkan(cap))} % {arah} tanpa analisis; "
                "jelaskan penyebabnya atau tinjau kembali targetnya",
                None,
                teks(bulatkan(cap)),
            )
        for stated in b.ref.indikator.dinyatakan.get(b.tahun, ()):
            dicetak = ke_desimal(stated.capaian)
            if dicetak is None or cap is None or not persen_cocok(dicetak, cap):
                continue
            p_cetak, p_hitung = aturan.skala.predikat(dicetak), aturan.skala.predikat(cap)
            if p_cetak != p_hitung and jumlah_desimal(dicetak) < 2:
                yield Temuan(
                    "PEMBULATAN_PREDIKAT",
                    lok,
                    f"capaian {b.kode} dicetak {tampil(dicetak)} % (dibulatkan dari "
                    f"{format_angka(bulatkan(cap))} %), yang berpredikat {p_cetak}; "
                    f"capaian sebenarnya berpredikat {p_hitung}: cetak dua desimal dan "
                    "predikat dari angka sebelum dibulatkan"
                    + (f"; dicetak di {stated.sumber}" if stated.sumber else ""),
                    teks(dicetak),
                    teks(bulatkan(cap)),
                    stated.sumber,
                )


def _serapan(
    baris: Sequence[BarisIndikator],
    anggaran: RingkasanAnggaran | None,
    efisiensi: Sequence[BarisEfisiensi],
) -> Iterator[Temuan]:
    """An outcome or program realisation that is its budget's absorption:
    performance confused with spending."""
    if anggaran is None:
        return
    serapan_sasaran = {e.sasaran: e.penyerapan for e in efisiensi if not e.tanpa_sasaran}
    serapan_node = {n.lokasi: n.penyerapan for n in anggaran.semua()}
    for b in baris:
        r = ke_desimal(b.realisasi)
        # Only a percentage can be an absorption; 0 and 100 are round figures
        # any indicator may reach by itself, and a figure with fewer than two
        # decimals matches an absorption by chance too often.
        satuan = b.ref.indikator.satuan.casefold()
        if "%" not in satuan and "persen" not in satuan:
            continue
        if r is None or r in (0, HUNDRED) or jumlah_desimal(r) < 2:
            continue
        if b.ref.jenis == "sasaran":
            serap = serapan_sasaran.get(b.ref.induk)
            asal = f"penyerapan anggaran sasaran {b.ref.induk}"
        elif b.ref.jenis == "output":
            serap = serapan_node.get(b.ref.induk)
            asal = f"penyerapan anggaran {b.ref.induk}"
        else:
            continue
        if serap is not None and bulatkan(serap, jumlah_desimal(r)) == r:
            yield Temuan(
                "REALISASI_SAMA_SERAPAN",
                b.lokasi,
                f"realisasi {b.kode} {tampil(r)} sama dengan {asal} "
                f"({format_angka(bulatkan(serap))} %): kinerja tampaknya diukur dari "
                "serapan anggaran; ukur realisasi dari hasil indikator itu sendiri",
                teks(r),
                teks(bulatkan(serap)),
            )


# -- scale ----------------------------------------------------------------------


def _skala(baris: Sequence[BarisIndikator], aturan: Aturan) -> Iterator[Temuan]:
    """Capaian above the top band that the pemda's regulation bounds."""
    if not aturan.skala.pita:
        return
    puncak = aturan.skala.pita[0]
    if puncak.sampai is None:
        return
    di_atas = [
        f"{b.kode} {format_angka(bulatkan(b.capaian.nilai))} %"
        for b in baris
        if b.capaian.nilai is not None and b.capaian.nilai > puncak.sampai
    ]
    if di_atas:
        yield Temuan(
            "SKALA_TIDAK_MENCAKUP",
            "pemda.skala_capaian",
            f"capaian {', '.join(di_atas)} di atas pita tertinggi ({puncak.label}, s.d. "
            f"{tampil(puncak.sampai)}); skala pemda tidak mengatur nilai ini, predikatnya "
            f"dibaca {puncak.label}: lengkapi skala untuk capaian di atas "
            f"{tampil(puncak.sampai)} %",
        )


def _polaritas(dokumen: Dokumen, anggaran: RingkasanAnggaran | None) -> Iterator[Temuan]:
    semua: list[Indikator] = list(dokumen.indikator_renstra())
    if anggaran is not None:
        semua += [ind for node in anggaran.total.telusuri() for ind in node.indikator]
    for ind in semua:
        if ind.polaritas != Polaritas.POSITIF:
            continue
        kata = _ada_kata(ind.uraian, _KATA_NEGATIF)
        if kata and not _ada_kata(ind.uraian, _KATA_PEMBALIK):
            yield Temuan(
                "POLARITAS_RAGU",
                f"{ind.kode}/polaritas",
                f'indikator {ind.kode} "{ind.uraian}" mengukur {kata}, tetapi berpolaritas '
                "positif (makin tinggi makin baik); tetapkan polaritas negatif atau rumuskan "
                "sebagai penurunannya",
                "positif",
            )


# -- the report's own counts and claims ------------------------------------------


def hitung_jumlah(dokumen: Dokumen, anggaran: RingkasanAnggaran | None) -> Mapping[str, int]:
    """What the data holds of each thing a report counts."""
    jumlah = {"sasaran": 0, "indikator": 0}
    if dokumen.renstra is not None:
        jumlah["sasaran"] = sum(len(t.sasaran) for t in dokumen.renstra.tujuan)
        jumlah["indikator"] = sum(1 for _ in dokumen.renstra.semua_indikator())
        jumlah["indikator_sasaran"] = sum(
            1 for _, _, s in dokumen.renstra.semua_indikator() if s is not None
        )
    if anggaran is not None:
        for tingkat in ("program", "kegiatan", "sub_kegiatan"):
            jumlah[tingkat] = sum(
                1 for n in anggaran.belanja_langsung.telusuri() if n.tingkat == tingkat
            )
    return jumlah


def _dinyatakan_instansi(
    dokumen: Dokumen,
    baris: Sequence[BarisIndikator],
    anggaran: RingkasanAnggaran | None,
    tahun: int,
) -> Iterator[Temuan]:
    if dokumen.renstra is None:
        return
    entri = dokumen.renstra.dinyatakan.get(tahun, ())
    if not entri:
        return
    jumlah = hitung_jumlah(dokumen, anggaran)
    tidak = [
        b.kode
        for b in baris
        if b.ref.jenis != "output"
        and b.target is not None
        and (
            b.capaian.tercapai is False
            or (b.capaian.nilai is not None and b.capaian.nilai < HUNDRED)
        )
    ]
    diukur = [b for b in baris if b.ref.jenis != "output" and b.capaian.terukur]
    for stated in entri:
        sumber = stated.sumber
        di = f"; dicetak di {sumber}" if sumber else ""
        for apa in JUMLAH_DICETAK:
            dicetak = stated.jumlah.get(apa)
            data = jumlah.get(apa)
            if dicetak is None or data is None or dicetak == data:
                continue
            # A report may count the sasaran's indicators only.
            if apa == "indikator" and dicetak == jumlah.get("indikator_sasaran"):
                continue
            yield Temuan(
                "JUMLAH_BEDA",
                f"instansi/{tahun}/jumlah_{apa}",
                f"laporan menyebut {dicetak} {NAMA_JUMLAH[apa]}, data mencatat {data}{di}; "
                "samakan jumlah yang disebut dengan data",
                str(dicetak),
                str(data),
                sumber,
            )
        if stated.klaim == "semua_tercapai" and tidak:
            yield Temuan(
                "KLAIM_BEDA",
                f"instansi/{tahun}/klaim",
                f"laporan menyatakan seluruh target tercapai, tetapi {len(tidak)} indikator "
                f"tidak mencapai target: {', '.join(tidak)}{di}; perbaiki pernyataan itu",
                "semua_tercapai",
                ", ".join(tidak),
                sumber,
            )
        elif stated.klaim == "ada_tidak_tercapai" and diukur and not tidak:
            yield Temuan(
                "KLAIM_BEDA",
                f"instansi/{tahun}/klaim",
                "laporan menyatakan ada target yang tidak tercapai, tetapi seluruh indikator "
                f"yang terukur mencapai targetnya{di}; perbaiki pernyataan itu",
                "ada_tidak_tercapai",
                "semua_tercapai",
                sumber,
            )


# -- figures cited in the report text ------------------------------------------

_BILANGAN = r"(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
# What a sentence says a figure is, by the words before it. Capaian is a
# percentage of the target; realisasi the value reached.
_KLAIM = (
    (
        "capaian",
        re.compile(
            rf"capaian(?: kinerja(?:nya)?)?\s+(?:sebesar|adalah|mencapai|yaitu)?\s*{_BILANGAN}\s*%",
            re.IGNORECASE,
        ),
    ),
    ("capaian", re.compile(rf"{_BILANGAN}\s*%\s+dari\s+target", re.IGNORECASE)),
    ("capaian", re.compile(rf"berhasil\s+{_BILANGAN}\s*%", re.IGNORECASE)),
    (
        "realisasi",
        re.compile(
            r"(?:terealisasi|realisasi(?:nya)?|diperoleh nilai)\s+"
            rf"(?:sebesar|adalah|mencapai|yaitu)?\s*{_BILANGAN}",
            re.IGNORECASE,
        ),
    ),
)
# Money words just before a figure: it is about the budget, not the indicator.
_UANG = re.compile(r"anggaran|dana|serapan|penyerapan|\brp\b|belanja", re.IGNORECASE)
_SASARAN_KE = re.compile(r"sasaran ke-?\s*(\d+)", re.IGNORECASE)


def _baca(teks_angka: str) -> Decimal | None:
    try:
        return baca_angka(teks_angka)
    except BukanAngka:
        return None


def _klaim(teks_narasi: str) -> Iterator[tuple[str, Decimal, str]]:
    """(field, figure, the words that cite it) for each figure the text cites."""
    for bidang, pola in _KLAIM:
        for m in pola.finditer(teks_narasi):
            if _UANG.search(teks_narasi[max(0, m.start() - 40) : m.start()]):
                continue
            angka = _baca(m.group(1))
            if angka is not None:
                yield bidang, angka, m.group(0).strip()


def _dicetak_juga(b: BarisIndikator, bidang: str, angka: Decimal, bagian: str) -> bool:
    """The dataset already records this printed figure from that part of the
    text: its finding is the recorded one's, not a second."""
    for d in b.ref.indikator.dinyatakan.get(b.tahun, ()):
        tercatat = ke_desimal(getattr(d, bidang))
        if tercatat is not None and tercatat == angka and bagian in (d.sumber or "").casefold():
            return True
    return False


def _cocok(bidang: str, angka: Decimal, b: BarisIndikator) -> bool | None:
    """Whether a cited figure agrees with the data; None when there is nothing to compare."""
    if bidang == "capaian":
        if b.capaian.kualitatif:
            return (angka == HUNDRED) == bool(b.capaian.tercapai)
        return None if b.capaian.nilai is None else persen_cocok(angka, b.capaian.nilai)
    data = ke_desimal(b.realisasi)
    if data is None:
        return None
    return persen_cocok(angka, data) or angka == data


def _beda_narasi(
    b: BarisIndikator, bidang: str, angka: Decimal, kutipan: str, bagian: str, sumber: str
) -> Temuan | None:
    if _cocok(bidang, angka, b) is not False or _dicetak_juga(b, bidang, angka, bagian):
        return None
    cap = b.capaian
    data: str | None
    if bidang == "capaian" and cap.nilai is not None:
        dihitung = teks(bulatkan(cap.nilai))
        data = f"{format_angka(bulatkan(cap.nilai))} %"
    elif bidang == "capaian":
        data = dihitung = cap.status
    else:
        data, dihitung = tampil(b.realisasi), teks(b.realisasi)
    return Temuan(
        "NARASI_BEDA",
        b.lokasi,
        f'{sumber} menyebut {bidang} {b.kode} "{kutipan}", data mencatat {data}; '
        "samakan uraian dengan data",
        teks(angka),
        dihitung,
        sumber,
    )


def _narasi(
    dokumen: Dokumen, baris: Sequence[BarisIndikator], sasaran: Sequence[BarisAgregat]
) -> Iterator[Temuan]:
    """Figures the analysis of an indicator, or the Ikhtisar of a numbered
    sasaran, cites for it that the data contradict."""
    per_kode = {b.kode: b for b in baris if b.ref.jenis != "output"}
    for kode, isi in dokumen.narasi.analisis.items():
        b = per_kode.get(kode)
        if b is None:
            continue
        for bidang, angka, kutipan in _klaim(isi):
            t = _beda_narasi(b, bidang, angka, kutipan, "analisis", f"Analisis {kode}")
            if t:
                yield t
    # The Ikhtisar speaks of "sasaran ke-N": the Renstra's N-th sasaran,
    # measured by its one indicator (with several, a cited realisation is ambiguous).
    ikhtisar = dokumen.narasi.ikhtisar
    if not ikhtisar or dokumen.renstra is None:
        return
    urutan = [s for t in dokumen.renstra.tujuan for s in t.sasaran]
    potong = list(_SASARAN_KE.finditer(ikhtisar))
    for i, m in enumerate(potong):
        n = int(m.group(1))
        if not 1 <= n <= len(urutan) or len(urutan[n - 1].indikator) != 1:
            continue
        b = per_kode.get(urutan[n - 1].indikator[0].kode)
        if b is None:
            continue
        akhir = potong[i + 1].start() if i + 1 < len(potong) else len(ikhtisar)
        kalimat = ikhtisar[m.end() : akhir]
        # "adalah 82,08 atau 100% dari target": the first figure is the realisation.
        pertama = re.search(rf"\b(?:adalah|sebesar|yaitu)\s+{_BILANGAN}(?!\s*%\s+dari)", kalimat)
        klaim = list(_klaim(kalimat))
        if pertama is not None and (realisasi := _baca(pertama.group(1))) is not None:
            klaim.append(("realisasi", realisasi, pertama.group(0).strip()))
        for bidang, angka, kutipan in klaim:
            t = _beda_narasi(b, bidang, angka, kutipan, "ikhtisar", "Ikhtisar Eksekutif")
            if t:
                yield t

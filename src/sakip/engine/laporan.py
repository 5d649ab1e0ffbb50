"""Everything an LKjIP prints, computed from one dataset document.

:func:`hitung_laporan` is the entry point of the engine: it takes a
validated ``sakip-dataset/1`` document (plain data) and returns every
figure with how it was computed, and every review finding.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sakip.engine.anggaran import NodeAnggaran, RingkasanAnggaran, hitung_anggaran
from sakip.engine.angka import ke_desimal
from sakip.engine.efisiensi import BarisEfisiensi, hitung_efisiensi
from sakip.engine.kinerja import (
    Aturan,
    BarisAgregat,
    BarisIndikator,
    IndikatorRef,
    daftar_indikator,
    hitung_kinerja,
)
from sakip.engine.predikat import (
    SKALA_PERMENDAGRI_86,
    Skala,
    periksa_skala,
    predikat_evaluasi,
    skala_dari_data,
)
from sakip.engine.skm import (
    MUTU,
    UNSUR,
    HasilIkm,
    TabelMutu,
    hitung_ikm,
    nilai_unsur,
    nrr_dari_jawaban,
    tabel_mutu,
)
from sakip.engine.temuan import (
    Temuan,
    bandingkan_persen,
    bandingkan_teks,
    bandingkan_uang,
    daftar_dinyatakan,
    teks,
)

#: Answers of an SKM survey, one map per respondent: unsur kode -> 1..4 or None.
Jawaban = Sequence[Mapping[str, int | None]]


@dataclass
class HasilSurvei:
    indeks: int  # position in the dataset's skm list (0-based)
    tahun: int
    layanan: str | None
    unsur: list[tuple[str, str]]
    nrr: dict[str, Decimal | None]
    jumlah_jawaban: dict[str, int]
    ikm: HasilIkm
    responden: int | None = None

    @property
    def lokasi(self) -> str:
        return f"skm/#{self.indeks + 1}"


@dataclass
class Laporan:
    tahun: int
    aturan: Aturan
    indikator: list[BarisIndikator]
    sasaran: list[BarisAgregat]
    instansi: list[BarisAgregat]
    anggaran: RingkasanAnggaran | None
    efisiensi: list[BarisEfisiensi]
    skm: list[HasilSurvei]
    temuan: list[Temuan] = field(default_factory=list)

    def indikator_tahun(self, tahun: int | None = None) -> list[BarisIndikator]:
        t = self.tahun if tahun is None else tahun
        return [b for b in self.indikator if b.tahun == t]


def tahun_laporan(doc: Mapping[str, object]) -> int:
    """The year a dataset reports on: its Perjanjian Kinerja's, else its
    budget's, else the last year with a realisation, else the Renstra's end."""
    for bagian in ("perjanjian_kinerja", "anggaran"):
        tahun = (doc.get(bagian) or {}).get("tahun")
        if tahun is not None:
            return int(tahun)
    tahun_realisasi = [
        int(t) for ref in daftar_indikator(doc) for t in (ref.data.get("realisasi") or {})
    ]
    if tahun_realisasi:
        return max(tahun_realisasi)
    periode = (doc.get("renstra") or {}).get("periode") or [0, 0]
    return int(periode[-1])


def aturan_pemda(pemda: Mapping[str, object]) -> Aturan:
    bands = pemda.get("skala_capaian")
    skala: Skala = skala_dari_data(bands, "skala pemda") if bands else SKALA_PERMENDAGRI_86
    return Aturan(
        skala=skala,
        batas_capaian=ke_desimal(pemda.get("batas_capaian")),
        rumus_negatif=str(pemda.get("rumus_negatif") or "2t-r"),
    )


def _output_indikator(anggaran: RingkasanAnggaran | None) -> list[IndikatorRef]:
    if anggaran is None:
        return []
    return [
        IndikatorRef(ind, "output", node.lokasi, node.uraian)
        for node in anggaran.total.telusuri()
        for ind in node.data.get("indikator") or ()
    ]


def _temuan_anggaran(anggaran: RingkasanAnggaran) -> Iterator[Temuan]:
    for node in anggaran.total.telusuri():
        yield from _periksa_node(node)
        if not node.anak and node.realisasi > node.pagu:
            yield Temuan(
                "REALISASI_MELEBIHI_PAGU",
                node.lokasi,
                f"realisasi {teks(node.realisasi)} melebihi pagu {teks(node.pagu)}",
                teks(node.realisasi),
                teks(node.pagu),
            )
        if node.rincian and "pagu" in node.data and "realisasi" in node.data:
            pagu = sum((p for p, _ in node.rincian.values()), Decimal(0))
            real = sum((r for _, r in node.rincian.values()), Decimal(0))
            if (pagu, real) != (node.pagu, node.realisasi):
                yield Temuan(
                    "RINCIAN_BEDA",
                    node.lokasi,
                    f"pagu/realisasi {teks(node.pagu)}/{teks(node.realisasi)}, jumlah rincian "
                    f"{teks(pagu)}/{teks(real)}",
                    f"{teks(node.pagu)}/{teks(node.realisasi)}",
                    f"{teks(pagu)}/{teks(real)}",
                )


def _periksa_node(node: NodeAnggaran) -> Iterator[Temuan]:
    for stated in daftar_dinyatakan(node.data.get("dinyatakan")):
        sumber = str(stated["sumber"]) if stated.get("sumber") else None
        for bidang, kode, nilai in (
            ("pagu", "PAGU_BEDA", node.pagu),
            ("realisasi", "REALISASI_BEDA", node.realisasi),
            ("sisa", "SISA_BEDA", node.sisa),
        ):
            if bidang in stated:
                t = bandingkan_uang(kode, node.lokasi, bidang, stated[bidang], nilai, sumber)
                if t:
                    yield t
        if "persen" in stated:
            t = bandingkan_persen(
                "PERSEN_BEDA", node.lokasi, "penyerapan", stated["persen"], node.penyerapan, sumber
            )
            if t:
                yield t


def _temuan_pk(doc: Mapping[str, object], anggaran: RingkasanAnggaran | None) -> Iterator[Temuan]:
    pk = doc.get("perjanjian_kinerja") or {}
    if not pk:
        return
    program = {p.kode: p for p in anggaran.belanja_langsung.anak} if anggaran else {}
    total = Decimal(0)
    for item in pk.get("program") or ():
        kode = str(item["kode"] if isinstance(item, Mapping) else item)
        node = program.get(kode)
        if node is None:
            continue
        total += node.pagu
        if isinstance(item, Mapping) and "pagu" in item:
            t = bandingkan_uang(
                "PK_PAGU_BEDA",
                f"perjanjian_kinerja/{kode}",
                f"pagu {kode} di Perjanjian Kinerja",
                item["pagu"],
                node.pagu,
                None,
            )
            if t:
                yield t
    for stated in daftar_dinyatakan(pk.get("dinyatakan")):
        if "pagu" in stated:
            t = bandingkan_uang(
                "PK_PAGU_BEDA",
                "perjanjian_kinerja",
                "jumlah pagu Perjanjian Kinerja",
                stated["pagu"],
                total,
                str(stated["sumber"]) if stated.get("sumber") else None,
            )
            if t:
                yield t
    rencana = doc.get("rencana_aksi") or {}
    tahun = str(pk.get("tahun"))
    for item in pk.get("indikator") or ():
        kode = str(item["kode"] if isinstance(item, Mapping) else item)
        if tahun not in (rencana.get(kode) or {}):
            yield Temuan(
                "RENCANA_AKSI_KOSONG",
                f"rencana_aksi/{kode}",
                f"indikator {kode} tidak memiliki rencana aksi (target triwulan) tahun {tahun}: "
                "capaiannya tidak dapat dipantau per triwulan",
            )


def _tabel_mutu(survei: Mapping[str, object], nama_unsur: str | None) -> TabelMutu:
    mutu = survei.get("mutu")
    if isinstance(mutu, str) and mutu in MUTU:
        return MUTU[mutu]
    if isinstance(mutu, list):
        return tabel_mutu(
            "mutu survei",
            [
                {
                    "dari": b.get("dari"),
                    "mutu": b.get("mutu", b.get("label")),
                    "kinerja": b.get("kinerja", ""),
                }
                for b in mutu
            ],
        )
    return MUTU.get(nama_unsur or "", MUTU["permenpan-14-2017"])


def hitung_skm(
    doc: Mapping[str, object], responden: Mapping[int, Jawaban] | None = None
) -> tuple[list[HasilSurvei], list[Temuan]]:
    """IKM of every survey of the dataset, from answers, NRR or a bare IKM."""
    pemda = doc.get("pemda") or {}
    bobot_skm = str(pemda.get("bobot_skm") or "1/n")
    if bobot_skm == "1/9":
        bobot_skm = "1/n"
    hasil, temuan = [], []
    for i, survei in enumerate(doc.get("skm") or ()):
        unsur_data = survei.get("unsur") or "permenpan-14-2017"
        nama_unsur = unsur_data if isinstance(unsur_data, str) else None
        unsur = (
            list(UNSUR.get(unsur_data, ()))
            if isinstance(unsur_data, str)
            else [(str(u["kode"]), str(u.get("uraian", ""))) for u in unsur_data]
        )
        tabel = _tabel_mutu(survei, nama_unsur)
        kode = [k for k, _ in unsur]
        jumlah: dict[str, int] = {}
        jumlah_responden = survei.get("jumlah_responden")
        if responden and i in responden:
            per_unsur = nilai_unsur(nrr_dari_jawaban(kode, responden[i]), len(kode), bobot_skm)
            nrr = {u.kode: u.nrr for u in per_unsur}
            jumlah = {u.kode: u.jumlah_jawaban for u in per_unsur}
            jumlah_responden = len(responden[i])
        elif survei.get("nrr"):
            nrr = {str(k): ke_desimal(v) for k, v in survei["nrr"].items()}
        else:
            nrr = {}
        if nrr:
            ikm = hitung_ikm(nrr, tabel=tabel, bobot_skm=bobot_skm)
        else:
            nilai = ke_desimal(survei.get("ikm"))
            ikm = HasilIkm(
                nilai,
                tabel.mutu(nilai) if nilai is not None else None,
                "IKM seperti dicatat (tanpa NRR per unsur)",
            )
        h = HasilSurvei(
            i,
            int(survei.get("tahun", 0)),
            survei.get("layanan"),
            unsur,
            nrr,
            jumlah,
            ikm,
            int(jumlah_responden) if jumlah_responden is not None else None,
        )
        hasil.append(h)
        temuan.extend(_periksa_survei(h, survei))
    return hasil, temuan


def _periksa_survei(h: HasilSurvei, survei: Mapping[str, object]) -> Iterator[Temuan]:
    if nrr_dicatat := (survei.get("nrr") if h.jumlah_jawaban else None):
        for kode, nilai in nrr_dicatat.items():
            t = bandingkan_persen(
                "NRR_BEDA", f"{h.lokasi}/{kode}", f"NRR {kode}", nilai, h.nrr.get(str(kode)), None
            )
            if t:
                yield t
    if h.nrr and survei.get("ikm") is not None:
        t = bandingkan_persen(
            "IKM_BEDA", h.lokasi, "IKM", survei["ikm"], h.ikm.ikm, None, h.ikm.rumus
        )
        if t:
            yield t
    for stated in daftar_dinyatakan(survei.get("dinyatakan")):
        sumber = str(stated["sumber"]) if stated.get("sumber") else None
        if "ikm" in stated:
            t = bandingkan_persen(
                "IKM_BEDA", h.lokasi, "IKM", stated["ikm"], h.ikm.ikm, sumber, h.ikm.rumus
            )
            if t:
                yield t
        if "mutu" in stated:
            t = bandingkan_teks(
                "MUTU_BEDA",
                h.lokasi,
                "mutu pelayanan",
                stated["mutu"],
                h.ikm.mutu.mutu if h.ikm.mutu else None,
                sumber,
            )
            if t:
                yield t
        for kode, nilai in (stated.get("nrr") or {}).items():
            t = bandingkan_persen(
                "NRR_BEDA", f"{h.lokasi}/{kode}", f"NRR {kode}", nilai, h.nrr.get(str(kode)), sumber
            )
            if t:
                yield t


def _temuan_evaluasi(doc: Mapping[str, object]) -> Iterator[Temuan]:
    evaluasi = doc.get("evaluasi") or ()
    items = (
        [dict(v, tahun=k) for k, v in evaluasi.items()]
        if isinstance(evaluasi, Mapping)
        else evaluasi
    )
    for item in items:
        nilai = ke_desimal(item.get("nilai"))
        if nilai is None or not item.get("predikat"):
            continue
        t = bandingkan_teks(
            "NILAI_EVALUASI_BEDA",
            f"evaluasi/{item.get('tahun')}",
            "predikat evaluasi SAKIP",
            item["predikat"],
            predikat_evaluasi(nilai),
            None,
        )
        if t:
            yield t


def _temuan_skala(aturan: Aturan) -> Iterator[Temuan]:
    for masalah in periksa_skala(aturan.skala):
        kode = "SKALA_CELAH" if masalah.jenis == "celah" else "SKALA_TUMPANG"
        yield Temuan(kode, "pemda.skala_capaian", masalah.pesan)


def hitung_laporan(
    doc: Mapping[str, object], *, responden: Mapping[int, Jawaban] | None = None
) -> Laporan:
    """Compute every figure and finding of one dataset document.

    ``responden`` holds the answers of surveys whose ``responden_csv`` the
    caller has read, by the survey's position in ``skm``.
    """
    aturan = aturan_pemda(doc.get("pemda") or {})
    tahun = tahun_laporan(doc)
    anggaran = hitung_anggaran(doc["anggaran"]) if doc.get("anggaran") else None
    kinerja = hitung_kinerja(doc, aturan, tahun, _output_indikator(anggaran))
    efisiensi: list[BarisEfisiensi] = []
    if anggaran is not None:
        sasaran_indikator = {
            ref.kode: ref.induk for ref in daftar_indikator(doc) if ref.jenis == "sasaran"
        }
        tahun_anggaran = int(doc["anggaran"].get("tahun") or tahun)
        efisiensi = hitung_efisiensi(kinerja.sasaran, anggaran, sasaran_indikator, tahun_anggaran)
    skm, temuan_skm = hitung_skm(doc, responden)
    temuan = list(_temuan_skala(aturan))
    temuan += kinerja.temuan
    if anggaran is not None:
        # The section's own `dinyatakan` is the "total" node's (its data is the section).
        temuan += _temuan_anggaran(anggaran)
    temuan += _temuan_pk(doc, anggaran)
    temuan += temuan_skm
    temuan += _temuan_evaluasi(doc)
    return Laporan(
        tahun,
        aturan,
        kinerja.indikator,
        kinerja.sasaran,
        kinerja.instansi,
        anggaran,
        efisiensi,
        skm,
        temuan,
    )

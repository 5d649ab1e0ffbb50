"""Everything an LKjIP prints, computed from one dataset.

:func:`hitung_laporan` is the entry point of the engine: it takes the typed
model of a dataset (:class:`sakip.model.Dokumen`; a validated
``sakip-dataset/1`` document as plain data is converted once, here) and
returns every figure with how it was computed, and every review finding.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sakip.engine.anggaran import NodeAnggaran, RingkasanAnggaran, hitung_anggaran
from sakip.engine.angka import bulatkan, format_angka, jumlah_desimal, ke_desimal, persen
from sakip.engine.efisiensi import BarisEfisiensi, hitung_efisiensi
from sakip.engine.kinerja import (
    Aturan,
    BarisAgregat,
    BarisIndikator,
    IndikatorRef,
    hitung_kinerja,
    indikator_renstra,
)
from sakip.engine.predikat import (
    SKALA_PERMENDAGRI_86,
    periksa_skala,
    predikat_evaluasi,
    skala_dari_pita,
)
from sakip.engine.reviu import periksa_reviu
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
    persen_cocok,
    tampil,
    teks,
)
from sakip.model import UNSUR_BAWAAN, DinyatakanUang, Dokumen, Pemda, Survei, dokumen_dari
from sakip.model.anggaran import DinyatakanKelas

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
    #: The dataset the figures were computed from, for what a document
    #: prints beside them (names, plans, narrative).
    dokumen: Dokumen = field(default_factory=Dokumen)

    def indikator_tahun(self, tahun: int | None = None) -> list[BarisIndikator]:
        t = self.tahun if tahun is None else tahun
        return [b for b in self.indikator if b.tahun == t]


def sebagai_dokumen(doc: Dokumen | Mapping[str, object]) -> Dokumen:
    """The model of a dataset: built once from a plain document, or as given."""
    return doc if isinstance(doc, Dokumen) else dokumen_dari(doc)


def tahun_laporan(doc: Dokumen | Mapping[str, object]) -> int:
    """The year a dataset reports on: its Perjanjian Kinerja's, else its
    budget's, else the last year with a realisation, else the Renstra's end."""
    dokumen = sebagai_dokumen(doc)
    for tahun in (
        dokumen.perjanjian_kinerja.tahun if dokumen.perjanjian_kinerja else None,
        dokumen.anggaran.tahun if dokumen.anggaran else None,
    ):
        if tahun is not None:
            return tahun
    tahun_realisasi = [t for ind in dokumen.indikator_renstra() for t in ind.realisasi]
    if tahun_realisasi:
        return max(tahun_realisasi)
    periode = dokumen.renstra.periode if dokumen.renstra else None
    return periode.akhir if periode else 0


def aturan_pemda(pemda: Pemda) -> Aturan:
    skala = (
        skala_dari_pita(pemda.skala_capaian, "skala pemda")
        if pemda.skala_capaian
        else SKALA_PERMENDAGRI_86
    )
    return Aturan(skala, pemda.batas_capaian, pemda.rumus_negatif, pemda.capaian_kualitatif)


def _output_indikator(anggaran: RingkasanAnggaran | None) -> list[IndikatorRef]:
    if anggaran is None:
        return []
    return [
        IndikatorRef(ind, "output", node.lokasi, node.uraian)
        for node in anggaran.total.telusuri()
        for ind in node.indikator
    ]


def _temuan_anggaran(anggaran: RingkasanAnggaran) -> Iterator[Temuan]:
    for node in anggaran.total.telusuri():
        yield from _periksa_node(node)
        if not node.anak and node.realisasi > node.pagu:
            yield Temuan(
                "REALISASI_MELEBIHI_PAGU",
                node.lokasi,
                f"realisasi Rp {tampil(node.realisasi, uang=True)} melebihi pagu "
                f"Rp {tampil(node.pagu, uang=True)}; periksa realisasinya atau jelaskan "
                "pergeseran anggarannya",
                teks(node.realisasi),
                teks(node.pagu),
            )
        # Only a leaf that states its amounts besides their split can disagree with it.
        pos = node.pos
        if node.rincian and pos and pos.pagu is not None and pos.realisasi is not None:
            pagu = sum((p for p, _ in node.rincian.values()), Decimal(0))
            real = sum((r for _, r in node.rincian.values()), Decimal(0))
            if (pagu, real) != (node.pagu, node.realisasi):
                yield Temuan(
                    "RINCIAN_BEDA",
                    node.lokasi,
                    f"pagu/realisasi Rp {tampil(node.pagu, uang=True)}/"
                    f"{tampil(node.realisasi, uang=True)}, jumlah rinciannya "
                    f"Rp {tampil(pagu, uang=True)}/{tampil(real, uang=True)}; samakan dengan "
                    "rinciannya",
                    f"{teks(node.pagu)}/{teks(node.realisasi)}",
                    f"{teks(pagu)}/{teks(real)}",
                )


def _periksa_node(node: NodeAnggaran) -> Iterator[Temuan]:
    for stated in node.dinyatakan:
        entri: dict[str, Temuan] = {}
        for bidang, kode, dinyatakan, nilai in (
            ("pagu", "PAGU_BEDA", stated.pagu, node.pagu),
            ("realisasi", "REALISASI_BEDA", stated.realisasi, node.realisasi),
            ("sisa", "SISA_BEDA", stated.sisa, node.sisa),
        ):
            if dinyatakan is not None:
                # A parent's pagu and realisasi are the sums of its parts.
                jumlah = bool(node.anak) and bidang != "sisa"
                t = bandingkan_uang(
                    kode, node.lokasi, bidang, dinyatakan, nilai, stated.sumber, jumlah=jumlah
                )
                if t:
                    entri[kode] = t
        if stated.persen is not None and node.pagu == 0:
            # Nothing budgeted: absorption is not measurable, not 0 %.
            entri["PERSEN_TANPA_PAGU"] = Temuan(
                "PERSEN_TANPA_PAGU",
                node.lokasi,
                f"penyerapan dinyatakan {tampil(stated.persen)} % untuk pagu Rp 0: penyerapan "
                'tidak terukur; tulis "tidak terukur" atau kosongkan'
                + (f"; dicetak di {stated.sumber}" if stated.sumber else ""),
                teks(stated.persen),
                None,
                stated.sumber,
            )
        elif stated.persen is not None:
            t = bandingkan_persen(
                "PERSEN_BEDA",
                node.lokasi,
                "penyerapan",
                stated.persen,
                node.penyerapan,
                stated.sumber,
            )
            if t:
                entri["PERSEN_BEDA"] = t
        yield from _sebab_entri(entri, stated)


def _sebab_entri(entri: dict[str, Temuan], stated: DinyatakanUang) -> Iterator[Temuan]:
    """A printed sisa or percentage computed right from a misprinted pagu or
    realisasi of the same table follows from that misprint."""
    pagu, real = ke_desimal(stated.pagu), ke_desimal(stated.realisasi)
    sebab = entri.get("REALISASI_BEDA") or entri.get("PAGU_BEDA")
    for kode, t in entri.items():
        if sebab is not None and pagu is not None and real is not None:
            if kode == "SISA_BEDA" and ke_desimal(stated.sisa) == pagu - real:
                t = t.akibat(sebab)
            elif kode == "PERSEN_BEDA":
                dicetak, dari_cetak = ke_desimal(stated.persen), persen(real, pagu)
                if dicetak is not None and dari_cetak is not None:
                    if persen_cocok(dicetak, dari_cetak):
                        t = t.akibat(sebab)
        yield t


NAMA_KELAS = {
    "pegawai": "belanja pegawai",
    "barang_jasa": "belanja barang dan jasa",
    "modal": "belanja modal",
    "langsung": "belanja langsung",
    "tidak_langsung": "belanja tidak langsung",
}


def _temuan_kelas(
    dicetak: Sequence[DinyatakanKelas], anggaran: RingkasanAnggaran
) -> Iterator[Temuan]:
    """Printed class totals against the budget's: direct and indirect from
    the tree, the economic classes from the leaves' rincian."""
    btl = anggaran.belanja_tidak_langsung
    data: dict[str, tuple[Decimal, Decimal]] = {
        "langsung": (anggaran.belanja_langsung.pagu, anggaran.belanja_langsung.realisasi),
        "tidak_langsung": (btl.pagu, btl.realisasi) if btl else (Decimal(0), Decimal(0)),
        **anggaran.per_kelas,
    }
    if anggaran.per_kelas:
        # Leaves split by class: a class none of them names is nothing.
        for kelas in ("pegawai", "barang_jasa", "modal"):
            data.setdefault(kelas, (Decimal(0), Decimal(0)))
    for d in dicetak:
        nama = NAMA_KELAS.get(d.kelas, d.kelas)
        if d.kelas not in data:
            # No leaf splits its amounts by class: the total cannot be checked.
            yield Temuan(
                "KELAS_TIDAK_TERUJI",
                f"anggaran/kelas/{d.kelas}",
                f"jumlah {nama} dicetak, tetapi tidak ada rincian per kelas belanja pada "
                "sub kegiatan; isi rincian pegawai/barang_jasa/modal agar jumlah itu dapat "
                "diuji" + (f"; dicetak di {d.sumber}" if d.sumber else ""),
                None,
                None,
                d.sumber,
            )
            continue
        for bidang, nilai, dihitung in (
            ("pagu", d.pagu, data[d.kelas][0]),
            ("realisasi", d.realisasi, data[d.kelas][1]),
        ):
            if nilai is None:
                continue
            t = bandingkan_uang(
                "KELAS_BEDA",
                f"anggaran/kelas/{d.kelas}",
                f"{bidang} {nama}",
                nilai,
                dihitung,
                d.sumber,
                jumlah=True,
            )
            if t:
                yield t


def _sebab_induk(anggaran: RingkasanAnggaran, temuan: list[Temuan]) -> list[Temuan]:
    """A parent's printed total that is the sum of its parts as printed
    follows from the parts' misprints: it names the first of them."""
    per_lokasi: dict[tuple[str, str], Temuan] = {}
    per_sumber: dict[tuple[str, str, str | None], Temuan] = {}
    for t in temuan:
        per_lokasi.setdefault((t.kode, t.lokasi), t)
        per_sumber.setdefault((t.kode, t.lokasi, t.sumber), t)
    ganti: dict[int, Temuan] = {}
    for node in anggaran.total.telusuri():
        if not node.anak:
            continue
        for stated in node.dinyatakan:
            for bidang, kode in (("pagu", "PAGU_BEDA"), ("realisasi", "REALISASI_BEDA")):
                beda = per_sumber.get((kode, node.lokasi, stated.sumber))
                dicetak = ke_desimal(getattr(stated, bidang))
                if beda is None or dicetak is None:
                    continue
                jumlah, sebab = Decimal(0), None
                for anak in node.anak:
                    cetak_anak = _dicetak(anak, bidang)
                    jumlah += cetak_anak if cetak_anak is not None else getattr(anak, bidang)
                    sebab = sebab or per_lokasi.get((kode, anak.lokasi))
                if sebab is not None and jumlah == dicetak:
                    ganti[id(beda)] = beda.akibat(sebab)
    return [ganti.get(id(t), t) for t in temuan]


def _dicetak(node: NodeAnggaran, bidang: str) -> Decimal | None:
    """The first amount a document printed for a node, if any."""
    for stated in node.dinyatakan:
        nilai = ke_desimal(getattr(stated, bidang))
        if nilai is not None:
            return nilai
    return None


def _temuan_pk(dokumen: Dokumen, anggaran: RingkasanAnggaran | None) -> Iterator[Temuan]:
    pk = dokumen.perjanjian_kinerja
    if pk is None:
        return
    program = {p.kode: p for p in anggaran.belanja_langsung.anak} if anggaran else {}
    total = tercetak = Decimal(0)
    beda_program: list[Temuan] = []
    for prog in pk.program:
        node = program.get(prog.kode)
        if node is None:
            continue
        total += node.pagu
        pagu_pk = ke_desimal(prog.pagu)
        tercetak += pagu_pk if pagu_pk is not None else node.pagu
        if prog.pagu is not None:
            t = bandingkan_uang(
                "PK_PAGU_BEDA",
                f"perjanjian_kinerja/{prog.kode}",
                f"pagu {prog.kode} di Perjanjian Kinerja",
                prog.pagu,
                node.pagu,
                None,
            )
            if t:
                beda_program.append(t)
                yield t
    for stated in pk.dinyatakan:
        if stated.pagu is not None:
            t = bandingkan_uang(
                "PK_PAGU_BEDA",
                "perjanjian_kinerja",
                "jumlah pagu Perjanjian Kinerja",
                stated.pagu,
                total,
                stated.sumber,
            )
            # The printed total adds up the agreement's own program budgets:
            # its difference is theirs, not another one.
            if t and beda_program and ke_desimal(stated.pagu) == tercetak:
                daftar = ", ".join(b.lokasi.rsplit("/", 1)[-1] for b in beda_program)
                t = replace(
                    t.akibat(beda_program[0]),
                    pesan=f"{t.pesan}; selisihnya berasal dari pagu program {daftar} di "
                    "Perjanjian Kinerja",
                )
            if t:
                yield t
    # One note for the year, naming every indicator: an auditor reads "no
    # quarterly plan" as one shortcoming of the year, not one per indicator.
    tanpa = [i.kode for i in pk.indikator if pk.tahun not in dokumen.rencana_aksi.get(i.kode, {})]
    if tanpa:
        daftar = ", ".join(tanpa)
        yield Temuan(
            "RENCANA_AKSI_KOSONG",
            f"rencana_aksi/{pk.tahun}",
            f"{len(tanpa)} indikator Perjanjian Kinerja tahun {pk.tahun} tanpa rencana aksi "
            f"(target triwulan): {daftar}; susun rencana aksinya agar capaian dapat dipantau "
            "per triwulan",
        )


def _tabel_mutu(survei: Survei) -> TabelMutu:
    mutu = survei.mutu
    if isinstance(mutu, str) and mutu in MUTU:
        return MUTU[mutu]
    if isinstance(mutu, tuple):
        return tabel_mutu(
            "mutu survei",
            [{"dari": b.dari, "mutu": b.mutu, "kinerja": b.kinerja} for b in mutu],
        )
    # No table of its own: the unsur set's.
    return MUTU.get(survei.nama_unsur or "", MUTU[UNSUR_BAWAAN])


def _unsur(survei: Survei) -> list[tuple[str, str]]:
    if isinstance(survei.unsur, str):
        return list(UNSUR.get(survei.unsur, ()))
    return [(u.kode, u.uraian) for u in survei.unsur]


def hitung_skm(
    doc: Dokumen | Mapping[str, object], responden: Mapping[int, Jawaban] | None = None
) -> tuple[list[HasilSurvei], list[Temuan]]:
    """IKM of every survey of the dataset, from answers, NRR or a bare IKM."""
    dokumen = sebagai_dokumen(doc)
    bobot_skm = dokumen.pemda.bobot_skm
    hasil: list[HasilSurvei] = []
    temuan: list[Temuan] = []
    for i, survei in enumerate(dokumen.skm):
        unsur = _unsur(survei)
        tabel = _tabel_mutu(survei)
        kode = [k for k, _ in unsur]
        jumlah: dict[str, int] = {}
        jumlah_responden = survei.jumlah_responden
        nrr: dict[str, Decimal | None]
        if responden and i in responden:
            per_unsur = nilai_unsur(nrr_dari_jawaban(kode, responden[i]), len(kode), bobot_skm)
            nrr = {u.kode: u.nrr for u in per_unsur}
            jumlah = {u.kode: u.jumlah_jawaban for u in per_unsur}
            jumlah_responden = len(responden[i])
        else:
            nrr = {k: ke_desimal(v) for k, v in survei.nrr.items()}
        if nrr:
            ikm = hitung_ikm(nrr, tabel=tabel, bobot_skm=bobot_skm)
        else:
            nilai = ke_desimal(survei.ikm)
            ikm = HasilIkm(
                nilai,
                tabel.mutu(nilai) if nilai is not None else None,
                "IKM seperti dicatat (tanpa NRR per unsur)",
            )
        h = HasilSurvei(i, survei.tahun, survei.layanan, unsur, nrr, jumlah, ikm, jumlah_responden)
        hasil.append(h)
        temuan.extend(_periksa_survei(h, survei))
    return hasil, temuan


def _periksa_survei(h: HasilSurvei, survei: Survei) -> Iterator[Temuan]:
    # Recorded NRR are checked only against NRR computed from the answers.
    if h.jumlah_jawaban:
        for kode, nilai in survei.nrr.items():
            t = bandingkan_persen(
                "NRR_BEDA", f"{h.lokasi}/{kode}", f"NRR {kode}", nilai, h.nrr.get(kode), None
            )
            if t:
                yield t
    if h.nrr and survei.ikm is not None:
        t = _beda_ikm(h, survei.ikm, None)
        if t:
            yield t
    for stated in survei.dinyatakan:
        sumber = stated.sumber
        if stated.ikm is not None:
            t = _beda_ikm(h, stated.ikm, sumber)
            if t:
                yield t
        if stated.mutu is not None:
            pita = h.ikm.mutu
            # A report may print the grade ("B") or its label ("Baik"): both are the band's.
            sama_label = (
                pita is not None
                and pita.kinerja
                and (str(stated.mutu).strip().casefold() == pita.kinerja.casefold())
            )
            t = (
                None
                if sama_label
                else bandingkan_teks(
                    "MUTU_BEDA",
                    h.lokasi,
                    "mutu pelayanan",
                    stated.mutu,
                    pita.mutu if pita else None,
                    sumber,
                )
            )
            if t:
                yield t
        for kode, nilai in stated.nrr.items():
            t = bandingkan_persen(
                "NRR_BEDA", f"{h.lokasi}/{kode}", f"NRR {kode}", nilai, h.nrr.get(kode), sumber
            )
            if t:
                yield t
        for kode, sebaran in stated.distribusi.items():
            yield from _periksa_sebaran(h, kode, sebaran, stated.nrr.get(kode), sumber)


def _beda_ikm(h: HasilSurvei, dinyatakan: object, sumber: str | None) -> Temuan | None:
    """A printed IKM against the computed one; one left on the 1-4 scale of
    the NRR (the x 25 conversion forgotten) says so."""
    t = bandingkan_persen("IKM_BEDA", h.lokasi, "IKM", dinyatakan, h.ikm.ikm, sumber, h.ikm.rumus)
    dicetak, ikm = ke_desimal(dinyatakan), h.ikm.ikm
    if t and dicetak is not None and ikm is not None and 1 <= dicetak <= 4:
        if persen_cocok(dicetak, ikm / 25):
            return Temuan(
                "IKM_TANPA_KONVERSI",
                h.lokasi,
                f"IKM dinyatakan {tampil(dicetak)}, yaitu nilai tertimbang pada skala 1-4 tanpa "
                f"dikalikan 25; IKM = {tampil(bulatkan(ikm))}: kalikan dengan 25 ({h.ikm.rumus})"
                + (f"; dicetak di {sumber}" if sumber else ""),
                teks(dicetak),
                teks(bulatkan(ikm)),
                sumber,
            )
    return t


def _periksa_sebaran(
    h: HasilSurvei,
    kode: str,
    sebaran: Sequence[object],
    nrr_dicetak: object,
    sumber: str | None,
) -> Iterator[Temuan]:
    """A printed share of answers 1-4 must add up to 100 % (within the
    rounding of its printed figures), and the NRR must follow from it."""
    persen_jawaban = [ke_desimal(p) for p in sebaran]
    if len(persen_jawaban) != 4 or any(p is None for p in persen_jawaban):
        return
    p = [x for x in persen_jawaban if x is not None]
    lok = f"{h.lokasi}/{kode}"
    di = f"; dicetak di {sumber}" if sumber else ""
    # Each printed share may be off by half its last digit.
    longgar = sum((Decimal(5).scaleb(-jumlah_desimal(x) - 1) for x in p), Decimal(0))
    total = sum(p, Decimal(0))
    if abs(total - 100) > longgar:
        yield Temuan(
            "SKM_SEBARAN_BEDA",
            lok,
            f"sebaran jawaban {kode} ({' + '.join(tampil(x) for x in p)}) berjumlah "
            f"{tampil(total)} %, bukan 100 %{di}; periksa persentase tiap jawaban",
            teks(total),
            "100",
            sumber,
        )
        return
    nrr = sum((Decimal(k) * x for k, x in enumerate(p, start=1)), Decimal(0)) / total
    nrr_lain = ke_desimal(nrr_dicetak) if nrr_dicetak is not None else h.nrr.get(kode)
    if nrr_lain is None:
        return
    # The shares' rounding moves the NRR by at most 4 x their slack / 100.
    batas = Decimal(5).scaleb(-jumlah_desimal(nrr_lain) - 1) + 4 * longgar / 100
    if abs(nrr_lain - nrr) > batas:
        yield Temuan(
            "SKM_SEBARAN_BEDA",
            lok,
            f"NRR {kode} {tampil(nrr_lain)} tidak sesuai dengan sebaran jawabannya, yang "
            f"memberi NRR {format_angka(bulatkan(nrr))}{di}; hitung NRR dari jawaban "
            "(jumlah nilai / jumlah jawaban)",
            teks(nrr_lain),
            teks(bulatkan(nrr)),
            sumber,
        )


def _temuan_evaluasi(dokumen: Dokumen) -> Iterator[Temuan]:
    for hasil in dokumen.evaluasi:
        if hasil.nilai is None or not hasil.predikat:
            continue
        t = bandingkan_teks(
            "NILAI_EVALUASI_BEDA",
            f"evaluasi/{hasil.tahun}",
            "predikat evaluasi SAKIP",
            hasil.predikat,
            predikat_evaluasi(hasil.nilai),
            None,
        )
        if t:
            yield t


def _temuan_skala(aturan: Aturan) -> Iterator[Temuan]:
    for masalah in periksa_skala(aturan.skala):
        kode = "SKALA_CELAH" if masalah.jenis == "celah" else "SKALA_TUMPANG"
        yield Temuan(
            kode,
            "pemda.skala_capaian",
            f"{masalah.pesan}; perbaiki skala predikat pemda agar setiap nilai mendapat "
            "tepat satu predikat",
        )


def _sebab_reviu(temuan: list[Temuan]) -> list[Temuan]:
    """Links between the reviewer's findings and the figures they follow from."""
    tanpa_target = {
        t.lokasi.split("/", 1)[1]: t for t in temuan if t.kode == "PK_TANPA_TARGET_RENSTRA"
    }
    # The PK's printed total, by where it was printed: budget counts printed
    # there describe the PK's budget too.
    pk_total = {
        t.sumber: t for t in temuan if t.kode == "PK_PAGU_BEDA" and t.lokasi == "perjanjian_kinerja"
    }
    capaian = [t for t in temuan if t.kode == "CAPAIAN_BEDA" and t.lokasi != "instansi"]
    hasil = []
    for t in temuan:
        sebab: Temuan | None = None
        if t.kode == "UTAMA_TIDAK_TERUKUR":
            pk = tanpa_target.get(t.lokasi.split("/", 1)[0])
            if pk is not None and pk.dinyatakan is None:
                sebab = pk
        elif (
            t.kode == "JUMLAH_BEDA"
            and t.sumber
            and not t.lokasi.endswith(("jumlah_sasaran", "jumlah_indikator"))
        ):
            sebab = pk_total.get(t.sumber)
        elif t.kode == "KLAIM_BEDA":
            sebab = _sebab_klaim(t, capaian)
        hasil.append(t.akibat(sebab) if sebab is not None else t)
    return hasil


def _sebab_klaim(klaim: Temuan, capaian: list[Temuan]) -> Temuan | None:
    """A claim that the report's own misprinted capaian would support follows
    from that misprint (a printed capaian under 100 % for "not every target
    met", one of 100 % or more for "every target met")."""
    for t in capaian:
        dicetak, dihitung = ke_desimal(t.dinyatakan), ke_desimal(t.dihitung)
        if dicetak is None or dihitung is None:
            continue
        if klaim.dinyatakan == "ada_tidak_tercapai" and dicetak < 100 <= dihitung:
            return t
        if klaim.dinyatakan == "semua_tercapai" and dihitung < 100 <= dicetak:
            return t
    return None


def hitung_laporan(
    doc: Dokumen | Mapping[str, object], *, responden: Mapping[int, Jawaban] | None = None
) -> Laporan:
    """Compute every figure and finding of one dataset.

    ``doc`` is the dataset's model, or a validated document as plain data
    (converted once, here). ``responden`` holds the answers of surveys whose
    ``responden_csv`` the caller has read, by the survey's position in ``skm``.
    """
    dokumen = sebagai_dokumen(doc)
    aturan = aturan_pemda(dokumen.pemda)
    tahun = tahun_laporan(dokumen)
    anggaran = hitung_anggaran(dokumen.anggaran) if dokumen.anggaran else None
    kinerja = hitung_kinerja(dokumen, aturan, tahun, _output_indikator(anggaran))
    efisiensi: list[BarisEfisiensi] = []
    if anggaran is not None and dokumen.anggaran is not None:
        sasaran_indikator = {
            ref.kode: ref.induk for ref in indikator_renstra(dokumen) if ref.jenis == "sasaran"
        }
        tahun_anggaran = dokumen.anggaran.tahun or tahun
        uraian = {ref.induk: ref.induk_uraian for ref in indikator_renstra(dokumen)}
        efisiensi = hitung_efisiensi(
            kinerja.sasaran, anggaran, sasaran_indikator, tahun_anggaran, uraian
        )
    skm, temuan_skm = hitung_skm(dokumen, responden)
    temuan = list(_temuan_skala(aturan))
    temuan += kinerja.temuan
    if anggaran is not None:
        temuan += _sebab_induk(anggaran, list(_temuan_anggaran(anggaran)))
        if dokumen.anggaran is not None:
            temuan += _temuan_kelas(dokumen.anggaran.dinyatakan_kelas, anggaran)
    temuan += _temuan_pk(dokumen, anggaran)
    temuan += temuan_skm
    temuan += _temuan_evaluasi(dokumen)
    temuan = _sebab_reviu(
        temuan
        + periksa_reviu(
            dokumen, kinerja.indikator, anggaran, efisiensi, aturan, tahun, kinerja.sasaran
        )
    )
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
        dokumen,
    )

"""The record of an instansi-year as a ``sakip-dataset/1`` document.

Everything the engine, the documents and the export read from the database
comes through :func:`dokumen_tahun`, in a fixed number of queries whatever
the size of the plan (about a dozen).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Prefetch

from sakip.record.isi import FORMAT, isi_baris, peta_tahun
from sakip.record.models import (
    ANAK,
    AnggaranNode,
    AturanPemda,
    Indikator,
    JenisTriwulan,
    Level,
    NilaiIndikator,
    NilaiTriwulan,
    PerjanjianIndikator,
    PerjanjianKinerja,
    Renstra,
    Sasaran,
    TahunKinerja,
)

Dokumen = dict[str, Any]


def aturan_berlaku(pemda_id: int, tahun: int) -> AturanPemda | None:
    """The pemda rules in force in a year: the latest that apply from that
    year (the first ones for a year before them all)."""
    semua = list(AturanPemda.objects.filter(pemda_id=pemda_id))
    berlaku = [a for a in semua if a.berlaku_mulai <= tahun]
    if berlaku:
        return max(berlaku, key=lambda a: a.berlaku_mulai)
    return min(semua, key=lambda a: a.berlaku_mulai, default=None)


def aturan_tahun(tk: TahunKinerja) -> AturanPemda | None:
    """The rules a year is computed with: those frozen when it was approved,
    else those in force."""
    if tk.aturan_id is not None:
        return tk.aturan
    return aturan_berlaku(tk.instansi.pemda_id, tk.tahun)


def dokumen_tahun(tk: TahunKinerja) -> Dokumen:
    """The document of one instansi-year, built from the record."""
    instansi = tk.instansi
    pemda = instansi.pemda
    doc: Dokumen = {"format": FORMAT}
    doc["pemda"] = {"nama": pemda.nama}
    if pemda.provinsi is not None:
        doc["pemda"]["provinsi"] = pemda.provinsi
    aturan = aturan_tahun(tk)
    if aturan is not None:
        for key in AturanPemda.KOLOM:
            if getattr(aturan, key) is not None:
                doc["pemda"][key] = getattr(aturan, key)
    doc["instansi"] = {"nama": instansi.nama}
    if instansi.jenis is not None:
        doc["instansi"]["jenis"] = instansi.jenis
    for key in ("kepala", "atasan"):
        if getattr(tk, key) is not None:
            doc["instansi"][key] = getattr(tk, key)

    indikator = _Indikator(tk)
    tk.__dict__[_TERBACA] = indikator
    if tk.renstra is not None:
        if tk.renstra.rpjmd is not None:
            doc["rpjmd"] = tk.renstra.rpjmd
        doc["renstra"] = _renstra(tk.renstra, indikator)
    pk = tk.perjanjian.order_by("-nomor").prefetch_related(
        Prefetch("indikator", PerjanjianIndikator.objects.select_related("indikator")), "program"
    )
    pk_terakhir = pk.first()
    if pk_terakhir is not None:
        doc["perjanjian_kinerja"] = isi_perjanjian(pk_terakhir)
    for jenis in JenisTriwulan.values:
        triwulan = indikator.triwulan(jenis)
        tanpa_tahun = (tk.lain or {}).get(jenis)
        if triwulan or tanpa_tahun is not None:
            doc[jenis] = {**(tanpa_tahun or {}), **triwulan}
    anggaran = getattr(tk, "anggaran", None)
    if anggaran is not None:
        doc["anggaran"] = _anggaran(anggaran, indikator)
    for key in TahunKinerja.KOLOM:
        if getattr(tk, key) is not None:
            doc[key] = getattr(tk, key)
    # A section present but empty ({} or []) has no rows to show it.
    for key, value in (tk.lain or {}).items():
        doc.setdefault(key, value)
    return doc


def responden_tahun(tk: TahunKinerja) -> dict[int, list[dict[str, int | None]]]:
    """The answers of surveys read from ``responden_csv``, by survey position."""
    return {int(i): jawaban for i, jawaban in (tk.responden or {}).items()}


# The indicators and values the last export of an instansi-year read, kept on
# that object (which a web request holds exactly as long as the request), so
# that a page drawing the same rows as fields does not read them again.
_TERBACA = "_ekspor_indikator"


def indikator_terbaca(tk: TahunKinerja) -> _Indikator | None:
    """What the last :func:`dokumen_tahun` of this very object read, if any."""
    return tk.__dict__.get(_TERBACA)


def lupakan_terbaca(tk: TahunKinerja) -> None:
    """Forget it, after a write (the rows changed)."""
    tk.__dict__.pop(_TERBACA, None)


class _Indikator:
    """Every indicator a year's document shows, loaded at once: the Renstra's
    and the output indicators of the year's budget, with their values by
    year and by quarter."""

    def __init__(self, tk: TahunKinerja):
        rows = Indikator.objects.none()
        if tk.renstra_id is not None:
            rows = Indikator.objects.filter(renstra_id=tk.renstra_id)
        anggaran_id = getattr(getattr(tk, "anggaran", None), "pk", None)
        if anggaran_id is not None:
            rows = rows | Indikator.objects.filter(node__anggaran_id=anggaran_id)
        self.semua = list(rows.order_by("urutan", "id"))
        ids = [i.pk for i in self.semua]
        self.nilai: dict[int, list[NilaiIndikator]] = defaultdict(list)
        for n in NilaiIndikator.objects.filter(indikator_id__in=ids).order_by("tahun"):
            self.nilai[n.indikator_id].append(n)
        self.tw: dict[tuple[str, int], list[NilaiTriwulan]] = defaultdict(list)
        for t in NilaiTriwulan.objects.filter(indikator_id__in=ids).order_by("tahun", "triwulan"):
            self.tw[(t.jenis, t.indikator_id)].append(t)
        self.per_induk: dict[tuple[str, int], list[Indikator]] = defaultdict(list)
        for i in self.semua:
            if i.sasaran_id is not None:
                self.per_induk[("sasaran", i.sasaran_id)].append(i)
            elif i.tujuan_id is not None:
                self.per_induk[("tujuan", i.tujuan_id)].append(i)
            elif i.node_id is not None:
                self.per_induk[("node", i.node_id)].append(i)

    def daftar(self, induk: str, pk: int, lain: dict[str, Any] | None) -> list[Dokumen] | None:
        rows = self.per_induk.get((induk, pk))
        if not rows:
            return (lain or {}).get("indikator")
        return [self.isi(i) for i in rows]

    def isi(self, ind: Indikator) -> Dokumen:
        out = isi_baris(ind)
        nilai = self.nilai.get(ind.pk, [])
        for key in ("target", "realisasi", "dinyatakan"):
            peta = peta_tahun(nilai, key)
            if peta:
                out[key] = peta
        return out

    def triwulan(self, jenis: str) -> dict[str, dict[str, list[Any]]]:
        out: dict[str, dict[str, list[Any]]] = {}
        for ind in self.semua:
            rows = self.tw.get((jenis, ind.pk))
            if not rows:
                continue
            per_tahun: dict[str, list[Any]] = {}
            for r in rows:
                per_tahun.setdefault(str(r.tahun), [None] * 4)[r.triwulan - 1] = r.nilai
            out[ind.kode] = per_tahun
        return out


def _renstra(renstra: Renstra, indikator: _Indikator) -> Dokumen:
    out: Dokumen = {"periode": [renstra.periode_awal, renstra.periode_akhir]}
    tujuan_list = []
    semua_sasaran: dict[int, list[Any]] = defaultdict(list)
    for s in _sasaran_of(renstra):
        semua_sasaran[s.tujuan_id].append(s)
    for t in renstra.tujuan.order_by("urutan"):
        isi = isi_baris(t)
        daftar = indikator.daftar("tujuan", t.pk, t.lain)
        if daftar is not None:
            isi["indikator"] = daftar
        sasaran = []
        for s in semua_sasaran.get(t.pk, []):
            s_isi = isi_baris(s)
            s_daftar = indikator.daftar("sasaran", s.pk, s.lain)
            if s_daftar is not None:
                s_isi["indikator"] = s_daftar
            sasaran.append(s_isi)
        if sasaran:
            isi["sasaran"] = sasaran
        tujuan_list.append(isi)
    out["tujuan"] = tujuan_list
    if renstra.dinyatakan is not None:
        out["dinyatakan"] = renstra.dinyatakan
    out.update(renstra.lain or {})
    return out


def _sasaran_of(renstra: Renstra) -> list[Sasaran]:
    return list(Sasaran.objects.filter(tujuan__renstra=renstra).order_by("tujuan_id", "urutan"))


def isi_perjanjian(pk: PerjanjianKinerja) -> Dokumen:
    """One version of a Perjanjian Kinerja as its document section."""
    out: Dokumen = {"tahun": pk.tahun}
    if pk.tanggal is not None:
        out["tanggal"] = pk.tanggal
    if pk.versi_dokumen is not None:
        out["versi"] = pk.versi_dokumen
    indikator = [
        i.indikator.kode if i.ringkas else _item("kode", i.indikator.kode, "target", i.target)
        for i in pk.indikator.all()
    ]
    if indikator:
        out["indikator"] = indikator
    program = [
        p.kode if p.ringkas else _item("kode", p.kode, "pagu", p.pagu) for p in pk.program.all()
    ]
    if program:
        out["program"] = program
    if pk.dinyatakan is not None:
        out["dinyatakan"] = pk.dinyatakan
    out.update(pk.lain or {})
    return out


def _item(key: str, kode: str, extra: str, value: object) -> Dokumen:
    return {key: kode} if value is None else {key: kode, extra: value}


def _anggaran(anggaran: Any, indikator: _Indikator) -> Dokumen:
    nodes = list(AnggaranNode.objects.filter(anggaran=anggaran).order_by("urutan", "id"))
    anak: dict[int | None, list[AnggaranNode]] = defaultdict(list)
    for n in nodes:
        anak[n.parent_id].append(n)

    def isi(node: AnggaranNode) -> Dokumen:
        out = isi_baris(node)
        daftar = indikator.daftar("node", node.pk, node.lain)
        if daftar is not None:
            out["indikator"] = daftar
        if node.level in ANAK and anak.get(node.pk):
            out[ANAK[node.level][0]] = [isi(c) for c in anak[node.pk]]
        return out

    out: Dokumen = {"tahun": anggaran.tahun}
    akar = anak.get(None, [])
    btl = [isi(n) for n in akar if n.level == Level.BTL]
    if btl:
        out["belanja_tidak_langsung"] = btl
    program = [isi(n) for n in akar if n.level == Level.PROGRAM]
    if program:
        out["program"] = program
    if anggaran.dinyatakan is not None:
        out["dinyatakan"] = anggaran.dinyatakan
    out.update(anggaran.lain or {})
    return out

"""Checks of a dataset that a JSON Schema cannot express.

Codes are unique, references name codes that exist, targets fall inside the
plan period, ranges run low to high, a budget parent leaves its amounts to
its children. Every check reads the document defensively: it runs after the
schema check whatever that found, so it must skip (never trip over) a part
of the wrong shape, which the schema has already reported.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from sakip.dataset.errors import Galat, Path, SourceMap, format_path, maksudnya
from sakip.engine.angka import teks_ringkas
from sakip.engine.skm import UNSUR

Temuan = tuple[Path, str]  # a problem before it gets its location


def _map(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _items(parent: Mapping[str, Any], key: str, path: Path) -> Iterator[tuple[Path, Any]]:
    """The mappings of the list ``parent[key]``, with their paths."""
    for i, item in enumerate(_list(parent.get(key))):
        if isinstance(item, Mapping):
            yield (*path, key, i), item


def _year(key: object) -> int | None:
    return int(key) if isinstance(key, str) and len(key) == 4 and key.isdigit() else None


def _number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


class _Kode:
    """The codes of one namespace, where each was first defined."""

    def __init__(self, nama: str):
        self.nama = nama
        self.first: dict[str, Path] = {}

    def add(self, kode: object, path: Path, out: list[Temuan]) -> None:
        if not isinstance(kode, str):
            return
        if kode in self.first:
            where = format_path(self.first[kode])
            out.append((path, f"kode ganda: {kode!r} (sudah dipakai di {where})"))
        else:
            self.first[kode] = path

    def __contains__(self, kode: object) -> bool:
        return kode in self.first


def _dangling(kode: object, path: Path, codes: _Kode | set[str], what: str) -> Temuan | None:
    if not isinstance(kode, str) or kode in codes:
        return None
    known = codes.first if isinstance(codes, _Kode) else codes
    return path, f"kode {kode!r} tidak ditemukan di antara {what}" + maksudnya(kode, known)


def _codes_in(value: object, path: Path) -> Iterator[tuple[object, Path]]:
    """A reference written as one code or as a list of codes."""
    if isinstance(value, list):
        for i, kode in enumerate(value):
            yield kode, (*path, i)
    elif value is not None:
        yield value, path


class _Dokumen:
    """Everything the checks need to know about a document, gathered once."""

    def __init__(self, doc: Mapping[str, Any]):
        self.doc = doc
        self.temuan: list[Temuan] = []
        self.rpjmd = _Kode("kode RPJMD")
        self.misi = _Kode("misi RPJMD")
        self.tujuan_rpjmd = _Kode("tujuan RPJMD")
        self.renstra = _Kode("tujuan dan sasaran Renstra")
        self.sasaran = _Kode("sasaran Renstra")
        self.indikator = _Kode("indikator")
        self.indikator_renstra = _Kode("indikator Renstra")
        self.anggaran = _Kode("program, kegiatan dan sub kegiatan")
        self.program = _Kode("program")
        # (path of the indicator, the indicator) for every indicator of the
        # Renstra and the budget tree; and of the RPJMD.
        self.semua_indikator: list[tuple[Path, Mapping[str, Any]]] = []
        self.indikator_rpjmd: list[tuple[Path, Mapping[str, Any]]] = []
        self.node_anggaran: list[tuple[Path, Mapping[str, Any], str | None]] = []
        self._collect()

    def _collect(self) -> None:
        out = self.temuan
        rpjmd = _map(self.doc.get("rpjmd"))
        for path, misi in _items(rpjmd, "misi", ("rpjmd",)):
            self.rpjmd.add(misi.get("kode"), (*path, "kode"), out)
            self.misi.add(misi.get("kode"), (*path, "kode"), [])
        for bagian in ("tujuan", "sasaran"):
            for path, item in _items(rpjmd, bagian, ("rpjmd",)):
                self.rpjmd.add(item.get("kode"), (*path, "kode"), out)
                if bagian == "tujuan":
                    self.tujuan_rpjmd.add(item.get("kode"), (*path, "kode"), [])
                for ipath, ind in _items(item, "indikator", path):
                    self.rpjmd.add(ind.get("kode"), (*ipath, "kode"), out)
                    self.indikator_rpjmd.append((ipath, ind))

        renstra = _map(self.doc.get("renstra"))
        for tpath, tujuan in _items(renstra, "tujuan", ("renstra",)):
            self.renstra.add(tujuan.get("kode"), (*tpath, "kode"), out)
            self._indikator(tujuan, tpath, renstra=True)
            for spath, sasaran in _items(tujuan, "sasaran", tpath):
                self.renstra.add(sasaran.get("kode"), (*spath, "kode"), out)
                self.sasaran.add(sasaran.get("kode"), (*spath, "kode"), [])
                self._indikator(sasaran, spath, renstra=True)

        anggaran = _map(self.doc.get("anggaran"))
        for path, line in _items(anggaran, "belanja_tidak_langsung", ("anggaran",)):
            self.anggaran.add(line.get("kode"), (*path, "kode"), out)
        for ppath, program in _items(anggaran, "program", ("anggaran",)):
            self._node(program, ppath, "kegiatan")
            self.program.add(program.get("kode"), (*ppath, "kode"), [])
            for kpath, kegiatan in _items(program, "kegiatan", ppath):
                self._node(kegiatan, kpath, "sub_kegiatan")
                for spath, sub in _items(kegiatan, "sub_kegiatan", kpath):
                    self._node(sub, spath, None)

    def _indikator(self, parent: Mapping[str, Any], path: Path, *, renstra: bool) -> None:
        for ipath, ind in _items(parent, "indikator", path):
            self.indikator.add(ind.get("kode"), (*ipath, "kode"), self.temuan)
            if renstra:
                self.indikator_renstra.add(ind.get("kode"), (*ipath, "kode"), [])
            self.semua_indikator.append((ipath, ind))

    def _node(self, node: Mapping[str, Any], path: Path, anak: str | None) -> None:
        self.anggaran.add(node.get("kode"), (*path, "kode"), self.temuan)
        self._indikator(node, path, renstra=False)
        self.node_anggaran.append((path, node, anak))


def semantic_galat(doc: object, source: SourceMap) -> list[Galat]:
    """Every semantic error of ``doc``; never raises, whatever its shape."""
    if not isinstance(doc, Mapping):
        return []
    d = _Dokumen(doc)
    temuan = list(d.temuan)
    for check in (
        _periode,
        _target_tahun,
        _rentang,
        _rujukan_rpjmd,
        _rujukan_anggaran,
        _rujukan_indikator,
        _induk_anggaran,
        _skm,
    ):
        temuan.extend(check(d))
    return [Galat(source.find(path), path, pesan) for path, pesan in temuan]


def _bounds(section: object) -> tuple[int, int] | None:
    periode = _map(section).get("periode")
    if isinstance(periode, list) and len(periode) == 2 and all(type(y) is int for y in periode):
        return periode[0], periode[1]
    return None


def _periode(d: _Dokumen) -> Iterator[Temuan]:
    for nama in ("rpjmd", "renstra"):
        bounds = _bounds(d.doc.get(nama))
        if bounds and bounds[0] > bounds[1]:
            yield (nama, "periode"), f"awal periode ({bounds[0]}) sesudah akhirnya ({bounds[1]})"


def _target_tahun(d: _Dokumen) -> Iterator[Temuan]:
    """A target is a plan: its year must be inside the plan's period. (A
    realisation outside it is history, and allowed.)"""
    renstra = _bounds(d.doc.get("renstra"))
    rpjmd = _bounds(d.doc.get("rpjmd"))
    for indikator, bounds, plan in (
        (d.semua_indikator, renstra, "Renstra"),
        (d.indikator_rpjmd, rpjmd, "RPJMD"),
    ):
        if not bounds:
            continue
        for path, ind in indikator:
            for key in _map(ind.get("target")):
                yield from _di_luar(key, (*path, "target", key), bounds, "target tahun {}", plan)
    if not renstra:
        return
    pk_tahun = ("perjanjian_kinerja", "tahun")
    tahun = _map(d.doc.get("perjanjian_kinerja")).get("tahun")
    yield from _di_luar(tahun, pk_tahun, renstra, "Perjanjian Kinerja tahun {}", "Renstra")
    for kode, years in _map(d.doc.get("rencana_aksi")).items():
        for key in _map(years):
            path = ("rencana_aksi", kode, key)
            apa = "rencana aksi (target triwulan) tahun {}"
            yield from _di_luar(key, path, renstra, apa, "Renstra")


def _di_luar(
    tahun: object, path: Path, bounds: tuple[int, int], apa: str, plan: str
) -> Iterator[Temuan]:
    year = tahun if type(tahun) is int else _year(tahun)
    if year is not None and not bounds[0] <= year <= bounds[1]:
        yield path, f"{apa.format(year)} di luar periode {plan} {bounds[0]}-{bounds[1]}"


def _rentang(d: _Dokumen) -> Iterator[Temuan]:
    def check(value: object, path: Path) -> Iterator[Temuan]:
        if isinstance(value, list) and len(value) == 2 and all(_number(v) for v in value):
            if value[0] > value[1]:
                bawah, atas = (teks_ringkas(v) for v in value)
                yield path, f"batas bawah rentang ({bawah}) lebih besar dari batas atas ({atas})"

    for path, ind in [*d.semua_indikator, *d.indikator_rpjmd]:
        for key, value in _map(ind.get("target")).items():
            yield from check(value, (*path, "target", key))
        for key, stated in _map(ind.get("dinyatakan")).items():
            many = stated if isinstance(stated, list) else [stated]
            for i, item in enumerate(many):
                where = (*path, "dinyatakan", key, *((i,) if isinstance(stated, list) else ()))
                yield from check(_map(item).get("target"), (*where, "target"))
    pk = _map(d.doc.get("perjanjian_kinerja"))
    for path, item in _items(pk, "indikator", ("perjanjian_kinerja",)):
        yield from check(item.get("target"), (*path, "target"))


def _rujukan_rpjmd(d: _Dokumen) -> Iterator[Temuan]:
    rpjmd = _map(d.doc.get("rpjmd"))
    for bagian in ("tujuan", "sasaran"):
        for path, item in _items(rpjmd, bagian, ("rpjmd",)):
            for kode, kpath in _codes_in(item.get("misi"), (*path, "misi")):
                if t := _dangling(kode, kpath, d.misi, "misi RPJMD"):
                    yield t
            if bagian == "sasaran":
                for kode, kpath in _codes_in(item.get("tujuan"), (*path, "tujuan")):
                    if t := _dangling(kode, kpath, d.tujuan_rpjmd, "tujuan RPJMD"):
                        yield t
    # A Renstra tujuan or sasaran supports any RPJMD code (the cascading).
    what = "kode RPJMD" if "rpjmd" in d.doc else "kode RPJMD (bagian 'rpjmd' tidak ada)"
    renstra = _map(d.doc.get("renstra"))
    for tpath, tujuan in _items(renstra, "tujuan", ("renstra",)):
        nodes = [(tpath, tujuan), *_items(tujuan, "sasaran", tpath)]
        for path, node in nodes:
            for kode, kpath in _codes_in(node.get("mendukung"), (*path, "mendukung")):
                if t := _dangling(kode, kpath, d.rpjmd, what):
                    yield t


def _rujukan_anggaran(d: _Dokumen) -> Iterator[Temuan]:
    for path, node, _ in d.node_anggaran:
        for kode, kpath in _codes_in(node.get("sasaran"), (*path, "sasaran")):
            if t := _dangling(kode, kpath, d.sasaran, "sasaran Renstra"):
                yield t
        for kode, kpath in _codes_in(node.get("mendukung"), (*path, "mendukung")):
            if t := _dangling(kode, kpath, d.indikator_renstra, "indikator Renstra"):
                yield t
    pk = _map(d.doc.get("perjanjian_kinerja"))
    for i, item in enumerate(_list(pk.get("program"))):
        path: Path = ("perjanjian_kinerja", "program", i)
        kode = item.get("kode") if isinstance(item, Mapping) else item
        kpath = (*path, "kode") if isinstance(item, Mapping) else path
        what = "program anggaran"
        if "anggaran" not in d.doc:
            what = "program (bagian 'anggaran' tidak ada)"
        if t := _dangling(kode, kpath, d.program, what):
            yield t


def _rujukan_indikator(d: _Dokumen) -> Iterator[Temuan]:
    pk = _map(d.doc.get("perjanjian_kinerja"))
    for i, item in enumerate(_list(pk.get("indikator"))):
        path: Path = ("perjanjian_kinerja", "indikator", i)
        kode = item.get("kode") if isinstance(item, Mapping) else item
        kpath = (*path, "kode") if isinstance(item, Mapping) else path
        if t := _dangling(kode, kpath, d.indikator, "indikator"):
            yield t
    for bagian in ("rencana_aksi", "realisasi_triwulan"):
        for kode in _map(d.doc.get(bagian)):
            if t := _dangling(kode, (bagian, kode), d.indikator, "indikator"):
                yield t
    for kode in _map(_map(d.doc.get("narasi")).get("analisis")):
        if t := _dangling(kode, ("narasi", "analisis", kode), d.indikator, "indikator"):
            yield t


def _induk_anggaran(d: _Dokumen) -> Iterator[Temuan]:
    """A parent's amounts are the sum of its children: one written on it too
    would be ignored, so it must go to ``dinyatakan`` (what was printed)."""
    for path, node, anak in d.node_anggaran:
        if anak is None or not _list(node.get(anak)):
            continue
        for key in ("pagu", "realisasi", "rincian"):
            if key in node:
                yield (
                    (*path, key),
                    (
                        f"'{key}' tidak boleh ditulis pada node yang memiliki {anak}: jumlahnya "
                        "dihitung dari anaknya; tulis angka yang tercetak di 'dinyatakan'"
                    ),
                )


def _skm(d: _Dokumen) -> Iterator[Temuan]:
    for path, survei in _items(d.doc, "skm", ()):
        unsur = survei.get("unsur", "permenpan-14-2017")
        if isinstance(unsur, str):
            codes = {kode for kode, _ in UNSUR.get(unsur, ())}
        else:
            daftar = _Kode("unsur")
            out: list[Temuan] = []
            for upath, item in _items(survei, "unsur", path):
                daftar.add(item.get("kode"), (*upath, "kode"), out)
            yield from out
            codes = set(daftar.first)
        if not codes:
            continue
        nrr_maps = [((*path, "nrr"), survei.get("nrr"))]
        stated = survei.get("dinyatakan")
        for i, item in enumerate(stated if isinstance(stated, list) else [stated]):
            where = (*path, "dinyatakan", *((i,) if isinstance(stated, list) else ()))
            nrr_maps.append(((*where, "nrr"), _map(item).get("nrr")))
        for npath, nrr in nrr_maps:
            for kode in _map(nrr):
                if t := _dangling(kode, (*npath, kode), codes, "unsur survei"):
                    yield t

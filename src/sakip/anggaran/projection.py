"""Budget rows of a dataset: the tree as the document writes it, amounts on leaves."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from sakip.anggaran.models import AnggaranNode, KelasBelanja, Level, RincianBelanja
from sakip.dataset.errors import Path
from sakip.datasets.models import DatasetVersion
from sakip.datasets.values import KODE_MAX, money, short, year

ANAK = {Level.PROGRAM: Level.KEGIATAN, Level.KEGIATAN: Level.SUB_KEGIATAN}
_KEY = {Level.KEGIATAN: "kegiatan", Level.SUB_KEGIATAN: "sub_kegiatan"}


class PlacedNode(NamedTuple):
    """A stored node with the document data and key path it came from."""

    node: AnggaranNode
    data: Mapping
    path: Path


def project(dataset: DatasetVersion, doc: Mapping) -> list[PlacedNode]:
    """Store the ``anggaran`` section; return every node, parents first."""
    anggaran = doc.get("anggaran") or {}
    tahun = year(anggaran["tahun"], ("anggaran", "tahun")) if anggaran.get("tahun") else None
    placed: list[PlacedNode] = []
    for i, line in enumerate(anggaran.get("belanja_tidak_langsung") or ()):
        path = ("anggaran", "belanja_tidak_langsung", i)
        _node(dataset, tahun, None, Level.BTL, line, i, path, placed)
    for i, program in enumerate(anggaran.get("program") or ()):
        path = ("anggaran", "program", i)
        _node(dataset, tahun, None, Level.PROGRAM, program, i, path, placed)
    return placed


def clear(dataset: DatasetVersion) -> None:
    AnggaranNode.objects.filter(dataset=dataset).delete()


def _node(
    dataset: DatasetVersion,
    tahun: int | None,
    parent: AnggaranNode | None,
    level: str,
    data: Mapping,
    index: int,
    path: Path,
    placed: list[PlacedNode],
) -> None:
    child_level = ANAK.get(level)
    children = list(data.get(_KEY[child_level]) or ()) if child_level else []
    leaf = not children
    node = AnggaranNode.objects.create(
        dataset=dataset,
        tahun=tahun,
        parent=parent,
        level=level,
        kode=short(data.get("kode"), (*path, "kode"), KODE_MAX),
        uraian=str(data.get("uraian") or ""),
        urutan=index + 1,
        # A parent's amounts are sums the engine computes, never stored.
        pagu=money(data.get("pagu"), (*path, "pagu")) if leaf else None,
        realisasi=money(data.get("realisasi"), (*path, "realisasi")) if leaf else None,
    )
    placed.append(PlacedNode(node, data, path))
    if leaf:
        _rincian(node, data.get("rincian") or {}, (*path, "rincian"))
    for i, child in enumerate(children):
        key = _KEY[child_level]
        _node(dataset, tahun, node, child_level, child, i, (*path, key, i), placed)


def _rincian(node: AnggaranNode, rincian: Mapping, path: Path) -> None:
    rows = [
        RincianBelanja(
            node=node,
            kelas=kelas,
            pagu=money((rincian[kelas] or {}).get("pagu"), (*path, kelas, "pagu")),
            realisasi=money((rincian[kelas] or {}).get("realisasi"), (*path, kelas, "realisasi")),
        )
        for kelas in KelasBelanja.values
        if kelas in rincian
    ]
    RincianBelanja.objects.bulk_create(rows)

"""Plan rows of a dataset: RPJMD, Renstra (tujuan -> sasaran -> indikator with
values by year), output indicators of the budget tree and their links."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sakip.anggaran.projection import PlacedNode
from sakip.dataset.errors import Path
from sakip.datasets.errors import DatasetRejected
from sakip.datasets.models import DatasetVersion
from sakip.datasets.values import KODE_MAX, bounds, number, short, text, year
from sakip.perencanaan.models import (
    Akumulasi,
    Indikator,
    MisiRpjmd,
    NilaiIndikator,
    Polaritas,
    Renstra,
    Rpjmd,
    Sasaran,
    SasaranRpjmd,
    Tujuan,
    TujuanRpjmd,
)


def project(
    dataset: DatasetVersion, doc: Mapping, nodes: Sequence[PlacedNode]
) -> dict[str, Indikator]:
    """Store the plans; return the indicators by kode (the PK and quarters refer to them)."""
    rpjmd(dataset, doc.get("rpjmd"))
    sasaran, indikator = renstra(dataset, doc.get("renstra"))
    for placed in nodes:
        for i, data in enumerate(placed.data.get("indikator") or ()):
            path = (*placed.path, "indikator", i)
            create_indikator(dataset, data, path, i, indikator, anggaran_node=placed.node)
    link_budget(nodes, sasaran, indikator)
    return indikator


def clear(dataset: DatasetVersion) -> None:
    Rpjmd.objects.filter(dataset=dataset).delete()
    Renstra.objects.filter(dataset=dataset).delete()
    Indikator.objects.filter(dataset=dataset).delete()


def rpjmd(dataset: DatasetVersion, data: Mapping | None) -> None:
    if not data:
        return
    awal, akhir = _periode(data.get("periode"), ("rpjmd", "periode"))
    plan = Rpjmd.objects.create(
        dataset=dataset, periode_awal=awal, periode_akhir=akhir, visi=text(data.get("visi"))
    )
    for i, m in enumerate(data.get("misi") or ()):
        path = ("rpjmd", "misi", i)
        MisiRpjmd.objects.create(
            rpjmd=plan,
            kode=short(m.get("kode"), (*path, "kode"), KODE_MAX),
            uraian=text(m.get("uraian")),
            urutan=i + 1,
        )
    for i, t in enumerate(data.get("tujuan") or ()):
        path = ("rpjmd", "tujuan", i)
        TujuanRpjmd.objects.create(
            rpjmd=plan,
            kode=short(t.get("kode"), (*path, "kode"), KODE_MAX),
            uraian=text(t.get("uraian")),
            misi=short(_daftar(t.get("misi")), (*path, "misi")),
            indikator="\n".join(_uraian(x) for x in t.get("indikator") or ()),
            urutan=i + 1,
        )
    for i, s in enumerate(data.get("sasaran") or ()):
        path = ("rpjmd", "sasaran", i)
        SasaranRpjmd.objects.create(
            rpjmd=plan,
            kode=short(s.get("kode"), (*path, "kode"), KODE_MAX),
            uraian=text(s.get("uraian")),
            misi=short(_daftar(s.get("misi")), (*path, "misi")),
            tujuan=short(_daftar(s.get("tujuan")), (*path, "tujuan")),
            indikator="\n".join(_uraian(x) for x in s.get("indikator") or ()),
            urutan=i + 1,
        )


def renstra(
    dataset: DatasetVersion, data: Mapping | None
) -> tuple[dict[str, Sasaran], dict[str, Indikator]]:
    sasaran: dict[str, Sasaran] = {}
    indikator: dict[str, Indikator] = {}
    if not data:
        return sasaran, indikator
    awal, akhir = _periode(data.get("periode"), ("renstra", "periode"))
    plan = Renstra.objects.create(dataset=dataset, periode_awal=awal, periode_akhir=akhir)
    for i, t in enumerate(data.get("tujuan") or ()):
        path = ("renstra", "tujuan", i)
        tujuan = Tujuan.objects.create(
            renstra=plan,
            kode=short(t.get("kode"), (*path, "kode"), KODE_MAX),
            uraian=text(t.get("uraian")),
            mendukung=short(_daftar(t.get("mendukung")), (*path, "mendukung")),
            urutan=i + 1,
        )
        for j, ind in enumerate(t.get("indikator") or ()):
            create_indikator(dataset, ind, (*path, "indikator", j), j, indikator, tujuan=tujuan)
        for j, s in enumerate(t.get("sasaran") or ()):
            spath = (*path, "sasaran", j)
            row = Sasaran.objects.create(
                tujuan=tujuan,
                kode=short(s.get("kode"), (*spath, "kode"), KODE_MAX),
                uraian=text(s.get("uraian")),
                mendukung=short(_daftar(s.get("mendukung")), (*spath, "mendukung")),
                urutan=j + 1,
            )
            sasaran[row.kode] = row
            for k, ind in enumerate(s.get("indikator") or ()):
                ipath = (*spath, "indikator", k)
                create_indikator(dataset, ind, ipath, k, indikator, sasaran=row)
    return sasaran, indikator


def create_indikator(
    dataset: DatasetVersion,
    data: Mapping,
    path: Path,
    index: int,
    registry: dict[str, Indikator],
    **induk: object,
) -> Indikator:
    """One indicator and its target/realisasi for every year the document gives;
    recorded in ``registry`` by kode, which must be new there."""
    kode = short(data.get("kode"), (*path, "kode"), KODE_MAX)
    if kode and kode in registry:
        raise DatasetRejected((*path, "kode"), f"kode indikator {kode!r} dipakai dua kali")
    ind = Indikator.objects.create(
        dataset=dataset,
        kode=kode,
        uraian=text(data.get("uraian")),
        satuan=short(data.get("satuan"), (*path, "satuan")),
        polaritas=_choice(
            data.get("polaritas"), Polaritas, Polaritas.POSITIF, (*path, "polaritas")
        ),
        iku=bool(data.get("iku")),
        formula=text(data.get("formula")),
        sumber_data=text(data.get("sumber_data")),
        penanggung_jawab=short(data.get("penanggung_jawab"), (*path, "penanggung_jawab")),
        kondisi_awal=text(data.get("kondisi_awal")),
        akumulasi=_choice(data.get("akumulasi"), Akumulasi, "", (*path, "akumulasi")),
        skala_nilai=data.get("skala_nilai"),
        urutan=index + 1,
        **induk,
    )
    target = data.get("target") or {}
    realisasi = data.get("realisasi") or {}
    rows = []
    for key in sorted({*target, *realisasi}, key=str):
        t = target.get(key)
        low, high = bounds(t)
        r = realisasi.get(key)
        rows.append(
            NilaiIndikator(
                indikator=ind,
                tahun=year(key, (*path, "target" if key in target else "realisasi", key)),
                target=text(t),
                target_min=low,
                target_max=high,
                realisasi=text(r),
                realisasi_angka=number(r),
            )
        )
    NilaiIndikator.objects.bulk_create(rows)
    if kode:
        registry[kode] = ind
    return ind


def link_budget(
    nodes: Sequence[PlacedNode], sasaran: Mapping[str, Sasaran], indikator: Mapping[str, Indikator]
) -> None:
    """The cascading from budget to plan: which sasaran a program serves
    (``sasaran``) and which indicators a node says it supports (``mendukung``)."""
    for placed in nodes:
        for kode in _codes(placed.data.get("sasaran")):
            found = sasaran.get(kode)
            if found is None:
                raise DatasetRejected((*placed.path, "sasaran"), f"sasaran {kode!r} tidak ada")
            found.program.add(placed.node)
        for kode in _codes(placed.data.get("mendukung")):
            ind = indikator.get(kode)
            if ind is None:
                raise DatasetRejected((*placed.path, "mendukung"), f"indikator {kode!r} tidak ada")
            ind.didukung.add(placed.node)


def _choice(value: object, choices: type, default: str, path: Path) -> str:
    teks = text(value).strip()
    if not teks:
        return default
    if teks not in choices.values:
        raise DatasetRejected(path, f"{teks!r} bukan salah satu dari: {', '.join(choices.values)}")
    return teks


def _periode(value: object, path: Path) -> tuple[int | None, int | None]:
    if isinstance(value, list | tuple) and len(value) == 2:
        return year(value[0], (*path, 0)), year(value[1], (*path, 1))
    return None, None


def _codes(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [text(v) for v in value] if isinstance(value, Iterable) else [text(value)]


def _daftar(value: object) -> str:
    return ", ".join(_codes(value))


def _uraian(value: object) -> str:
    if isinstance(value, Mapping):
        return " ".join(text(value.get(k)) for k in ("kode", "uraian") if value.get(k)).strip()
    return text(value)

"""Agreement rows of a dataset: the Perjanjian Kinerja, and the quarterly
rencana aksi and realisations of its indicators."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sakip.anggaran.models import Level
from sakip.anggaran.projection import PlacedNode
from sakip.dataset.errors import Path
from sakip.datasets.errors import DatasetRejected
from sakip.datasets.models import DatasetVersion
from sakip.datasets.values import bounds, iso_date, money, number, text, year
from sakip.perencanaan.models import (
    Indikator,
    NilaiTriwulan,
    PerjanjianIndikator,
    PerjanjianKinerja,
    PerjanjianProgram,
    RealisasiTriwulan,
    RencanaAksi,
)


def project(
    dataset: DatasetVersion,
    doc: Mapping,
    indikator: Mapping[str, Indikator],
    nodes: Sequence[PlacedNode],
) -> None:
    perjanjian(dataset, doc.get("perjanjian_kinerja"), indikator, nodes)
    triwulan(RencanaAksi, doc.get("rencana_aksi"), indikator, "rencana_aksi")
    triwulan(RealisasiTriwulan, doc.get("realisasi_triwulan"), indikator, "realisasi_triwulan")


def clear(dataset: DatasetVersion) -> None:
    # The quarterly rows go with their indicators (perencanaan.projection.clear).
    PerjanjianKinerja.objects.filter(dataset=dataset).delete()


def perjanjian(
    dataset: DatasetVersion,
    data: Mapping | None,
    indikator: Mapping[str, Indikator],
    nodes: Sequence[PlacedNode],
) -> None:
    if not data:
        return
    path = ("perjanjian_kinerja",)
    if data.get("tahun") is None:
        raise DatasetRejected((*path, "tahun"), "tahun Perjanjian Kinerja tidak ada")
    pk = PerjanjianKinerja.objects.create(
        dataset=dataset,
        tahun=year(data["tahun"], (*path, "tahun")),
        tanggal=iso_date(data.get("tanggal")),
        versi=int(number(data.get("versi")) or 1),
    )
    rows = []
    for i, item in enumerate(data.get("indikator") or ()):
        item_path = (*path, "indikator", i)
        kode = text(item.get("kode") if isinstance(item, Mapping) else item)
        if kode not in indikator:
            raise DatasetRejected(item_path, f"indikator {kode!r} tidak ada")
        target = item.get("target") if isinstance(item, Mapping) else None
        low, high = bounds(target)
        rows.append(
            PerjanjianIndikator(
                perjanjian=pk,
                indikator=indikator[kode],
                target=text(target),
                target_min=low,
                target_max=high,
                urutan=i + 1,
            )
        )
    PerjanjianIndikator.objects.bulk_create(rows)

    by_kode: dict[str, PlacedNode] = {}
    for placed in nodes:
        kode, current = placed.node.kode, by_kode.get(placed.node.kode)
        # A program's code wins over a kegiatan that happens to share it.
        if kode and (
            current is None
            or (placed.node.level == Level.PROGRAM and current.node.level != Level.PROGRAM)
        ):
            by_kode[kode] = placed
    programs = []
    for i, item in enumerate(data.get("program") or ()):
        item_path = (*path, "program", i)
        kode = text(item.get("kode") if isinstance(item, Mapping) else item)
        if kode not in by_kode:
            raise DatasetRejected(item_path, f"program {kode!r} tidak ada di anggaran")
        pagu = item.get("pagu") if isinstance(item, Mapping) else None
        programs.append(
            PerjanjianProgram(
                perjanjian=pk,
                program=by_kode[kode].node,
                pagu=money(pagu, (*item_path, "pagu")),
                urutan=i + 1,
            )
        )
    PerjanjianProgram.objects.bulk_create(programs)


def triwulan(
    model: type[NilaiTriwulan],
    data: Mapping | None,
    indikator: Mapping[str, Indikator],
    key: str,
) -> None:
    """Rows of ``{kode: {tahun: [tw1, tw2, tw3, tw4]}}``; an empty quarter has no row."""
    rows = []
    for kode, by_year in (data or {}).items():
        path: Path = (key, kode)
        if kode not in indikator:
            raise DatasetRejected(path, f"indikator {kode!r} tidak ada")
        for tahun, values in (by_year or {}).items():
            if not isinstance(values, list | tuple) or len(values) > 4:
                raise DatasetRejected((*path, tahun), "harus berisi 4 nilai triwulan (TW I-IV)")
            for i, value in enumerate(values):
                if value is None:
                    continue
                rows.append(
                    model(
                        indikator=indikator[kode],
                        tahun=year(tahun, (*path, tahun)),
                        triwulan=i + 1,
                        nilai=text(value),
                        nilai_angka=number(value),
                    )
                )
    model.objects.bulk_create(rows)

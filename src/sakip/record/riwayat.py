"""The history of the record, field by field, as people read it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone

from sakip.common.errors import DatasetError
from sakip.dataset import json_exact as jsontext
from sakip.engine.temuan import tampil as tampil_temuan
from sakip.ledger.models import AuditLog
from sakip.record.models import (
    AnggaranNode,
    BuktiDukung,
    Indikator,
    JadwalPengisian,
    JenisTriwulan,
    JustifikasiTemuan,
    NilaiIndikator,
    NilaiTriwulan,
    Penjelasan,
    PerjanjianIndikator,
    PerjanjianKinerja,
    PerjanjianProgram,
    TahunKinerja,
)


class RiwayatTidakAda(DatasetError):
    """The indicator or budget line asked for is not in the instansi-year."""


@dataclass(frozen=True)
class BarisRiwayat:
    waktu: datetime
    siapa: str
    aksi: str
    lokasi: str
    bidang: str
    lama: str
    baru: str
    #: A quarter's realisation written after its filling deadline.
    terlambat: bool = False

    def __str__(self) -> str:
        waktu = f"{timezone.localtime(self.waktu):%Y-%m-%d %H:%M:%S}"
        if self.bidang in ("tambah", "hapus"):
            return f"{waktu}  {self.siapa}  {self.lokasi}: {self.bidang}  ({self.aksi})"
        telat = ", terlambat" if self.terlambat else ""
        return (
            f"{waktu}  {self.siapa}  {self.lokasi}: {self.bidang}: "
            f"{self.lama} -> {self.baru}  ({self.aksi}{telat})"
        )


def riwayat_tahun(
    tk: TahunKinerja,
    *,
    indikator: str | None = None,
    anggaran: str | None = None,
    bidang: str | None = None,
    terbaru: int | None = None,
) -> list[BarisRiwayat]:
    """Every recorded change of an instansi-year's rows, oldest first:
    its own fields, its Renstra's indicators and values, its agreement and
    its budget; or only those of one indicator or budget line. With
    ``terbaru``, only that many of the newest changes (still oldest first)."""
    objek: dict[str, set[int]] = defaultdict(set)
    # The deadline of each quarter's realisation row, to mark late writes.
    tutup: dict[str, date] = {}
    ind = indikator_dari_tahun(tk)
    if indikator is not None:
        ind = ind.filter(kode=indikator)
        if not ind.exists():
            raise RiwayatTidakAda(f"indikator {indikator!r} tidak ada di {tk}")
    nodes = AnggaranNode.objects.filter(anggaran__tahun_kinerja=tk)
    # A program's code names its budget line and its pagu in the PK (which
    # may print a program the budget does not have).
    program = PerjanjianProgram.objects.filter(perjanjian__tahun_kinerja=tk)
    if anggaran is not None:
        nodes = nodes.filter(kode=anggaran)
        program = program.filter(kode=anggaran)
        if not nodes.exists() and not program.exists():
            raise RiwayatTidakAda(f"program/kegiatan {anggaran!r} tidak ada di anggaran {tk}")
    if anggaran is None:
        ids = list(ind.values_list("pk", flat=True))
        objek[Indikator._meta.label].update(ids)
        objek[NilaiIndikator._meta.label].update(
            NilaiIndikator.objects.filter(indikator_id__in=ids).values_list("pk", flat=True)
        )
        triwulan = list(
            NilaiTriwulan.objects.filter(indikator_id__in=ids).values_list(
                "pk", "jenis", "tahun", "triwulan"
            )
        )
        objek[NilaiTriwulan._meta.label].update(pk for pk, *_ in triwulan)
        jadwal = {
            (j.tahun, j.triwulan): j.tenggat
            for j in JadwalPengisian.objects.filter(
                pemda_id=tk.instansi.pemda_id, tahun__in={t for _, _, t, _ in triwulan}
            )
        }
        for pk, jenis, tahun, tw in triwulan:
            if jenis == JenisTriwulan.REALISASI and (tahun, tw) in jadwal:
                tutup[str(pk)] = jadwal[(tahun, tw)]
        objek[Penjelasan._meta.label].update(
            Penjelasan.objects.filter(indikator_id__in=ids).values_list("pk", flat=True)
        )
        objek[BuktiDukung._meta.label].update(
            BuktiDukung.objects.filter(tahun_kinerja=tk, indikator_id__in=ids).values_list(
                "pk", flat=True
            )
        )
        objek[PerjanjianIndikator._meta.label].update(
            PerjanjianIndikator.objects.filter(
                indikator_id__in=ids, perjanjian__tahun_kinerja=tk
            ).values_list("pk", flat=True)
        )
    if indikator is None:
        objek[AnggaranNode._meta.label].update(nodes.values_list("pk", flat=True))
        objek[PerjanjianProgram._meta.label].update(program.values_list("pk", flat=True))
    if indikator is None and anggaran is None:
        objek[TahunKinerja._meta.label].add(tk.pk)
        objek[JustifikasiTemuan._meta.label].update(tk.justifikasi.values_list("pk", flat=True))
        objek[PerjanjianKinerja._meta.label].update(tk.perjanjian.values_list("pk", flat=True))
    syarat = Q(pk__in=[])
    for label, pks in objek.items():
        if pks:
            syarat |= Q(object_type=label, object_id__in=[str(i) for i in pks])
    rows = AuditLog.objects.filter(syarat)
    if bidang:
        rows = rows.filter(bidang=bidang)
    return [
        BarisRiwayat(
            waktu=r.timestamp,
            siapa=r.actor.get_username() if r.actor else "sistem",
            aksi=r.get_action_display(),
            lokasi=r.lokasi or f"{r.object_type}#{r.object_id}",
            bidang=r.bidang,
            lama=tampil_status(r.old) if r.bidang == "status" else tampil(r.old),
            baru=tampil_status(r.new) if r.bidang == "status" else tampil(r.new),
            terlambat=(
                r.object_type == NilaiTriwulan._meta.label
                and r.object_id in tutup
                and timezone.localdate(r.timestamp) > tutup[r.object_id]
            ),
        )
        for r in _urut(rows.select_related("actor"), terbaru)
    ]


def _urut(rows: QuerySet[AuditLog], terbaru: int | None) -> list[AuditLog]:
    if terbaru is None:
        return list(rows.order_by("timestamp", "id"))
    return list(reversed(rows.order_by("-timestamp", "-id")[:terbaru]))


def indikator_dari_tahun(tk: TahunKinerja) -> QuerySet[Indikator]:
    """The indicators of an instansi-year: its Renstra's and its budget's."""
    syarat = Q(node__anggaran__tahun_kinerja=tk)
    if tk.renstra_id is not None:
        syarat |= Q(renstra_id=tk.renstra_id)
    return Indikator.objects.filter(syarat)


def tampil(teks: str) -> str:
    """A stored JSON value as a person reads it: numbers the Indonesian way.

    >>> tampil("79.017"), tampil(""), tampil('"B"'), tampil("[80, 85]")
    ('79,017', '(kosong)', 'B', '[80, 85]')
    """
    return tampil_nilai(jsontext.loads(teks)) if teks else "(kosong)"


def tampil_status(teks: str) -> str:
    """A year's status change as a person reads it, with the whole note or
    reason it was written with (a cut reason would lose what was recorded).

    >>> tampil_status('"diajukan"')
    'diajukan'
    >>> tampil_status('{"status": "draf", "catatan": "salah ketik realisasi TW2"}')
    'draf; alasan: salah ketik realisasi TW2'
    """
    nilai = jsontext.loads(teks) if teks else None
    if isinstance(nilai, dict) and isinstance(nilai.get("status"), str):
        catatan = nilai.get("catatan")
        return f"{nilai['status']}; alasan: {catatan}" if catatan else nilai["status"]
    return tampil(teks)


def tampil_nilai(nilai: object) -> str:
    """A document value as a person reads it.

    >>> tampil_nilai(Decimal("826875.50")), tampil_nilai(None), tampil_nilai([80, 85])
    ('826.875,50', '(kosong)', '[80, 85]')
    """
    if nilai is None or isinstance(nilai, str | Decimal) or type(nilai) is int:
        # Numbers and text as the findings print them: one display of a figure.
        return tampil_temuan(nilai)
    teks = jsontext.dumps(nilai, indent=None)
    return teks if len(teks) <= 80 else teks[:77] + "..."

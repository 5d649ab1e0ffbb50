"""Reading the workflow of instansi-years: what blocks a submission, and
where each quarter's realisations stand against the pemda's filling windows.

The service that submits a year and the pages that explain it read the same
functions here, so that the page never says something the service does not
enforce.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone

from sakip.engine.laporan import Laporan
from sakip.engine.temuan import Temuan, Tingkat
from sakip.record.models import (
    JadwalPengisian,
    JenisTriwulan,
    JustifikasiTemuan,
    NilaiTriwulan,
    PerjanjianIndikator,
    TahunKinerja,
)
from sakip.record.queries import penjelasan_kurang

# -- submission -------------------------------------------------------------


@dataclass
class Peringatan:
    """A warning of the year with its justification (None: not yet written)."""

    temuan: Temuan
    justifikasi: JustifikasiTemuan | None

    @property
    def terjawab(self) -> bool:
        return self.justifikasi is not None and bool(self.justifikasi.teks.strip())


@dataclass
class SyaratAjuan:
    """What stands between a year and its submission."""

    galat: list[Temuan]
    peringatan: list[Peringatan]
    #: Indicators below target without a written explanation, one line each.
    tanpa_penjelasan: list[str] = field(default_factory=list)

    @property
    def tanpa_justifikasi(self) -> list[Peringatan]:
        return [p for p in self.peringatan if not p.terjawab]

    @property
    def boleh(self) -> bool:
        return not self.galat and not self.tanpa_justifikasi and not self.tanpa_penjelasan

    def alasan(self) -> str:
        """Why the year cannot be submitted, every blocking finding named ('' if it can)."""
        bagian = []
        if self.galat:
            daftar = "; ".join(f"{t.kode} di {t.lokasi}: {t.pesan}" for t in self.galat)
            bagian.append(f"{len(self.galat)} temuan galat harus diperbaiki dulu: {daftar}")
        kurang = self.tanpa_justifikasi
        if kurang:
            daftar = "; ".join(f"{p.temuan.kode} di {p.temuan.lokasi}" for p in kurang)
            bagian.append(f"{len(kurang)} peringatan belum diberi justifikasi: {daftar}")
        if self.tanpa_penjelasan:
            daftar = "; ".join(self.tanpa_penjelasan)
            bagian.append(
                f"{len(self.tanpa_penjelasan)} indikator di bawah target belum diberi "
                f"penjelasan: {daftar}"
            )
        return ". ".join(bagian)


def syarat_ajuan(tk: TahunKinerja, laporan: Laporan) -> SyaratAjuan:
    """The year's galat findings, its warnings with their justifications, and
    its indicators below target without an explanation."""
    justifikasi = {
        (j.kode, j.lokasi): j for j in JustifikasiTemuan.objects.filter(tahun_kinerja=tk)
    }
    galat = [t for t in laporan.temuan if t.tingkat == Tingkat.GALAT]
    peringatan: list[Peringatan] = []
    seen: set[tuple[str, str]] = set()
    for t in laporan.temuan:
        # One justification answers every finding of the same code and place.
        if t.tingkat != Tingkat.PERINGATAN or (t.kode, t.lokasi) in seen:
            continue
        seen.add((t.kode, t.lokasi))
        peringatan.append(Peringatan(t, justifikasi.get((t.kode, t.lokasi))))
    return SyaratAjuan(
        galat=galat,
        peringatan=peringatan,
        tanpa_penjelasan=penjelasan_kurang(tk, laporan=laporan),
    )


# -- filling windows ----------------------------------------------------------


def hari_ini() -> date:
    """Today in the server's time zone: a window closes at the end of its day."""
    return timezone.localdate()


def jadwal_ditutup(jadwal: JadwalPengisian | None, hari: date | None = None) -> bool:
    return jadwal is not None and (hari or hari_ini()) > jadwal.tutup


@dataclass
class KeadaanTriwulan:
    """One quarter of a year: its window and how many realisations are in."""

    triwulan: int
    jadwal: JadwalPengisian | None
    hari: date
    diharapkan: int = 0
    terisi: int = 0
    #: Realisations last written after the deadline (the first close of the window).
    terisi_terlambat: int = 0

    @property
    def kurang(self) -> int:
        return max(self.diharapkan - self.terisi, 0)

    @property
    def keadaan(self) -> str:
        if self.jadwal is None:
            return "tanpa_jadwal"
        if self.hari < self.jadwal.buka:
            return "belum_dibuka"
        if self.hari <= self.jadwal.tutup:
            return "terbuka"
        return "ditutup"

    @property
    def terlambat(self) -> bool:
        """Overdue: the window has closed with realisations missing."""
        return self.keadaan == "ditutup" and self.kurang > 0

    @property
    def jatuh_tempo(self) -> bool:
        """Due: the window is open and realisations are missing."""
        return self.keadaan == "terbuka" and self.kurang > 0

    @property
    def label(self) -> str:
        if self.terlambat:
            return "terlambat"
        return {
            "tanpa_jadwal": "belum dijadwalkan",
            "belum_dibuka": "belum dibuka",
            "terbuka": "sedang dibuka",
            "ditutup": "ditutup",
        }[self.keadaan]


@dataclass
class _Tahun:
    tk: TahunKinerja
    diharapkan: set[int] = field(default_factory=set)


def keadaan_triwulan(
    tahun_kinerja: Sequence[TahunKinerja], hari: date | None = None
) -> dict[int, list[KeadaanTriwulan]]:
    """The four quarters of each instansi-year (by its pk), in three queries
    for any number of years (the instansi of each must be selected).

    The realisations expected each quarter are those of the indicators of the
    year's latest Perjanjian Kinerja and of every indicator given a rencana
    aksi for the year."""
    hari = hari or hari_ini()
    if not tahun_kinerja:
        return {}
    per_tk = {tk.pk: _Tahun(tk) for tk in tahun_kinerja}
    nomor: dict[int, int] = {}
    pk_ind: dict[tuple[int, int], set[int]] = defaultdict(set)
    for tk_id, no, ind_id in PerjanjianIndikator.objects.filter(
        perjanjian__tahun_kinerja_id__in=per_tk
    ).values_list("perjanjian__tahun_kinerja_id", "perjanjian__nomor", "indikator_id"):
        nomor[tk_id] = max(nomor.get(tk_id, 0), no)
        pk_ind[(tk_id, no)].add(ind_id)
    for tk_id, no in nomor.items():
        per_tk[tk_id].diharapkan |= pk_ind[(tk_id, no)]

    # A Renstra indicator belongs to every year of its period: the year is the row's.
    oleh_renstra = {(tk.renstra_id, tk.tahun): tk.pk for tk in tahun_kinerja if tk.renstra_id}
    rows = NilaiTriwulan.objects.filter(
        Q(indikator__renstra_id__in={r for r, _ in oleh_renstra})
        | Q(indikator__node__anggaran__tahun_kinerja_id__in=per_tk),
        tahun__in={tk.tahun for tk in tahun_kinerja},
    ).values_list(
        "indikator_id",
        "indikator__renstra_id",
        "indikator__node__anggaran__tahun_kinerja_id",
        "jenis",
        "tahun",
        "triwulan",
        "nilai",
        "diubah_pada",
    )
    realisasi: dict[int, list[tuple[int, int, datetime]]] = defaultdict(list)
    for ind_id, renstra_id, node_tk, jenis, tahun, tw, nilai, diubah in rows:
        milik: int | None = oleh_renstra.get((renstra_id, tahun)) if renstra_id else node_tk
        if milik is None or milik not in per_tk or per_tk[milik].tk.tahun != tahun:
            continue
        if jenis == JenisTriwulan.RENCANA_AKSI:
            if nilai is not None:
                per_tk[milik].diharapkan.add(ind_id)
        elif nilai is not None:
            realisasi[milik].append((ind_id, tw, diubah))

    jadwal = {
        (j.pemda_id, j.tahun, j.triwulan): j
        for j in JadwalPengisian.objects.filter(
            pemda_id__in={tk.instansi.pemda_id for tk in tahun_kinerja},
            tahun__in={tk.tahun for tk in tahun_kinerja},
        )
    }
    hasil: dict[int, list[KeadaanTriwulan]] = {}
    for tk_id, t in per_tk.items():
        pemda_id = t.tk.instansi.pemda_id
        daftar = [
            KeadaanTriwulan(
                triwulan=tw,
                jadwal=jadwal.get((pemda_id, t.tk.tahun, tw)),
                hari=hari,
                diharapkan=len(t.diharapkan),
            )
            for tw in (1, 2, 3, 4)
        ]
        for ind_id, tw, pada in realisasi[tk_id]:
            if ind_id not in t.diharapkan:
                continue
            k = daftar[tw - 1]
            k.terisi += 1
            if k.jadwal is not None and timezone.localdate(pada) > k.jadwal.tenggat:
                k.terisi_terlambat += 1
        hasil[tk_id] = daftar
    return hasil


def tahun_terakhir(instansi_ids: Iterable[int]) -> dict[int, TahunKinerja]:
    """The latest instansi-year of each instansi (its current year), one query.

    The year's long texts and survey answers are left unread: fetch the year
    again to compute its report."""
    terakhir: dict[int, TahunKinerja] = {}
    for tk in (
        TahunKinerja.objects.filter(instansi_id__in=list(instansi_ids))
        .select_related("instansi__pemda")
        .defer("responden", "skm", "evaluasi", "narasi", "lain", "kepala", "atasan")
        .order_by("instansi_id", "tahun")
    ):
        terakhir[tk.instansi_id] = tk
    return terakhir

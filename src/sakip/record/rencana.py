"""A plan: what an import changes (or, for a dry run, would change)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sakip.common.errors import DatasetError
from sakip.ledger.models import DatasetVersion
from sakip.organisasi.models import Instansi
from sakip.record.riwayat import tampil_nilai


class TahunTerkunci(DatasetError):
    """The instansi-year is approved: nothing of it changes until unlocked."""


@dataclass(frozen=True)
class Perubahan:
    """One line of a plan."""

    jenis: str  # tambah | ubah | hapus
    lokasi: str
    bidang: str = ""
    lama: object = None
    baru: object = None

    def __str__(self) -> str:
        if self.jenis == "ubah":
            lama, baru = tampil_nilai(self.lama), tampil_nilai(self.baru)
            return f"~ {self.lokasi}: {self.bidang}: {lama} -> {baru}"
        tanda = "+" if self.jenis == "tambah" else "-"
        return f"{tanda} {self.lokasi}"


@dataclass
class Rencana:
    """What an import changes (or would change, for a dry run)."""

    instansi: str
    tahun: int
    perubahan: list[Perubahan] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    impor: DatasetVersion | None = None
    instansi_obj: Instansi | None = field(default=None, repr=False)

    @property
    def kosong(self) -> bool:
        return not self.perubahan

    def ringkasan(self) -> str:
        hitung = Counter(p.jenis for p in self.perubahan)
        if not hitung:
            return "tidak ada perubahan"
        return ", ".join(
            f"{hitung[j]} {kata}"
            for j, kata in (("tambah", "ditambah"), ("ubah", "diubah"), ("hapus", "dihapus"))
            if hitung[j]
        )

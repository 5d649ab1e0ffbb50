"""Mutu tables of the SKM: bands of the IKM (x25 scale) read after rounding.

A table is data (each unsur set's file carries its own); this module only
reads an IKM against one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sakip.engine.angka import bulatkan


@dataclass(frozen=True)
class PitaMutu:
    dari: Decimal
    mutu: str
    kinerja: str


@dataclass(frozen=True)
class TabelMutu:
    nama: str
    pita: tuple[PitaMutu, ...]  # highest first

    def mutu(self, ikm: Decimal) -> PitaMutu:
        """The band of an IKM, read after rounding it to two decimals.

        >>> t = tabel_mutu("contoh", [{"dari": "88.31", "mutu": "A"}, {"dari": "25", "mutu": "B"}])
        >>> t.mutu(Decimal("88.305")).mutu, t.mutu(Decimal("88.30")).mutu
        ('A', 'B')
        """
        nilai = bulatkan(ikm, 2)
        for pita in self.pita:
            if nilai >= pita.dari:
                return pita
        return self.pita[-1]

    def peringkat(self) -> list[str]:
        """Grades best first, to rank a realisation against a graded target."""
        return [p.mutu for p in self.pita]


def tabel_mutu(nama: str, bands: Iterable[Mapping[str, object]]) -> TabelMutu:
    """Build a mutu table from ``{dari, mutu, kinerja}`` bands."""
    pita = [
        PitaMutu(Decimal(str(b["dari"])), str(b["mutu"]), str(b.get("kinerja", ""))) for b in bands
    ]
    pita.sort(key=lambda p: p.dari, reverse=True)
    return TabelMutu(nama, tuple(pita))

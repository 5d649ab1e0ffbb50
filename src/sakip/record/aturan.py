"""What a pemda rule may hold: the values ``aturan_pemda_set`` accepts.

The rules change every agency's predikat, so a value the engine would
misread (a scale with a gap or an overlap, a cap that is no number) is
refused with the reason before it is stored, never found later as a
finding in every report of the pemda.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from sakip.common.errors import DatasetError
from sakip.engine.predikat import periksa_skala, skala_dari_data

#: The choices of the data contract (``pemda`` in sakip-dataset/1).
RUMUS_NEGATIF = ("2t-r", "t/r")
BOBOT_SKM = ("1/9", "1/n", "0.111", "0.11", "0.071")

_KUNCI_PITA = {"dari", "lebih_dari", "sampai", "label"}


class AturanTidakSah(DatasetError):
    """A rule value the pemda may not have; the message says where and why."""


def _angka(nilai: object) -> bool:
    return isinstance(nilai, int | Decimal) and not isinstance(nilai, bool)


def periksa_aturan(bidang: str, nilai: object) -> None:
    """Raise :class:`AturanTidakSah` unless ``nilai`` is a valid ``bidang``
    (``None`` is always valid: the contract's default)."""
    if nilai is None:
        return
    if bidang == "skala_capaian":
        _periksa_skala(nilai)
    elif bidang == "batas_capaian":
        if not isinstance(nilai, int | Decimal) or isinstance(nilai, bool):
            raise AturanTidakSah(f"batas capaian {nilai!r} harus angka lebih dari 0")
        if not Decimal(nilai).is_finite() or nilai <= 0:
            raise AturanTidakSah(f"batas capaian {nilai!r} harus angka lebih dari 0")
    elif bidang == "rumus_negatif":
        if nilai not in RUMUS_NEGATIF:
            raise AturanTidakSah(
                f"rumus negatif {nilai!r} tidak dikenal; pilih: {', '.join(RUMUS_NEGATIF)}"
            )
    elif bidang == "bobot_skm":
        if str(nilai) not in BOBOT_SKM or not isinstance(nilai, str | Decimal):
            raise AturanTidakSah(
                f"bobot SKM {nilai!r} tidak dikenal; pilih: {', '.join(BOBOT_SKM)}"
            )
    else:
        raise AturanTidakSah(f"aturan {bidang!r} tidak ada")


def _periksa_skala(nilai: object) -> None:
    if not isinstance(nilai, list) or not nilai:
        raise AturanTidakSah("skala predikat harus berisi paling sedikit satu pita")
    for i, pita in enumerate(nilai, 1):
        letak = f"skala predikat, pita ke-{i}"
        if not isinstance(pita, Mapping) or set(pita) - _KUNCI_PITA:
            raise AturanTidakSah(f"{letak}: bukan pita (dari/lebih_dari, sampai, label)")
        label = pita.get("label")
        if not isinstance(label, str) or not label.strip():
            raise AturanTidakSah(f"{letak}: label predikat kosong")
        if ("dari" in pita) == ("lebih_dari" in pita):
            raise AturanTidakSah(f"{letak} ({label}): tulis satu batas bawah")
        for kunci in ("dari", "lebih_dari", "sampai"):
            if kunci in pita and not _angka(pita[kunci]):
                raise AturanTidakSah(f"{letak} ({label}): {kunci} {pita[kunci]!r} bukan angka")
        bawah = pita.get("dari", pita.get("lebih_dari"))
        if "sampai" in pita and pita["sampai"] < bawah:
            raise AturanTidakSah(
                f"{letak} ({label}): batas atas {pita['sampai']} di bawah batas bawah {bawah}"
            )
    masalah = periksa_skala(skala_dari_data(nilai))
    if masalah:
        raise AturanTidakSah(
            "skala predikat harus memberi setiap nilai tepat satu predikat: "
            + "; ".join(m.pesan for m in masalah)
        )

"""Survey answers typed from paper forms: one row per respondent, one column
per unsur (U1..Un) holding 1-4, blanks allowed."""

from __future__ import annotations

import csv
from pathlib import Path

from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi

NILAI_SAH = {"1": 1, "2": 2, "3": 3, "4": 4}


def baca_responden(path: Path, kode_unsur: list[str]) -> list[dict[str, int | None]]:
    """Every respondent's answers; all row errors at once, naming row and column."""
    if not path.is_file():
        raise DatasetInvalid(
            [Galat(Lokasi(file=str(path)), (), "berkas responden tidak ditemukan")]
        )
    galat: list[Galat] = []
    rows: list[dict[str, int | None]] = []
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        kolom = [k.strip() for k in reader.fieldnames or []]
        hilang = [k for k in kode_unsur if k not in kolom]
        if hilang:
            raise DatasetInvalid(
                [
                    Galat(
                        Lokasi(file=str(path), line=1),
                        (),
                        f"kolom unsur tidak ada: {', '.join(hilang)}",
                    )
                ]
            )
        for nomor, row in enumerate(reader, start=2):
            row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
            jawaban: dict[str, int | None] = {}
            for kode in kode_unsur:
                nilai = row.get(kode, "")
                if nilai == "":
                    jawaban[kode] = None
                elif nilai in NILAI_SAH:
                    jawaban[kode] = NILAI_SAH[nilai]
                else:
                    galat.append(
                        Galat(
                            Lokasi(file=str(path), line=nomor, cell=kode),
                            (),
                            f"kolom {kode}: nilai {nilai!r} harus 1, 2, 3, 4 atau kosong",
                        )
                    )
            if any(v is not None for v in jawaban.values()):
                rows.append(jawaban)
    if galat:
        raise DatasetInvalid(galat)
    return rows

"""Survey answers a dataset points to (``responden_csv``), as one map per
respondent; read by the one SKM answer reader, :mod:`sakip.dataset.jawaban_skm`."""

from __future__ import annotations

from pathlib import Path

from sakip.dataset.jawaban_skm import baca_jawaban


def baca_responden(path: Path, kode_unsur: list[str]) -> list[dict[str, int | None]]:
    """Every respondent's answers; all row errors at once, naming row and column."""
    data = baca_jawaban(path, kode_unsur)
    return [
        {k: (v or None) for k, v in zip(kode_unsur, row, strict=True)}
        for row in data.matriks.tolist()
    ]

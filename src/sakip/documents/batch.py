"""Many documents at once, one worker process per core.

A document is CPU-bound Python (layout in ReportLab, XML in python-docx):
threads would share one core, processes use them all. Workers
receive the stored JSON text and write their file, so nothing large crosses
the process boundary."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import cast


@dataclass(frozen=True)
class Tugas:
    nama: str
    json_teks: str  # the dataset document as stored (sakip.dataset.json_exact)
    out: Path


@dataclass(frozen=True)
class Selesai:
    tugas: Tugas
    peringatan: tuple[str, ...] = ()
    galat: str | None = None


def _kerjakan(tugas: Tugas, format: str, dokumen: str, draf: bool = False) -> Selesai:
    from sakip.dataset import json_exact as jsontext
    from sakip.documents.buat import buat_dokumen

    try:
        # The store holds only documents that passed validation on import.
        doc = cast(Mapping[str, object], jsontext.loads(tugas.json_teks))
        hasil = buat_dokumen(doc, format=format, dokumen=dokumen, draf=draf)
    except Exception as exc:  # noqa: BLE001 - one bad instansi must not stop the batch
        return Selesai(tugas, galat=f"{type(exc).__name__}: {exc}")
    tugas.out.parent.mkdir(parents=True, exist_ok=True)
    tugas.out.write_bytes(hasil.isi)
    return Selesai(tugas, tuple(hasil.peringatan))


def jalankan(
    tugas: Sequence[Tugas],
    *,
    format: str,
    dokumen: str,
    pekerja: int | None = None,
    draf: bool = False,
) -> Iterator[Selesai]:
    """Build every document, yielding each as it is done (in any order)."""
    pekerja = min(pekerja or os.cpu_count() or 1, len(tugas))
    if pekerja <= 1:
        for t in tugas:
            yield _kerjakan(t, format, dokumen, draf)
        return
    with ProcessPoolExecutor(max_workers=pekerja) as pool:
        futures = [pool.submit(_kerjakan, t, format, dokumen, draf) for t in tugas]
        for f in as_completed(futures):
            yield f.result()

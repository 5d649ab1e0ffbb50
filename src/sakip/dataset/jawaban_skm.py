"""SKM answers typed from paper forms, from CSV or XLSX: the one reader.

One row per respondent after a header row; one column per unsur named by
its kode (U1..Un) holding 1-4 or a blank; optional profile columns
(``layanan``, ``jenis_kelamin``, ``umur``, ``pendidikan``, ``pekerjaan``).
Every bad cell is reported naming its row and column, and nothing is
returned when there is one: an import is all or nothing.

Rows become one ``bytes`` of answers each, joined into the ``uint8`` matrix
the engine counts, so that a 100,000-row workbook costs little beyond
openpyxl's own reading.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi
from sakip.engine.skm_hasil import DataJawaban, profil_dari_label
from sakip.engine.skm_profil import PROFIL, kelompok_umur

#: A wrapper showing progress over rows: ``kemajuan(rows, total=, label=, satuan=)``.
Kemajuan = Callable[..., Iterable[tuple[int, tuple]]]

# Cell value -> answer; floats hash as ints, so 4.0 from an Excel number
# cell finds 4. Anything missing here is an error (255 marks it).
_NILAI: dict[object, int] = {None: 0, "": 0}
for _n in (1, 2, 3, 4):
    _NILAI[_n] = _n
    _NILAI[str(_n)] = _n
SALAH = 255
#: Beyond this many, errors are summarised: the first ones show the pattern.
GALAT_MAKS = 200


def _nama_kolom(teks: object) -> str:
    return str(teks or "").strip().lower().replace(" ", "_")


def _baris_csv(path: Path) -> tuple[list[str], int, Iterator[tuple[int, tuple]]]:
    with path.open("rb") as f:
        total = max(sum(1 for _ in f) - 1, 0)
    f = path.open(newline="", encoding="utf-8-sig")
    reader = csv.reader(f)
    header = next(reader, [])

    def rows() -> Iterator[tuple[int, tuple]]:
        with f:
            for nomor, row in enumerate(reader, start=2):
                yield nomor, tuple(v.strip() for v in row)

    return header, total, rows()


def _baris_xlsx(path: Path) -> tuple[list[str], int, Iterator[tuple[int, tuple]], str]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    it = ws.iter_rows(values_only=True)
    header = [str(v) if v is not None else "" for v in next(it, ())]
    total = max((ws.max_row or 1) - 1, 0)

    def rows() -> Iterator[tuple[int, tuple]]:
        try:
            for nomor, row in enumerate(it, start=2):
                yield nomor, tuple(v.strip() if isinstance(v, str) else v for v in row)
        finally:
            wb.close()

    return header, total, rows(), ws.title


def baca_jawaban(
    path: str | Path, kode_unsur: Sequence[str], *, kemajuan: Kemajuan | None = None
) -> DataJawaban:
    """Read every respondent's answers; raise :class:`DatasetInvalid` with
    every bad cell (row and column named) when there is one.

    A row with no answer at all is not a respondent and is skipped (empty
    lines at the end of a sheet).
    """
    path = Path(path)
    if not path.is_file():
        raise DatasetInvalid([Galat(Lokasi(file=str(path)), (), "berkas jawaban tidak ditemukan")])
    sheet = None
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        header, total, rows, sheet = _baris_xlsx(path)
    else:
        header, total, rows = _baris_csv(path)
    nama = [_nama_kolom(h) for h in header]
    hilang = [k for k in kode_unsur if k.lower() not in nama]
    if hilang:
        raise DatasetInvalid(
            [
                Galat(
                    Lokasi(file=str(path), sheet=sheet, line=1),
                    (),
                    f"baris 1: kolom unsur tidak ada: {', '.join(hilang)}",
                )
            ]
        )
    i_unsur = [nama.index(k.lower()) for k in kode_unsur]
    i_profil = {p: nama.index(p) for p in PROFIL if p in nama}
    if kemajuan is not None:
        rows = iter(
            kemajuan(rows, total=total, label=f"baca {path.name}", satuan="baris", minimum=1000)
        )

    jawaban = bytearray()
    profil: dict[str, list[str]] = {p: [] for p in i_profil}
    galat: list[Galat] = []
    jumlah_galat = 0
    lebar = max([*i_unsur, *i_profil.values()]) + 1
    for nomor, row in rows:
        if len(row) < lebar:
            row = row + (None,) * (lebar - len(row))
        nilai = bytes(_NILAI.get(row[i], SALAH) for i in i_unsur)
        if SALAH in nilai or any(row[i].__class__ is bool for i in i_unsur):
            for kode, i, v in zip(kode_unsur, i_unsur, nilai, strict=True):
                if v == SALAH or row[i].__class__ is bool:
                    jumlah_galat += 1
                    if len(galat) < GALAT_MAKS:
                        galat.append(_galat(path, sheet, nomor, i, kode, row[i]))
            continue
        if not any(nilai):
            continue
        jawaban += nilai
        for p, i in i_profil.items():
            teks = "" if row[i] is None else str(row[i]).strip()
            profil[p].append(kelompok_umur(teks) if p == "umur" else teks)
    if galat:
        if jumlah_galat > len(galat):
            lain = jumlah_galat - len(galat)
            galat.append(Galat(Lokasi(file=str(path), sheet=sheet), (), f"dan {lain} galat lain"))
        raise DatasetInvalid(galat)
    m = np.frombuffer(bytes(jawaban), dtype=np.uint8).reshape(-1, len(kode_unsur))
    return DataJawaban(tuple(kode_unsur), m, {p: profil_dari_label(v) for p, v in profil.items()})


def _galat(path: Path, sheet: str | None, nomor: int, i: int, kode: str, nilai: object) -> Galat:
    # Imported here: a CSV that reads cleanly never needs the workbook code.
    from sakip.dataset.xlsx.ooxml import huruf_kolom

    kolom = f"{kode} ({huruf_kolom(i)})" if sheet else kode
    return Galat(
        Lokasi(file=str(path), sheet=sheet, line=nomor, cell=f"{huruf_kolom(i)}{nomor}"),
        (),
        f"baris {nomor}, kolom {kolom}: nilai {nilai!r} harus 1, 2, 3, 4 atau kosong",
    )

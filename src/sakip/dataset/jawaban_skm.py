"""SKM answers typed from paper forms, from CSV or XLSX: the one reader.

One row per respondent after a header row; one column per unsur named by
its kode (U1..Un) holding 1-4 or a blank; optional profile columns
(``layanan``, ``jenis_kelamin``, ``umur``, ``pendidikan``, ``pekerjaan``).
Every bad cell is reported naming its row and column, and nothing is
returned when there is one: an import is all or nothing. Whatever the bytes,
the only exception is :class:`DatasetInvalid`.

Files are read by parsers in C++ and Rust and checked a column at a time:
a column becomes its few distinct values and one integer index per row, so
a value is checked once however many rows hold it (``bench/skm_baca.py``:
1,000,000 CSV answers in a fraction of a plain ``csv`` loop, a 100,000-row
workbook in a fraction of an openpyxl pass).

- CSV: pyarrow's reader, columns dictionary-encoded. It skips blank lines,
  so it cannot say which line a value came from: a file it refuses, or
  with any bad value, is read again by Python's ``csv`` module, which
  names the line (only files with an error pay for that).
- XLSX: python-calamine. The package is checked first by
  :mod:`sakip.dataset.xlsx.jaga` (size, declared and real expanded size,
  encryption, DTDs, formulas, the sheet's extent),
  because calamine holds the sheet as a dense grid in memory and a small
  file can claim an enormous one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import numpy as np

from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi
from sakip.engine.angka import format_angka
from sakip.engine.skm_hasil import DataJawaban, Profil
from sakip.engine.skm_profil import PROFIL, UMUR, kelompok_umur

#: Largest CSV accepted; 1,000,000 answers with a profile are about 60 MB.
MAKS_BYTE_CSV = 128 * 1024 * 1024
#: Largest workbook accepted; 100,000 rows are about 5 MB.
MAKS_BYTE_XLSX = 64 * 1024 * 1024
#: The parts of a workbook expanded: 100,000 rows are about 25 MB of XML.
MAKS_TERURAI = 256 * 1024 * 1024
#: Rows of one file: more than any survey of one instansi, and what keeps
#: a file of short lines from costing gigabytes once parsed.
MAKS_BARIS = 2_000_000
#: Cells of the sheet's grid (rows x columns up to its last cell), which
#: calamine allocates whole: 100,000 rows x 14 columns are 1.4 million.
MAKS_SEL = 10_000_000
#: Beyond this many, errors are summarised: the first ones show the pattern.
GALAT_MAKS = 200
UMUR_MAKS = 120
#: Longest profile text (layanan, pekerjaan, ...): the size of the columns
#: that keep it (``sakip.skm.models.Responden``; a test holds them equal).
PROFIL_MAKS = 255

SALAH = 255
#: A profile value that is refused (an index past every label).
_TOLAK = -1


class _PerluBarisTepat(Exception):
    """The fast CSV path cannot name the line of a problem: read it again."""


def _nama_kolom(teks: object) -> str:
    return str(teks or "").strip().lower().replace(" ", "_")


def _angka(n: int) -> str:
    return format_angka(Decimal(n), 0)


def _cetak(nilai: object) -> str:
    """A value as a message quotes it: control characters escaped, long text cut."""
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    teks = repr(nilai)
    return teks if len(teks) <= 40 else teks[:37] + "..."


def _huruf(i: int) -> str:
    # Imported here: a CSV that reads cleanly never needs the workbook code.
    from sakip.dataset.xlsx.ooxml import huruf_kolom

    return huruf_kolom(i)


def _salah(path: Path, pesan: str, *, sheet: str | None = None, line: int | None = None):
    return DatasetInvalid([Galat(Lokasi(file=str(path), sheet=sheet, line=line), (), pesan)])


def _ada_kendali(teks: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in teks)


# --- checking a value -----------------------------------------------------


def _kode_jawaban(nilai: object) -> int:
    """1-4 for an answer, 0 for a blank, SALAH for anything else."""
    if nilai is None or isinstance(nilai, bool):
        return SALAH if isinstance(nilai, bool) else 0
    if isinstance(nilai, str):
        teks = nilai.strip()
        if teks == "":
            return 0
        return int(teks) if teks in ("1", "2", "3", "4") else SALAH
    if isinstance(nilai, int | float) and nilai in (1, 2, 3, 4):
        return int(nilai)
    return SALAH


_UMUR_LABEL = {u.casefold(): u for u in UMUR}


def _teks_profil(p: str, nilai: object) -> tuple[str, str | None]:
    """(the stored text, None) or ("", why it is refused)."""
    if nilai is None:
        return "", None
    if isinstance(nilai, bool) or isinstance(nilai, dt.date | dt.time | dt.timedelta):
        return "", f"nilai {_cetak(nilai)} bukan teks"
    if isinstance(nilai, float):
        if not np.isfinite(nilai):
            return "", f"nilai {_cetak(nilai)} bukan teks"
        teks = str(int(nilai)) if nilai.is_integer() else str(nilai)
    else:
        teks = str(nilai).strip()
    if _ada_kendali(teks):
        return "", f"nilai {_cetak(teks)} berisi karakter kendali"
    if len(teks) > PROFIL_MAKS:
        return "", f"teks terlalu panjang ({len(teks)} karakter, paling banyak {PROFIL_MAKS})"
    if p != "umur" or teks == "":
        return teks, None
    if teks.casefold() in _UMUR_LABEL:
        return _UMUR_LABEL[teks.casefold()], None
    angka = teks[:-2] if teks.endswith(".0") else teks
    if angka.isascii() and angka.isdigit() and int(angka) <= UMUR_MAKS:
        return kelompok_umur(angka), None
    return "", (
        f"umur {_cetak(teks)} harus bilangan bulat 0-{UMUR_MAKS} tahun "
        f"atau salah satu: {', '.join(UMUR)}"
    )


# --- a file as columns ------------------------------------------------------


@dataclass
class _Kolom:
    """One column read: its distinct values and, per row, the index of its value."""

    nilai: list[object]
    indeks: np.ndarray  # int32, one per row


@dataclass
class _Tabel:
    header: Sequence[object]
    kolom: dict[int, _Kolom]  # by 0-based column index, only the columns used
    #: Line or row number of each row; None when unknown (fast CSV path).
    nomor: np.ndarray | None
    sheet: str | None = None


def _kodekan(nilai: list[object]) -> _Kolom:
    """Dictionary-encode a column of Python values (the slow CSV path, XLSX)."""
    if not any(v.__class__ is bool for v in nilai):
        # One dict and C-level map: a column of 100,000 cells in milliseconds.
        unik = {v: i for i, v in enumerate(dict.fromkeys(nilai))}
        indeks = np.fromiter(map(unik.__getitem__, nilai), dtype=np.int32, count=len(nilai))
        return _Kolom(list(unik), indeks)
    # True equals 1 and 1.0 as a dict key, but is no answer: key by type too.
    kunci = [(v.__class__, v) for v in nilai]
    unik_t = {k: i for i, k in enumerate(dict.fromkeys(kunci))}
    indeks = np.fromiter(map(unik_t.__getitem__, kunci), dtype=np.int32, count=len(kunci))
    return _Kolom([v for _, v in unik_t], indeks)


def _dipakai(path: Path, header: Sequence[object], kode_unsur: Sequence[str], sheet: str | None):
    """Column index of each unsur and profile column, from the header row."""
    nama = [_nama_kolom(h) for h in header]
    galat = []
    if not any(nama):
        raise _salah(path, "berkas kosong: tidak ada baris judul kolom", sheet=sheet, line=1)
    hilang = [k for k in kode_unsur if k.lower() not in nama]
    if hilang:
        galat.append(f"baris 1: kolom unsur tidak ada: {', '.join(hilang)}")
    for n in dict.fromkeys([k.lower() for k in kode_unsur] + list(PROFIL)):
        letak = [i for i, x in enumerate(nama) if x == n]
        if len(letak) > 1:
            where = ", ".join(_huruf(i) for i in letak)
            galat.append(f"baris 1: kolom {n} ada {len(letak)} kali (kolom {where})")
    if galat:
        raise DatasetInvalid(
            [Galat(Lokasi(file=str(path), sheet=sheet, line=1), (), g) for g in galat]
        )
    i_unsur = [nama.index(k.lower()) for k in kode_unsur]
    i_profil = {p: nama.index(p) for p in PROFIL if p in nama}
    return i_unsur, i_profil


def _periksa(path: Path, tabel: _Tabel, kode_unsur: Sequence[str]) -> DataJawaban:
    """Check every column at once and build the engine's answers; raise
    :class:`DatasetInvalid` naming every bad cell (or :class:`_PerluBarisTepat`
    when there is one and lines are unknown)."""
    i_unsur, i_profil = _dipakai(path, tabel.header, kode_unsur, tabel.sheet)
    jumlah = len(next(iter(tabel.kolom.values())).indeks) if tabel.kolom else 0
    kosong = np.zeros(jumlah, dtype=np.int32)

    def kolom(i: int) -> _Kolom:
        return tabel.kolom.get(i) or _Kolom([None], kosong)

    matriks = np.empty((jumlah, len(i_unsur)), dtype=np.uint8)
    for j, i in enumerate(i_unsur):
        k = kolom(i)
        lut = np.fromiter((_kode_jawaban(v) for v in k.nilai), dtype=np.uint8, count=len(k.nilai))
        matriks[:, j] = lut[k.indeks]
    profil_kode: dict[str, np.ndarray] = {}
    profil_label: dict[str, tuple[str, ...]] = {}
    alasan: dict[str, list[str | None]] = {}
    for p, i in i_profil.items():
        k = kolom(i)
        label: dict[str, int] = {}
        lut_p = np.empty(len(k.nilai), dtype=np.int32)
        alasan[p] = []
        for n, v in enumerate(k.nilai):
            teks, why = _teks_profil(p, v)
            alasan[p].append(why)
            lut_p[n] = _TOLAK if why else (label.setdefault(teks, len(label) + 1) if teks else 0)
        profil_kode[p] = lut_p[k.indeks]
        profil_label[p] = tuple(label)

    dijawab = (matriks != 0).any(axis=1)
    salah_jawaban = (matriks == SALAH).any(axis=1)
    salah_profil = np.zeros(jumlah, dtype=bool)
    isi_profil = np.zeros(jumlah, dtype=bool)
    for p in i_profil:
        salah_profil |= profil_kode[p] == _TOLAK
        isi_profil |= profil_kode[p] != 0
    # A row holding a profile but no answer is a form typed half: dropping
    # it silently would lose a respondent.
    tanpa_jawaban = isi_profil & ~dijawab & ~salah_profil
    buruk = salah_jawaban | salah_profil | tanpa_jawaban
    if buruk.any():
        if tabel.nomor is None:
            raise _PerluBarisTepat
        raise DatasetInvalid(
            _galat_sel(path, tabel, kode_unsur, i_unsur, i_profil, alasan, buruk, tanpa_jawaban)
        )
    m = matriks[dijawab]
    if len(m) == 0:
        raise _salah(
            path, "tidak ada responden: tidak ada baris berisi jawaban di bawah baris judul"
        )
    profil = {
        p: Profil(profil_label[p], np.ascontiguousarray(profil_kode[p][dijawab])) for p in i_profil
    }
    return DataJawaban(tuple(kode_unsur), np.ascontiguousarray(m), profil)


def _galat_sel(
    path: Path,
    tabel: _Tabel,
    kode_unsur: Sequence[str],
    i_unsur: list[int],
    i_profil: dict[str, int],
    alasan: dict[str, list[str | None]],
    buruk: np.ndarray,
    tanpa_jawaban: np.ndarray,
) -> list[Galat]:
    assert tabel.nomor is not None
    galat: list[Galat] = []
    jumlah_galat = 0
    sheet = tabel.sheet

    def tambah(nomor: int, i: int | None, nama: str, pesan: str) -> None:
        nonlocal jumlah_galat
        jumlah_galat += 1
        if len(galat) >= GALAT_MAKS:
            return
        if i is None:
            lokasi = Lokasi(file=str(path), sheet=sheet, line=nomor)
            galat.append(Galat(lokasi, (), f"baris {nomor}: {pesan}"))
            return
        huruf = _huruf(i)
        kolom = f"{nama} ({huruf})" if sheet else nama
        lokasi = Lokasi(file=str(path), sheet=sheet, line=nomor, cell=f"{huruf}{nomor}")
        galat.append(Galat(lokasi, (), f"baris {nomor}, kolom {kolom}: {pesan}"))

    for r in np.flatnonzero(buruk).tolist():
        nomor = int(tabel.nomor[r])
        if tanpa_jawaban[r]:
            tambah(nomor, None, "", "ada data profil tetapi tidak ada jawaban unsur")
            continue
        for kode, i in zip(kode_unsur, i_unsur, strict=True):
            k = tabel.kolom.get(i)
            if k is None:
                continue
            v = k.nilai[k.indeks[r]]
            if _kode_jawaban(v) == SALAH:
                tambah(nomor, i, kode, f"nilai {_cetak(v)} harus 1, 2, 3, 4 atau kosong")
        for p, i in i_profil.items():
            k = tabel.kolom.get(i)
            if k is None:
                continue
            why = alasan[p][k.indeks[r]]
            if why:
                tambah(nomor, i, p, why)
    if jumlah_galat > len(galat):
        lain = _angka(jumlah_galat - len(galat))
        galat.append(Galat(Lokasi(file=str(path), sheet=sheet), (), f"dan {lain} galat lain"))
    return galat


# --- CSV ------------------------------------------------------------------


def _periksa_csv(path: Path) -> None:
    """The first bytes, after checking the size, the encoding's mark and the
    number of lines (read in blocks: never the whole file in memory twice)."""
    ukuran = path.stat().st_size
    if ukuran > MAKS_BYTE_CSV:
        raise _salah(
            path,
            f"berkas terlalu besar: {_angka(ukuran)} byte, batasnya {_angka(MAKS_BYTE_CSV)} byte",
        )
    baris = 0
    with path.open("rb") as f:
        awal = f.read(4)
        f.seek(0)
        while blok := f.read(1 << 22):
            baris += blok.count(b"\n")
    if awal[:2] in (b"\xff\xfe", b"\xfe\xff") or awal[:4] in (b"\x00\x00\xfe\xff",):
        raise _salah(
            path,
            "berkas berkode UTF-16/UTF-32; simpan ulang sebagai CSV UTF-8",
            line=1,
        )
    if baris > MAKS_BARIS + 1:
        raise _salah(
            path,
            f"terlalu banyak baris: {_angka(baris)}, "
            f"paling banyak {_angka(MAKS_BARIS)} responden per berkas",
        )


def _pemisah(path: Path) -> str:
    """The delimiter of the header line: Excel in an Indonesian locale
    writes ';', because ',' is its decimal separator."""
    with path.open("rb") as f:
        baris = f.readline(1 << 16)
    hitung = {d: baris.count(d.encode()) for d in (",", ";", "\t")}
    terbanyak = max(hitung, key=lambda d: hitung[d])
    return terbanyak if hitung[terbanyak] else ","


def _tabel_csv_cepat(path: Path, header: list[str], pemisah: str, dipakai: list[int]) -> _Tabel:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    nama = [f"k{i}" for i in range(len(header))]
    teks = pa.dictionary(pa.int32(), pa.string())
    try:
        t = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=nama, skip_rows=1),
            parse_options=pacsv.ParseOptions(delimiter=pemisah, newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                include_columns=[nama[i] for i in dipakai],
                column_types={nama[i]: teks for i in dipakai},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        t = t.unify_dictionaries()
    except (pa.ArrowException, ValueError, OSError):
        raise _PerluBarisTepat from None
    kolom = {}
    for i in dipakai:
        c = t.column(nama[i])
        if c.num_chunks == 0:
            kolom[i] = _Kolom([None], np.zeros(0, dtype=np.int32))
            continue
        nilai = c.chunk(0).dictionary.to_pylist()
        indeks = np.concatenate(
            [ch.indices.to_numpy(zero_copy_only=False) for ch in c.chunks]
        ).astype(np.int32, copy=False)
        kolom[i] = _Kolom(nilai, indeks)
    return _Tabel(header, kolom, None)


def _tabel_csv_tepat(path: Path, pemisah: str, kode_unsur: Sequence[str]) -> _Tabel:
    """Python's csv module, naming the line of every problem."""
    with path.open("rb") as f:
        data = f.read()
    try:
        teks = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        baris = data.count(b"\n", 0, exc.start) + 1
        raise _salah(
            path,
            f"baris {baris}: bukan teks UTF-8 (byte {data[exc.start]:#04x}); "
            "simpan ulang sebagai CSV UTF-8",
            line=baris,
        ) from None
    del data
    reader = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    baris_semua: list[list[str]] = []
    nomor: list[int] = []
    try:
        header = next(reader, [])
        i_unsur, i_profil = _dipakai(path, header, kode_unsur, None)
        dipakai = sorted({*i_unsur, *i_profil.values()})
        lebar = max(dipakai) + 1
        while True:
            # The line where the record starts: a quoted field may span lines.
            awal = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            if len(row) < lebar:
                row = row + [""] * (lebar - len(row))
            baris_semua.append([row[i] for i in dipakai])
            nomor.append(awal)
    except csv.Error as exc:
        n = reader.line_num
        raise _salah(path, f"baris {n}: CSV rusak: {_pesan_csv(exc)}", line=n) from None
    kolom = {i: _kodekan([b[n] for b in baris_semua]) for n, i in enumerate(dipakai)}
    return _Tabel(header, kolom, np.array(nomor, dtype=np.int64))


def _pesan_csv(exc: csv.Error) -> str:
    teks = str(exc)
    if "field limit" in teks:
        return f"isi satu kolom lebih dari {_angka(csv.field_size_limit())} karakter"
    if "NUL" in teks:
        return "berisi karakter NUL"
    return _cetak(teks)


def _header_csv(path: Path, pemisah: str) -> list[str] | None:
    """The header row, or None when the fast path cannot be trusted to read it."""
    with path.open("rb") as f:
        awal = f.readline(1 << 16)
    try:
        teks = awal.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if not teks.endswith("\n") or '"' in teks or "\0" in teks:
        return None
    try:
        return next(csv.reader([teks], delimiter=pemisah), [])
    except csv.Error:  # a stray carriage return: the exact reader will say where
        return None


def _baca_csv(path: Path, kode_unsur: Sequence[str]) -> DataJawaban:
    _periksa_csv(path)
    pemisah = _pemisah(path)
    header = _header_csv(path, pemisah)
    if header is not None and any(_nama_kolom(h) for h in header):
        i_unsur, i_profil = _dipakai(path, header, kode_unsur, None)
        dipakai = sorted({*i_unsur, *i_profil.values()})
        try:
            return _periksa(path, _tabel_csv_cepat(path, header, pemisah, dipakai), kode_unsur)
        except _PerluBarisTepat:
            pass
    tabel = _tabel_csv_tepat(path, pemisah, kode_unsur)
    try:
        return _periksa(path, tabel, kode_unsur)
    except _PerluBarisTepat:  # pragma: no cover - lines are known here
        raise AssertionError("baris diketahui") from None


# --- XLSX -----------------------------------------------------------------


def _periksa_paket(path: Path) -> tuple[str, str, bool]:
    """(the first sheet's title, its part, whether it holds formulas), once
    the package is known to be safe to hand to calamine."""
    # Imported here: a CSV that reads cleanly never needs the workbook code.
    from sakip.dataset.xlsx.jaga import periksa_paket

    (aman,) = periksa_paket(
        path, maks_byte=MAKS_BYTE_XLSX, maks_terurai=MAKS_TERURAI, maks_sel=MAKS_SEL
    )
    return aman.lembar.judul, aman.lembar.path, aman.pindai.rumus


def _rumus(path: Path, judul: str, part: str, dipakai: set[int]) -> list[Galat]:
    """Formula cells in the columns read: refused, since a formula Excel has
    not computed reads as blank and would drop an answer without a word."""
    from sakip.dataset.xlsx.ooxml import Lembar, Paket

    galat: list[Galat] = []
    try:
        with zipfile.ZipFile(path) as arsip:
            for nomor, cells in Paket(arsip).baris(Lembar(judul, part)):
                for s in cells:
                    if s.data_type == "f" and s.kolom in dipakai and len(galat) < GALAT_MAKS:
                        lokasi = Lokasi(file=str(path), sheet=judul, line=nomor, cell=s.koordinat)
                        pesan = (
                            f"baris {nomor}: sel {s.koordinat} berisi rumus; "
                            "salin lalu tempel sebagai nilai (Paste Values)"
                        )
                        galat.append(Galat(lokasi, (), pesan))
    except Exception as exc:  # noqa: BLE001 - any failure of a parser is a broken file
        return [Galat(Lokasi(file=str(path), sheet=judul), (), f"sheet rusak: {_cetak(str(exc))}")]
    return galat


def _baca_xlsx(path: Path, kode_unsur: Sequence[str]) -> DataJawaban:
    import python_calamine

    judul, part, ada_rumus = _periksa_paket(path)
    try:
        buku = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            baris = buku.get_sheet_by_index(0).to_python(skip_empty_area=False)
        finally:
            buku.close()
    except Exception as exc:  # noqa: BLE001 - calamine's errors share no base class
        raise _salah(path, f"buku kerja tidak dapat dibaca: {_cetak(str(exc))}") from None
    header = list(baris[0]) if baris else []
    i_unsur, i_profil = _dipakai(path, header, kode_unsur, judul)
    dipakai = sorted({*i_unsur, *i_profil.values()})
    if ada_rumus:
        galat = _rumus(path, judul, part, set(dipakai))
        if galat:
            raise DatasetInvalid(galat)
    isi = baris[1:]
    del baris
    jumlah = len(isi)
    lebar = max(dipakai) + 1
    for n, row in enumerate(isi):
        if len(row) < lebar:
            isi[n] = row + [""] * (lebar - len(row))
    kolom = {i: _kodekan([row[i] for row in isi]) for i in dipakai}
    del isi
    # Calamine's grid starts at A1 (skip_empty_area=False): list index = row - 2.
    tabel = _Tabel(header, kolom, np.arange(2, jumlah + 2, dtype=np.int64), judul)
    return _periksa(path, tabel, kode_unsur)


def baca_jawaban(path: str | Path, kode_unsur: Sequence[str]) -> DataJawaban:
    """Every respondent's answers; raise :class:`DatasetInvalid` with every
    bad cell (row and column named) when there is one, or when the file
    cannot be read (its size, encoding, structure, no respondent).

    A row with no answer and no profile is not a respondent and is skipped
    (empty lines at the end of a sheet).
    """
    path = Path(path)
    if not path.is_file():
        raise _salah(path, "berkas jawaban tidak ditemukan")
    try:
        if path.suffix.lower() in {".xlsx", ".xlsm"}:
            return _baca_xlsx(path, kode_unsur)
        return _baca_csv(path, kode_unsur)
    except OSError as exc:
        raise _salah(path, f"berkas tidak dapat dibaca: {exc.strerror or exc}") from None

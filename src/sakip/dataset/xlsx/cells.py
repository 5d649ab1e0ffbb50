"""How each kind of column writes a document value into a cell and reads it back.

The round trip must be exact. Three things make that work:

* A number is stored by Excel as a binary float, so only values of at most
  15 significant digits are numeric cells. The cell's number format carries
  how many decimals the value was written with ("0.000" for 79.017), so
  ``Decimal("81.60")`` comes back as ``81.60``, not ``81.6``. When reading,
  the float is rounded to 15 significant digits (what Excel itself keeps).
* Anything a plain cell cannot hold exactly (a longer Decimal, ``None``, a
  list, text with a control character) is written as JSON text in a cell
  formatted ``[Blue]@``: text shown in blue. That format marks the cell as
  a literal; a user never types it by accident.
* Text columns are formatted ``@`` so that Excel keeps what the user types
  ("7.01", a NIP of 18 digits) as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, localcontext
from enum import StrEnum
from functools import lru_cache

from sakip.dataset.xlsx.literal import baca_literal, teks_aman, tulis_literal

FORMAT_LITERAL = "[Blue]@"
FORMAT_TEKS = "@"
FORMAT_UANG = "#,##0.00"
# Whole rupiah written as an int: shown with two decimals like all money, its
# second (negative) section tells the reader to give back an int.
FORMAT_UANG_BULAT = "#,##0.00;-#,##0.00"
# Excel keeps 15 significant digits of a number.
DIGIT_MAKS = 15


class Jenis(StrEnum):
    """The kind of a column: which values it holds."""

    TEKS = "teks"  # str
    ANGKA = "angka"  # int or Decimal
    UANG = "uang"  # int or Decimal shown as money
    YA_TIDAK = "ya_tidak"  # bool
    NILAI = "nilai"  # anything: number, text, bool, or a literal
    KODE = "kode"  # list of codes: "S1, S2"
    BARIS = "baris"  # list of texts, one per line
    TEKS_ATAU_KODE = "teks_atau_kode"  # "B" is a str, "AA, A, B" a list
    TAHUN = "tahun"  # a year key of a map ("2020"): a number cell
    JSON = "json"  # the "Data lain" column: a JSON object


@dataclass(frozen=True)
class Sel:
    """What to write into a cell."""

    value: object
    number_format: str = "General"


class SelSalah(ValueError):
    """A cell whose content does not fit its column."""


def _literal(value: object) -> Sel:
    return Sel(tulis_literal(value), FORMAT_LITERAL)


def _format_desimal(uang: bool, n: int) -> str:
    base = "#,##0" if uang else "0"
    return base + ("." + "0" * n if n else "")


def tulis_angka(value: int | Decimal, *, uang: bool = False) -> Sel:
    """A numeric cell when Excel holds the value exactly, else a literal.

    >>> tulis_angka(Decimal("2214879630.50"), uang=True)
    Sel(value=Decimal('2214879630.50'), number_format='#,##0.00')
    >>> tulis_angka(Decimal("12345678901234567.89")).number_format
    '[Blue]@'
    """
    if isinstance(value, bool):
        raise TypeError("bool bukan angka")
    if isinstance(value, int):
        if abs(value) < 10**DIGIT_MAKS:
            return Sel(value, FORMAT_UANG_BULAT if uang else "General")
        return _literal(value)
    sign, digits, exponent = value.as_tuple()
    # An exponent of 0 or more cannot be told from an int by the format;
    # a negative zero loses its sign in a float cell.
    if (
        isinstance(exponent, int)
        and 1 <= -exponent <= DIGIT_MAKS
        and len(digits) <= DIGIT_MAKS
        and not (sign and value == 0)
    ):
        return Sel(value, _format_desimal(uang, -exponent))
    return _literal(value)


def tulis_sel(jenis: Jenis, value: object) -> Sel | None:
    """The cell for ``value`` in a column of ``jenis``, or ``None`` when
    the column cannot hold it (the caller keeps it elsewhere)."""
    if jenis in (Jenis.NILAI, Jenis.TEKS) and isinstance(value, str):
        return (
            Sel(value, FORMAT_TEKS if jenis is Jenis.TEKS else "General")
            if teks_aman(value)
            else _literal(value)
        )
    if jenis is Jenis.NILAI:
        if isinstance(value, bool):
            return Sel(value)
        if isinstance(value, int | Decimal):
            return tulis_angka(value)
        return _literal(value)
    if jenis in (Jenis.ANGKA, Jenis.UANG):
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            return tulis_angka(value, uang=jenis is Jenis.UANG)
        return None
    if jenis is Jenis.YA_TIDAK:
        return Sel(value) if isinstance(value, bool) else None
    if jenis is Jenis.TAHUN:
        if isinstance(value, str) and re.fullmatch(r"[1-9]\d{0,14}", value):
            return Sel(int(value), "0")
        return Sel(value, FORMAT_TEKS) if isinstance(value, str) and teks_aman(value) else None
    if jenis is Jenis.KODE:
        return _tulis_kode(value, minimal=1)
    if jenis is Jenis.TEKS_ATAU_KODE:
        if isinstance(value, str):
            return Sel(value, FORMAT_TEKS) if _kode_aman(value) else None
        return _tulis_kode(value, minimal=2)
    if jenis is Jenis.BARIS:
        if (
            isinstance(value, list)
            and value
            and all(isinstance(v, str) and teks_aman(v) and "\n" not in v for v in value)
        ):
            return Sel("\n".join(value), FORMAT_TEKS)
        return None
    if jenis is Jenis.JSON:
        return Sel(tulis_literal(value)) if isinstance(value, dict) else None
    return None


def _kode_aman(text: str) -> bool:
    return teks_aman(text) and text == text.strip() and not re.search(r"[,;\n]", text)


def _tulis_kode(value: object, *, minimal: int) -> Sel | None:
    if (
        isinstance(value, list)
        and len(value) >= minimal
        and all(isinstance(v, str) and _kode_aman(v) for v in value)
    ):
        return Sel(", ".join(value), FORMAT_TEKS)
    return None


# --- reading -----------------------------------------------------------------


def kosong(value: object) -> bool:
    """A blank cell: nothing, or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


@lru_cache(maxsize=256)
def _desimal_format(number_format: str) -> int | None:
    """How many decimals a number format shows, or ``None`` without a point.

    >>> _desimal_format("#,##0.00"), _desimal_format("General"), _desimal_format('"Rp "#,##0')
    (2, None, None)
    """
    section = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format.split(";")[0])
    if "General" in section or "." not in section:
        return None
    after = section.split(".", 1)[1]
    return len(re.match(r"[0#?]*", after).group(0))


def _dari_float(value: float) -> Decimal:
    """The decimal a user meant by a float: rounded to 15 significant digits,
    trailing fractional zeros dropped."""
    d = Decimal(repr(value))
    if not d.is_finite():
        raise SelSalah("bukan angka")
    _, digits, exponent = d.as_tuple()
    if len(digits) > DIGIT_MAKS:
        d = d.quantize(Decimal(1).scaleb(d.adjusted() - (DIGIT_MAKS - 1)))
    elif exponent >= 0 or digits[-1] != 0:  # type: ignore[operator]
        return d  # repr already gives the shortest form
    if d.as_tuple().exponent < 0:
        normal = d.normalize()
        d = normal if normal.as_tuple().exponent <= 0 else d.quantize(Decimal(1))
    return d


def baca_angka(value: int | float, number_format: str) -> int | Decimal:
    """The exact number of a numeric cell, with the decimals its format shows.

    >>> baca_angka(2214879630.5, "#,##0.00"), baca_angka(5, "General")
    (Decimal('2214879630.50'), 5)
    >>> baca_angka(9.999999999999989, "0.00000000000000")
    Decimal('9.99999999999999')
    >>> baca_angka(1e308, "#,##0.00").adjusted()
    308
    """
    n = _desimal_format(number_format)
    if isinstance(value, int) and (n is None or _format_bulat(number_format)):
        return value
    d = Decimal(value) if isinstance(value, int) else _dari_float(value)
    if n is None:
        return int(d) if d == d.to_integral_value() else d
    # Pad to the decimals shown; a value with more decimals keeps them all.
    # Exact at any size: a cell may hold up to 1.8e308, which the
    # validation then refuses as out of range (never InvalidOperation here).
    if d.as_tuple().exponent >= -n:
        with localcontext() as ctx:
            ctx.prec = max(28, d.adjusted() + n + 2)
            return d.quantize(Decimal(1).scaleb(-n))
    return d


def _angka_teks(text: str) -> int | Decimal:
    text = text.strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d+\.\d+", text):
        return Decimal(text)
    if re.fullmatch(r"[+-]?\d+,\d+", text):
        return Decimal(text.replace(",", "."))
    raise SelSalah(f"bukan angka: {text!r}")


def _teks_tanggal(value: datetime | date | time) -> str:
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    return value.isoformat()


def _teks(value: object, data_type: str, number_format: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise SelSalah("bukan teks")
    if isinstance(value, int | float):
        d = baca_angka(value, number_format)
        return str(d) if isinstance(d, int) else f"{d:f}"
    if isinstance(value, datetime | date | time):
        return _teks_tanggal(value)
    raise SelSalah(f"isi sel tidak dikenal ({data_type})")


def _pisah_kode(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,;\n]", text) if p.strip()]


@lru_cache(maxsize=256)
def _format_bulat(number_format: str) -> bool:
    return number_format.replace("\\", "") == FORMAT_UANG_BULAT


@lru_cache(maxsize=256)
def _format_literal(number_format: str) -> bool:
    return number_format.strip().casefold() == FORMAT_LITERAL.casefold()


def baca_sel(jenis: Jenis, value: object, data_type: str, number_format: str) -> object:
    """The document value of a non-blank cell; raise :class:`SelSalah`."""
    if isinstance(value, str) and _format_literal(number_format):
        try:
            literal = baca_literal(value)
        except ValueError as exc:
            raise SelSalah(f"nilai persis (teks biru) tidak sah: {exc}") from None
        return _periksa_literal(jenis, literal)
    if data_type == "e":
        raise SelSalah(f"sel berisi galat Excel {value}")
    if jenis is Jenis.NILAI:
        if isinstance(value, bool | str):
            return value
        if isinstance(value, int | float):
            return baca_angka(value, number_format)
        return _teks(value, data_type, number_format)
    if jenis in (Jenis.ANGKA, Jenis.UANG):
        if isinstance(value, bool):
            raise SelSalah("bukan angka: ya/tidak")
        if isinstance(value, int | float):
            return baca_angka(value, number_format)
        if isinstance(value, str):
            return _angka_teks(value)
        raise SelSalah(f"bukan angka: {value}")
    if jenis is Jenis.YA_TIDAK:
        return _ya_tidak(value)
    text = _teks(value, data_type, number_format)
    if jenis in (Jenis.TEKS, Jenis.TAHUN, Jenis.JSON):
        if jenis is Jenis.JSON:
            try:
                data = baca_literal(text)
            except ValueError as exc:
                raise SelSalah(f"data lain bukan JSON yang sah: {exc}") from None
            if not isinstance(data, dict):
                raise SelSalah("data lain harus objek JSON {...}")
            return data
        return text
    if jenis is Jenis.KODE:
        kode = _pisah_kode(text)
        if not kode:
            raise SelSalah("daftar kode kosong")
        return kode
    if jenis is Jenis.TEKS_ATAU_KODE:
        return _pisah_kode(text) if re.search(r"[,;\n]", text) else text
    if jenis is Jenis.BARIS:
        return [line for line in text.split("\n") if line.strip()]
    raise AssertionError(jenis)  # pragma: no cover


def _ya_tidak(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in ("ya", "y", "benar", "true"):
            return True
        if word in ("tidak", "t", "salah", "false"):
            return False
    raise SelSalah(f"isi dengan ya atau tidak (TRUE/FALSE), bukan {value!r}")


def _periksa_literal(jenis: Jenis, value: object) -> object:
    if jenis in (Jenis.ANGKA, Jenis.UANG):
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise SelSalah("bukan angka")
    elif jenis in (Jenis.TEKS, Jenis.TAHUN):
        if not isinstance(value, str):
            raise SelSalah("bukan teks")
    elif jenis is Jenis.JSON and not isinstance(value, dict):
        raise SelSalah("data lain harus objek JSON {...}")
    elif jenis not in (Jenis.NILAI, Jenis.JSON):
        raise SelSalah("nilai persis (teks biru) tidak dipakai di kolom ini")
    return value

"""Numbers: the one place that reads a value as a number and writes one out.

Every figure in the product is a :class:`~decimal.Decimal`; nothing here goes
through a binary float. Values in a dataset are numbers or strings written
the Indonesian way ("12 Bulan", "1.500 surat", "2,5 km", "96,89 %").
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

HUNDRED = Decimal(100)
SEN = Decimal("0.01")

#: The widest number a dataset may hold: this many digits before the point,
#: and as many after it (:func:`di_luar_jangkauan`). Beyond it a figure means
#: nothing in a report, and Decimal arithmetic of 28 digits would round it.
DIGIT_MAKS = 28

_BATAS_BULAT: int = 10**DIGIT_MAKS

#: Longest plain text :func:`format_angka` writes (digits, separators); a
#: number that would be longer is written in scientific notation instead.
_TEKS_MAKS = 60
_BATAS_TEKS: int = 10**_TEKS_MAKS

# A leading number the way Indonesian documents write it: "." groups
# thousands in threes, "," is the decimal mark. A plain machine number
# ("81.55") is also accepted when it cannot be a thousands grouping.
_LEADING_NUMBER = re.compile(r"^\s*([-+]?)(\d[\d.,]*)")
_ID_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_ID_DECIMAL = re.compile(r"^\d+,\d+$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")


class BukanAngka(ValueError):
    """A value that should be a number and is not."""


def ke_desimal(value: object) -> Decimal | None:
    """Read a dataset value as a number, or ``None`` when it is not one.

    >>> ke_desimal("81.55")
    Decimal('81.55')
    >>> ke_desimal("12 Bulan"), ke_desimal("1.500 surat"), ke_desimal("2,5 km")
    (Decimal('12'), Decimal('1500'), Decimal('2.5'))
    >>> ke_desimal("96,89 %"), ke_desimal(7), ke_desimal("Upacara, Pawai")
    (Decimal('96.89'), Decimal('7'), None)
    >>> ke_desimal(True) is None, ke_desimal(None) is None
    (True, True)
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # Only reachable from code, never from a dataset (the readers make
        # Decimals): go through repr so 0.1 stays 0.1.
        return Decimal(repr(value))
    if not isinstance(value, str):
        return None
    match = _LEADING_NUMBER.match(value)
    if not match:
        return None
    sign, text = match.group(1), match.group(2).rstrip(".,")
    if _ID_GROUPED.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _ID_DECIMAL.match(text):
        text = text.replace(",", ".")
    elif not _PLAIN.match(text):
        return None
    try:
        return Decimal(sign + text)
    except InvalidOperation:  # pragma: no cover - the patterns above exclude it
        return None


_ISIAN = re.compile(r"^([-+]?)(\d[\d.,]*)$")


def baca_angka(teks: str) -> Decimal:
    """A number typed in a form, the whole text of it, read the Indonesian
    way: "." groups thousands in threes, "," marks decimals; a plain machine
    number ("81.55") is also read when it cannot be a grouping. "Rp" before
    it and "%" after it are allowed. Raises :class:`BukanAngka` otherwise.

    >>> baca_angka("1.234.567,50"), baca_angka("Rp 2.500"), baca_angka("96,89 %")
    (Decimal('1234567.50'), Decimal('2500'), Decimal('96.89'))
    >>> baca_angka("81.55"), baca_angka("-3"), baca_angka(" 1.500 ")
    (Decimal('81.55'), Decimal('-3'), Decimal('1500'))
    >>> try:
    ...     baca_angka("1.2.3")
    ... except BukanAngka as e:
    ...     print(e)
    '1.2.3' bukan angka; tulis seperti 1.234.567,50
    """
    isi = teks.strip()
    if isi[:2].lower() == "rp":
        isi = isi[2:].lstrip(" .")
    isi = isi.removesuffix("%").strip().replace(" ", "")
    match = _ISIAN.match(isi)
    nilai = ke_desimal(isi) if match and match.group(2)[-1].isdigit() else None
    if nilai is None or di_luar_jangkauan(nilai):
        raise BukanAngka(f"{teks.strip()!r} bukan angka; tulis seperti 1.234.567,50")
    return nilai


def bagi(pembilang: Decimal, penyebut: Decimal) -> Decimal:
    """Divide with 28 significant digits, whatever the caller's context."""
    with localcontext() as ctx:
        ctx.prec = 28
        return pembilang / penyebut


def persen(bagian: Decimal, keseluruhan: Decimal) -> Decimal | None:
    """``bagian / keseluruhan x 100``, or ``None`` when the whole is zero.

    >>> persen(Decimal("79.017"), Decimal("81.55")).quantize(SEN)
    Decimal('96.89')
    >>> persen(Decimal(1), Decimal(0)) is None
    True
    """
    if keseluruhan == 0:
        return None
    return bagi(bagian * HUNDRED, keseluruhan)


def di_luar_jangkauan(value: int | Decimal) -> bool:
    """Whether a number is wider than a dataset may hold: :data:`DIGIT_MAKS`
    digits before the point or after it (``1E+400``, ``1.0E-400``), or not
    finite.

    >>> di_luar_jangkauan(Decimal("95098700.001")), di_luar_jangkauan(10**27)
    (False, False)
    >>> di_luar_jangkauan(10**28), di_luar_jangkauan(Decimal("1.0E-400"))
    (True, True)
    """
    if isinstance(value, int):
        return abs(value) >= _BATAS_BULAT
    if not value.is_finite():
        return True
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return exponent < -DIGIT_MAKS or (value != 0 and value.adjusted() >= DIGIT_MAKS)


#: Rupiah as the record keeps them: this many digits in all, two after the point.
_UANG_DIGIT = 20


def uang_tepat(value: Decimal) -> bool:
    """Whether an amount is rupiah the record holds exactly: at most two
    decimals and 18 digits before the point, never rounded on the way in.

    >>> uang_tepat(Decimal("826875.00")), uang_tepat(Decimal("0.005"))
    (True, False)
    >>> uang_tepat(Decimal("1E+19")), uang_tepat(Decimal("NaN"))
    (False, False)
    """
    try:
        stored = value.quantize(SEN)
    except InvalidOperation:
        return False
    return stored == value and len(stored.as_tuple().digits) <= _UANG_DIGIT


def bulatkan(value: Decimal, tempat: int = 2) -> Decimal:
    """Round half up to ``tempat`` decimals, as reports print figures; exact
    whatever the number of digits (never :class:`~decimal.InvalidOperation`).

    >>> bulatkan(Decimal("88.305")), bulatkan(Decimal("-3.165"))
    (Decimal('88.31'), Decimal('-3.17'))
    >>> bulatkan(Decimal("1E+26")), bulatkan(Decimal("1.0E-400"))
    (Decimal('100000000000000000000000000.00'), Decimal('0.00'))
    """
    with localcontext() as ctx:
        ctx.prec = max(28, value.adjusted() + tempat + 2)
        return value.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP)


def jumlah_desimal(value: Decimal) -> int:
    """How many decimals a number was written with.

    >>> jumlah_desimal(Decimal("99")), jumlah_desimal(Decimal("96.890"))
    (0, 3)
    """
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def teks_desimal(value: Decimal) -> str:
    """Exact plain text of a Decimal, never in scientific notation.

    >>> teks_desimal(Decimal("1E+3")), teks_desimal(Decimal("0.010"))
    ('1000', '0.010')
    """
    return f"{value:f}"


def format_angka(value: Decimal, tempat: int | None = 2) -> str:
    """Indonesian number format: "." groups thousands, "," marks decimals.

    >>> format_angka(Decimal("2214879630.5"))
    '2.214.879.630,50'
    >>> format_angka(Decimal("-3.165"), 2), format_angka(Decimal("79.017"), None)
    ('-3,17', '79,017')

    Never raises: a number too wide to write out plainly is written in
    scientific notation, one not finite as what it is.

    >>> format_angka(Decimal("1E+26")), format_angka(Decimal("-1.5E+400"))
    ('100.000.000.000.000.000.000.000.000,00', '-1,5E+400')
    >>> format_angka(Decimal("1.0E-400"), None), format_angka(Decimal("NaN"))
    ('1,0E-400', 'NaN')
    """
    if not value.is_finite():
        return str(value)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    decimals = tempat if tempat is not None else max(0, -exponent)
    if max(value.adjusted(), 0) + decimals > _TEKS_MAKS:
        return teks_ilmiah(value)
    if tempat is not None:
        value = bulatkan(value, tempat)
    text = teks_desimal(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


def teks_ilmiah(value: Decimal) -> str:
    """A number in scientific notation, "," as the decimal mark.

    >>> teks_ilmiah(Decimal("-1.50E+400")), teks_ilmiah(Decimal("1E-400"))
    ('-1,50E+400', '1E-400')
    """
    if not value.is_finite():
        return str(value)
    return f"{value:E}".replace(".", ",")


def teks_ringkas(value: int | Decimal) -> str:
    """A number as a message quotes it: its plain digits, or scientific
    notation when that would be long (a message must stay short, whatever
    the file holds).

    >>> teks_ringkas(Decimal("95098700.001")), teks_ringkas(Decimal("1E+3"))
    ('95098700.001', '1000')
    >>> teks_ringkas(Decimal("1.0E-400")), teks_ringkas(10**400)
    ('1E-400', '1E+400')
    >>> from decimal import Context
    >>> teks_ringkas(Decimal("1E+308").quantize(Decimal("0.01"), context=Context(prec=400)))
    '1E+308'
    """
    if isinstance(value, int):
        if abs(value) < _BATAS_TEKS:
            return str(value)
        value = Decimal(value)
    if not value.is_finite():
        return str(value)
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if max(value.adjusted(), 0) + max(0, -exponent) <= _TEKS_MAKS:
        return teks_desimal(value)
    # Scientific, without the zeros that only pad it (a cell of 1e308 read
    # with two decimals is 1E+308, not 1.00...00E+308).
    kept = max(len("".join(map(str, digits)).rstrip("0")), 1)
    return f"{Decimal((sign, digits[:kept], exponent + len(digits) - kept)):E}"


def format_rupiah(value: Decimal) -> str:
    """Rupiah with two decimals.

    >>> format_rupiah(Decimal("2214879630.5"))
    'Rp 2.214.879.630,50'
    """
    return "Rp " + format_angka(value, 2)


def format_persen(value: Decimal | None) -> str:
    """A percentage with two decimals; a missing one is "tidak terukur".

    >>> format_persen(Decimal("96.8939")), format_persen(None)
    ('96,89 %', 'tidak terukur')
    """
    if value is None:
        return "tidak terukur"
    return format_angka(value, 2) + " %"


BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def format_tanggal(value: date) -> str:
    """A date the way Indonesian letters write it.

    >>> format_tanggal(date(2021, 3, 1))
    '1 Maret 2021'
    """
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"

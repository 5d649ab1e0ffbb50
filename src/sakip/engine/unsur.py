"""Unsur sets of the SKM as data: each unsur's kode, name, question and its
four answer labels, with the set's mutu table and printed weight.

The two regulations' sets ship as package data (``data/unsur/*.yaml``); a
pemda's own list is a file of the same shape, read by :func:`baca_unsur_set`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from sakip.engine.mutu import TabelMutu, tabel_mutu
from sakip.model import UNSUR_BAWAAN

SET_BAWAAN = UNSUR_BAWAAN
SET_BAKU = (UNSUR_BAWAAN, "kepmenpan-25-2004")


class UnsurSetSalah(ValueError):
    """An unsur set file that cannot be used; the message says why."""


@dataclass(frozen=True)
class Unsur:
    kode: str
    nama: str
    pertanyaan: str
    jawaban: tuple[str, str, str, str]  # labels of the answers 1, 2, 3, 4


@dataclass(frozen=True)
class UnsurSet:
    nama: str
    judul: str
    unsur: tuple[Unsur, ...]
    mutu: TabelMutu
    bobot_cetak: str | None = None

    @property
    def kode(self) -> list[str]:
        return [u.kode for u in self.unsur]


def unsur_set_dari_data(data: object, *, sumber: str) -> UnsurSet:
    """Build a set from its parsed file; :class:`UnsurSetSalah` names the problem.

    A set without its own ``mutu`` uses the PermenPAN-RB 14/2017 table.
    """
    if not isinstance(data, dict) or not isinstance(data.get("unsur"), list):
        raise UnsurSetSalah(f"{sumber}: harus berisi daftar 'unsur'")
    daftar = []
    for i, u in enumerate(data["unsur"], start=1):
        if not isinstance(u, dict) or not u.get("kode"):
            raise UnsurSetSalah(f"{sumber}: unsur ke-{i} tanpa kode")
        jawaban = u.get("jawaban") or ["1", "2", "3", "4"]
        if not isinstance(jawaban, list) or len(jawaban) != 4:
            raise UnsurSetSalah(f"{sumber}: unsur {u['kode']}: 'jawaban' harus empat label")
        daftar.append(
            Unsur(
                str(u["kode"]),
                str(u.get("nama") or u["kode"]),
                str(u.get("pertanyaan") or u.get("nama") or u["kode"]),
                tuple(str(j) for j in jawaban),  # type: ignore[arg-type]
            )
        )
    kode = [u.kode for u in daftar]
    if not daftar or len(set(kode)) != len(kode):
        raise UnsurSetSalah(f"{sumber}: kode unsur kosong atau ganda")
    nama = str(data.get("nama") or sumber)
    mutu = data.get("mutu")
    tabel = tabel_mutu(nama, mutu) if mutu else unsur_set(SET_BAWAAN).mutu
    cetak = data.get("bobot_cetak")
    return UnsurSet(
        nama, str(data.get("judul") or nama), tuple(daftar), tabel, str(cetak) if cetak else None
    )


@cache
def unsur_set(nama: str) -> UnsurSet:
    """One of the shipped sets by name.

    >>> [len(unsur_set(n).unsur) for n in SET_BAKU]
    [9, 14]
    """
    if nama not in SET_BAKU:
        raise UnsurSetSalah(f"set unsur {nama!r} tidak dikenal; pilih {', '.join(SET_BAKU)}")
    teks = resources.files("sakip.engine").joinpath(f"data/unsur/{nama}.yaml").read_text("utf-8")
    return unsur_set_dari_data(yaml.safe_load(teks), sumber=nama)


def baca_unsur_set(nama_atau_berkas: str | Path) -> UnsurSet:
    """A shipped set by name, or a pemda's own list from a YAML/JSON file."""
    if str(nama_atau_berkas) in SET_BAKU:
        return unsur_set(str(nama_atau_berkas))
    path = Path(nama_atau_berkas)
    if not path.is_file():
        raise UnsurSetSalah(
            f"{path}: bukan nama set unsur ({', '.join(SET_BAKU)}) dan berkasnya tidak ada"
        )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UnsurSetSalah(f"{path}: tidak dapat dibaca: {exc}") from None
    return unsur_set_dari_data(data, sumber=str(path))


def unsur_set_ke_data(s: UnsurSet) -> dict[str, object]:
    """The file shape of a set, to copy it into a questionnaire.

    >>> bawaan = unsur_set(SET_BAWAAN)
    >>> unsur_set_dari_data(unsur_set_ke_data(bawaan), sumber="x") == bawaan
    True
    """
    return {
        "nama": s.nama,
        "judul": s.judul,
        "bobot_cetak": s.bobot_cetak,
        "mutu": [{"dari": str(p.dari), "mutu": p.mutu, "kinerja": p.kinerja} for p in s.mutu.pita],
        "unsur": [
            {"kode": u.kode, "nama": u.nama, "pertanyaan": u.pertanyaan, "jawaban": list(u.jawaban)}
            for u in s.unsur
        ],
    }

"""The Inspektorat's review of one LKjIP as a file: who reviews, whether the
review is signed, and the agency's response to each finding.

A response is keyed by the finding's fingerprint (:attr:`Temuan.sidik`: its
code, location and figures), so that it survives a re-run of the checks as
long as the finding itself is unchanged::

    format: sakip-reviu/1
    unit: Inspektorat Kabupaten Sampang
    pereviu: {jabatan: Inspektur, nama: "Drs. A", nip: "196601011990031001"}
    tempat: Sampang
    tanggal: 2023-03-01
    ditandatangani: true
    tanggapan:
      3f9a0c21d4:
        tanggapan: Angka Tabel 3.5 salah ketik, diperbaiki.
        penyelesaian: Tabel 3.5 dikoreksi pada versi final.
        status: selesai
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sakip.engine.angka import BULAN
from sakip.model import Pejabat

FORMAT_REVIU = "sakip-reviu/1"
#: How a finding was settled: fixed, being fixed, not yet, or accepted as
#: justified by the reviewer (the agency's explanation stands).
STATUS = ("belum", "proses", "selesai", "diterima")


class ReviuTidakValid(ValueError):
    """A review file that cannot be used; the message names the key."""


@dataclass(frozen=True)
class Tanggapan:
    tanggapan: str = ""
    penyelesaian: str = ""
    status: str = "belum"


@dataclass(frozen=True)
class Pernyataan:
    unit: str = "Inspektorat"
    pereviu: Pejabat = field(default_factory=Pejabat)
    tempat: str = ""
    tanggal: datetime.date | None = None
    ditandatangani: bool = False
    tanggapan: Mapping[str, Tanggapan] = field(default_factory=dict)

    @property
    def tempat_tanggal(self) -> str:
        if self.tanggal is None:
            return self.tempat
        t = self.tanggal
        tanggal = f"{t.day} {BULAN[t.month - 1]} {t.year}"
        return f"{self.tempat}, {tanggal}" if self.tempat else tanggal


def _teks(data: Mapping[str, object], kunci: str, lokasi: str) -> str:
    nilai = data.get(kunci, "")
    if nilai is None:
        return ""
    if not isinstance(nilai, str | int):
        raise ReviuTidakValid(f"{lokasi}{kunci}: harus berupa teks")
    return str(nilai).strip()


def pernyataan_dari(data: object) -> Pernyataan:
    """A review from its plain data (the parsed YAML or JSON)."""
    if not isinstance(data, Mapping):
        raise ReviuTidakValid("berkas reviu harus berisi pemetaan (kunci: nilai)")
    if data.get("format") != FORMAT_REVIU:
        raise ReviuTidakValid(f"format: harus {FORMAT_REVIU!r}")
    dikenal = {"format", "unit", "pereviu", "tempat", "tanggal", "ditandatangani", "tanggapan"}
    asing = sorted(str(k) for k in data if k not in dikenal)
    if asing:
        raise ReviuTidakValid(f"kunci tidak dikenal: {', '.join(asing)}")
    pereviu = data.get("pereviu") or {}
    if not isinstance(pereviu, Mapping):
        raise ReviuTidakValid("pereviu: harus berisi jabatan, nama, pangkat, nip")
    tanggal = data.get("tanggal")
    if tanggal is not None and not isinstance(tanggal, datetime.date):
        try:
            tanggal = datetime.date.fromisoformat(str(tanggal))
        except ValueError as exc:
            raise ReviuTidakValid(f"tanggal: {tanggal!r} bukan tanggal (TTTT-BB-HH)") from exc
    ditandatangani = data.get("ditandatangani", False)
    if not isinstance(ditandatangani, bool):
        raise ReviuTidakValid("ditandatangani: harus true atau false")
    tanggapan: dict[str, Tanggapan] = {}
    isi = data.get("tanggapan") or {}
    if not isinstance(isi, Mapping):
        raise ReviuTidakValid("tanggapan: harus pemetaan dari sidik temuan ke tanggapannya")
    for sidik, t in isi.items():
        lokasi = f"tanggapan.{sidik}."
        if not isinstance(t, Mapping):
            raise ReviuTidakValid(f"{lokasi[:-1]}: harus berisi tanggapan, penyelesaian, status")
        status = _teks(t, "status", lokasi) or "belum"
        if status not in STATUS:
            raise ReviuTidakValid(f"{lokasi}status: {status!r}; pilihan: {', '.join(STATUS)}")
        tanggapan[str(sidik)] = Tanggapan(
            _teks(t, "tanggapan", lokasi), _teks(t, "penyelesaian", lokasi), status
        )
    return Pernyataan(
        unit=_teks(data, "unit", "") or "Inspektorat",
        pereviu=Pejabat(
            jabatan=_teks(pereviu, "jabatan", "pereviu."),
            nama=_teks(pereviu, "nama", "pereviu."),
            pangkat=_teks(pereviu, "pangkat", "pereviu."),
            nip=_teks(pereviu, "nip", "pereviu."),
        ),
        tempat=_teks(data, "tempat", ""),
        tanggal=tanggal,
        ditandatangani=ditandatangani,
        tanggapan=tanggapan,
    )


def baca_pernyataan(path: str | Path) -> Pernyataan:
    """Read a review file (YAML or JSON); :class:`ReviuTidakValid` says what is wrong."""
    try:
        teks = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviuTidakValid(f"{path}: tidak dapat dibaca ({exc})") from exc
    try:
        data = yaml.safe_load(teks)
    except yaml.YAMLError as exc:
        raise ReviuTidakValid(f"{path}: bukan YAML/JSON yang sah ({exc})") from exc
    try:
        return pernyataan_dari(data)
    except ReviuTidakValid as exc:
        raise ReviuTidakValid(f"{path}: {exc}") from exc

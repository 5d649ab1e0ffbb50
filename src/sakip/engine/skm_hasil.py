"""SKM results from a whole set of answers: per unsur, the IKM, and the same
per layanan and per respondent group, fast enough for a million responses.

Answers are a ``uint8`` matrix (one row per respondent, one column per
unsur, 0 for a blank); each profile column is an integer code per row (0
for unknown) with its labels. Counting is one :func:`numpy.bincount` over
(group, unsur, answer), so every breakdown costs one pass over the matrix;
the few resulting sums are then turned into exact Decimals by the same
functions that compute a single survey (:mod:`sakip.engine.skm`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from sakip.engine.mutu import PitaMutu
from sakip.engine.skm import SKOR, HasilIkm, hitung_ikm, nilai_unsur, sampel_minimum
from sakip.engine.unsur import UnsurSet
from sakip.model import BOBOT_SKM_BAWAAN

NILAI = np.array([0, 1, 2, 3, 4], dtype=np.int64)
#: How many of the lowest unsur are flagged as priorities (ties included).
JUMLAH_PRIORITAS = 3


@dataclass(frozen=True)
class Profil:
    """One profile column: ``kode[i]`` is 0 (unknown) or 1 + index in ``label``."""

    label: tuple[str, ...]
    kode: np.ndarray


@dataclass(frozen=True)
class DataJawaban:
    kode_unsur: tuple[str, ...]
    matriks: np.ndarray  # (respondents, unsur) uint8, 0 = blank
    profil: dict[str, Profil] = field(default_factory=dict)


@dataclass(frozen=True)
class HasilUnsur:
    kode: str
    nama: str
    jumlah_jawaban: int
    jumlah_nilai: int
    nrr: Decimal | None
    nrr_tertimbang: Decimal | None
    mutu: PitaMutu | None  # of NRR x 25, read on the set's table
    prioritas: bool = False


@dataclass(frozen=True)
class HasilKelompok:
    nilai: str  # the group's label ("Perempuan", "KTP", "(tidak diisi)")
    responden: int
    unsur: list[HasilUnsur]
    ikm: HasilIkm


@dataclass(frozen=True)
class HasilSkm:
    unsur_set: str
    responden: int
    unsur: list[HasilUnsur]
    ikm: HasilIkm
    populasi: int | None
    sampel_minimum: int | None
    per_kelompok: dict[str, list[HasilKelompok]]

    @property
    def sampel_cukup(self) -> bool | None:
        """Whether the respondents meet Krejcie-Morgan; unknown without a population."""
        if self.sampel_minimum is None:
            return None
        return self.responden >= self.sampel_minimum

    @property
    def prioritas(self) -> list[HasilUnsur]:
        return sorted((u for u in self.unsur if u.prioritas), key=lambda u: u.nrr or 0)


TIDAK_DIISI = "(tidak diisi)"


def hitungan(matriks: np.ndarray, grup: np.ndarray | None, jumlah_grup: int) -> np.ndarray:
    """Counts of each answer 0-4 per group and unsur: shape (groups, unsur, 5).

    >>> m = np.array([[4, 0], [3, 2], [4, 4]], dtype=np.uint8)
    >>> hitungan(m, None, 1)[0].tolist()
    [[0, 0, 0, 1, 2], [1, 0, 1, 0, 1]]
    """
    n, k = matriks.shape
    # int32 halves the memory of the index when it fits (it does below
    # ~40 million groups x unsur), which matters at a million rows.
    tipe = np.int32 if jumlah_grup * k * 5 < 2**31 else np.int64
    dasar = np.arange(k, dtype=tipe) * 5
    idx: np.ndarray = np.add(matriks.astype(tipe), dasar)
    if grup is not None:
        idx = np.add(idx, (grup.astype(tipe) * (k * 5))[:, None])
    hasil = np.bincount(idx.ravel(), minlength=jumlah_grup * k * 5)
    return hasil.reshape(jumlah_grup, k, 5)


def _unsur(
    unsur_set: UnsurSet, counts: np.ndarray, bobot_skm: str
) -> tuple[list[HasilUnsur], HasilIkm]:
    jumlah = counts[:, 1:].sum(axis=1)
    total = counts @ NILAI
    per = nilai_unsur(
        ((u.kode, int(jumlah[j]), int(total[j])) for j, u in enumerate(unsur_set.unsur)),
        len(unsur_set.unsur),
        bobot_skm,
    )
    baris = [
        HasilUnsur(
            v.kode,
            u.nama,
            v.jumlah_jawaban,
            v.jumlah_nilai,
            v.nrr,
            v.nrr_tertimbang,
            unsur_set.mutu.mutu(v.nrr * SKOR) if v.nrr is not None else None,
        )
        for u, v in zip(unsur_set.unsur, per, strict=True)
    ]
    ikm = hitung_ikm({u.kode: u.nrr for u in baris}, tabel=unsur_set.mutu, bobot_skm=bobot_skm)
    return baris, ikm


def _tandai_prioritas(baris: list[HasilUnsur], jumlah: int) -> list[HasilUnsur]:
    nilai = sorted(u.nrr for u in baris if u.nrr is not None)
    if not nilai:
        return baris
    batas = nilai[min(jumlah, len(nilai)) - 1]
    return [
        HasilUnsur(**{**u.__dict__, "prioritas": u.nrr is not None and u.nrr <= batas})
        for u in baris
    ]


def hitung_hasil(
    data: DataJawaban,
    unsur_set: UnsurSet,
    *,
    populasi: int | None = None,
    bobot_skm: str = BOBOT_SKM_BAWAAN,
    jumlah_prioritas: int = JUMLAH_PRIORITAS,
) -> HasilSkm:
    """Every SKM figure of a set of answers.

    A respondent is a row with at least one answer. Priorities are the
    ``jumlah_prioritas`` unsur with the lowest NRR, ties included.
    """
    if list(data.kode_unsur) != unsur_set.kode:
        raise ValueError(
            f"kolom jawaban {data.kode_unsur} tidak sama dengan unsur {unsur_set.kode}"
        )
    m = data.matriks
    ada = m.any(axis=1) if m.size else np.zeros(len(m), dtype=bool)
    baris, ikm = _unsur(unsur_set, hitungan(m, None, 1)[0], bobot_skm)
    per_kelompok = {}
    for nama, profil in data.profil.items():
        g = len(profil.label) + 1
        counts = hitungan(m, profil.kode, g)
        responden = np.bincount(profil.kode[ada], minlength=g)
        kelompok = []
        # Group 0 (not answered) goes last, and only when someone left it blank.
        for i in [*range(1, g), 0]:
            if responden[i] == 0:
                continue
            u, k = _unsur(unsur_set, counts[i], bobot_skm)
            label = profil.label[i - 1] if i else TIDAK_DIISI
            kelompok.append(HasilKelompok(label, int(responden[i]), u, k))
        per_kelompok[nama] = kelompok
    return HasilSkm(
        unsur_set.nama,
        int(ada.sum()),
        _tandai_prioritas(baris, jumlah_prioritas),
        ikm,
        populasi,
        sampel_minimum(populasi) if populasi else None,
        per_kelompok,
    )


def data_dari_baris(
    kode_unsur: list[str] | tuple[str, ...],
    jawaban: list[list[int]] | list[bytes],
    profil: dict[str, list[str]] | None = None,
) -> DataJawaban:
    """Build the matrix from plain rows (tests, the web application).

    ``jawaban`` rows are lists of 0-4 or ``bytes`` of one byte per unsur;
    profile values are labels, "" for unknown.

    >>> d = data_dari_baris(["U1", "U2"], [[4, 0], [3, 2]], {"jenis_kelamin": ["P", ""]})
    >>> d.matriks.tolist(), d.profil["jenis_kelamin"].kode.tolist()
    ([[4, 0], [3, 2]], [1, 0])
    """
    k = len(kode_unsur)
    if jawaban and isinstance(jawaban[0], bytes):
        m = np.frombuffer(b"".join(jawaban), dtype=np.uint8).reshape(-1, k)
    else:
        m = np.array(jawaban, dtype=np.uint8).reshape(-1, k)
    return DataJawaban(
        tuple(kode_unsur), m, {n: profil_dari_label(v) for n, v in (profil or {}).items()}
    )


def profil_dari_label(nilai: list[str]) -> Profil:
    label: dict[str, int] = {}
    kode = np.fromiter(
        (label.setdefault(v, len(label) + 1) if v else 0 for v in nilai),
        dtype=np.int32,
        count=len(nilai),
    )
    return Profil(tuple(label), kode)

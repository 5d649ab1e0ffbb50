"""The closed sets of the data contract, and every default the contract
names, written once: the readers, the engine and the documents import them
from here."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

E = TypeVar("E", bound=StrEnum)


class Polaritas(StrEnum):
    """How an indicator's realisation compares with its target."""

    POSITIF = "positif"  # higher is better
    NEGATIF = "negatif"  # lower is better
    KUALITATIF = "kualitatif"  # a letter grade


class Akumulasi(StrEnum):
    """How four quarters make a year."""

    JUMLAH = "jumlah"  # a flow: documents issued
    RATA_RATA = "rata_rata"
    TERAKHIR = "terakhir"  # a stock: an index, a percentage


class RumusNegatif(StrEnum):
    """The pemda's capaian formula for a negative-polarity indicator."""

    DUA_T_KURANG_R = "2t-r"  # (2 x target - realisasi) / target x 100
    T_BAGI_R = "t/r"  # target / realisasi x 100


class CapaianKualitatif(StrEnum):
    """How the pemda counts kualitatif indicators in a sasaran's or the agency's mean."""

    TERPISAH = "terpisah"  # left out of the mean, reported beside it
    SERATUS_NOL = "100/0"  # tercapai counts as 100 %, tidak tercapai as 0 %


class BobotSkm(StrEnum):
    """The weight of one SKM unsur: exactly 1/n, or a weight a regulation prints."""

    SATU_PER_N = "1/n"  # written "1/9" for the 9 unsur of PermenPAN-RB 14/2017
    CETAK_0111 = "0.111"
    CETAK_011 = "0.11"
    CETAK_0071 = "0.071"


class KelasBelanja(StrEnum):
    """Economic classes a budget leaf may be split into (``rincian``)."""

    PEGAWAI = "pegawai"
    BARANG_JASA = "barang_jasa"
    MODAL = "modal"


class StatusTindakLanjut(StrEnum):
    BELUM = "belum"
    PROSES = "proses"
    SELESAI = "selesai"


POLARITAS_BAWAAN = Polaritas.POSITIF
# The last filled quarter: the reading that is right for a stock-like
# indicator and never adds up a percentage.
AKUMULASI_BAWAAN = Akumulasi.TERAKHIR
RUMUS_NEGATIF_BAWAAN = RumusNegatif.DUA_T_KURANG_R
BOBOT_SKM_BAWAAN = BobotSkm.SATU_PER_N
# DOMAIN: kualitatif indicators are left out of means unless the pemda says otherwise.
CAPAIAN_KUALITATIF_BAWAAN = CapaianKualitatif.TERPISAH
#: The SKM unsur set (and so its mutu table) of a survey that names none.
UNSUR_BAWAAN = "permenpan-14-2017"
#: Grades of a kualitatif indicator, best first, when it names no scale.
SKALA_NILAI_BAWAAN: tuple[str, ...] = ("AA", "A", "BB", "B", "CC", "C", "D", "E")


def pilih(jenis: type[E], value: object, bawaan: E) -> E:
    """A choice of a closed set; absent (or, in an unvalidated document,
    unknown) is the contract's default, as the engine always read it.

    >>> pilih(Polaritas, "negatif", POLARITAS_BAWAAN), pilih(Polaritas, None, POLARITAS_BAWAAN)
    (<Polaritas.NEGATIF: 'negatif'>, <Polaritas.POSITIF: 'positif'>)
    """
    try:
        return jenis(str(value)) if value not in (None, "") else bawaan
    except ValueError:
        return bawaan


def bobot_skm(value: object) -> BobotSkm:
    """The pemda's ``bobot_skm`` (text or a number) as its choice.

    >>> bobot_skm("1/9"), bobot_skm("0.111")
    (<BobotSkm.SATU_PER_N: '1/n'>, <BobotSkm.CETAK_0111: '0.111'>)
    """
    return pilih(BobotSkm, "1/n" if str(value) == "1/9" else value, BOBOT_SKM_BAWAAN)

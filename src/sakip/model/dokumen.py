"""One instansi's SAKIP cycle as one typed value, built once from a dataset
document.

:func:`dokumen_dari` is the edge: it takes what the ``sakip.dataset``
readers return (a validated ``sakip-dataset/1`` document: Decimals for
numbers, ISO text for dates) and gives a :class:`Dokumen` in which every
default of the contract is already applied. Past it, no layer reads the
plain dict again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from sakip.model.anggaran import Anggaran, anggaran_dari
from sakip.model.evaluasi import HasilEvaluasi, Narasi, evaluasi_dari, narasi_dari
from sakip.model.indikator import Indikator
from sakip.model.nilai import peta
from sakip.model.organisasi import Instansi, Pemda, instansi_dari, pemda_dari
from sakip.model.rencana import (
    PerjanjianKinerja,
    PetaTriwulan,
    Renstra,
    Rpjmd,
    perjanjian_kinerja_dari,
    renstra_dari,
    rpjmd_dari,
    triwulan_dari,
)
from sakip.model.skm import Survei, skm_dari

FORMAT = "sakip-dataset/1"


@dataclass(frozen=True, slots=True)
class Dokumen:
    """A whole dataset. Optional sections are ``None`` when the file has none
    (or an empty one), so "no budget" and "a budget of nothing" stay apart
    only where the contract makes them differ."""

    pemda: Pemda = field(default_factory=Pemda)
    instansi: Instansi = field(default_factory=Instansi)
    renstra: Renstra | None = None
    rpjmd: Rpjmd | None = None
    perjanjian_kinerja: PerjanjianKinerja | None = None
    rencana_aksi: PetaTriwulan = field(default_factory=dict)
    realisasi_triwulan: PetaTriwulan = field(default_factory=dict)
    anggaran: Anggaran | None = None
    skm: tuple[Survei, ...] = ()
    evaluasi: tuple[HasilEvaluasi, ...] = ()
    narasi: Narasi = field(default_factory=Narasi)
    format: str = FORMAT

    def indikator_renstra(self) -> Iterator[Indikator]:
        if self.renstra is not None:
            for indikator, _, _ in self.renstra.semua_indikator():
                yield indikator


def _bagian(doc: Mapping[str, object], kunci: str) -> Mapping[str, object] | None:
    """An optional section: absent, null and empty are all "none"."""
    isi = peta(doc.get(kunci))
    return isi or None


def dokumen_dari(doc: Mapping[str, object]) -> Dokumen:
    """Build the model of one dataset document.

    >>> d = dokumen_dari({"format": "sakip-dataset/1", "pemda": {"nama": "Kabupaten Uji"},
    ...                   "instansi": {"nama": "Dinas", "kepala": {"jabatan": "Kepala"}},
    ...                   "renstra": {"periode": [2019, 2024], "tujuan": []}})
    >>> d.pemda.rumus_negatif, d.pemda.bobot_skm, d.renstra.periode.akhir, d.anggaran
    (<RumusNegatif.DUA_T_KURANG_R: '2t-r'>, <BobotSkm.SATU_PER_N: '1/n'>, 2024, None)
    """
    renstra = _bagian(doc, "renstra")
    rpjmd = _bagian(doc, "rpjmd")
    pk = _bagian(doc, "perjanjian_kinerja")
    anggaran = _bagian(doc, "anggaran")
    return Dokumen(
        pemda=pemda_dari(peta(doc.get("pemda"))),
        instansi=instansi_dari(peta(doc.get("instansi"))),
        renstra=renstra_dari(renstra) if renstra else None,
        rpjmd=rpjmd_dari(rpjmd) if rpjmd else None,
        perjanjian_kinerja=perjanjian_kinerja_dari(pk) if pk else None,
        rencana_aksi=triwulan_dari(peta(doc.get("rencana_aksi"))),
        realisasi_triwulan=triwulan_dari(peta(doc.get("realisasi_triwulan"))),
        anggaran=anggaran_dari(anggaran) if anggaran else None,
        skm=skm_dari(doc.get("skm")),
        evaluasi=evaluasi_dari(doc.get("evaluasi")),
        narasi=narasi_dari(peta(doc.get("narasi"))),
        format=str(doc.get("format") or FORMAT),
    )

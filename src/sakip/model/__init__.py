"""The typed domain model of one SAKIP cycle (``sakip-dataset/1``).

Pure: no Django, no I/O. :func:`dokumen_dari` builds a :class:`Dokumen`
once from a validated document; the engine and the documents read its
attributes, and every default of the contract is written once, in
:mod:`sakip.model.pilihan`.
"""

from sakip.model.anggaran import Anggaran, DinyatakanUang, PosAnggaran, Rincian
from sakip.model.dokumen import Dokumen, dokumen_dari
from sakip.model.evaluasi import HasilEvaluasi, IsuStrategis, Narasi, Rekomendasi
from sakip.model.indikator import DinyatakanIndikator, Indikator, SkalaNilai
from sakip.model.nilai import NOL, Nilai, NilaiTarget, Rentang
from sakip.model.organisasi import Instansi, Pejabat, Pemda, PitaCapaian
from sakip.model.pilihan import (
    AKUMULASI_BAWAAN,
    BOBOT_SKM_BAWAAN,
    CAPAIAN_KUALITATIF_BAWAAN,
    POLARITAS_BAWAAN,
    RUMUS_NEGATIF_BAWAAN,
    SKALA_NILAI_BAWAAN,
    UNSUR_BAWAAN,
    Akumulasi,
    BobotSkm,
    CapaianKualitatif,
    KelasBelanja,
    Polaritas,
    RumusNegatif,
    StatusTindakLanjut,
)
from sakip.model.rencana import (
    DinyatakanCapaian,
    DinyatakanPagu,
    IndikatorPk,
    Misi,
    Periode,
    PerjanjianKinerja,
    PetaTriwulan,
    ProgramPk,
    Renstra,
    Rpjmd,
    Sasaran,
    Triwulan,
    Tujuan,
    UnsurRpjmd,
)
from sakip.model.skm import DinyatakanSkm, PitaMutuSurvei, Survei, UnsurSurvei

__all__ = [
    "AKUMULASI_BAWAAN",
    "BOBOT_SKM_BAWAAN",
    "CAPAIAN_KUALITATIF_BAWAAN",
    "NOL",
    "POLARITAS_BAWAAN",
    "RUMUS_NEGATIF_BAWAAN",
    "SKALA_NILAI_BAWAAN",
    "UNSUR_BAWAAN",
    "Akumulasi",
    "Anggaran",
    "BobotSkm",
    "CapaianKualitatif",
    "DinyatakanCapaian",
    "DinyatakanIndikator",
    "DinyatakanPagu",
    "DinyatakanSkm",
    "DinyatakanUang",
    "Dokumen",
    "HasilEvaluasi",
    "Indikator",
    "IndikatorPk",
    "Instansi",
    "IsuStrategis",
    "KelasBelanja",
    "Misi",
    "Narasi",
    "Nilai",
    "NilaiTarget",
    "Pejabat",
    "Pemda",
    "Periode",
    "PerjanjianKinerja",
    "PetaTriwulan",
    "PitaCapaian",
    "PitaMutuSurvei",
    "Polaritas",
    "PosAnggaran",
    "ProgramPk",
    "Rekomendasi",
    "Rentang",
    "Renstra",
    "Rincian",
    "Rpjmd",
    "RumusNegatif",
    "Sasaran",
    "SkalaNilai",
    "StatusTindakLanjut",
    "Survei",
    "Triwulan",
    "Tujuan",
    "UnsurRpjmd",
    "UnsurSurvei",
    "dokumen_dari",
]

"""Reads of the SKM app: a questionnaire by its public code, its unsur set,
and its answers as the engine's matrix."""

from __future__ import annotations

import numpy as np
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sakip.engine.skm_hasil import DataJawaban, HasilSkm, hitung_hasil, profil_dari_label
from sakip.engine.skm_profil import PROFIL
from sakip.engine.unsur import UnsurSet, unsur_set_dari_data
from sakip.skm.models import Kuesioner, Responden

ANGKA_NOL = ord("0")


def kuesioner_dari_kode(kode: str) -> Kuesioner:
    """The questionnaire a short link names, or 404."""
    return get_object_or_404(Kuesioner.objects.select_related("instansi"), kode=kode)


def unsur_set_kuesioner(kuesioner: Kuesioner) -> UnsurSet:
    return unsur_set_dari_data(kuesioner.unsur_data, sumber=kuesioner.unsur_set)


def data_jawaban(responden: QuerySet[Responden], kode_unsur: list[str]) -> DataJawaban:
    """Answers of respondents as the engine's matrix; profile columns as groups.

    One query of plain tuples, and the digit strings joined and shifted by
    ord("0") into the matrix: no Python object per answer.
    """
    rows = list(responden.values_list("jawaban", *PROFIL))
    k = len(kode_unsur)
    teks = "".join(r[0] for r in rows).encode("ascii")
    m = (np.frombuffer(teks, dtype=np.uint8) - ANGKA_NOL).reshape(-1, k)
    profil = {p: profil_dari_label([r[i] for r in rows]) for i, p in enumerate(PROFIL, start=1)}
    return DataJawaban(tuple(kode_unsur), m, profil)


def hasil_kuesioner(kuesioner: Kuesioner) -> HasilSkm:
    """Every SKM figure of one questionnaire's respondents."""
    s = unsur_set_kuesioner(kuesioner)
    data = data_jawaban(kuesioner.responden.all(), s.kode)
    return hitung_hasil(data, s, populasi=kuesioner.populasi)

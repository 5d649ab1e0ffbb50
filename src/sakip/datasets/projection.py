"""Rebuild or remove the relational projection of one dataset version.

Each app projects its own section (``<app>/projection.py``); this module
only orders the steps. Steps are called through their modules so that a
test can make one of them fail and see that nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Mapping

from sakip.anggaran import projection as anggaran
from sakip.datasets.models import DatasetVersion
from sakip.evaluasi import projection as evaluasi
from sakip.organisasi import projection as organisasi
from sakip.perencanaan import projection as perencanaan
from sakip.perencanaan import projection_pk as perjanjian
from sakip.skm import projection as skm


def build(version: DatasetVersion, doc: Mapping) -> None:
    """Project ``doc`` (the content of ``version``) into the tables."""
    organisasi.apply_settings(version.instansi, doc)
    # Budget first: plans link to its nodes, the agreement to both.
    nodes = anggaran.project(version, doc)
    indikator = perencanaan.project(version, doc, nodes)
    perjanjian.project(version, doc, indikator, nodes)
    skm.project(version, doc)
    evaluasi.project(version, doc)


def clear(version: DatasetVersion) -> None:
    """Remove every projected row of ``version``; the version itself stays."""
    perjanjian.clear(version)
    perencanaan.clear(version)
    anggaran.clear(version)
    skm.clear(version)
    evaluasi.clear(version)

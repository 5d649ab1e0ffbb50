"""Helpers for tests that need an instansi-year in the record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sakip.akun.sistem import aktor_sistem
from sakip.ledger.testing import robatal
from sakip.record.impor import impor_rencana
from sakip.record.models import TahunKinerja


def impor_uji(doc: Mapping[str, Any] | None = None) -> TahunKinerja:
    """Import ``doc`` (Robatal 2020 when none) as the system actor; its instansi-year."""
    rencana = impor_rencana(doc=robatal() if doc is None else doc, aktor=aktor_sistem())
    return TahunKinerja.objects.select_related("instansi__pemda").get(
        instansi=rencana.instansi_obj, tahun=rencana.tahun
    )

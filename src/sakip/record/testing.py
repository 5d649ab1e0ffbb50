"""Helpers for tests that need an instansi-year in the record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User

from sakip.akun.sistem import aktor_sistem
from sakip.ledger.testing import robatal
from sakip.record.impor import impor_rencana
from sakip.record.models import TahunKinerja


def impor_uji(doc: Mapping[str, Any] | None = None) -> TahunKinerja:
    """Import ``doc`` (Robatal 2020 when none) as the system actor; its instansi-year."""
    aktor = aktor_sistem()
    assert isinstance(aktor, User)
    rencana = impor_rencana(doc=robatal() if doc is None else doc, aktor=aktor)
    return TahunKinerja.objects.select_related("instansi__pemda").get(
        instansi=rencana.instansi_obj, tahun=rencana.tahun
    )

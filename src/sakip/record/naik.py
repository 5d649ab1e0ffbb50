"""Upgrade from the version before the record, where each instansi-year was
kept only as its imported document: after ``migrate``, every active document
that has no instansi-year in the record yet is applied to it, once.

It runs on ``post_migrate`` (not inside a migration) because it goes through
today's import code, which works on today's models; the documents stay in
``DatasetVersion`` as the history of imports.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import connections

logger = logging.getLogger(__name__)


def naikkan_dataset_lama(sender: Any = None, using: str = "default", **kwargs: Any) -> int:
    """Apply old active documents to the record; return how many were applied."""
    from sakip.common.errors import DatasetError
    from sakip.dataset import json_exact as jsontext
    from sakip.ledger.models import DatasetVersion
    from sakip.record.impor import impor_rencana
    from sakip.record.models import TahunKinerja

    tables = connections[using].introspection.table_names()
    if TahunKinerja._meta.db_table not in tables or DatasetVersion._meta.db_table not in tables:
        return 0
    ada = set(TahunKinerja.objects.using(using).values_list("instansi_id", "tahun"))
    lama = [
        v
        for v in DatasetVersion.objects.using(using).filter(is_active=True).order_by("tahun", "pk")
        if (v.instansi_id, v.tahun) not in ada
    ]
    diterapkan = 0
    for versi in lama:
        doc = jsontext.loads(versi.content)
        try:
            impor_rencana(doc=doc, aktor=None, simpan_berkas=False)  # type: ignore[arg-type]
        except DatasetError as exc:
            logger.warning("dataset #%s tidak dapat dinaikkan ke rekaman: %s", versi.pk, exc)
            continue
        diterapkan += 1
    return diterapkan

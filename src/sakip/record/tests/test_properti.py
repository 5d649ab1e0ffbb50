"""Property: any valid document survives import, export, import unchanged,
and the engine computes the same from the file as from the database."""

import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, assume, given, settings

from sakip.cli.keluaran import laporan_json
from sakip.dataset.dump import dump_yaml
from sakip.dataset.load import parse_document, validate
from sakip.engine.laporan import hitung_laporan
from sakip.record.ekspor import dokumen_tahun
from sakip.record.impor import impor_rencana
from sakip.record.models import TahunKinerja
from sakip.record.tests.strategi import dokumen

pytestmark = pytest.mark.django_db


class _Kembalikan(Exception):
    pass


@settings(
    max_examples=int(os.environ.get("SAKIP_HYPOTHESIS_CONTOH", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=dokumen())
def test_import_export_import_is_a_fixed_point(doc):
    assume(not validate(doc))
    # Each example on an empty record: everything it writes is rolled back.
    try:
        with transaction.atomic():
            rencana = impor_rencana(doc=doc, aktor=None)
            tk = TahunKinerja.objects.get(instansi=rencana.instansi_obj, tahun=rencana.tahun)
            exported = dokumen_tahun(tk)
            assert exported == doc

            # Through the file format too: the exported file imports as no change.
            teks = dump_yaml(exported)
            kembali, _ = parse_document(teks, filename="ekspor.yaml", fmt="yaml")
            assert impor_rencana(doc=kembali, aktor=None).kosong

            dari_berkas = laporan_json(hitung_laporan(doc), doc)
            dari_database = laporan_json(hitung_laporan(exported), exported)
            assert dari_database == dari_berkas
            raise _Kembalikan
    except _Kembalikan:
        pass

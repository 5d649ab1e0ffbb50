"""A database made by the version before the record upgrades with the usual
``migrate``: its active documents become the record, its pemda rules those
of the first file, and every imported file stays readable."""

import hashlib

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sakip.dataset import json_exact
from sakip.ledger.testing import robatal
from sakip.record.ekspor import dokumen_tahun
from sakip.record.models import AturanPemda, TahunKinerja

#: The last migrations of the version before the record.
SEBELUM = [
    ("organisasi", "0001_initial"),
    ("datasets", "0002_alter_auditlog_action"),
    ("perencanaan", "0001_initial"),
    ("anggaran", "0001_initial"),
    ("evaluasi", "0001_initial"),
    ("skm", "0002_kuesioner_responden"),
    ("record", None),
    ("akun", None),
]


@pytest.mark.django_db(transaction=True)
def test_a_database_of_the_previous_version_upgrades_into_the_record():
    executor = MigrationExecutor(connection)
    executor.migrate(SEBELUM)
    old = executor.loader.project_state(
        [(app, name) for app, name in SEBELUM if name is not None]
    ).apps
    Pemda = old.get_model("organisasi", "Pemda")
    Instansi = old.get_model("organisasi", "Instansi")
    DatasetVersion = old.get_model("datasets", "DatasetVersion")
    # As `sakip demo` left it: the last import's (Torjun's, no scale) rules won.
    pemda = Pemda.objects.create(nama="Kabupaten Sampang", provinsi="Jawa Timur")
    dokumen = robatal()
    for nama, doc, aktif in (
        ("Kecamatan Robatal", dokumen, False),
        ("Kecamatan Robatal", dokumen, True),
    ):
        instansi, _ = Instansi.objects.get_or_create(pemda=pemda, nama=nama)
        content = json_exact.dumps(doc)
        DatasetVersion.objects.create(
            instansi=instansi,
            tahun=2020,
            content=content,
            source_name="robatal-2020.yaml",
            format="yaml",
            sha256=hashlib.sha256(content.encode()).hexdigest(),
            is_active=aktif,
        )

    call_command("migrate", verbosity=0, interactive=False)

    aturan = AturanPemda.objects.get()
    assert aturan.berlaku_mulai == 0
    assert aturan.skala_capaian == dokumen["pemda"]["skala_capaian"]
    tk = TahunKinerja.objects.get()
    assert dokumen_tahun(tk) == dokumen
    from sakip.ledger.models import DatasetVersion as Sekarang

    assert Sekarang.objects.count() == 2  # both files stay readable
    # A second migrate finds nothing left to do.
    call_command("migrate", verbosity=0, interactive=False)
    assert TahunKinerja.objects.count() == 1

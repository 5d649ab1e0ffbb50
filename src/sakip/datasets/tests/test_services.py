"""Importing, replacing, restoring and exporting datasets through the services."""

import hashlib
import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from sakip.anggaran.models import AnggaranNode
from sakip.datasets import services
from sakip.datasets.models import AuditAction, AuditLog, DatasetVersion
from sakip.datasets.services import (
    DatasetError,
    DatasetExists,
    DatasetNotFound,
    DatasetRejected,
    dataset_export,
    dataset_import,
    dataset_restore,
    find_instansi,
)
from sakip.datasets.testing import assert_identical, census, minimal, robatal
from sakip.organisasi.models import Instansi
from sakip.perencanaan.models import Indikator
from sakip.skm import projection as skm_projection

pytestmark = pytest.mark.django_db


def _import(doc=None, **kwargs):
    kwargs.setdefault("source_name", "robatal-2020.yaml")
    kwargs.setdefault("fmt", "yaml")
    return dataset_import(doc=robatal() if doc is None else doc, **kwargs)


def _leaf(version, uraian):
    return AnggaranNode.objects.get(dataset=version, uraian=uraian)


def test_it_stores_the_document_as_an_active_version():
    version = _import()

    version.refresh_from_db()
    assert version.instansi.nama == "Kecamatan Robatal"
    assert version.instansi.pemda.nama == "Kabupaten Sampang"
    assert version.tahun == 2020
    assert version.is_active and version.superseded_at is None
    assert version.source_name == "robatal-2020.yaml" and version.format == "yaml"
    assert version.sha256 == hashlib.sha256(version.content.encode()).hexdigest()
    assert version.imported_by is None


def test_it_keeps_numbers_exact_in_the_stored_text():
    version = _import()

    # The text holds the numbers as written, not as binary floats.
    assert "826875.00" in version.content
    assert "2214879630.50" in version.content
    assert "79.017" in version.content
    assert list(json.loads(version.content)) == list(robatal())


def test_it_projects_the_budget_with_exact_decimals():
    version = _import()

    leaf = _leaf(version, "Fasilitasi administrasi pelayanan umum")
    assert leaf.pagu == Decimal("826875.00")
    assert leaf.realisasi == Decimal("826000.00")


def test_it_exports_exactly_the_imported_document():
    doc = robatal()
    version = _import(doc)

    exported = dataset_export(instansi=version.instansi, tahun=2020)

    assert_identical(exported, robatal())


def test_it_refuses_a_second_import_without_replace_and_changes_nothing():
    first = _import()
    before = census()

    with pytest.raises(DatasetExists) as excinfo:
        _import(source_name="lagi.yaml")

    assert "--replace" in str(excinfo.value)
    assert "Kecamatan Robatal" in str(excinfo.value) and "2020" in str(excinfo.value)
    assert census() == before
    first.refresh_from_db()
    assert first.is_active


def test_it_refuses_a_second_import_under_another_spelling_of_the_name():
    _import()
    doc = robatal()
    doc["instansi"]["nama"] = "KECAMATAN ROBATAL"
    doc["pemda"]["nama"] = "kabupaten sampang"

    with pytest.raises(DatasetExists):
        _import(doc)

    assert Instansi.objects.count() == 1


def test_it_replaces_keeping_the_old_version_inactive():
    old = _import()
    doc = robatal()
    doc["anggaran"]["program"][4]["kegiatan"][4]["pagu"] = Decimal("826875.50")

    new = _import(doc, source_name="robatal-2020-revisi.yaml", replace=True)

    old.refresh_from_db()
    assert not old.is_active and old.superseded_at is not None
    assert new.is_active and new.pk != old.pk
    assert DatasetVersion.objects.count() == 2
    # Only the active version has projected rows.
    assert not AnggaranNode.objects.filter(dataset=old).exists()
    assert _leaf(new, "Fasilitasi administrasi pelayanan umum").pagu == Decimal("826875.50")
    assert dataset_export(instansi=new.instansi, tahun=2020) == doc


def test_it_restores_a_superseded_version():
    old = _import()
    new = _import(replace=True)

    restored = dataset_restore(version=old)

    new.refresh_from_db()
    assert restored.pk == old.pk and restored.is_active and restored.superseded_at is None
    assert not new.is_active and new.superseded_at is not None
    assert not AnggaranNode.objects.filter(dataset=new).exists()
    assert _leaf(restored, "Fasilitasi administrasi pelayanan umum").pagu == Decimal("826875.00")
    assert_identical(dataset_export(instansi=old.instansi, tahun=2020), robatal())


def test_it_refuses_to_restore_the_active_version():
    version = _import()
    before = census()

    with pytest.raises(DatasetError, match="sudah aktif"):
        dataset_restore(version=version)

    assert census() == before


def test_it_writes_an_audit_record_for_every_write():
    user = get_user_model().objects.create_user("alice")
    first = _import(actor=user)
    second = _import(replace=True)
    dataset_restore(version=first, actor=user)

    logs = list(AuditLog.objects.order_by("id"))
    assert [log.action for log in logs] == [
        AuditAction.DATASET_IMPORT,
        AuditAction.DATASET_REPLACE,
        AuditAction.DATASET_RESTORE,
    ]
    assert [log.actor for log in logs] == [user, None, user]
    assert [log.object_id for log in logs] == [str(first.pk), str(second.pk), str(first.pk)]
    assert {log.object_type for log in logs} == {"datasets.DatasetVersion"}
    assert logs[0].old == ""
    assert json.loads(logs[0].new)["version"] == first.pk
    assert json.loads(logs[1].old)["version"] == first.pk
    assert json.loads(logs[1].new)["version"] == second.pk
    assert json.loads(logs[2].old)["version"] == second.pk
    assert json.loads(logs[2].new)["sha256"] == first.sha256
    first.refresh_from_db()
    assert first.imported_by == user


def test_it_leaves_the_database_untouched_when_a_projection_step_fails(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("projection step failed")

    monkeypatch.setattr(skm_projection, "project", fail)
    before = census()

    with pytest.raises(RuntimeError, match="projection step failed"):
        _import()

    assert census() == before
    assert not Instansi.objects.exists()


def test_it_keeps_the_old_version_whole_when_a_replace_fails(monkeypatch):
    old = _import()
    before = census()

    def fail(*args, **kwargs):
        raise RuntimeError("projection step failed")

    monkeypatch.setattr(skm_projection, "project", fail)
    with pytest.raises(RuntimeError):
        _import(replace=True)

    assert census() == before
    old.refresh_from_db()
    assert old.is_active
    assert _leaf(old, "Fasilitasi administrasi pelayanan umum").pagu == Decimal("826875.00")
    assert AuditLog.objects.count() == 1


def test_it_rejects_money_it_cannot_store_exactly_and_writes_nothing():
    doc = robatal()
    doc["anggaran"]["program"][0]["kegiatan"][1]["pagu"] = Decimal("23507678.505")

    with pytest.raises(DatasetRejected) as excinfo:
        _import(doc)

    assert str(excinfo.value).startswith("anggaran.program[0].kegiatan[1].pagu:")
    assert census() == {k: 0 for k in census()}


def test_it_imports_a_document_with_only_the_required_sections():
    version = _import(minimal())

    assert version.tahun == 2022
    assert not Indikator.objects.exists()
    assert_identical(dataset_export(instansi=version.instansi, tahun=2022), minimal())


@pytest.mark.parametrize(
    ("sections", "tahun"),
    [
        ({"perjanjian_kinerja": {"tahun": 2021}, "anggaran": {"tahun": 2020}}, 2021),
        ({"perjanjian_kinerja": None, "anggaran": {"tahun": 2020}}, 2020),
        (
            {
                "perjanjian_kinerja": None,
                "renstra": {
                    "periode": [2019, 2024],
                    "tujuan": [
                        {
                            "kode": "T1",
                            "uraian": "Tujuan",
                            "indikator": [
                                {"kode": "T1.1", "uraian": "X", "realisasi": {"2021": 1, "2019": 2}}
                            ],
                        }
                    ],
                },
            },
            2021,
        ),
    ],
)
def test_it_stores_a_dataset_under_the_year_it_reports_on(sections, tahun):
    doc = minimal(**sections)
    doc = {k: v for k, v in doc.items() if v is not None}

    assert _import(doc).tahun == tahun


def test_it_explains_a_document_without_a_year():
    doc = {k: v for k, v in minimal().items() if k != "perjanjian_kinerja"}

    with pytest.raises(DatasetRejected, match="tahun dataset tidak dapat ditentukan"):
        _import(doc)


def test_it_finds_an_instansi_by_name_whatever_the_case():
    version = _import()

    assert find_instansi("  kecamatan robatal ") == version.instansi


def test_it_names_similar_instansi_when_none_matches():
    _import()

    with pytest.raises(DatasetNotFound, match="'Kecamatan Robatal'"):
        find_instansi("Robatal")


def test_it_asks_for_the_pemda_when_two_have_the_instansi():
    _import()
    doc = robatal()
    doc["pemda"]["nama"] = "Kabupaten Lain"
    _import(doc)

    with pytest.raises(DatasetNotFound, match="lebih dari satu pemda"):
        find_instansi("Kecamatan Robatal")
    assert find_instansi("Kecamatan Robatal", pemda="kabupaten lain").pemda.nama == (
        "Kabupaten Lain"
    )


def test_it_names_the_years_available_when_exporting_a_missing_one():
    version = _import()

    with pytest.raises(DatasetNotFound, match="tahun yang tersedia: 2020"):
        dataset_export(instansi=version.instansi, tahun=2019)


def test_it_reexports_what_the_dataset_reader_gives():
    from sakip.dataset.baca import baca_dataset as load_dataset
    from sakip.datasets.testing import ROBATAL

    dataset = load_dataset(ROBATAL)
    version = services.dataset_import(doc=dataset.doc, source_name="r.yaml", fmt="yaml")

    assert_identical(dataset_export(instansi=version.instansi, tahun=2020), dataset.doc)


def test_it_reports_a_concurrent_import_of_the_same_year_as_existing(monkeypatch):
    _import()
    before = census()
    # As if another import committed between our check and our insert.
    monkeypatch.setattr(services, "_lock_active", lambda instansi, tahun: None)

    with pytest.raises(DatasetExists, match="--replace"):
        _import()

    assert census() == before

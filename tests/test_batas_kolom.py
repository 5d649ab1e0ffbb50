"""The published schema's length limits are the record's column sizes: a
file ``sakip check`` accepts fits the columns ``sakip import`` writes."""

import pytest
from django.db import models

from sakip.common.kolom import KODE_MAX, SHORT_MAX
from sakip.dataset.schema import load_schema
from sakip.organisasi.models import Instansi, Pemda
from sakip.record.models import AnggaranNode, Indikator, PerjanjianProgram, Sasaran, Tujuan


def _defs() -> dict:
    return load_schema()["$defs"]


@pytest.mark.parametrize(
    ("model", "kolom", "batas_skema"),
    [
        (Pemda, "nama", lambda d: d["nama"]["maxLength"]),
        (Instansi, "nama", lambda d: d["nama"]["maxLength"]),
        (Pemda, "provinsi", lambda d: d["pemda"]["properties"]["provinsi"]["maxLength"]),
        (Instansi, "jenis", lambda d: d["instansi"]["properties"]["jenis"]["maxLength"]),
        (Tujuan, "kode", lambda d: d["kode"]["maxLength"]),
        (Sasaran, "kode", lambda d: d["kode"]["maxLength"]),
        (Indikator, "kode", lambda d: d["kode"]["maxLength"]),
        (AnggaranNode, "kode", lambda d: d["kode"]["maxLength"]),
        (PerjanjianProgram, "kode", lambda d: d["kode"]["maxLength"]),
    ],
)
def test_the_schema_limits_text_to_its_column(model, kolom, batas_skema):
    field = model._meta.get_field(kolom)
    assert isinstance(field, models.CharField)
    assert batas_skema(_defs()) == field.max_length


def test_the_limits_are_the_shared_sizes():
    assert _defs()["kode"]["maxLength"] == KODE_MAX
    assert _defs()["nama"]["maxLength"] == SHORT_MAX


def test_every_charfield_the_import_fills_from_text_is_limited_by_the_schema():
    """A CharField without choices holds text from the file: it is one of
    the columns above (a new one needs its limit in the schema)."""
    checked = {
        (Pemda, "nama"),
        (Pemda, "provinsi"),
        (Instansi, "nama"),
        (Instansi, "jenis"),
        *((m, "kode") for m in (Tujuan, Sasaran, Indikator, AnggaranNode, PerjanjianProgram)),
    }
    from django.apps import apps

    bebas = {
        (m.__name__, f.name)
        for label in ("record", "organisasi")
        for m in apps.get_app_config(label).get_models()
        for f in m._meta.concrete_fields
        if isinstance(f, models.CharField) and not f.choices and (m, f.name) not in checked
    }
    # Columns no file fills: a finding's code comes from the engine (a
    # justification names one of the year's findings, or is refused); an
    # evidence file's name is cut to its column, and the rest are ours.
    bukan_dari_berkas = {
        ("JustifikasiTemuan", "kode"),
        *(("BuktiDukung", k) for k in ("nama_asli", "lokasi", "jenis", "sha256")),
    }
    assert bebas <= {("Indikator", "akumulasi"), *bukan_dari_berkas}, bebas


def test_a_survey_profile_the_reader_accepts_fits_its_column():
    from sakip.dataset.jawaban_skm import PROFIL_MAKS
    from sakip.skm.models import Responden

    for kolom in ("layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan"):
        assert Responden._meta.get_field(kolom).max_length == PROFIL_MAKS

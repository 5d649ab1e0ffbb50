"""Helpers for the tests of the Django apps: the reference dataset, a YAML
reader with exact numbers, and a census of every stored row."""

from __future__ import annotations

import copy
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.apps import apps

from sakip.dataset.load import parse_document

# The reference dataset as the demo ships it (a copy of ../shared's).
ROBATAL = Path(__file__).resolve().parents[1] / "demo" / "robatal-2020.yaml"
SAKIP_APPS = ("organisasi", "datasets", "record", "skm")


def load_yaml(text: str) -> dict:
    """A YAML document as the dataset reader gives it (exact numbers)."""
    return parse_document(text, filename="test.yaml", fmt="yaml")[0]


@cache
def _robatal() -> dict:
    return load_yaml(ROBATAL.read_text(encoding="utf-8"))


def robatal() -> dict:
    """A fresh copy of the reference dataset (Kecamatan Robatal 2020)."""
    return copy.deepcopy(_robatal())


def minimal(**sections: object) -> dict:
    """The smallest valid document, plus ``sections``."""
    doc: dict = {
        "format": "sakip-dataset/1",
        "pemda": {"nama": "Kabupaten Contoh"},
        "instansi": {"nama": "Kecamatan Contoh", "kepala": {"jabatan": "Camat Contoh"}},
        "renstra": {"periode": [2020, 2024], "tujuan": []},
        "perjanjian_kinerja": {"tahun": 2022},
    }
    doc.update(sections)
    return doc


def census() -> dict[str, int]:
    """Rows in every table of the sakip apps (and the users), by model."""
    models = [m for label in SAKIP_APPS for m in apps.get_app_config(label).get_models()]
    counts = {m._meta.label: m.objects.count() for m in models}
    for m in models:
        for field in m._meta.many_to_many:
            through = field.remote_field.through
            counts[through._meta.label] = through.objects.count()
    return counts


def dump() -> dict[str, list[tuple]]:
    """Every row of the sakip apps and the users, value by value, in id order:
    two dumps are equal when the database holds exactly the same."""
    out: dict[str, list[tuple]] = {}
    models = [m for label in SAKIP_APPS for m in apps.get_app_config(label).get_models()]
    models.append(apps.get_model("auth", "User"))
    for m in models:
        fields = [f.attname for f in m._meta.concrete_fields]
        out[m._meta.label] = list(m.objects.order_by("pk").values_list(*fields))
    return out


def assert_identical(a: object, b: object, path: str = "") -> None:
    """Equal values of equal types, dict keys in the same order, all the way down."""
    assert type(a) is type(b), f"{path or '(root)'}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, dict):
        assert list(a) == list(b), f"{path}: keys {list(a)} != {list(b)}"
        for key in a:
            assert_identical(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{path}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_identical(x, y, f"{path}[{i}]")
    elif isinstance(a, Decimal):
        assert a.as_tuple() == b.as_tuple(), f"{path}: {a!r} != {b!r}"
    else:
        assert a == b, f"{path}: {a!r} != {b!r}"

"""Helpers for the tests of the Django apps: the reference dataset, a YAML
reader with exact numbers, and a census of every stored row."""

from __future__ import annotations

import copy
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from django.apps import apps

# ../shared beside the repository holds the reference dataset.
SHARED_DATASET = Path(__file__).resolve().parents[3].parent / "shared" / "dataset"
ROBATAL = SHARED_DATASET / "robatal-2020.yaml"
SAKIP_APPS = ("organisasi", "datasets", "anggaran", "perencanaan", "skm", "evaluasi")


class _ExactLoader(yaml.SafeLoader):
    """YAML as the dataset readers give it: floats as Decimal, keys and dates as text."""


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    return Decimal(loader.construct_scalar(node))


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    return {str(k): v for k, v in loader.construct_pairs(node, deep=True)}


_ExactLoader.add_constructor("tag:yaml.org,2002:float", _decimal)
_ExactLoader.add_constructor("tag:yaml.org,2002:map", _mapping)
_ExactLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def load_yaml(text: str) -> dict:
    return yaml.load(text, Loader=_ExactLoader)


@cache
def _robatal() -> dict:
    return load_yaml(ROBATAL.read_text(encoding="utf-8"))


def robatal() -> dict:
    """A fresh copy of the reference dataset (Kecamatan Robatal 2020)."""
    return copy.deepcopy(_robatal())


def minimal(**sections: object) -> dict:
    """The smallest document the tables accept, plus ``sections``."""
    doc: dict = {
        "format": "sakip-dataset/1",
        "pemda": {"nama": "Kabupaten Contoh"},
        "instansi": {"nama": "Kecamatan Contoh", "kepala": {"jabatan": "Camat Contoh"}},
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

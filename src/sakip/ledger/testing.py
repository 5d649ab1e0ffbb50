"""Helpers for the tests of the Django apps: the reference dataset, a YAML
reader with exact numbers, and a dump of every stored row."""

from __future__ import annotations

import copy
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


def dump() -> dict[str, list[tuple[object, ...]]]:
    """Every row of the sakip apps and the users, value by value, in id order:
    two dumps are equal when the database holds exactly the same."""
    out: dict[str, list[tuple[object, ...]]] = {}
    models = [m for label in SAKIP_APPS for m in apps.get_app_config(label).get_models()]
    models.append(apps.get_model("auth", "User"))
    for m in models:
        fields = [f.attname for f in m._meta.concrete_fields]
        out[m._meta.label] = list(m._default_manager.order_by("pk").values_list(*fields))
    return out

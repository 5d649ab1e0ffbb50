"""The published JSON Schema of ``sakip-dataset/1``, shipped as package data."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, cast

from sakip.dataset.json_exact import loads

SCHEMA_FILE = "sakip-dataset-1.schema.json"


def schema_text() -> str:
    """The schema file as published (for download or documentation)."""
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@cache
def load_schema() -> dict[str, Any]:
    """The schema as data. Its numbers are Decimals, like a dataset's, so that
    ``enum: [0.111]`` equals the Decimal a reader makes of ``0.111``.

    Cached: treat the result as read-only.

    >>> load_schema()["title"]
    'sakip-dataset/1'
    """
    return cast(dict[str, Any], loads(schema_text()))

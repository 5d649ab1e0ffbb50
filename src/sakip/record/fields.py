"""A column that holds a document value exactly: number, text, range or map.

Dataset values are Decimals written as the file wrote them (``81.550``),
integers, text, ranges ``[80, 85]`` or small maps (a printed figure). A
JSONField would not do: PostgreSQL's jsonb rewrites numbers and SQLite's
JSON1 reads them through floats. The value is kept as exact JSON text
(:mod:`sakip.dataset.json_exact`) and read back as the same Python value.
``None`` means "absent from the document".
"""

from __future__ import annotations

from typing import Any

from django.db import models

from sakip.dataset import json_exact as jsontext


class NilaiTepat(models.TextField):  # type: ignore[type-arg]
    description = "nilai dokumen persis (JSON dengan desimal tepat)"
    # For django-stubs: the value in Python is any document value, not text.
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> object:
        return None if value is None else jsontext.loads(value)

    def get_prep_value(self, value: object) -> str | None:
        return None if value is None else jsontext.dumps(value, indent=None)

    def value_to_string(self, obj: models.Model) -> str:
        return self.get_prep_value(self.value_from_object(obj)) or ""

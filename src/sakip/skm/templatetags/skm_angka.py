"""Template filters of the SKM pages: Indonesian numbers, and a dict lookup."""

from __future__ import annotations

from decimal import Decimal

from django import template

from sakip.engine.angka import format_angka

register = template.Library()


@register.filter
def angka(value: Decimal | None, tempat: int = 2) -> str:
    """``{{ nrr|angka }}`` -> "3,25"; a missing value -> "-"."""
    return format_angka(value, int(tempat)) if value is not None else "-"


@register.filter
def get_item(mapping: dict, key: str) -> object:
    return mapping.get(key, key)

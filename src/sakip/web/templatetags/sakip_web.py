"""Figures on a page the Indonesian way, by the engine's one formatter."""

from __future__ import annotations

from decimal import Decimal

from django import template

from sakip.engine.angka import format_persen, format_rupiah
from sakip.record.riwayat import tampil_nilai

register = template.Library()


@register.filter
def angka(nilai: object) -> str:
    """A document value as read: numbers with "." thousands and "," decimals."""
    return "–" if nilai is None or nilai == "" else tampil_nilai(nilai)


@register.filter
def persen(nilai: Decimal | None) -> str:
    return format_persen(nilai)


@register.filter
def rupiah(nilai: object) -> str:
    if isinstance(nilai, int | Decimal) and not isinstance(nilai, bool):
        return format_rupiah(Decimal(nilai))
    return "–"

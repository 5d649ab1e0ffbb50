"""Figures on a page the Indonesian way, by the engine's one formatter."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.template import Context
from django.utils.safestring import SafeString

from sakip.engine.angka import format_persen
from sakip.record.riwayat import tampil_nilai
from sakip.web.isian import format_rupiah_nilai
from sakip.web.ubah import Isian

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
    return format_rupiah_nilai(nilai)


@register.simple_tag(takes_context=True)
def isian(context: Context, field: Isian) -> SafeString:
    """``{% isian x %}``: an editable field (:meth:`sakip.web.ubah.Isian.html`)."""
    return field.html(str(context.get("csrf_token", "")), context.get("kembali") or "")

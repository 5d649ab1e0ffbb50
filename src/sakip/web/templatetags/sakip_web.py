"""Figures on a page the Indonesian way, by the engine's one formatter."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.template import Context
from django.utils.safestring import SafeString, mark_safe

from sakip.engine.angka import format_persen
from sakip.record.riwayat import tampil_nilai
from sakip.web.isian import format_rupiah_nilai
from sakip.web.tersimpan import Tersimpan, tempat_csrf
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


@register.tag
def tersimpan(parser: template.base.Parser, token: template.base.Token) -> TersimpanNode:
    """``{% tersimpan %}`` ... ``{% endtersimpan %}``: the body of a year page,
    kept drawn until the record changes (:mod:`sakip.web.tersimpan`). Its
    values come from the view's ``tersimpan.isi()``, computed only when the
    body must be drawn; without ``tersimpan`` in the context it is drawn
    as it stands."""
    nodelist = parser.parse(("endtersimpan",))
    parser.delete_first_token()
    return TersimpanNode(nodelist)


class TersimpanNode(template.Node):
    def __init__(self, nodelist: template.NodeList):
        self.nodelist = nodelist

    def render(self, context: Context) -> SafeString:
        t = context.get("tersimpan")
        if not isinstance(t, Tersimpan):
            return self.nodelist.render(context)
        html = t.ambil()
        if html is None:
            with context.push(csrf_token=tempat_csrf(), **t.isi()):
                html = t.simpan(self.nodelist.render(context))
        return mark_safe(html)  # noqa: S308 - drawn by this template, escaped there

"""The home page: who is logged in, with which roles, and where to go.

The per-role "what to do next" pages come later; until then the page lists
the user's memberships and the pages they may use.
"""

from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sakip.akun.akses import Aksi, boleh
from sakip.akun.models import Keanggotaan, Peran


@require_GET
@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)  # login_required
    anggota = list(Keanggotaan.objects.filter(user=user).select_related("instansi", "pemda"))
    pemda_kelola = [
        k.pemda
        for k in anggota
        if k.peran == Peran.ADMIN_PEMDA and boleh(user, Aksi.KELOLA_PENGGUNA, k.pemda)
    ]
    konteks = {"keanggotaan": anggota, "pemda_kelola": pemda_kelola}
    return render(request, "web/beranda.html", konteks)

"""Account pages: log in and out, change one's password, and the pemda
admin's list of users with the page that sets a user's password.

Logging in is Django's view; django-axes (settings) refuses it after too
many failures, for the admin's login page as well, and shows
``akun/terkunci.html``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods

from sakip.akun.akses import Aksi, pastikan_boleh
from sakip.akun.forms import SandiAturForm
from sakip.akun.queries import pengguna_daftar as _pengguna_daftar
from sakip.akun.services import AkunError, SandiDitolak, pastikan_boleh_atur_sandi, sandi_atur
from sakip.akun.services import sandi_ganti as _sandi_ganti
from sakip.organisasi.models import Pemda

masuk = auth_views.LoginView.as_view(
    template_name="akun/masuk.html", redirect_authenticated_user=True
)
keluar = auth_views.LogoutView.as_view()


class _SandiUbah(auth_views.PasswordChangeView):
    """Django's page, with the change made (and audited) by the service."""

    template_name = "akun/sandi_ubah.html"
    success_url = reverse_lazy("akun:sandi-ubah-selesai")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        _sandi_ganti(user=form.user, sandi=form.cleaned_data["new_password1"])
        # Keeps this session; the user's other sessions end with the old password.
        update_session_auth_hash(self.request, form.user)
        return HttpResponseRedirect(self.get_success_url())


sandi_ubah = _SandiUbah.as_view()
sandi_ubah_selesai = auth_views.PasswordChangeDoneView.as_view(
    template_name="akun/sandi_ubah_selesai.html"
)


@require_GET
@login_required
def pengguna_daftar(request: HttpRequest, pemda_id: int) -> HttpResponse:
    pemda = get_object_or_404(Pemda, pk=pemda_id)
    pastikan_boleh(request.user, Aksi.KELOLA_PENGGUNA, pemda)
    konteks = {"pemda": pemda, "daftar": _pengguna_daftar(pemda=pemda)}
    return render(request, "akun/pengguna_daftar.html", konteks)


@require_http_methods(["GET", "POST"])
@login_required
def sandi_atur_halaman(request: HttpRequest, user_id: int) -> HttpResponse:
    target = get_object_or_404(get_user_model(), pk=user_id)
    try:
        pastikan_boleh_atur_sandi(request.user, target)
    except AkunError as exc:
        return render(request, "akun/sandi_atur.html", {"target": target, "galat": exc}, status=400)
    form = SandiAturForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sandi_atur(aktor=request.user, user=target, sandi=form.cleaned_data["sandi1"])
        except SandiDitolak as exc:
            for pesan in exc.pesan:
                form.add_error("sandi1", pesan)
        else:
            messages.success(request, f"Sandi {target.get_username()} sudah diganti.")
            return redirect("web:beranda")
    status = 400 if request.method == "POST" else 200
    return render(request, "akun/sandi_atur.html", {"target": target, "form": form}, status=status)

"""Account pages: log in and out, change one's password, and the pemda
admin's list of users with the page that sets a user's password.

Logging in is Django's view; django-axes (settings) refuses it after too
many failures, for the admin's login page as well, and shows
``akun/terkunci.html``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.models import User
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sakip.akun.akses import Aksi, boleh
from sakip.akun.forms import PenggunaTambahForm, SandiAturForm
from sakip.akun.models import Keanggotaan, Peran
from sakip.akun.queries import pengguna_daftar as _pengguna_daftar
from sakip.akun.services import (
    AkunError,
    SandiDitolak,
    keanggotaan_hapus,
    keanggotaan_tambah,
    pastikan_boleh_atur_sandi,
    pengguna_aktifkan,
    pengguna_nonaktifkan,
    sandi_atur,
)
from sakip.akun.services import pengguna_tambah as _pengguna_tambah
from sakip.akun.services import sandi_ganti as _sandi_ganti
from sakip.organisasi.models import Instansi, Pemda

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


def _pemda_kelola(request: HttpRequest, pemda_id: int) -> Pemda:
    """The pemda whose users the page manages: 404 for anyone who may not,
    so that the page tells nobody else it exists."""
    pemda = Pemda.objects.filter(pk=pemda_id).first()
    if pemda is None or not boleh(request.user, Aksi.KELOLA_PENGGUNA, pemda):
        raise Http404("pemda tidak ditemukan")
    return pemda


def _pilihan_peran(pemda: Pemda, instansi: list[Instansi]) -> list[tuple[str, str]]:
    """(value, label) of every role the pemda's admin can give, with its scope."""
    pilihan = [
        (f"{p.value}:{i.pk}", f"{p.label} {i.nama}")
        for i in instansi
        for p in (Peran.OPERATOR, Peran.PIMPINAN)
    ]
    pilihan += [(p.value, f"{p.label} {pemda}") for p in (Peran.ADMIN_PEMDA, Peran.EVALUATOR)]
    return pilihan


def _peran_dari(pemda: Pemda, nilai: str) -> tuple[str, Instansi | None, Pemda | None]:
    """(peran, instansi, pemda) of a role choice; AkunError when it is not one of the pemda."""
    peran, _, instansi_id = nilai.partition(":")
    if peran in (Peran.OPERATOR, Peran.PIMPINAN) and instansi_id.isdigit():
        instansi = Instansi.objects.filter(pk=int(instansi_id), pemda=pemda).first()
        if instansi is None:
            raise AkunError("instansi itu bukan bagian dari pemda ini")
        return peran, instansi, None
    if peran in (Peran.ADMIN_PEMDA, Peran.EVALUATOR) and not instansi_id:
        return peran, None, pemda
    raise AkunError("pilih peran dan tempatnya")


@require_GET
@login_required
def pengguna_daftar(request: HttpRequest, pemda_id: int) -> HttpResponse:
    pemda = _pemda_kelola(request, pemda_id)
    instansi = list(Instansi.objects.filter(pemda=pemda))
    konteks = {
        "pemda": pemda,
        "daftar": _pengguna_daftar(pemda=pemda),
        "pilihan_peran": _pilihan_peran(pemda, instansi),
        "form": PenggunaTambahForm(),
        "halaman": "pengguna",
    }
    return render(request, "akun/pengguna_daftar.html", konteks)


def _ke_daftar(pemda: Pemda) -> HttpResponse:
    return redirect("akun:pengguna-daftar", pemda.pk)


def _pengguna_pemda(pemda: Pemda, user_id: int) -> User:
    """A user holding a role in the pemda or one of its agencies; 404 for any other."""
    di_pemda = Q(pemda=pemda) | Q(instansi__pemda=pemda)
    user = (
        get_user_model()
        .objects.filter(pk=user_id, pk__in=Keanggotaan.objects.filter(di_pemda).values("user_id"))
        .first()
    )
    if user is None:
        raise Http404("pengguna tidak ditemukan")
    return user


@require_POST
@login_required
def pengguna_tambah(request: HttpRequest, pemda_id: int) -> HttpResponse:
    """A new user with a first role; the password is set by the admin and told in person."""
    pemda = _pemda_kelola(request, pemda_id)
    form = PenggunaTambahForm(request.POST)
    if form.is_valid():
        try:
            peran, instansi, pemda_anggota = _peran_dari(pemda, request.POST.get("peran", ""))
            baru = _pengguna_tambah(
                aktor=request.user,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["sandi1"],
                email=form.cleaned_data["email"],
                peran=peran,
                instansi=instansi,
                pemda=pemda_anggota,
            )
        except SandiDitolak as exc:
            for pesan in exc.pesan:
                form.add_error("sandi1", pesan)
        except AkunError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Pengguna {baru.get_username()} ditambahkan.")
            return _ke_daftar(pemda)
    instansi_semua = list(Instansi.objects.filter(pemda=pemda))
    konteks = {
        "pemda": pemda,
        "daftar": _pengguna_daftar(pemda=pemda),
        "pilihan_peran": _pilihan_peran(pemda, instansi_semua),
        "peran_terpilih": request.POST.get("peran", ""),
        "form": form,
        "halaman": "pengguna",
    }
    return render(request, "akun/pengguna_daftar.html", konteks, status=400)


@require_POST
@login_required
def peran_tambah(request: HttpRequest, pemda_id: int, user_id: int) -> HttpResponse:
    pemda = _pemda_kelola(request, pemda_id)
    target = _pengguna_pemda(pemda, user_id)
    try:
        peran, instansi, pemda_anggota = _peran_dari(pemda, request.POST.get("peran", ""))
        anggota = keanggotaan_tambah(
            aktor=request.user, user=target, peran=peran, instansi=instansi, pemda=pemda_anggota
        )
    except AkunError as exc:
        messages.error(request, f"Peran tidak ditambahkan: {exc}.")
    else:
        messages.success(request, f"{target.get_username()} kini {anggota}.")
    return _ke_daftar(pemda)


@require_POST
@login_required
def peran_hapus(request: HttpRequest, pemda_id: int, pk: int) -> HttpResponse:
    pemda = _pemda_kelola(request, pemda_id)
    anggota = (
        Keanggotaan.objects.filter(Q(pemda=pemda) | Q(instansi__pemda=pemda), pk=pk)
        .select_related("user", "instansi", "pemda")
        .first()
    )
    if anggota is None:
        raise Http404("keanggotaan tidak ditemukan")
    try:
        keanggotaan_hapus(aktor=request.user, keanggotaan=anggota)
    except AkunError as exc:
        messages.error(request, f"Peran tidak dicabut: {exc}.")
    else:
        messages.success(request, f"Peran {anggota} dicabut dari {anggota.user.get_username()}.")
    return _ke_daftar(pemda)


@require_POST
@login_required
def pengguna_nonaktif(request: HttpRequest, pemda_id: int, user_id: int) -> HttpResponse:
    return _status_pengguna(
        request,
        pemda_id,
        user_id,
        pengguna_nonaktifkan,
        "Pengguna tidak dinonaktifkan",
        "dinonaktifkan: tidak dapat masuk lagi",
    )


@require_POST
@login_required
def pengguna_aktif(request: HttpRequest, pemda_id: int, user_id: int) -> HttpResponse:
    return _status_pengguna(
        request,
        pemda_id,
        user_id,
        pengguna_aktifkan,
        "Pengguna tidak diaktifkan kembali",
        "aktif kembali: dapat masuk lagi",
    )


def _status_pengguna(
    request: HttpRequest,
    pemda_id: int,
    user_id: int,
    ubah: Callable[..., None],
    gagal: str,
    berhasil: str,
) -> HttpResponse:
    """Deactivate or reactivate one of the pemda's users; back to the list."""
    pemda = _pemda_kelola(request, pemda_id)
    target = _pengguna_pemda(pemda, user_id)
    try:
        ubah(aktor=request.user, user=target)
    except AkunError as exc:
        messages.error(request, f"{gagal}: {exc}.")
    else:
        messages.success(request, f"{target.get_username()} {berhasil}.")
    return _ke_daftar(pemda)


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

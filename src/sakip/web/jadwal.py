"""The pemda admin's page of filling windows (jadwal pengisian): when each
quarter's realisations of a year are filled in, for every agency of the
pemda; reopening a closed window asks for the reason the service records."""

from __future__ import annotations

from datetime import date
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sakip.akun.akses import Aksi
from sakip.common.errors import DatasetError
from sakip.dataset import json_exact as jsontext
from sakip.ledger.models import AuditAction, AuditLog
from sakip.organisasi.models import Pemda
from sakip.record import services
from sakip.record.alur import hari_ini, jadwal_ditutup
from sakip.record.models import JadwalPengisian
from sakip.web.akses import pastikan


def baca_tanggal(teks: str, nama: str) -> date:
    """A date as a browser's date field sends it (2024-07-15) or as typed
    the Indonesian way (15-07-2024)."""
    teks = teks.strip()
    if not teks:
        raise DatasetError(f"tanggal {nama} belum diisi")
    try:
        if len(teks) == 10 and teks[2] in "-/" and teks[5] in "-/":
            return date(int(teks[6:]), int(teks[3:5]), int(teks[:2]))
        return date.fromisoformat(teks)
    except ValueError:
        raise DatasetError(
            f"tanggal {nama} {teks!r} tidak dikenali; tulis seperti 15-07-2024"
        ) from None


@login_required
@require_http_methods(["GET", "POST"])
def jadwal(request: HttpRequest, pemda_id: int, tahun: int) -> HttpResponse:
    pemda = Pemda.objects.filter(pk=pemda_id).first()
    if pemda is None:
        raise Http404("pemda tidak ditemukan")
    pastikan(request, Aksi.ATUR_JADWAL, pemda)
    if not 1900 <= tahun <= 2999:
        raise Http404("tahun tidak wajar")
    galat: dict[int, str] = {}
    isian: dict[int, dict[str, str]] = {}
    if request.method == "POST":
        try:
            triwulan = int(request.POST.get("triwulan", ""))
            versi = int(request.POST.get("versi", ""))
        except ValueError:
            raise Http404("formulir tidak lengkap") from None
        if triwulan not in (1, 2, 3, 4):
            raise Http404("triwulan tidak dikenal")
        isian[triwulan] = {k: request.POST.get(k, "") for k in ("buka", "tutup", "alasan")}
        try:
            services.jadwal_set(
                aktor=cast(User, request.user),
                pemda=pemda,
                tahun=tahun,
                triwulan=triwulan,
                buka=baca_tanggal(isian[triwulan]["buka"], "buka"),
                tutup=baca_tanggal(isian[triwulan]["tutup"], "tutup"),
                versi=versi,
                alasan=isian[triwulan]["alasan"],
            )
        except DatasetError as exc:
            galat[triwulan] = str(exc)
        else:
            messages.success(request, f"Jadwal triwulan {triwulan} tahun {tahun} disimpan.")
            return redirect("web:jadwal", pemda.pk, tahun)
    ada = {j.triwulan: j for j in JadwalPengisian.objects.filter(pemda=pemda, tahun=tahun)}
    hari = hari_ini()
    baris = []
    for tw in (1, 2, 3, 4):
        j = ada.get(tw)
        baris.append(
            {
                "triwulan": tw,
                "jadwal": j,
                "ditutup": jadwal_ditutup(j, hari),
                "buka": isian.get(tw, {}).get("buka") or (j.buka.isoformat() if j else ""),
                "tutup": isian.get(tw, {}).get("tutup") or (j.tutup.isoformat() if j else ""),
                "alasan": isian.get(tw, {}).get("alasan", ""),
                "galat": galat.get(tw, ""),
            }
        )
    dibuka_ulang = [
        {"waktu": log.timestamp, "siapa": log.actor, "lokasi": log.lokasi, **_buka_ulang(log)}
        for log in AuditLog.objects.filter(
            action=AuditAction.JADWAL_BUKA_ULANG,
            object_type=JadwalPengisian._meta.label,
            object_id__in=[str(j.pk) for j in ada.values()],
        )
        .select_related("actor")
        .order_by("-timestamp", "-id")
    ]
    konteks = {
        "pemda": pemda,
        "tahun": tahun,
        "baris": baris,
        "dibuka_ulang": dibuka_ulang,
        "hari": hari,
    }
    return render(request, "web/pemda/jadwal.html", konteks, status=400 if galat else 200)


def _buka_ulang(log: AuditLog) -> dict[str, str]:
    """The old close, the new one and the reason of a recorded reopening."""
    baru = jsontext.loads(log.new) if log.new else {}
    lama = jsontext.loads(log.old) if log.old else ""
    if not isinstance(baru, dict):
        baru = {}
    return {
        "lama": _tanggal(lama),
        "tutup": _tanggal(baru.get("tutup", "")),
        "alasan": str(baru.get("alasan", "")),
    }


def _tanggal(iso: object) -> str:
    try:
        return f"{date.fromisoformat(str(iso)):%d-%m-%Y}"
    except ValueError:
        return str(iso)

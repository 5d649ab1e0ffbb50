"""The pemda admin's pages: the pemda's agencies and their years, adding an
agency, and the pemda's rules with a preview of what a change does to each
agency's predikat before it is saved. Users and memberships are the
account pages (``akun:pengguna-daftar``). Nobody but the pemda's admin (and
a superuser) learns that these pages exist: 404 for everyone else."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sakip.akun import services as akun_services
from sakip.akun.akses import Aksi
from sakip.akun.services import AkunError
from sakip.common.errors import DatasetError
from sakip.engine.laporan import Laporan, hitung_laporan
from sakip.organisasi.models import Instansi, Pemda
from sakip.record import services
from sakip.record.aturan import BOBOT_SKM, RUMUS_NEGATIF, periksa_aturan
from sakip.record.ekspor import aturan_berlaku, dokumen_tahun, responden_tahun
from sakip.record.isi import sama
from sakip.record.models import AturanPemda, StatusTahun, TahunKinerja
from sakip.web.akses import pemda_untuk
from sakip.web.isian import angka_isian, skala_isian, skala_teks, teks_isian, versi_dibaca

# -- overview and agencies --------------------------------------------------------


@require_GET
@login_required
def ringkasan(request: HttpRequest, pemda_id: int) -> HttpResponse:
    """Every agency of the pemda with its years and their status."""
    pemda = pemda_untuk(request, pemda_id, Aksi.KELOLA_PENGGUNA)
    tahun: dict[int, list[TahunKinerja]] = defaultdict(list)
    for tk in (
        TahunKinerja.objects.filter(instansi__pemda=pemda)
        .only("instansi_id", "tahun", "status")
        .order_by("-tahun")
    ):
        tahun[tk.instansi_id].append(tk)
    instansi = [(i, tahun.get(i.pk, [])) for i in Instansi.objects.filter(pemda=pemda)]
    konteks = {"pemda": pemda, "instansi": instansi, "status": StatusTahun}
    return render(request, "web/pemda/ringkasan.html", konteks)


@require_POST
@login_required
def instansi_tambah(request: HttpRequest, pemda_id: int) -> HttpResponse:
    pemda = pemda_untuk(request, pemda_id, Aksi.KELOLA_INSTANSI)
    try:
        baru = akun_services.instansi_tambah(
            aktor=cast(User, request.user),
            pemda=pemda,
            nama=request.POST.get("nama", ""),
            jenis=request.POST.get("jenis", ""),
        )
    except (AkunError, DatasetError) as exc:
        messages.error(request, f"Instansi tidak ditambahkan: {exc}.")
    else:
        messages.success(request, f"{baru.nama} ditambahkan ke {pemda}.")
    return redirect("web:pemda", pemda.pk)


# -- the pemda's rules ----------------------------------------------------------------

_LABEL = {
    "skala_capaian": "Skala predikat",
    "batas_capaian": "Batas capaian per indikator",
    "rumus_negatif": "Rumus indikator negatif",
    "bobot_skm": "Bobot unsur SKM",
}


@dataclass
class Pratinjau:
    """One agency's latest year under the rules in force and under the proposed ones."""

    tk: TahunKinerja
    berlaku: bool  # whether the proposed rules would apply to this year
    alasan: str  # why not, when they would not
    kini_rata: Decimal | None
    kini_predikat: str | None
    baru_rata: Decimal | None
    baru_predikat: str | None
    indikator_berubah: int  # indicators of the year whose predikat changes

    @property
    def berubah(self) -> bool:
        return self.berlaku and (
            self.kini_predikat != self.baru_predikat
            or self.kini_rata != self.baru_rata
            or self.indikator_berubah > 0
        )


def _agregat(laporan: Laporan) -> tuple[Decimal | None, str | None]:
    for b in laporan.instansi:
        if b.tahun == laporan.tahun:
            return b.rata_rata.nilai, b.predikat
    return None, None


def _usulan(post: Any) -> tuple[int, dict[str, object], list[str]]:
    """(berlaku_mulai, the four rules as the record stores them, errors) of the form."""
    galat: list[str] = []
    try:
        mulai = int(post.get("berlaku_mulai", "").strip())
        if not 0 <= mulai <= 9999:
            raise ValueError
    except ValueError:
        galat.append("Berlaku mulai tahun: tulis tahun, mis. 2024 (0: sejak awal).")
        mulai = 0
    nilai: dict[str, object] = {}
    try:
        nilai["skala_capaian"] = skala_isian(post.get("skala_capaian", ""))
    except DatasetError as exc:
        galat.append(f"{_LABEL['skala_capaian']}: {exc}.")
    batas = post.get("batas_capaian", "").strip()
    try:
        nilai["batas_capaian"] = angka_isian(batas) if batas else None
    except DatasetError as exc:
        galat.append(f"{_LABEL['batas_capaian']}: {exc}.")
    for bidang, pilihan in (("rumus_negatif", RUMUS_NEGATIF), ("bobot_skm", BOBOT_SKM)):
        isi = post.get(bidang, "").strip()
        if isi and isi not in pilihan:
            galat.append(f"{_LABEL[bidang]}: pilihan {isi!r} tidak dikenal.")
        nilai[bidang] = isi or None
    if not galat:
        for bidang, isi in nilai.items():
            try:
                periksa_aturan(bidang, isi)
            except DatasetError as exc:
                galat.append(f"{_LABEL[bidang]}: {exc}.")
    return mulai, nilai, galat


def _nilai_aturan(aturan: AturanPemda | None) -> dict[str, object]:
    return {k: getattr(aturan, k) if aturan else None for k in AturanPemda.KOLOM}


def _isian_form(nilai: dict[str, object], mulai: int) -> dict[str, str]:
    """The form's fields showing rule values."""
    return {
        "berlaku_mulai": str(mulai),
        "skala_capaian": skala_teks(nilai.get("skala_capaian")),
        "batas_capaian": teks_isian(nilai.get("batas_capaian")),
        "rumus_negatif": str(nilai.get("rumus_negatif") or ""),
        "bobot_skm": str(nilai.get("bobot_skm") or ""),
    }


def _pratinjau(pemda: Pemda, mulai: int, usul: dict[str, object]) -> list[Pratinjau]:
    """Each agency's latest year computed by the engine under both rule sets;
    each year's document is built once from the record."""
    terakhir = (
        TahunKinerja.objects.filter(instansi__pemda=pemda)
        .values("instansi_id")
        .annotate(t=Max("tahun"))
        .values_list("instansi_id", "t")
    )
    syarat = {(i, t) for i, t in terakhir}
    tahun = [
        tk
        for tk in TahunKinerja.objects.filter(instansi__pemda=pemda).select_related(
            "instansi__pemda", "renstra", "aturan"
        )
        if (tk.instansi_id, tk.tahun) in syarat
    ]
    langkah = set(AturanPemda.objects.filter(pemda=pemda).values_list("berlaku_mulai", flat=True))
    langkah.add(mulai)
    hasil = []
    for tk in sorted(tahun, key=lambda t: t.instansi.nama):
        doc = dokumen_tahun(tk)
        responden = responden_tahun(tk)
        kini = hitung_laporan(doc, responden=responden)
        kini_rata, kini_predikat = _agregat(kini)
        sebelum = [b for b in langkah if b <= tk.tahun]
        berlaku_langkah = max(sebelum) if sebelum else min(langkah)
        alasan = ""
        if tk.aturan_id is not None:
            alasan = "sudah disetujui: tetap memakai aturan saat disetujui"
        elif berlaku_langkah != mulai:
            alasan = f"memakai aturan yang berlaku mulai {berlaku_langkah}"
        if alasan:
            hasil.append(
                Pratinjau(tk, False, alasan, kini_rata, kini_predikat, kini_rata, kini_predikat, 0)
            )
            continue
        aturan_pemda = {k: v for k, v in doc["pemda"].items() if k not in AturanPemda.KOLOM}
        aturan_pemda.update({k: v for k, v in usul.items() if v is not None})
        baru = hitung_laporan({**doc, "pemda": aturan_pemda}, responden=responden)
        baru_rata, baru_predikat = _agregat(baru)
        lama_ind = {b.ref.indikator.kode: b.predikat for b in kini.indikator_tahun()}
        berubah = sum(
            1 for b in baru.indikator_tahun() if lama_ind.get(b.ref.indikator.kode) != b.predikat
        )
        hasil.append(
            Pratinjau(tk, True, "", kini_rata, kini_predikat, baru_rata, baru_predikat, berubah)
        )
    return hasil


@require_http_methods(["GET", "POST"])
@login_required
def aturan(request: HttpRequest, pemda_id: int) -> HttpResponse:
    """GET: the rules in force and the form. POST "pratinjau": what the
    proposed rules do to each agency, nothing saved. POST "simpan": save."""
    pemda = pemda_untuk(request, pemda_id, Aksi.UBAH_ATURAN_PEMDA)
    semua = list(AturanPemda.objects.filter(pemda=pemda).order_by("berlaku_mulai"))
    konteks: dict[str, Any] = {
        "pemda": pemda,
        "semua": [(a, skala_teks(a.skala_capaian)) for a in semua],
        "rumus_pilihan": RUMUS_NEGATIF,
        "bobot_pilihan": BOBOT_SKM,
    }
    if request.method == "GET":
        tahun_akhir = TahunKinerja.objects.filter(instansi__pemda=pemda).aggregate(t=Max("tahun"))[
            "t"
        ]
        mulai = tahun_akhir or 0
        berlaku = max(
            (a for a in semua if a.berlaku_mulai <= mulai),
            key=lambda a: a.berlaku_mulai,
            default=min(semua, key=lambda a: a.berlaku_mulai, default=None),
        )
        konteks["isian"] = _isian_form(_nilai_aturan(berlaku), mulai)
        return render(request, "web/pemda/aturan.html", konteks)

    mulai, usul, galat = _usulan(request.POST)
    konteks["isian"] = {k: request.POST.get(k, "") for k in ("berlaku_mulai", *AturanPemda.KOLOM)}
    if galat:
        konteks["galat"] = galat
        return render(request, "web/pemda/aturan.html", konteks, status=400)
    dasar = _nilai_aturan(aturan_berlaku(pemda.pk, mulai))
    ubah = {k: v for k, v in usul.items() if not sama(dasar[k], v)}
    if not ubah:
        konteks["galat"] = [f"Tidak ada perubahan dari aturan yang berlaku pada {mulai}."]
        return render(request, "web/pemda/aturan.html", konteks, status=400)
    if "simpan" in request.POST:
        try:
            versi = versi_dibaca(request.POST, "buat pratinjau lagi")
            services.aturan_pemda_ubah(
                aktor=cast(User, request.user),
                pemda=pemda,
                berlaku_mulai=mulai,
                nilai=ubah,
                versi=versi,
            )
        except DatasetError as exc:
            konteks["galat"] = [f"Aturan tidak disimpan: {exc}."]
            return render(request, "web/pemda/aturan.html", konteks, status=400)
        nama = ", ".join(_LABEL[k].lower() for k in ubah)
        messages.success(request, f"Aturan {pemda} mulai {mulai} disimpan ({nama}).")
        return redirect("web:pemda-aturan", pemda.pk)
    sendiri = next((a for a in semua if a.berlaku_mulai == mulai), None)
    konteks.update(
        pratinjau=_pratinjau(pemda, mulai, {**dasar, **ubah}),
        diubah=[(_LABEL[k], k) for k in ubah],
        mulai=mulai,
        versi=sendiri.versi if sendiri else 0,
    )
    return render(request, "web/pemda/aturan.html", konteks)

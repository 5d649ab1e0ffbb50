"""Review notes (catatan reviu) of the Inspektorat on an instansi-year.

The evaluator reads the whole year and writes a note on an indicator, a
budget line, a finding of the engine or the year as a whole; the agency
answers in the note's thread and the evaluator marks it resolved. A note
changes no figure, so it is not stopped by a locked year: the review
happens after approval.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from sakip.common.kolom import SHORT_MAX


class SasaranCatatan(models.TextChoices):
    """What a note is about."""

    UMUM = "umum", "tahun ini secara umum"
    INDIKATOR = "indikator", "indikator"
    ANGGARAN = "anggaran", "baris anggaran"
    TEMUAN = "temuan", "temuan"


class StatusCatatan(models.TextChoices):
    TERBUKA = "terbuka", "terbuka"
    SELESAI = "selesai", "selesai"


class CatatanReviu(models.Model):
    tahun_kinerja = models.ForeignKey(
        "record.TahunKinerja", on_delete=models.CASCADE, related_name="catatan_reviu"
    )
    sasaran = models.CharField(
        max_length=16, choices=SasaranCatatan.choices, default=SasaranCatatan.UMUM
    )
    # Codes, not foreign keys: an indicator or budget line may be renamed or
    # removed by a later import, and a finding is computed, never stored; the
    # note must keep saying what it was about.
    kode = models.CharField(
        max_length=100, blank=True, help_text="Kode indikator, baris anggaran, atau temuan"
    )
    lokasi = models.CharField(max_length=SHORT_MAX, blank=True, help_text="Letak yang dapat dibaca")
    teks = models.TextField()
    penulis = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=16, choices=StatusCatatan.choices, default=StatusCatatan.TERBUKA
    )
    versi = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "catatan reviu"
        verbose_name_plural = "catatan reviu"
        ordering = ["-dibuat", "-id"]
        indexes = [models.Index(fields=["tahun_kinerja", "status"])]

    def __str__(self) -> str:
        letak = f" {self.lokasi}" if self.lokasi else ""
        return f"catatan reviu #{self.pk} {self.get_sasaran_display()}{letak}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        tk = self.tahun_kinerja
        return tk.instansi.pemda_id, tk.instansi_id


class JawabanCatatan(models.Model):
    catatan = models.ForeignKey(CatatanReviu, on_delete=models.CASCADE, related_name="jawaban")
    teks = models.TextField()
    penulis = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "jawaban catatan reviu"
        verbose_name_plural = "jawaban catatan reviu"
        ordering = ["dibuat", "id"]

    def __str__(self) -> str:
        return f"jawaban #{self.pk} atas catatan #{self.catatan_id}"

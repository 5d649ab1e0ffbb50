"""Results of the Evaluasi SAKIP (PermenPAN-RB 88/2021) and the follow-up of
their recommendations (LHE)."""

from django.db import models

from sakip.datasets.values import NUMBER, SHORT_MAX


class PredikatEvaluasi(models.TextChoices):
    AA = "AA"
    A = "A"
    BB = "BB"
    B = "B"
    CC = "CC"
    C = "C"
    D = "D"


class StatusTindakLanjut(models.TextChoices):
    BELUM = "belum", "belum ditindaklanjuti"
    PROSES = "proses", "dalam proses"
    SELESAI = "selesai", "selesai"


class HasilEvaluasi(models.Model):
    dataset = models.ForeignKey(
        "datasets.DatasetVersion", on_delete=models.CASCADE, related_name="hasil_evaluasi"
    )
    tahun = models.PositiveSmallIntegerField(help_text="Tahun yang dievaluasi")
    nilai = models.DecimalField(**NUMBER, null=True, blank=True)
    # As the document wrote it: the engine compares it with the predikat of the nilai.
    predikat = models.CharField(max_length=8, choices=PredikatEvaluasi.choices, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    evaluator = models.CharField(max_length=SHORT_MAX, blank=True)
    # Component scores as written (weights 30, 30, 15, 25 of PermenPAN-RB 88/2021).
    nilai_perencanaan = models.DecimalField(**NUMBER, null=True, blank=True)
    nilai_pengukuran = models.DecimalField(**NUMBER, null=True, blank=True)
    nilai_pelaporan = models.DecimalField(**NUMBER, null=True, blank=True)
    nilai_evaluasi_internal = models.DecimalField(**NUMBER, null=True, blank=True)

    class Meta:
        verbose_name = "hasil evaluasi SAKIP"
        verbose_name_plural = "hasil evaluasi SAKIP"
        ordering = ["dataset_id", "-tahun"]

    def __str__(self) -> str:
        return f"Evaluasi {self.tahun}: {self.nilai} {self.predikat}".strip()


class Rekomendasi(models.Model):
    hasil = models.ForeignKey(HasilEvaluasi, on_delete=models.CASCADE, related_name="rekomendasi")
    urutan = models.PositiveIntegerField()
    uraian = models.TextField()
    tindak_lanjut = models.TextField(blank=True)
    status = models.CharField(
        max_length=16, choices=StatusTindakLanjut.choices, default=StatusTindakLanjut.BELUM
    )

    class Meta:
        verbose_name = "rekomendasi"
        verbose_name_plural = "rekomendasi"
        ordering = ["hasil", "urutan"]

    def __str__(self) -> str:
        return self.uraian[:80]

"""Survei Kepuasan Masyarakat of a dataset: each survey's unsur set, the NRR
per unsur when known, and the IKM the document states.

The IKM and mutu the application reports are computed by the engine from
the NRR (or from the answers); ``ikm`` here is only what the document wrote.
"""

from django.db import models

from sakip.datasets.values import KODE_MAX, NUMBER, SHORT_MAX


class Survei(models.Model):
    dataset = models.ForeignKey(
        "datasets.DatasetVersion", on_delete=models.CASCADE, related_name="survei"
    )
    urutan = models.PositiveIntegerField()
    tahun = models.PositiveSmallIntegerField()
    layanan = models.CharField(max_length=SHORT_MAX, blank=True)
    unsur_set = models.CharField(
        max_length=64,
        blank=True,
        help_text="permenpan-14-2017, kepmenpan-25-2004, atau daftar sendiri",
    )
    mutu = models.CharField(
        max_length=64, blank=True, help_text="Nama tabel mutu, 'daftar', atau kosong (bawaan)"
    )
    ikm = models.DecimalField(
        "IKM (dinyatakan)", **NUMBER, null=True, blank=True, help_text="IKM seperti ditulis"
    )
    jumlah_responden = models.PositiveIntegerField(null=True, blank=True)
    responden_csv = models.CharField(max_length=SHORT_MAX, blank=True)

    class Meta:
        verbose_name = "survei kepuasan masyarakat"
        verbose_name_plural = "survei kepuasan masyarakat"
        ordering = ["dataset_id", "urutan"]

    def __str__(self) -> str:
        return f"SKM {self.tahun} {self.layanan}".strip()


class UnsurSurvei(models.Model):
    survei = models.ForeignKey(Survei, on_delete=models.CASCADE, related_name="unsur")
    urutan = models.PositiveIntegerField()
    kode = models.CharField(max_length=KODE_MAX)
    uraian = models.TextField(blank=True)
    nrr = models.DecimalField("NRR", **NUMBER, null=True, blank=True)

    class Meta:
        verbose_name = "unsur survei"
        verbose_name_plural = "unsur survei"
        ordering = ["survei", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["survei", "kode"], name="unsur_unik_per_survei")
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}".strip()

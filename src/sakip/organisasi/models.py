"""The regional government (pemda) and its agencies (instansi).

A pemda's rules (its predikat scale, the cap on an indicator's capaian, the
negative-polarity formula, the SKM weight) are the record's
``AturanPemda``, by the year from which they apply; an instansi's officials
are kept per year (``TahunKinerja``).
"""

from django.db import models
from django.db.models.functions import Lower

from sakip.common.kolom import SHORT_MAX


class Pemda(models.Model):
    nama = models.CharField(max_length=SHORT_MAX)
    provinsi = models.CharField(max_length=SHORT_MAX, null=True, blank=True)

    class Meta:
        verbose_name = "pemerintah daerah"
        verbose_name_plural = "pemerintah daerah"
        ordering = ["nama"]
        constraints = [models.UniqueConstraint(Lower("nama"), name="pemda_nama_unik")]

    def __str__(self) -> str:
        return self.nama


class Instansi(models.Model):
    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="instansi")
    nama = models.CharField(max_length=SHORT_MAX)
    jenis = models.CharField(
        max_length=100, null=True, blank=True, help_text="kecamatan, dinas, badan, ..."
    )

    class Meta:
        verbose_name = "instansi"
        verbose_name_plural = "instansi"
        ordering = ["pemda__nama", "nama"]
        constraints = [
            # Case-insensitive, as the command line finds an instansi by name.
            models.UniqueConstraint("pemda", Lower("nama"), name="instansi_nama_unik_per_pemda")
        ]

    def __str__(self) -> str:
        return self.nama

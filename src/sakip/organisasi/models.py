"""The regional government (pemda) and its agencies (instansi).

A pemda's settings change how the engine computes (its predikat scale, the
cap on an indicator's capaian, the negative-polarity formula, the SKM
weight). They arrive with each imported dataset; the last import wins.
"""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.functions import Lower

from sakip.datasets.values import NUMBER, SHORT_MAX


class RumusNegatif(models.TextChoices):
    DUA_T_KURANG_R = "2t-r", "(2 x target - realisasi) / target x 100"
    T_BAGI_R = "t/r", "target / realisasi x 100"


class BobotSkm(models.TextChoices):
    TEPAT = "1/n", "tepat 1/n (1/9 untuk 9 unsur)"
    CETAK_0_111 = "0.111", "0,111 (seperti tercetak)"
    CETAK_0_11 = "0.11", "0,11 (seperti tercetak)"
    CETAK_0_071 = "0.071", "0,071 (14 unsur, seperti tercetak)"


class Pemda(models.Model):
    nama = models.CharField(max_length=SHORT_MAX)
    provinsi = models.CharField(max_length=SHORT_MAX, blank=True)
    skala_capaian = models.JSONField(
        null=True,
        blank=True,
        encoder=DjangoJSONEncoder,
        # Numbers are kept as decimal text: JSON columns cannot hold a Decimal.
        help_text="Pita {dari, sampai, label}; kosong: Permendagri 86/2017",
    )
    batas_capaian = models.DecimalField(
        **NUMBER, null=True, blank=True, help_text="Batas capaian per indikator saat dirata-rata"
    )
    rumus_negatif = models.CharField(
        max_length=8, choices=RumusNegatif.choices, default=RumusNegatif.DUA_T_KURANG_R
    )
    bobot_skm = models.CharField(max_length=8, choices=BobotSkm.choices, default=BobotSkm.TEPAT)

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
    jenis = models.CharField(max_length=100, blank=True, help_text="kecamatan, dinas, badan, ...")
    kepala_nama = models.CharField(max_length=SHORT_MAX, blank=True)
    kepala_jabatan = models.CharField(max_length=SHORT_MAX, blank=True)
    kepala_pangkat = models.CharField(max_length=SHORT_MAX, blank=True)
    kepala_nip = models.CharField(max_length=50, blank=True)
    atasan_nama = models.CharField(max_length=SHORT_MAX, blank=True)
    atasan_jabatan = models.CharField(max_length=SHORT_MAX, blank=True)
    atasan_pangkat = models.CharField(max_length=SHORT_MAX, blank=True)
    atasan_nip = models.CharField(max_length=50, blank=True)

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

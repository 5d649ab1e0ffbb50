"""The budget tree of a dataset: program -> kegiatan -> sub kegiatan, and
belanja tidak langsung lines.

Amounts are stored on leaves only, as the document gives them. A parent's
pagu and realisasi are always the sum of its children: the engine computes
them, so no stored total can drift from its parts.
"""

from django.db import models

from sakip.datasets.values import KODE_MAX, MONEY


class Level(models.TextChoices):
    PROGRAM = "program", "program"
    KEGIATAN = "kegiatan", "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan", "sub kegiatan"
    BTL = "btl", "belanja tidak langsung"


class KelasBelanja(models.TextChoices):
    PEGAWAI = "pegawai", "belanja pegawai"
    BARANG_JASA = "barang_jasa", "belanja barang dan jasa"
    MODAL = "modal", "belanja modal"


class AnggaranNode(models.Model):
    dataset = models.ForeignKey(
        "datasets.DatasetVersion", on_delete=models.CASCADE, related_name="anggaran_nodes"
    )
    tahun = models.PositiveSmallIntegerField(null=True, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    level = models.CharField(max_length=16, choices=Level.choices)
    kode = models.CharField(max_length=KODE_MAX, blank=True)
    uraian = models.TextField()
    urutan = models.PositiveIntegerField(help_text="Posisi di antara saudaranya, mulai 1")
    pagu = models.DecimalField(**MONEY, null=True, blank=True, help_text="Hanya pada daun")
    realisasi = models.DecimalField(**MONEY, null=True, blank=True, help_text="Hanya pada daun")

    class Meta:
        verbose_name = "node anggaran"
        verbose_name_plural = "anggaran"
        # Rows are created parent first, in document order: id order is tree order.
        ordering = ["dataset_id", "id"]
        indexes = [models.Index(fields=["dataset", "kode"])]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}".strip()


class RincianBelanja(models.Model):
    """A leaf's amounts split by economic class."""

    node = models.ForeignKey(AnggaranNode, on_delete=models.CASCADE, related_name="rincian")
    kelas = models.CharField(max_length=16, choices=KelasBelanja.choices)
    pagu = models.DecimalField(**MONEY, null=True, blank=True)
    realisasi = models.DecimalField(**MONEY, null=True, blank=True)

    class Meta:
        verbose_name = "rincian belanja"
        verbose_name_plural = "rincian belanja"
        constraints = [
            models.UniqueConstraint(fields=["node", "kelas"], name="rincian_satu_per_kelas")
        ]

    def __str__(self) -> str:
        return f"{self.node} / {self.get_kelas_display()}"

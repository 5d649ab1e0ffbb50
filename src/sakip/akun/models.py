"""Memberships: a user's role in one instansi or one pemda.

A user may hold several (operator of two kecamatan, evaluator of the
pemda); the rights they give are decided in ``sakip.akun.akses`` alone.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from sakip.organisasi.models import Instansi, Pemda


class Peran(models.TextChoices):
    OPERATOR = "operator", "operator"
    PIMPINAN = "pimpinan", "pimpinan"
    ADMIN_PEMDA = "admin_pemda", "admin pemda"
    EVALUATOR = "evaluator", "evaluator"


# Roles held in one instansi; the others are held in a whole pemda.
PERAN_INSTANSI = frozenset({Peran.OPERATOR, Peran.PIMPINAN})
PERAN_PEMDA = frozenset({Peran.ADMIN_PEMDA, Peran.EVALUATOR})


class Keanggotaan(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="keanggotaan"
    )
    peran = models.CharField(max_length=16, choices=Peran.choices)
    pemda = models.ForeignKey(
        Pemda,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="keanggotaan",
        help_text="Untuk admin pemda dan evaluator",
    )
    instansi = models.ForeignKey(
        Instansi,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="keanggotaan",
        help_text="Untuk operator dan pimpinan",
    )
    dibuat = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "keanggotaan"
        verbose_name_plural = "keanggotaan"
        ordering = ["user__username", "peran", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(peran__in=sorted(PERAN_INSTANSI), instansi__isnull=False, pemda__isnull=True)
                    | Q(peran__in=sorted(PERAN_PEMDA), pemda__isnull=False, instansi__isnull=True)
                ),
                name="keanggotaan_lingkup_sesuai_peran",
            ),
            # One constraint per scope column rather than one over (user, peran,
            # pemda, instansi): SQL never finds two NULLs equal, so that one would
            # let the same role be granted twice. The check above leaves exactly
            # one of the two columns set, which these two then cover.
            models.UniqueConstraint(
                fields=["user", "peran", "instansi"], name="keanggotaan_unik_instansi"
            ),
            models.UniqueConstraint(
                fields=["user", "peran", "pemda"], name="keanggotaan_unik_pemda"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_peran_display()} {self.instansi or self.pemda}"

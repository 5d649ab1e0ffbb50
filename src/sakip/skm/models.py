"""Surveys run in the application (Survei Kepuasan Masyarakat) and their
respondents. The surveys a dataset reports are part of the record's
instansi-year (``TahunKinerja.skm``)."""

from django.db import models
from django.utils import timezone

from sakip.common.kolom import SHORT_MAX


class Kuesioner(models.Model):
    """A survey an instansi runs itself: its questionnaire and its public code.

    The unsur set is copied in (``unsur_data``, the same shape as an unsur
    set file) so that answers keep their meaning if a set is later edited.
    """

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.PROTECT, related_name="kuesioner_skm"
    )
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=64, blank=True, help_text="mis. 'Semester I'")
    layanan = models.CharField(max_length=SHORT_MAX, blank=True)
    unsur_set = models.CharField(max_length=64, help_text="Nama set unsur atau nama daftar sendiri")
    unsur_data = models.JSONField(help_text="Salinan set unsur: unsur, pertanyaan, label, mutu")
    kode = models.CharField("kode publik", max_length=16, unique=True)
    terbuka = models.BooleanField(default=True)
    populasi = models.PositiveIntegerField(null=True, blank=True)
    dibuat_pada = models.DateTimeField(default=timezone.now)
    ditutup_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "kuesioner SKM"
        verbose_name_plural = "kuesioner SKM"
        ordering = ["-tahun", "instansi_id", "layanan"]

    def __str__(self) -> str:
        return " ".join(x for x in ("SKM", str(self.tahun), self.periode, self.layanan) if x)


class SumberRespon(models.TextChoices):
    DARING = "daring", "formulir daring"
    IMPOR = "impor", "impor dari kertas"


class Responden(models.Model):
    """One respondent: profile, answers and comment.

    ``jawaban`` holds one digit per unsur in the questionnaire's order, 0 for
    a blank ("443404443"): a whole survey loads as one string per row and
    becomes the engine's answer matrix without a row per answer.
    """

    kuesioner = models.ForeignKey(Kuesioner, on_delete=models.CASCADE, related_name="responden")
    jawaban = models.CharField(max_length=64)
    layanan = models.CharField(max_length=SHORT_MAX, blank=True)
    jenis_kelamin = models.CharField(max_length=SHORT_MAX, blank=True)
    umur = models.CharField(max_length=SHORT_MAX, blank=True)
    pendidikan = models.CharField(max_length=SHORT_MAX, blank=True)
    pekerjaan = models.CharField(max_length=SHORT_MAX, blank=True)
    komentar = models.TextField(blank=True)
    sumber = models.CharField(max_length=8, choices=SumberRespon.choices)
    # The one-time token of the form it came from; unique, so a form sent
    # twice (a double tap, a reload) is stored once.
    token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    dikirim_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "responden SKM"
        verbose_name_plural = "responden SKM"
        ordering = ["kuesioner_id", "id"]

    def __str__(self) -> str:
        return f"responden #{self.pk} {self.kuesioner}"

"""Imported files, kept whole as the source of each import, and the audit
trail of every write.

The record itself is the rows of :mod:`sakip.record`; a file imported into
it is kept here as exact JSON text (the newest of an instansi-year is the
active one), so that what came in can always be read again.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from sakip.common.kolom import SHORT_MAX


class FormatBerkas(models.TextChoices):
    YAML = "yaml", "YAML"
    JSON = "json", "JSON"
    XLSX = "xlsx", "XLSX"


class DatasetVersion(models.Model):
    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.PROTECT, related_name="dataset_versions"
    )
    tahun = models.PositiveSmallIntegerField()
    # Text, not JSONField: PostgreSQL's jsonb reorders keys and rewrites
    # numbers, and the export must give back the document exactly.
    content = models.TextField(help_text="Dokumen persis seperti diimpor (JSON)")
    source_name = models.CharField("berkas sumber", max_length=SHORT_MAX, blank=True)
    format = models.CharField(max_length=8, choices=FormatBerkas.choices)
    sha256 = models.CharField(max_length=64, help_text="SHA-256 dari isi (content) di atas")
    imported_at = models.DateTimeField(default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(default=True)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "versi dataset"
        verbose_name_plural = "versi dataset"
        ordering = ["instansi__nama", "-tahun", "-imported_at"]
        constraints = [
            # Two imports racing for the same instansi-year cannot both win.
            models.UniqueConstraint(
                fields=["instansi", "tahun"],
                condition=models.Q(is_active=True),
                name="satu_versi_aktif_per_instansi_tahun",
            )
        ]

    def __str__(self) -> str:
        status = "aktif" if self.is_active else "digantikan"
        return f"{self.instansi} {self.tahun} #{self.pk} ({status})"


class AuditAction(models.TextChoices):
    DATASET_IMPORT = "dataset_import", "impor dataset"
    DATASET_REPLACE = "dataset_replace", "ganti dataset"
    DATASET_RESTORE = "dataset_restore", "pulihkan dataset"
    SKM_BUKA = "skm_buka", "buka survei SKM"
    SKM_TUTUP = "skm_tutup", "tutup survei SKM"
    SKM_RESPON = "skm_respon", "jawaban SKM daring"
    SKM_IMPOR = "skm_impor", "impor jawaban SKM"
    SKM_IKM_REALISASI = "skm_ikm_realisasi", "IKM sebagai realisasi indikator"
    PENGGUNA_TAMBAH = "pengguna_tambah", "tambah pengguna"
    KEANGGOTAAN_TAMBAH = "keanggotaan_tambah", "tambah keanggotaan"
    SANDI_GANTI = "sandi_ganti", "ganti sandi sendiri"
    SANDI_ATUR = "sandi_atur", "atur ulang sandi oleh admin"
    PENGGUNA_NONAKTIF = "pengguna_nonaktif", "nonaktifkan pengguna"
    PENGGUNA_AKTIF = "pengguna_aktif", "aktifkan kembali pengguna"
    REKAM_IMPOR = "rekam_impor", "perubahan rekaman oleh impor"
    TARGET_SET = "target_set", "ubah target"
    INDIKATOR_SET = "indikator_set", "ubah definisi indikator"
    REALISASI_SET = "realisasi_set", "ubah realisasi"
    TRIWULAN_SET = "triwulan_set", "ubah nilai triwulan"
    PAGU_SET = "pagu_set", "ubah pagu"
    REALISASI_ANGGARAN_SET = "realisasi_anggaran_set", "ubah realisasi anggaran"
    NARASI_SET = "narasi_set", "ubah teks laporan"
    PK_TANDATANGANI = "pk_tandatangani", "tanda tangan Perjanjian Kinerja"
    PK_PERUBAHAN_BUAT = "pk_perubahan_buat", "buat PK Perubahan"
    PK_TARGET_SET = "pk_target_set", "ubah target Perjanjian Kinerja"
    PK_PAGU_SET = "pk_pagu_set", "ubah pagu Perjanjian Kinerja"
    ATURAN_PEMDA_SET = "aturan_pemda_set", "ubah aturan pemda"
    TAHUN_STATUS = "tahun_status", "ubah status tahun kinerja"
    ANGKA_CETAK_LEPAS = "angka_cetak_lepas", "lepas angka tercetak laporan lama"
    BUKTI_UNGGAH = "bukti_unggah", "unggah bukti dukung"
    BUKTI_HAPUS = "bukti_hapus", "hapus bukti dukung"
    PENJELASAN_SET = "penjelasan_set", "ubah penjelasan capaian"
    CATATAN_TULIS = "catatan_tulis", "tulis catatan reviu"
    CATATAN_JAWAB = "catatan_jawab", "jawab catatan reviu"
    CATATAN_SELESAI = "catatan_selesai", "ubah status catatan reviu"
    INSTANSI_TAMBAH = "instansi_tambah", "tambah instansi"
    KEANGGOTAAN_HAPUS = "keanggotaan_hapus", "hapus keanggotaan"
    JUSTIFIKASI_SET = "justifikasi_set", "ubah justifikasi temuan"
    JADWAL_SET = "jadwal_set", "ubah jadwal pengisian"
    JADWAL_BUKA_ULANG = "jadwal_buka_ulang", "buka kembali jadwal pengisian"


class AuditLog(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Kosong: baris perintah (sakip import) tanpa pengguna",
    )
    action = models.CharField(max_length=32, choices=AuditAction.choices)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    lokasi = models.CharField(max_length=255, blank=True, help_text="Letak yang dapat dibaca")
    bidang = models.CharField(max_length=64, blank=True, help_text="Kolom yang diubah")
    versi = models.PositiveIntegerField(null=True, blank=True, help_text="Versi baris sesudahnya")
    old = models.TextField(blank=True, help_text="Keadaan sebelum (JSON)")
    new = models.TextField(blank=True, help_text="Keadaan sesudah (JSON)")
    timestamp = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "catatan audit"
        verbose_name_plural = "catatan audit"
        ordering = ["-timestamp", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        waktu = timezone.localtime(self.timestamp)
        return f"{waktu:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"


class Revisi(models.Model):
    """A mark of the record's state that moves after every committed write.

    A page computed from the record can be kept under this mark and given
    again until it moves (:mod:`sakip.record.queries`, :mod:`sakip.web.tersimpan`).
    The newest audit row's id is no such mark on PostgreSQL: ids are handed
    out when rows are written, not when their transaction commits, so a
    transaction holding a lower id may commit after a reader saw a higher
    one, and what that reader kept would never be recomputed. A row here is
    added only after a write's transaction has committed
    (:func:`sakip.ledger.audit.revisi_baru`), so whoever sees the newest id
    sees every write that took an id before it. Ids are never handed out
    twice (SQLite AUTOINCREMENT, a PostgreSQL sequence): older rows of the
    same instansi are deleted, a mark only grows.

    An instansi's mark is the newest row of that instansi or of none: a write
    to one agency's record leaves what the others keep alone.
    """

    id = models.BigAutoField(primary_key=True)
    waktu = models.DateTimeField(default=timezone.now)
    # The instansi whose record the write changed; empty when it may change
    # what any instansi shows (the pemda's rules, filling windows, accounts).
    # A plain number, not a key: a mark must outlive what it marked.
    instansi_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "revisi rekaman"
        indexes = [models.Index(fields=["instansi_id", "id"])]
        verbose_name_plural = "revisi rekaman"

"""The record in the admin, read only: every change goes through
:mod:`sakip.record.services` (access, lock, audit), never through a form here."""

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from sakip.common.admin import ReadOnlyAdmin
from sakip.common.errors import DatasetError
from sakip.ledger.models import DatasetVersion
from sakip.record.models import (
    AnggaranNode,
    AturanPemda,
    Indikator,
    NilaiIndikator,
    PerjanjianKinerja,
    Renstra,
    TahunKinerja,
)
from sakip.record.services import impor_ulang


# The imported files are the record's sources; applying one again is a record write.
@admin.register(DatasetVersion)
class DatasetVersionAdmin(ReadOnlyAdmin):
    list_display = ["instansi", "tahun", "is_active", "imported_at", "source_name", "format"]
    list_filter = ["is_active", "tahun", "format", "instansi__pemda"]
    search_fields = ["instansi__nama", "source_name", "sha256"]
    date_hierarchy = "imported_at"
    list_select_related = ["instansi"]
    fields = (
        "instansi",
        "tahun",
        "is_active",
        "superseded_at",
        "source_name",
        "format",
        "sha256",
        "imported_at",
        "imported_by",
        "isi",
    )
    readonly_fields = fields
    actions = ["restore"]

    def has_restore_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("datasets.change_datasetversion")

    @admin.action(description="Terapkan lagi berkas terpilih", permissions=["restore"])
    def restore(self, request: HttpRequest, queryset: QuerySet[DatasetVersion]) -> None:
        # Through the service, like every write: access, one transaction, audited.
        for version in queryset:
            try:
                # The admin site lets only a logged-in staff user this far.
                assert isinstance(request.user, User)
                impor_ulang(aktor=request.user, versi=version)
            except (DatasetError, PermissionDenied) as exc:
                self.message_user(request, str(exc), messages.WARNING)
            else:
                self.message_user(request, f"dipulihkan: {version}", messages.SUCCESS)

    @admin.display(description="isi (JSON)")
    def isi(self, obj: DatasetVersion) -> str:
        return format_html("<pre style='white-space: pre-wrap'>{}</pre>", obj.content)


@admin.register(TahunKinerja)
class TahunKinerjaAdmin(ReadOnlyAdmin):
    list_display = ["instansi", "tahun", "status", "renstra", "versi", "diubah_pada"]
    list_filter = ["status", "tahun", "instansi__pemda"]
    search_fields = ["instansi__nama"]
    list_select_related = ["instansi", "renstra__instansi"]


@admin.register(AturanPemda)
class AturanPemdaAdmin(ReadOnlyAdmin):
    list_display = ["pemda", "berlaku_mulai", "rumus_negatif", "batas_capaian", "bobot_skm"]
    list_filter = ["pemda"]


@admin.register(Renstra)
class RenstraAdmin(ReadOnlyAdmin):
    list_display = ["instansi", "periode_awal", "periode_akhir", "versi"]
    search_fields = ["instansi__nama"]
    list_select_related = ["instansi"]


@admin.register(Indikator)
class IndikatorAdmin(ReadOnlyAdmin):
    list_display = ["kode", "uraian", "satuan", "polaritas", "iku", "renstra", "versi"]
    list_filter = ["iku", "polaritas"]
    search_fields = ["kode", "uraian"]
    list_select_related = ["renstra__instansi"]


@admin.register(NilaiIndikator)
class NilaiIndikatorAdmin(ReadOnlyAdmin):
    list_display = ["indikator", "tahun", "target", "realisasi", "versi", "diubah_pada"]
    list_filter = ["tahun"]
    search_fields = ["indikator__kode", "indikator__uraian"]
    list_select_related = ["indikator"]


@admin.register(AnggaranNode)
class AnggaranNodeAdmin(ReadOnlyAdmin):
    list_display = ["kode", "uraian", "level", "pagu", "realisasi", "anggaran", "versi"]
    list_filter = ["level"]
    search_fields = ["kode", "uraian"]
    list_select_related = ["anggaran__tahun_kinerja__instansi"]


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "tahun", "nomor", "ditandatangani_pada", "versi"]
    list_select_related = ["tahun_kinerja__instansi"]

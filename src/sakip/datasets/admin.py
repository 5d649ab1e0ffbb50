from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from sakip.datasets.errors import DatasetError
from sakip.datasets.models import AuditLog, DatasetVersion
from sakip.datasets.readonly_admin import ReadOnlyAdmin


@admin.register(DatasetVersion)
class DatasetVersionAdmin(ReadOnlyAdmin):
    list_display = ["instansi", "tahun", "is_active", "imported_at", "source_name", "format"]
    list_filter = ["is_active", "tahun", "format", "instansi__pemda"]
    search_fields = ["instansi__nama", "source_name", "sha256"]
    date_hierarchy = "imported_at"
    list_select_related = ["instansi"]
    fields = [
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
    ]
    readonly_fields = fields
    actions = ["restore"]

    def has_restore_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("datasets.change_datasetversion")

    @admin.action(description="Terapkan lagi berkas terpilih", permissions=["restore"])
    def restore(self, request: HttpRequest, queryset: QuerySet[DatasetVersion]) -> None:
        from sakip.record.services import impor_ulang

        # Through the service, like every write: access, one transaction, audited.
        for version in queryset:
            try:
                impor_ulang(aktor=request.user, versi=version)
            except (DatasetError, PermissionDenied) as exc:
                self.message_user(request, str(exc), messages.WARNING)
            else:
                self.message_user(request, f"dipulihkan: {version}", messages.SUCCESS)

    @admin.display(description="isi (JSON)")
    def isi(self, obj: DatasetVersion) -> str:
        return format_html("<pre style='white-space: pre-wrap'>{}</pre>", obj.content)


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdmin):
    list_display = ["timestamp", "action", "lokasi", "bidang", "actor"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "lokasi", "actor__username", "old", "new"]
    date_hierarchy = "timestamp"
    readonly_fields = [
        "timestamp",
        "actor",
        "action",
        "object_type",
        "object_id",
        "lokasi",
        "bidang",
        "versi",
        "old",
        "new",
    ]
    fields = readonly_fields

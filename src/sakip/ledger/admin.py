from django.contrib import admin

from sakip.common.admin import ReadOnlyAdmin
from sakip.ledger.models import AuditLog


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdmin):
    list_display = ["timestamp", "action", "lokasi", "bidang", "actor"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "lokasi", "actor__username", "old", "new"]
    date_hierarchy = "timestamp"
    readonly_fields = (
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
    )
    fields = readonly_fields

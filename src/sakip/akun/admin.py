"""Memberships in the admin, to look at only.

Adding or changing one here would bypass ``akun.services`` and its access
check and audit; ``sakip pengguna tambah`` (and later the web pages) write.
"""

from django.contrib import admin

from sakip.akun.models import Keanggotaan
from sakip.common.admin import ReadOnlyAdmin


@admin.register(Keanggotaan)
class KeanggotaanAdmin(ReadOnlyAdmin):
    list_display = ["user", "peran", "instansi", "pemda", "dibuat"]
    list_filter = ["peran", "pemda", "instansi__pemda"]
    search_fields = ["user__username", "instansi__nama", "pemda__nama"]
    list_select_related = ["user", "instansi", "pemda"]

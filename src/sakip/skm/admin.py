from django.contrib import admin

from sakip.datasets.readonly_admin import ReadOnlyAdmin, ReadOnlyTabularInline
from sakip.skm.models import Survei, UnsurSurvei


class UnsurInline(ReadOnlyTabularInline):
    model = UnsurSurvei
    fields = ["urutan", "kode", "uraian", "nrr"]
    show_change_link = False


@admin.register(Survei)
class SurveiAdmin(ReadOnlyAdmin):
    list_display = ["tahun", "layanan", "unsur_set", "ikm", "jumlah_responden", "dataset"]
    list_filter = ["tahun", "unsur_set", "dataset__instansi"]
    search_fields = ["layanan", "dataset__instansi__nama"]
    inlines = [UnsurInline]

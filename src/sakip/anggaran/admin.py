from django.contrib import admin

from sakip.anggaran.models import AnggaranNode, RincianBelanja
from sakip.datasets.readonly_admin import ReadOnlyAdmin, ReadOnlyTabularInline


class ChildInline(ReadOnlyTabularInline):
    model = AnggaranNode
    fk_name = "parent"
    fields = ["urutan", "level", "kode", "uraian", "pagu", "realisasi"]
    verbose_name_plural = "rincian di bawahnya (jumlah induk dihitung, tidak disimpan)"


class RincianInline(ReadOnlyTabularInline):
    model = RincianBelanja
    fields = ["kelas", "pagu", "realisasi"]
    show_change_link = False


@admin.register(AnggaranNode)
class AnggaranNodeAdmin(ReadOnlyAdmin):
    list_display = ["kode", "uraian", "level", "pagu", "realisasi", "tahun", "dataset"]
    list_filter = ["level", "tahun", "dataset__instansi", "dataset__is_active"]
    search_fields = ["kode", "uraian"]
    list_select_related = ["dataset__instansi"]
    inlines = [ChildInline, RincianInline]

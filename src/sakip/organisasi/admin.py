from django.contrib import admin

from sakip.common.admin import ReadOnlyAdmin, ReadOnlyTabularInline
from sakip.organisasi.models import Instansi, Pemda


class InstansiInline(ReadOnlyTabularInline):
    model = Instansi
    fields = ["nama", "jenis"]


@admin.register(Pemda)
class PemdaAdmin(ReadOnlyAdmin):
    list_display = ["nama", "provinsi"]
    list_filter = ["provinsi"]
    search_fields = ["nama", "provinsi"]
    inlines = [InstansiInline]


@admin.register(Instansi)
class InstansiAdmin(ReadOnlyAdmin):
    list_display = ["nama", "pemda", "jenis"]
    list_filter = ["pemda", "jenis"]
    search_fields = ["nama"]
    list_select_related = ["pemda"]

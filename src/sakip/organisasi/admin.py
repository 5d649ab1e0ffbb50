from django.contrib import admin

from sakip.datasets.readonly_admin import ReadOnlyAdmin, ReadOnlyTabularInline
from sakip.organisasi.models import Instansi, Pemda


class InstansiInline(ReadOnlyTabularInline):
    model = Instansi
    fields = ["nama", "jenis", "kepala_nama", "kepala_jabatan"]


@admin.register(Pemda)
class PemdaAdmin(ReadOnlyAdmin):
    list_display = ["nama", "provinsi", "batas_capaian", "rumus_negatif", "bobot_skm"]
    list_filter = ["provinsi", "rumus_negatif", "bobot_skm"]
    search_fields = ["nama", "provinsi"]
    inlines = [InstansiInline]


@admin.register(Instansi)
class InstansiAdmin(ReadOnlyAdmin):
    list_display = ["nama", "pemda", "jenis", "kepala_nama", "kepala_jabatan"]
    list_filter = ["pemda", "jenis"]
    search_fields = ["nama", "kepala_nama", "kepala_nip"]
    list_select_related = ["pemda"]

from django.contrib import admin

from sakip.datasets.readonly_admin import ReadOnlyAdmin, ReadOnlyTabularInline
from sakip.evaluasi.models import HasilEvaluasi, Rekomendasi


class RekomendasiInline(ReadOnlyTabularInline):
    model = Rekomendasi
    fields = ["urutan", "uraian", "tindak_lanjut", "status"]


@admin.register(HasilEvaluasi)
class HasilEvaluasiAdmin(ReadOnlyAdmin):
    list_display = ["tahun", "nilai", "predikat", "evaluator", "dataset"]
    list_filter = ["tahun", "predikat", "dataset__instansi"]
    search_fields = ["dataset__instansi__nama"]
    inlines = [RekomendasiInline]


@admin.register(Rekomendasi)
class RekomendasiAdmin(ReadOnlyAdmin):
    list_display = ["uraian", "status", "hasil"]
    list_filter = ["status", "hasil__tahun", "hasil__dataset__instansi"]
    search_fields = ["uraian", "tindak_lanjut"]

"""The record in the admin, read only: every change goes through
:mod:`sakip.record.services` (access, lock, audit), never through a form here."""

from django.contrib import admin

from sakip.datasets.readonly_admin import ReadOnlyAdmin
from sakip.record.models import (
    AnggaranNode,
    AturanPemda,
    Indikator,
    NilaiIndikator,
    PerjanjianKinerja,
    Renstra,
    TahunKinerja,
)


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

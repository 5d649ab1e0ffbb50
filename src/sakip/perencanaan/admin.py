from django.contrib import admin

from sakip.datasets.readonly_admin import ReadOnlyAdmin, ReadOnlyTabularInline
from sakip.perencanaan.models import (
    Indikator,
    MisiRpjmd,
    NilaiIndikator,
    PerjanjianIndikator,
    PerjanjianKinerja,
    PerjanjianProgram,
    RealisasiTriwulan,
    RencanaAksi,
    Renstra,
    Rpjmd,
    Sasaran,
    SasaranRpjmd,
    Tujuan,
    TujuanRpjmd,
)


class MisiInline(ReadOnlyTabularInline):
    model = MisiRpjmd
    fields = ["urutan", "kode", "uraian"]
    show_change_link = False


class TujuanRpjmdInline(ReadOnlyTabularInline):
    model = TujuanRpjmd
    fields = ["urutan", "kode", "misi", "uraian", "indikator"]
    show_change_link = False


class SasaranRpjmdInline(ReadOnlyTabularInline):
    model = SasaranRpjmd
    fields = ["urutan", "kode", "misi", "tujuan", "uraian", "indikator"]
    show_change_link = False


@admin.register(Rpjmd)
class RpjmdAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "periode_awal", "periode_akhir", "dataset"]
    list_filter = ["dataset__instansi__pemda"]
    inlines = [MisiInline, TujuanRpjmdInline, SasaranRpjmdInline]


class TujuanInline(ReadOnlyTabularInline):
    model = Tujuan
    fields = ["urutan", "kode", "uraian", "mendukung"]


@admin.register(Renstra)
class RenstraAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "periode_awal", "periode_akhir", "dataset"]
    list_filter = ["dataset__instansi", "dataset__is_active"]
    inlines = [TujuanInline]


class SasaranInline(ReadOnlyTabularInline):
    model = Sasaran
    fields = ["urutan", "kode", "uraian", "mendukung"]


class IndikatorInline(ReadOnlyTabularInline):
    model = Indikator
    fields = ["urutan", "kode", "uraian", "satuan", "polaritas", "iku"]


class TujuanIndikatorInline(IndikatorInline):
    fk_name = "tujuan"


class SasaranIndikatorInline(IndikatorInline):
    fk_name = "sasaran"


@admin.register(Tujuan)
class TujuanAdmin(ReadOnlyAdmin):
    list_display = ["kode", "uraian", "mendukung", "renstra"]
    list_filter = ["renstra__dataset__instansi"]
    search_fields = ["kode", "uraian"]
    inlines = [TujuanIndikatorInline, SasaranInline]


@admin.register(Sasaran)
class SasaranAdmin(ReadOnlyAdmin):
    list_display = ["kode", "uraian", "tujuan"]
    list_filter = ["tujuan__renstra__dataset__instansi"]
    search_fields = ["kode", "uraian"]
    filter_horizontal = ["program"]
    inlines = [SasaranIndikatorInline]


class NilaiInline(ReadOnlyTabularInline):
    model = NilaiIndikator
    fields = ["tahun", "target", "target_min", "target_max", "realisasi", "realisasi_angka"]
    show_change_link = False


class RencanaAksiInline(ReadOnlyTabularInline):
    model = RencanaAksi
    fields = ["tahun", "triwulan", "nilai", "nilai_angka"]
    show_change_link = False


class RealisasiTriwulanInline(RencanaAksiInline):
    model = RealisasiTriwulan


@admin.register(Indikator)
class IndikatorAdmin(ReadOnlyAdmin):
    list_display = ["kode", "uraian", "satuan", "polaritas", "iku", "induk", "dataset"]
    list_filter = ["polaritas", "iku", "dataset__instansi", "dataset__is_active"]
    search_fields = ["kode", "uraian", "penanggung_jawab"]
    list_select_related = ["tujuan", "sasaran", "anggaran_node", "dataset__instansi"]
    inlines = [NilaiInline, RencanaAksiInline, RealisasiTriwulanInline]

    @admin.display(description="induk")
    def induk(self, obj: Indikator) -> str:
        return str(obj.sasaran or obj.tujuan or obj.anggaran_node or "")


class PerjanjianIndikatorInline(ReadOnlyTabularInline):
    model = PerjanjianIndikator
    fields = ["urutan", "indikator", "target"]
    show_change_link = False


class PerjanjianProgramInline(ReadOnlyTabularInline):
    model = PerjanjianProgram
    fields = ["urutan", "program", "pagu"]
    show_change_link = False


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "tahun", "tanggal", "versi", "dataset"]
    list_filter = ["tahun", "dataset__instansi", "dataset__is_active"]
    inlines = [PerjanjianIndikatorInline, PerjanjianProgramInline]

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from sakip.common.admin import ReadOnlyAdmin
from sakip.common.errors import DatasetError
from sakip.engine.angka import format_angka
from sakip.skm.models import Kuesioner
from sakip.skm.services import SkmError, ikm_tetapkan_sebagai_realisasi, survei_tutup


@admin.register(Kuesioner)
class KuesionerAdmin(ReadOnlyAdmin):
    """Surveys run in the application; changes go through ``skm.services``."""

    list_display = ["__str__", "instansi", "kode", "terbuka", "tautan"]
    list_filter = ["tahun", "terbuka", "unsur_set"]
    search_fields = ["kode", "layanan", "instansi__nama"]
    actions = ["tutup", "tetapkan_ikm"]

    @admin.display(description="hasil")
    def tautan(self, obj: Kuesioner) -> str:
        url = reverse("skm:hasil", kwargs={"kode": obj.kode})
        return format_html(
            '<a href="{}">hasil</a> &middot; <a href="/s/{}">/s/{}</a>', url, obj.kode, obj.kode
        )

    @admin.action(description="Tutup survei terpilih")
    def tutup(self, request: HttpRequest, queryset: QuerySet[Kuesioner]) -> None:
        for k in queryset.filter(terbuka=True):
            survei_tutup(kuesioner=k, actor=_pengguna(request))
        self.message_user(request, "Survei ditutup.")

    @admin.action(description="Tetapkan IKM sebagai realisasi indikator IKM tahun survei")
    def tetapkan_ikm(self, request: HttpRequest, queryset: QuerySet[Kuesioner]) -> None:
        for k in queryset:
            try:
                nilai, hasil = ikm_tetapkan_sebagai_realisasi(kuesioner=k, actor=_pengguna(request))
            except (SkmError, DatasetError, PermissionDenied) as exc:
                self.message_user(request, f"{k}: {exc}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"{k}: IKM {format_angka(nilai.realisasi)} dicatat ({nilai.indikator.kode}).",
                )


def _pengguna(request: HttpRequest) -> User:
    # The admin site lets only a logged-in staff user run an action.
    assert isinstance(request.user, User)
    return request.user

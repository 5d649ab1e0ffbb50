from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from sakip.common.admin import ReadOnlyAdmin
from sakip.skm.models import Kuesioner


@admin.register(Kuesioner)
class KuesionerAdmin(ReadOnlyAdmin):
    """Surveys run in the application, shown only.

    Closing a survey or setting its IKM is done on the year's SKM page
    (``web:skm``), whose services ask the access function: the admin's
    actions used to run them for any staff user holding view permission.
    """

    list_display = ["__str__", "instansi", "kode", "terbuka", "tautan"]
    list_filter = ["tahun", "terbuka", "unsur_set"]
    search_fields = ["kode", "layanan", "instansi__nama"]

    @admin.display(description="hasil")
    def tautan(self, obj: Kuesioner) -> str:
        url = reverse("web:skm-hasil", kwargs={"kode": obj.kode})
        return format_html(
            '<a href="{}">hasil</a> &middot; <a href="/s/{}">/s/{}</a>', url, obj.kode, obj.kode
        )

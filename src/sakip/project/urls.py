"""URLs: the application's pages, the public SKM links and the admin."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "SAKIP"
admin.site.site_title = "SAKIP"
admin.site.index_title = "Data kinerja instansi"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("sakip.akun.urls")),
    path("", include("sakip.skm.urls")),
    path("", include("sakip.web.urls")),
]

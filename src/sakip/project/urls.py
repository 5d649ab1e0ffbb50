"""URLs: the admin, and ``/`` sending there until the application has its own pages."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "SAKIP"
admin.site.site_title = "SAKIP"
admin.site.index_title = "Data kinerja instansi"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("sakip.skm.urls")),
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
]

"""Short public links of the SKM (``/s/<kode>``) and the staff results page."""

from django.urls import path

from sakip.skm import views
from sakip.web import skm as web_skm

app_name = "skm"

urlpatterns = [
    path("s/<str:kode>", views.kuesioner, name="kuesioner"),
    path("s/<str:kode>/terima-kasih", views.terima_kasih, name="terima-kasih"),
    path("s/<str:kode>/qr.svg", views.qr, name="qr"),
    # The results need a login and the access function: served by the web app.
    path("skm/<str:kode>/hasil", web_skm.hasil, name="hasil"),
]

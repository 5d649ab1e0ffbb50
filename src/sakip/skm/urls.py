"""Short public links of the SKM (``/s/<kode>``); the results page, which
needs a login, is the web application's (``web:skm-hasil``)."""

from django.urls import path

from sakip.skm import views

app_name = "skm"

urlpatterns = [
    path("s/<str:kode>", views.kuesioner, name="kuesioner"),
    path("s/<str:kode>/terima-kasih", views.terima_kasih, name="terima-kasih"),
    path("s/<str:kode>/qr.svg", views.qr, name="qr"),
]

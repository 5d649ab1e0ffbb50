"""Account pages (``akun:``)."""

from django.urls import path

from sakip.akun import views

app_name = "akun"

urlpatterns = [
    path("masuk/", views.masuk, name="masuk"),
    path("keluar/", views.keluar, name="keluar"),
    path("sandi/", views.sandi_ubah, name="sandi-ubah"),
    path("sandi/selesai/", views.sandi_ubah_selesai, name="sandi-ubah-selesai"),
    path("pemda/<int:pemda_id>/pengguna/", views.pengguna_daftar, name="pengguna-daftar"),
    path("pengguna/<int:user_id>/sandi/", views.sandi_atur_halaman, name="sandi-atur"),
]

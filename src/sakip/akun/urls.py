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
    path("pemda/<int:pemda_id>/pengguna/tambah/", views.pengguna_tambah, name="pengguna-tambah"),
    path(
        "pemda/<int:pemda_id>/pengguna/<int:user_id>/peran/",
        views.peran_tambah,
        name="peran-tambah",
    ),
    path(
        "pemda/<int:pemda_id>/pengguna/<int:user_id>/nonaktif/",
        views.pengguna_nonaktif,
        name="pengguna-nonaktif",
    ),
    path(
        "pemda/<int:pemda_id>/pengguna/<int:user_id>/aktif/",
        views.pengguna_aktif,
        name="pengguna-aktif",
    ),
    path("pemda/<int:pemda_id>/peran/<int:pk>/hapus/", views.peran_hapus, name="peran-hapus"),
    path("pengguna/<int:user_id>/sandi/", views.sandi_atur_halaman, name="sandi-atur"),
]

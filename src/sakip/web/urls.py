"""The application's pages (``web:``).

An instansi-year's pages live under ``i/<instansi_id>/<tahun>/``.
"""

from django.urls import path

from sakip.web import rencana, tahun, ubah, views

app_name = "web"

T = "i/<int:instansi_id>/<int:tahun>/"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path(T, tahun.ringkasan, name="tahun"),
    path(T + "hasil/", tahun.hasil, name="hasil"),
    path(T + "capaian/", tahun.capaian, name="capaian"),
    path(T + "riwayat/", tahun.riwayat, name="riwayat"),
    path(T + "renstra/", rencana.renstra, name="renstra"),
    path(T + "iku/", rencana.iku, name="iku"),
    path(T + "pohon/", rencana.pohon, name="pohon"),
    path(T + "pk/", rencana.perjanjian, name="pk"),
    path(T + "pk/hasil/", rencana.perjanjian_hasil, name="pk-hasil"),
    path(T + "pk/<int:nomor>/tandatangani/", rencana.pk_tandatangani, name="pk-tandatangani"),
    path(T + "pk/<int:nomor>/perubahan/", rencana.pk_perubahan, name="pk-perubahan"),
    path(T + "rencana-aksi/", rencana.rencana_aksi, name="rencana-aksi"),
    path(T + "status/<slug:langkah>/", tahun.status, name="status"),
    path(T + "ubah/nilai/<int:pk>/<slug:bidang>/<int:untuk>/", ubah.ubah_nilai, name="ubah-nilai"),
    path(
        T + "ubah/triwulan/<int:pk>/<slug:jenis>/<int:triwulan>/",
        ubah.ubah_triwulan,
        name="ubah-triwulan",
    ),
    path(T + "ubah/anggaran/<int:pk>/<slug:bidang>/", ubah.ubah_anggaran, name="ubah-anggaran"),
    path(T + "ubah/pk/<int:pk>/target/", rencana.ubah_pk_target, name="ubah-pk-target"),
    path(T + "ubah/narasi/<slug:bagian>/", ubah.ubah_narasi, name="ubah-narasi"),
]

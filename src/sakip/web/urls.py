"""The application's pages (``web:``).

An instansi-year's pages live under ``i/<instansi_id>/<tahun>/``.
"""

from django.urls import path

from sakip.web import jadwal, tahun, ubah, views

app_name = "web"

T = "i/<int:instansi_id>/<int:tahun>/"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path(T, tahun.ringkasan, name="tahun"),
    path(T + "hasil/", tahun.hasil, name="hasil"),
    path(T + "capaian/", tahun.capaian, name="capaian"),
    path(T + "triwulan/", tahun.triwulan, name="triwulan"),
    path(T + "temuan-ringkas/", tahun.temuan_ringkas, name="temuan-ringkas"),
    path(T + "riwayat/", tahun.riwayat, name="riwayat"),
    path(T + "status/<slug:langkah>/", tahun.status, name="status"),
    path(T + "ubah/nilai/<int:pk>/<slug:bidang>/<int:untuk>/", ubah.ubah_nilai, name="ubah-nilai"),
    path(
        T + "ubah/triwulan/<int:pk>/<slug:jenis>/<int:triwulan>/",
        ubah.ubah_triwulan,
        name="ubah-triwulan",
    ),
    path(T + "ubah/anggaran/<int:pk>/<slug:bidang>/", ubah.ubah_anggaran, name="ubah-anggaran"),
    path(T + "ubah/narasi/<slug:bagian>/", ubah.ubah_narasi, name="ubah-narasi"),
    path(T + "ubah/justifikasi/", ubah.ubah_justifikasi, name="ubah-justifikasi"),
    path("pemda/<int:pemda_id>/jadwal/<int:tahun>/", jadwal.jadwal, name="jadwal"),
]

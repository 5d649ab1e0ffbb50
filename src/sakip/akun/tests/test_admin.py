"""The admin shows memberships and never writes them."""

from __future__ import annotations

from django.urls import reverse

from sakip.akun.models import Keanggotaan


def test_it_lists_memberships_but_refuses_every_write(dunia, admin_client):
    anggota = Keanggotaan.objects.get(user__username="pimpinan-robatal")

    daftar = admin_client.get(reverse("admin:akun_keanggotaan_changelist"))
    ubah = admin_client.post(
        reverse("admin:akun_keanggotaan_change", args=[anggota.pk]), {"peran": "admin_pemda"}
    )
    hapus = admin_client.post(
        reverse("admin:akun_keanggotaan_delete", args=[anggota.pk]), {"post": "yes"}
    )

    assert daftar.status_code == 200 and "pimpinan-robatal" in daftar.content.decode()
    assert admin_client.get(reverse("admin:akun_keanggotaan_add")).status_code == 403
    assert ubah.status_code == 403 and hapus.status_code == 403
    anggota.refresh_from_db()
    assert anggota.peran == "pimpinan"

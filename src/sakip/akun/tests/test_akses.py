"""Who may do what on which object: the whole rule table, every denial included."""

from __future__ import annotations

import pytest

from sakip.akun.akses import AksesDitolak, Aksi, boleh, lingkup, pastikan_boleh
from sakip.akun.models import Keanggotaan

A = Aksi
SEMUA = frozenset(Aksi)
OPERATOR = frozenset(
    {
        A.LIHAT,
        A.UBAH_RENCANA,
        A.UBAH_REALISASI,
        A.UBAH_ANGGARAN,
        A.UBAH_NARASI,
        A.IMPOR,
        A.AJUKAN,
        A.JAWAB_CATATAN,
    }
)
PIMPINAN = frozenset({A.LIHAT, A.SETUJUI, A.TANDATANGANI_PK, A.JAWAB_CATATAN})
EVALUATOR = frozenset({A.LIHAT, A.CATATAN_REVIU, A.JAWAB_CATATAN})
# An admin on one instansi: everything but the pemda's rules and its list of
# agencies, which belong to the pemda.
ADMIN_INSTANSI = SEMUA - {A.UBAH_ATURAN_PEMDA, A.KELOLA_INSTANSI}
TIDAK_ADA: frozenset[Aksi] = frozenset()

OBJEK = ("sampang", "robatal", "torjun", "bangkalan")

# persona -> {object: the actions allowed}; an object not named allows nothing.
TABEL: dict[str, dict[str, frozenset]] = {
    "operator-robatal": {"robatal": OPERATOR},
    "operator-torjun": {"torjun": OPERATOR},
    "operator-dua": {"robatal": OPERATOR, "torjun": OPERATOR},
    "pimpinan-robatal": {"robatal": PIMPINAN},
    "admin-sampang": {"sampang": SEMUA, "robatal": ADMIN_INSTANSI, "torjun": ADMIN_INSTANSI},
    "admin-bangkalan": {"bangkalan": SEMUA},
    "evaluator-sampang": {"sampang": EVALUATOR, "robatal": EVALUATOR, "torjun": EVALUATOR},
    "tanpa-peran": {},
    "anonim": {},
    "operator-nonaktif": {},
    "superuser": dict.fromkeys(OBJEK, SEMUA),
    "superuser-nonaktif": {},
    "sistem": dict.fromkeys(OBJEK, SEMUA),
}


@pytest.mark.parametrize("objek", OBJEK)
@pytest.mark.parametrize("persona", TABEL)
def test_it_allows_exactly_the_actions_of_the_table(dunia, persona, objek):
    user, obj = dunia.pengguna[persona], dunia.objek(objek)
    diharapkan = TABEL[persona].get(objek, TIDAK_ADA)

    diizinkan = {a for a in Aksi if boleh(user, a, obj)}

    assert diizinkan == diharapkan
    for aksi in Aksi:
        if aksi in diharapkan:
            pastikan_boleh(user, aksi, obj)
        else:
            with pytest.raises(AksesDitolak):
                pastikan_boleh(user, aksi, obj)


def test_the_denial_names_the_user_the_action_and_the_object(dunia):
    with pytest.raises(AksesDitolak) as exc:
        pastikan_boleh(dunia.pengguna["operator-torjun"], Aksi.UBAH_REALISASI, dunia.robatal)

    assert str(exc.value) == (
        "pengguna 'operator-torjun' tidak berhak mengubah realisasi Kecamatan Robatal"
    )
    assert exc.value.aksi is Aksi.UBAH_REALISASI and exc.value.obj == dunia.robatal


@pytest.mark.parametrize(
    ("persona", "objek", "pesan"),
    [
        (
            "anonim",
            "robatal",
            "pengguna anonim tidak berhak melihat Kecamatan Robatal (belum masuk)",
        ),
        (
            "operator-nonaktif",
            "robatal",
            "pengguna 'operator-nonaktif' tidak berhak melihat Kecamatan Robatal "
            "(akun tidak aktif)",
        ),
    ],
)
def test_the_denial_says_why_when_it_is_not_the_role(dunia, persona, objek, pesan):
    with pytest.raises(AksesDitolak) as exc:
        pastikan_boleh(dunia.pengguna[persona], Aksi.LIHAT, dunia.objek(objek))
    assert str(exc.value) == pesan


def test_it_refuses_the_pemda_rules_through_an_instansi_with_a_reason(dunia):
    with pytest.raises(AksesDitolak) as exc:
        pastikan_boleh(dunia.pengguna["admin-sampang"], Aksi.UBAH_ATURAN_PEMDA, dunia.robatal)
    assert "hanya pada pemda itu sendiri" in str(exc.value)


def test_the_pemda_rules_are_changed_on_the_pemda_object_only(dunia):
    admin = dunia.pengguna["admin-sampang"]
    dari_pemda = _Lingkup((dunia.sampang.pk, None))  # a record of the pemda's own scope

    assert boleh(admin, Aksi.UBAH_ATURAN_PEMDA, dunia.sampang)
    assert boleh(admin, Aksi.KELOLA_PENGGUNA, dari_pemda)
    assert not boleh(admin, Aksi.UBAH_ATURAN_PEMDA, dari_pemda)
    assert not boleh(admin, Aksi.UBAH_ATURAN_PEMDA, Keanggotaan.objects.get(user=admin))


def test_access_is_denied_as_django_denies_it(dunia):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        pastikan_boleh(dunia.pengguna["anonim"], Aksi.LIHAT, dunia.sampang)


def test_it_accepts_an_action_given_as_its_value(dunia):
    assert boleh(dunia.pengguna["operator-robatal"], "ubah_realisasi", dunia.robatal)
    with pytest.raises(ValueError):
        boleh(dunia.pengguna["operator-robatal"], "hapus_semua", dunia.robatal)


class _Tahun:
    """A record object following the protocol: it states its own scope."""

    def __init__(self, instansi, tahun):
        self.instansi, self.tahun = instansi, tahun

    def lingkup_akses(self):
        return (self.instansi.pemda_id, self.instansi.pk)

    def __str__(self):
        return f"{self.instansi} tahun {self.tahun}"


class _Lingkup:
    """An object that returns whatever scope it is given."""

    def __init__(self, nilai):
        self.nilai = nilai

    def lingkup_akses(self):
        return self.nilai


def test_an_object_following_the_protocol_is_judged_by_its_scope(dunia):
    tahun = _Tahun(dunia.robatal, 2020)
    assert lingkup(tahun) == (dunia.sampang.pk, dunia.robatal.pk)
    assert boleh(dunia.pengguna["operator-robatal"], Aksi.UBAH_REALISASI, tahun)
    assert not boleh(dunia.pengguna["operator-torjun"], Aksi.UBAH_REALISASI, tahun)
    with pytest.raises(AksesDitolak) as exc:
        pastikan_boleh(dunia.pengguna["pimpinan-robatal"], Aksi.UBAH_NARASI, tahun)
    assert str(exc.value) == (
        "pengguna 'pimpinan-robatal' tidak berhak mengubah narasi laporan "
        "Kecamatan Robatal tahun 2020"
    )


def test_a_foreign_key_to_the_instansi_or_the_pemda_is_followed(dunia):
    # Keanggotaan has both: an operator's membership points to an instansi,
    # an admin's to a pemda.
    dari_instansi = Keanggotaan.objects.get(user__username="operator-robatal")
    dari_pemda = Keanggotaan.objects.get(user__username="admin-bangkalan")

    assert lingkup(dari_instansi) == (dunia.sampang.pk, dunia.robatal.pk)
    assert lingkup(dari_pemda) == (dunia.bangkalan.pk, None)
    assert boleh(dunia.pengguna["operator-robatal"], Aksi.LIHAT, dari_instansi)
    assert not boleh(dunia.pengguna["operator-torjun"], Aksi.LIHAT, dari_instansi)
    assert boleh(dunia.pengguna["admin-bangkalan"], Aksi.KELOLA_PENGGUNA, dari_pemda)
    assert not boleh(dunia.pengguna["admin-sampang"], Aksi.KELOLA_PENGGUNA, dari_pemda)


class _Bertingkat:
    """Two foreign keys away from an instansi: only lingkup_akses() may say so."""

    def __init__(self, induk):
        self.instansi = induk


@pytest.mark.parametrize(
    "buat",
    [
        lambda d: None,
        lambda d: object(),
        lambda d: "Kecamatan Robatal",
        lambda d: d.robatal.pk,
        lambda d: _Bertingkat(_Bertingkat(d.robatal)),
        lambda d: _Lingkup((None, None)),
        lambda d: _Lingkup((str(d.sampang.pk), None)),
        lambda d: _Lingkup((d.sampang.pk, d.robatal.pk, 0)),
        lambda d: _Lingkup([d.sampang.pk, d.robatal.pk]),
        lambda d: _Lingkup((True, None)),
        lambda d: type(d.sampang)(nama="Belum disimpan"),
    ],
    ids=[
        "none",
        "object",
        "text",
        "id",
        "two-keys-away",
        "scope-none",
        "scope-text",
        "scope-triple",
        "scope-list",
        "scope-bool",
        "unsaved-pemda",
    ],
)
@pytest.mark.parametrize("persona", ["superuser", "sistem", "admin-sampang", "operator-robatal"])
def test_an_object_of_unknown_scope_is_refused_to_everyone(dunia, persona, buat):
    obj = buat(dunia)

    assert not any(boleh(dunia.pengguna[persona], a, obj) for a in Aksi)
    with pytest.raises(AksesDitolak, match="lingkup objek tidak dikenal"):
        pastikan_boleh(dunia.pengguna[persona], Aksi.LIHAT, obj)


def test_it_reads_the_memberships_with_one_query_then_none(
    dunia, django_assert_num_queries, django_user_model
):
    # A fresh user object, as a request would have.
    user = django_user_model.objects.get(username="operator-dua")
    with django_assert_num_queries(1):
        assert boleh(user, Aksi.UBAH_REALISASI, dunia.robatal)
    with django_assert_num_queries(0):
        for obj in (dunia.sampang, dunia.robatal, dunia.torjun, dunia.bangkalan):
            for aksi in Aksi:
                boleh(user, aksi, obj)


def test_following_an_unselected_foreign_key_costs_at_most_one_more_query(
    dunia, django_assert_max_num_queries, django_user_model
):
    user = django_user_model.objects.get(username="operator-robatal")
    anggota = Keanggotaan.objects.get(user=user)
    with django_assert_max_num_queries(2):
        assert boleh(user, Aksi.LIHAT, anggota)


def test_superusers_and_the_system_actor_need_no_query(dunia, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert boleh(dunia.pengguna["superuser"], Aksi.BUKA_KUNCI, dunia.robatal)
        assert boleh(dunia.pengguna["sistem"], Aksi.UBAH_ATURAN_PEMDA, dunia.sampang)
        assert not boleh(dunia.pengguna["anonim"], Aksi.LIHAT, dunia.robatal)

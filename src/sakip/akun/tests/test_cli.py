"""`sakip pengguna tambah` and `sakip pengguna daftar` against the test database."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model

from sakip.akun.models import Keanggotaan, Peran
from sakip.cli import pengguna as cli_pengguna
from sakip.cli.main import main
from sakip.ledger.models import AuditAction, AuditLog

SANDI = "kinerja-robatal-2020"


@pytest.fixture
def berkas_sandi(tmp_path):
    path = tmp_path / "sandi.txt"
    path.write_text(f"{SANDI}\nbaris kedua diabaikan\n")
    path.chmod(0o600)
    return path


@pytest.fixture
def getpass_palsu(monkeypatch):
    """getpass answering from a list; what it was asked is recorded."""
    jawaban, ditanya = [], []

    def getpass(prompt=""):
        ditanya.append(prompt)
        return jawaban.pop(0)

    monkeypatch.setattr(cli_pengguna.getpass, "getpass", getpass)
    return jawaban, ditanya


def _tambah(*args):
    return main(["pengguna", "tambah", "--username", "operator-baru", *args])


def _user(username="operator-baru"):
    return get_user_model().objects.filter(username=username).first()


def test_it_adds_an_operator_with_the_password_from_a_file(dunia, berkas_sandi, capsys):
    args = ["--peran", "operator", "--instansi", "kecamatan robatal", "--email", "o@x.example"]
    assert _tambah(*args, "--sandi-dari", str(berkas_sandi)) == 0

    assert (
        capsys.readouterr().out == "pengguna 'operator-baru' dibuat: operator Kecamatan Robatal\n"
    )
    user = _user()
    assert user.check_password(SANDI) and user.email == "o@x.example"
    assert Keanggotaan.objects.get(user=user).instansi == dunia.robatal
    # The command line acts as the system actor, and the audit says so.
    assert list(AuditLog.objects.order_by("id").values_list("action", "actor__username")) == [
        (AuditAction.PENGGUNA_TAMBAH, "sistem"),
        (AuditAction.KEANGGOTAAN_TAMBAH, "sistem"),
    ]


def test_a_windows_line_ending_is_not_part_of_the_password(dunia, berkas_sandi):
    berkas_sandi.write_bytes(f"{SANDI}\r\n".encode())
    assert (
        _tambah(
            "--peran",
            "pimpinan",
            "--instansi",
            "Kecamatan Torjun",
            "--sandi-dari",
            str(berkas_sandi),
        )
        == 0
    )
    assert _user().check_password(SANDI)


def test_it_asks_the_password_twice_without_a_file(dunia, getpass_palsu, capsys):
    jawaban, ditanya = getpass_palsu
    jawaban += [SANDI, SANDI]

    assert _tambah("--peran", "evaluator", "--pemda", "Kabupaten Bangkalan") == 0

    assert ditanya == ["Sandi: ", "Ulangi sandi: "]
    assert "dibuat: evaluator Kabupaten Bangkalan" in capsys.readouterr().out
    assert _user().check_password(SANDI)
    assert Keanggotaan.objects.get(user=_user()).pemda == dunia.bangkalan


@pytest.mark.parametrize(
    ("jawaban", "pesan"),
    [
        ([SANDI, SANDI + "x"], "galat: kedua sandi tidak sama\n"),
        (["", ""], "galat: sandi kosong\n"),
        (["pendek", "pendek"], "galat: sandi ditolak: Kata sandi terlalu pendek."),
    ],
)
def test_it_refuses_a_bad_typed_password(dunia, getpass_palsu, capsys, jawaban, pesan):
    getpass_palsu[0].extend(jawaban)

    assert _tambah("--peran", "operator", "--instansi", "Kecamatan Robatal") == 1

    assert capsys.readouterr().err.startswith(pesan)
    assert _user() is None and not AuditLog.objects.exists()


def test_an_existing_user_gets_the_new_membership_and_keeps_the_password(
    dunia, getpass_palsu, capsys
):
    args = [
        "--username",
        "Operator-Robatal",
        "--peran",
        "operator",
        "--instansi",
        "Kecamatan Torjun",
    ]
    assert main(["pengguna", "tambah", *args]) == 0

    assert capsys.readouterr().out == (
        "pengguna 'operator-robatal' sudah ada; "
        "keanggotaan ditambahkan: operator Kecamatan Torjun\n"
    )
    assert getpass_palsu[1] == []  # never asked
    user = _user("operator-robatal")
    assert set(Keanggotaan.objects.filter(user=user).values_list("instansi__nama", flat=True)) == {
        "Kecamatan Robatal",
        "Kecamatan Torjun",
    }
    assert AuditLog.objects.get().action == AuditAction.KEANGGOTAAN_TAMBAH


def test_a_membership_held_already_is_an_error(dunia, capsys):
    args = ["--username", "admin-sampang", "--peran", "admin_pemda", "--pemda", "kabupaten sampang"]
    assert main(["pengguna", "tambah", *args]) == 1
    assert capsys.readouterr().err == (
        "galat: pengguna 'admin-sampang' sudah menjadi admin pemda Kabupaten Sampang\n"
    )


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (
            ["--peran", "operator", "--instansi", "Kecamatan Omben"],
            "instansi 'Kecamatan Omben' tidak ditemukan",
        ),
        (["--peran", "operator"], "peran operator memerlukan --instansi"),
        (["--peran", "admin_pemda"], "peran admin_pemda memerlukan --pemda"),
        (
            ["--peran", "evaluator", "--instansi", "Kecamatan Robatal"],
            "peran evaluator berlaku untuk satu pemda: gunakan --pemda",
        ),
        (
            ["--peran", "evaluator", "--pemda", "Kota Surabaya"],
            "pemda 'Kota Surabaya' tidak ditemukan; yang ada: 'Kabupaten Bangkalan', "
            "'Kabupaten Sampang'",
        ),
        (
            [
                "--peran",
                "operator",
                "--instansi",
                "Kecamatan Robatal",
                "--pemda",
                "Kabupaten Bangkalan",
            ],
            "instansi 'Kecamatan Robatal' tidak ditemukan",
        ),
    ],
)
def test_a_scope_that_cannot_be_found_is_an_error(dunia, berkas_sandi, capsys, args, pesan):
    assert _tambah(*args, "--sandi-dari", str(berkas_sandi)) == 1

    err = capsys.readouterr().err
    assert err.startswith(f"galat: {pesan}") and err.count("\n") == 1
    assert _user() is None and not AuditLog.objects.exists()


def test_it_refuses_a_password_file_everyone_may_read(dunia, berkas_sandi, capsys):
    berkas_sandi.chmod(0o644)
    assert (
        _tambah(
            "--peran",
            "operator",
            "--instansi",
            "Kecamatan Robatal",
            "--sandi-dari",
            str(berkas_sandi),
        )
        == 1
    )
    assert capsys.readouterr().err == (
        f"galat: berkas sandi {berkas_sandi} dapat dibaca semua pengguna; "
        f"jalankan: chmod 600 {berkas_sandi}\n"
    )
    assert _user() is None


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (None, "tidak dapat dibaca"),
        ("", "kosong"),
        ("\nsandi di baris kedua\n", "kosong"),
        (b"\xff\xfe", "bukan teks UTF-8"),
    ],
)
def test_it_refuses_a_password_file_it_cannot_use(dunia, tmp_path, capsys, isi, pesan):
    path = tmp_path / "sandi.txt"
    if isi is not None:
        path.write_bytes(isi if isinstance(isi, bytes) else isi.encode())
        path.chmod(0o600)
    assert (
        _tambah("--peran", "operator", "--instansi", "Kecamatan Robatal", "--sandi-dari", str(path))
        == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("galat: ") and pesan in err
    assert _user() is None


def test_a_database_not_migrated_is_reported_and_left_alone(tmp_path):
    # A process of its own on a fresh SQLite file: the test database is migrated.
    db = tmp_path / "baru.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "SAKIP_VAR_DIR": str(tmp_path),
        "SAKIP_SECRET_KEY": "uji-" + "k8Ff2Qm9Zx4Lp7Wv1Rt6Yb3Nc5Hs0Jd" * 2,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    for args in (["daftar"], ["tambah", "--username", "u", "--peran", "evaluator", "--pemda", "X"]):
        done = subprocess.run(
            [sys.executable, "-m", "sakip", "pengguna", *args],
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        assert done.stdout == ""
        assert re.fullmatch(
            r"galat: database belum siap \(\d+ migrasi belum dijalankan\); "
            r"jalankan: sakip manage migrate\n",
            done.stderr,
        )
    # Nothing was migrated as a side effect.
    with sqlite3.connect(db) as conn:
        tables = conn.execute("select name from sqlite_master where type = 'table'").fetchall()
    assert tables == []


def test_it_lists_every_user_with_roles_and_status(dunia, capsys):
    assert main(["pengguna", "daftar"]) == 0

    baris = capsys.readouterr().out.splitlines()
    assert baris == [
        "admin-bangkalan\taktif\tadmin pemda Kabupaten Bangkalan",
        "admin-sampang\taktif\tadmin pemda Kabupaten Sampang",
        "akar\taktif, superuser\ttanpa peran",
        "akar-lama\tnonaktif, superuser\ttanpa peran",
        "evaluator-sampang\taktif\tevaluator Kabupaten Sampang",
        "operator-dua\taktif\toperator Kecamatan Robatal (Kabupaten Sampang); "
        "operator Kecamatan Torjun (Kabupaten Sampang)",
        "operator-nonaktif\tnonaktif\toperator Kecamatan Robatal (Kabupaten Sampang)",
        "operator-robatal\taktif\toperator Kecamatan Robatal (Kabupaten Sampang)",
        "operator-torjun\taktif\toperator Kecamatan Torjun (Kabupaten Sampang)",
        "pimpinan-robatal\taktif\tpimpinan Kecamatan Robatal (Kabupaten Sampang)",
        "sistem\taktor sistem\ttanpa peran",
        "tanpa-peran\taktif\ttanpa peran",
    ]


def test_it_lists_the_users_of_one_pemda(dunia, capsys, django_assert_max_num_queries):
    Keanggotaan.objects.create(
        user=dunia.pengguna["operator-robatal"], peran=Peran.EVALUATOR, pemda=dunia.bangkalan
    )
    assert main(["pengguna", "daftar", "--pemda", "kabupaten bangkalan"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "admin-bangkalan\taktif\tadmin pemda Kabupaten Bangkalan",
        "operator-robatal\taktif\tevaluator Kabupaten Bangkalan",
    ]
    assert main(["pengguna", "daftar", "--pemda", "Kota Surabaya"]) == 1
    assert "galat: pemda 'Kota Surabaya' tidak ditemukan" in capsys.readouterr().err


def test_the_listing_takes_a_fixed_number_of_queries(dunia, django_assert_max_num_queries):
    from sakip.akun.queries import pengguna_daftar

    with django_assert_max_num_queries(2):
        hasil = pengguna_daftar()
        assert sum(len(p.keanggotaan) for p in hasil) == 9
        assert {str(k.instansi.pemda) for p in hasil for k in p.keanggotaan if k.instansi}


def test_the_parser_offers_exactly_the_roles_of_the_model():
    assert cli_pengguna.PERAN == tuple(Peran.values)
    assert set(cli_pengguna.PERAN_INSTANSI) == {Peran.OPERATOR, Peran.PIMPINAN}


def test_an_unknown_role_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["pengguna", "tambah", "--username", "x", "--peran", "bupati"])
    assert exc.value.code == 2
    assert "invalid choice: 'bupati'" in capsys.readouterr().err

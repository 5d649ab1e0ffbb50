"""``sakip skm``: results of a file of answers, as JSON and text, no database."""

import json

import pytest

from sakip.cli.main import main

CSV = (
    "U1,U2,U3,U4,U5,U6,U7,U8,U9,jenis_kelamin,layanan\n"
    "4,4,4,4,4,4,4,4,4,Perempuan,KTP\n"
    "3,3,3,3,3,3,3,3,3,Laki-laki,KK\n"
    "2,,4,4,3,3,4,4,1,Perempuan,KTP\n"
    "4,3,,4,4,3,4,4,2,Laki-laki,KTP\n"
)


def _file(tmp_path, teks=CSV):
    f = tmp_path / "jawaban.csv"
    f.write_text(teks, encoding="utf-8")
    return f


def test_it_prints_the_results_as_json_with_exact_decimal_strings(tmp_path, capsys):
    assert main(["skm", str(_file(tmp_path)), "--populasi", "100", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    # The worked example of the engine tests: IKM 30,75 / 9 x 25 = 85,42 (B).
    assert (out["responden"], out["ikm"], out["mutu"]) == (4, "85.42", "B")
    assert out["unsur"][0] == {
        "kode": "U1",
        "nama": "Persyaratan",
        "jumlah_jawaban": 4,
        "nrr": "3.25",
        "nrr_tertimbang": "0.3611111111111111111111111111",
        "mutu": "B",
        "prioritas": True,
    }
    # Krejcie-Morgan for 100 is 80 respondents.
    assert (out["sampel_minimum"], out["sampel_cukup"]) == (80, False)
    assert [k["nilai"] for k in out["per_layanan"]] == ["KTP", "KK"]
    assert out["per_kelompok"]["jenis_kelamin"][1]["ikm"] == "80.56"


def test_it_prints_text_and_uses_a_pemdas_own_unsur_file(tmp_path, capsys):
    daftar = tmp_path / "daftar.yaml"
    daftar.write_text("nama: daftar-kami\nunsur:\n  - {kode: U1, nama: Antrian}\n")
    assert main(["skm", str(_file(tmp_path)), "--unsur", str(daftar)]) == 0
    out = capsys.readouterr().out
    # U1 alone: 13/4 = 3,25 -> IKM 3,25 x 25 = 81,25
    assert "U1 Antrian" in out and "IKM 81,25, mutu B (Baik)" in out


def test_it_fails_naming_row_and_column(tmp_path, capsys):
    f = _file(tmp_path, "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,9\n")
    assert main(["skm", str(f), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "baris 2, kolom U9: nilai '9' harus 1, 2, 3, 4 atau kosong" in captured.err


def test_it_fails_on_an_unknown_unsur_set(tmp_path, capsys):
    assert main(["skm", str(_file(tmp_path)), "--unsur", "tidak-ada"]) == 1
    assert "bukan nama set unsur" in capsys.readouterr().err


@pytest.mark.parametrize("populasi", ["1e30", "0", "-1", "10" * 20, "1,5"])
def test_an_absurd_population_is_refused_without_a_traceback(tmp_path, capsys, populasi):
    with pytest.raises(SystemExit) as exc:
        main(["skm", str(_file(tmp_path)), "--populasi", populasi])
    assert exc.value.code == 2
    assert "bukan jumlah populasi: bilangan bulat 1 sampai 1.000.000.000" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("U1,U2\n".encode("utf-16"), "UTF-16"),
        (b"U1,U2,U3,U4,U5,U6,U7,U8,U9\n", "tidak ada responden"),
        (b"\xff\xfe\x00garbage\xe9", "UTF-16"),
        (b"U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,\xe9\n", "bukan teks UTF-8"),
    ],
)
def test_a_bad_survey_file_exits_1_with_its_message(tmp_path, capsys, isi, pesan):
    f = tmp_path / "jawaban.csv"
    f.write_bytes(isi)
    assert main(["skm", str(f)]) == 1
    err = capsys.readouterr().err
    assert pesan in err and "Traceback" not in err

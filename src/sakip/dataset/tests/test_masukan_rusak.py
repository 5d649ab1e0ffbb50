"""Hostile and careless input (issue 11): every case is refused by the one
validator with a message naming the file and its line (YAML, JSON) or sheet
and cell (XLSX), and ``sakip check`` says invalid (exit 1) without a
traceback and without writing a raw control character to the terminal.

``src/sakip/cli/tests/test_masukan_rusak_impor.py`` runs the same table
through ``sakip import``: refused, the database unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from sakip.cli.main import main
from sakip.dataset.baca import baca_dataset
from sakip.dataset.dump import dump_json
from sakip.dataset.errors import DatasetInvalid
from sakip.dataset.xlsx import write_workbook

DEMO = Path(__file__).resolve().parents[2] / "demo"
ROBATAL = DEMO / "robatal-2020.yaml"
PAGU = "pagu: 95098700.00"  # the first sub kegiatan of P1
PAGU_JSON = '"pagu": 95098700.00'


@dataclass(frozen=True)
class Kasus:
    """One bad file: how it is made, what the error says, and where."""

    id: str
    #: Writes the file into the folder; returns its path and where the error
    #: is ("baris 87", "sheet 'anggaran', sel F5").
    buat: Callable[[Path], tuple[Path, str]]
    pesan: str
    #: A control character the terminal must never receive raw.
    kendali: str | None = None


def _yaml(lama: str, baru: str) -> Callable[[Path], tuple[Path, str]]:
    def buat(folder: Path) -> tuple[Path, str]:
        teks = ROBATAL.read_text(encoding="utf-8")
        assert lama in teks
        path = folder / "data.yaml"
        path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")
        return path, f"baris {teks[: teks.index(lama)].count(chr(10)) + 1}"

    return buat


def _json(lama: str, baru: str) -> Callable[[Path], tuple[Path, str]]:
    def buat(folder: Path) -> tuple[Path, str]:
        teks = dump_json(baca_dataset(ROBATAL).doc)
        assert lama in teks
        path = folder / "data.json"
        path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")
        return path, f"baris {teks[: teks.index(lama)].count(chr(10)) + 1}"

    return buat


def _xlsx(lama: object, baru: object) -> Callable[[Path], tuple[Path, str]]:
    def buat(folder: Path) -> tuple[Path, str]:
        path = folder / "data.xlsx"
        write_workbook(baca_dataset(ROBATAL).doc, path)
        wb = openpyxl.load_workbook(path)
        [(ws, sel)] = [
            (ws, c) for ws in wb for row in ws.iter_rows() for c in row if c.value == lama
        ][:1]
        sel.value = baru
        wb.save(path)
        return path, f"sheet {ws.title!r}, sel {sel.coordinate}"

    return buat


PANJANG = "Kecamatan Robatal " + "x" * 238  # 256 characters

KASUS = [
    # -- money the record cannot hold exactly: check says what import would
    Kasus("uang-sub-sen", _yaml(PAGU, "pagu: 95098700.001"), "nilai uang 95098700.001 tidak dapat"),
    Kasus("uang-1e19", _yaml(PAGU, "pagu: 1.0e+19"), "nilai uang 10000000000000000000 tidak"),
    Kasus("uang-1e26", _yaml(PAGU, "pagu: 1.0e+26"), "paling banyak 18 angka sebelum koma"),
    Kasus("uang-negatif-sub-sen", _yaml(PAGU, "pagu: -0.001"), "nilai uang tidak boleh negatif"),
    Kasus("json-uang-sub-sen", _json(PAGU_JSON, '"pagu": 95098700.001'), "2 desimal (sen)"),
    Kasus("xlsx-uang-sub-sen", _xlsx(95098700, 95098700.001), "nilai uang 95098700.001 tidak"),
    # -- names and codes longer than their column
    Kasus(
        "nama-instansi-256",
        _yaml("nama: Kecamatan Robatal", f"nama: {PANJANG}"),
        "instansi.nama: paling panjang 255 karakter, bukan 256",
    ),
    Kasus(
        "nama-pemda-256",
        _yaml("nama: Kabupaten Sampang", f"nama: {'Kabupaten ' * 25}Sampang"),
        "pemda.nama: paling panjang 255 karakter, bukan 257",
    ),
    Kasus(
        "kode-101",
        _yaml("- kode: S1.1", f"- kode: S1.1{'x' * 97}"),
        "kode paling panjang 100 karakter, bukan 101",
    ),
    Kasus(
        "xlsx-nama-instansi-256",
        _xlsx("Kecamatan Robatal", PANJANG),
        "paling panjang 255 karakter, bukan 256",
    ),
    # -- numbers in decimal notation only (YAML 1.1 reads these as others)
    Kasus("yaml-seksagesimal", _yaml(PAGU, "pagu: 1:30:00"), "notasi seksagesimal (basis 60)"),
    Kasus("yaml-heksadesimal", _yaml(PAGU, "pagu: 0x5AB0A8C"), "notasi heksadesimal"),
    Kasus("yaml-oktal", _yaml(PAGU, "pagu: 0123"), "notasi oktal"),
    Kasus("yaml-biner", _yaml(PAGU, "pagu: 0b101"), "notasi biner"),
    Kasus("yaml-float-seksagesimal", _yaml(PAGU, "pagu: 1:30.5"), "notasi seksagesimal"),
    Kasus("yaml-target-heksadesimal", _yaml("{2020: 81.55}", "{2020: 0x51}"), "heksadesimal"),
    Kasus("xlsx-teks-heksadesimal", _xlsx(95098700, "0x5AB0A8C"), "bukan angka: '0x5AB0A8C'"),
    # -- numbers too wide or too small: refused, never a traceback
    Kasus("uang-1e-400", _yaml(PAGU, "pagu: 1.0e-400"), "angka di luar jangkauan: 1E-400"),
    Kasus(
        "target-1e+400",
        _yaml("{2020: 81.55}", "{2020: 1.0e+400}"),
        "angka di luar jangkauan: 1E+400",
    ),
    Kasus("target-1e-400", _yaml("{2020: 81.55}", "{2020: 1.0e-400}"), "di luar jangkauan"),
    Kasus("bulat-10^40", _yaml("{2020: 81.55}", f"{{2020: 1{'0' * 40}}}"), f"1{'0' * 40} (paling"),
    Kasus("json-1e400", _json(PAGU_JSON, '"pagu": 1e400'), "angka di luar jangkauan: 1E+400"),
    Kasus("json-target-1e-400", _json("81.55", "1e-400"), "angka di luar jangkauan: 1E-400"),
    Kasus("xlsx-1e308", _xlsx(95098700, 1e308), "angka di luar jangkauan: 1E+308"),
    Kasus("xlsx-5e-324", _xlsx(95098700, 5e-324), "angka di luar jangkauan: 5E-324"),
    # -- a survey file whose name the system cannot look up
    Kasus(
        "responden-nama-terlalu-panjang",
        _yaml(
            "# Free text that the report carries",
            f"skm: [{{tahun: 2020, responden_csv: {'x' * 300}.csv}}]\n#",
        ),
        "skm[0].responden_csv: berkas jawaban tidak ditemukan",
    ),
    # -- control characters in names, codes and text
    Kasus(
        "nama-esc",
        _yaml("nama: Kecamatan Robatal", 'nama: "Kecamatan \\e[2JRobatal"'),
        "karakter kendali ESC (U+001B)",
        kendali="\x1b",
    ),
    Kasus(
        "nama-nul",
        _yaml("nama: Kecamatan Robatal", 'nama: "Kecamatan\\0Robatal"'),
        "karakter kendali NUL (U+0000)",
        kendali="\x00",
    ),
    Kasus("kode-bel", _yaml("- kode: S1.1", '- kode: "S1.1\\a"'), "BEL (U+0007)", kendali="\x07"),
    Kasus("kode-tab", _yaml("- kode: S1.1", '- kode: "S1\\t.1"'), "tab (U+0009)", kendali=None),
    Kasus(
        "nama-baris-baru",
        _yaml("nama: Kabupaten Sampang", 'nama: "Kabupaten\\nSampang"'),
        "baris baru (U+000A) pada karakter ke-10: tidak diperbolehkan dalam nama, kode",
    ),
    Kasus(
        "teks-esc",
        _yaml("hambatan: Refocusing anggaran", 'hambatan: "\\eRefocusing"  #'),
        "narasi.hambatan: berisi karakter kendali ESC",
        kendali="\x1b",
    ),
    Kasus(
        "kunci-esc",
        _yaml("    S1.1: Realisasi", '    "S1.1\\e": Realisasi'),
        "kunci berisi karakter kendali ESC",
        kendali="\x1b",
    ),
    Kasus(
        "json-nama-esc",
        _json('"Kecamatan Robatal"', '"Kecamatan \\u001b]0;judul\\u0007Robatal"'),
        "karakter kendali ESC (U+001B)",
        kendali="\x1b",
    ),
    Kasus(
        "json-nama-c1",
        _json('"Kecamatan Robatal"', '"Kecamatan \\u009bRobatal"'),
        "karakter kendali U+009B",
        kendali="\x9b",
    ),
    # Found by the property test: a lone UTF-16 surrogate, which JSON can
    # write and no UTF-8 text can hold.
    Kasus(
        "json-teks-surrogate",
        _json('"Kecamatan Robatal"', '"Kecamatan \\ud800Robatal"'),
        "separuh pasangan surrogate UTF-16",
        kendali="\ud800",
    ),
    Kasus(
        "xlsx-nama-del",
        _xlsx("Kecamatan Robatal", "Kecamatan\x7fRobatal"),
        "karakter kendali DEL (U+007F)",
        kendali="\x7f",
    ),
]


@pytest.mark.parametrize("kasus", KASUS, ids=[k.id for k in KASUS])
def test_the_validator_refuses_it_naming_file_and_place(tmp_path, kasus):
    path, tempat = kasus.buat(tmp_path)
    with pytest.raises(DatasetInvalid) as info:
        baca_dataset(path)
    cocok = [g for g in info.value.galat if kasus.pesan in str(g)]
    assert cocok, [str(g) for g in info.value.galat]
    assert str(cocok[0]).startswith(f"{path}, {tempat}: "), str(cocok[0])


@pytest.mark.parametrize("kasus", KASUS, ids=[k.id for k in KASUS])
def test_check_says_invalid_and_prints_no_control_character(tmp_path, capsys, kasus):
    path, tempat = kasus.buat(tmp_path)

    assert main(["check", str(path)]) == 1

    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}, {tempat}: " in err and kasus.pesan in err
    assert "Traceback" not in err
    if kasus.kendali:
        assert kasus.kendali not in err
    assert all(ch in "\n\t" or ch.isprintable() for ch in err)


@pytest.mark.parametrize(
    ("lama", "baru"),
    [
        # Wide or tiny figures within range: computed and printed, no traceback.
        ("{2020: 81.55}", "{2020: 1.0e+27}"),
        ("{2020: 81.55}", "{2020: 1.e-28}"),
        ("realisasi: {2019: 81.60, 2020: 79.017}", f"realisasi: {{2020: {'9' * 28}}}"),
        (PAGU, "pagu: 999999999999999999.99"),
        # Free text may hold tabs and line breaks.
        ("hambatan: Refocusing", 'hambatan: "Refocusing\\tanggaran\\r\\nbaris dua"  #'),
    ],
    ids=["target-1e27", "target-1e-28", "realisasi-28-angka", "uang-terbesar", "teks-tab"],
)
def test_a_valid_file_with_extreme_figures_is_checked_without_a_traceback(
    tmp_path, capsys, lama, baru
):
    teks = ROBATAL.read_text(encoding="utf-8")
    path = tmp_path / "data.yaml"
    path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")

    for fmt in ("text", "json"):
        assert main(["check", "--format", fmt, str(path)]) == 0, capsys.readouterr().err
        out, err = capsys.readouterr()
        assert "Traceback" not in err and out

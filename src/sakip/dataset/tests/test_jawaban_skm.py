"""Paper-typed SKM answers from CSV and XLSX: blanks, profile, and every bad
cell reported by row and column with nothing returned."""

import pytest
from openpyxl import Workbook

from sakip.dataset.errors import DatasetInvalid
from sakip.dataset.jawaban_skm import baca_jawaban
from sakip.dataset.responden import baca_responden

KODE = ["U1", "U2", "U3"]


def _csv(tmp_path, teks):
    f = tmp_path / "jawaban.csv"
    f.write_text(teks, encoding="utf-8")
    return f


def _xlsx(tmp_path, rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    f = tmp_path / "jawaban.xlsx"
    wb.save(f)
    return f


def test_it_reads_answers_blanks_and_profile_from_csv(tmp_path):
    f = _csv(tmp_path, "U1,U2,U3,Jenis Kelamin,umur\n4,,3,Perempuan,34\n,,,,\n2,1,4,,\n")
    data = baca_jawaban(f, KODE)
    # The all-blank row is no respondent.
    assert data.matriks.tolist() == [[4, 0, 3], [2, 1, 4]]
    jk = data.profil["jenis_kelamin"]
    assert jk.label == ("Perempuan",) and jk.kode.tolist() == [1, 0]
    assert data.profil["umur"].label == ("30-39 tahun",)


def test_it_reads_number_and_text_cells_from_xlsx(tmp_path):
    f = _xlsx(tmp_path, [["U1", "U2", "U3", "layanan"], [4, "3", None, "KTP"], [1.0, 2, 3, "KK"]])
    data = baca_jawaban(f, KODE)
    assert data.matriks.tolist() == [[4, 3, 0], [1, 2, 3]]
    assert data.profil["layanan"].label == ("KTP", "KK")


def test_it_names_row_and_column_of_every_bad_cell_in_csv(tmp_path):
    f = _csv(tmp_path, "U1,U2,U3\n4,4,4\n5,4,x\n4,0,4\n")
    with pytest.raises(DatasetInvalid) as exc:
        baca_jawaban(f, KODE)
    pesan = [g.pesan for g in exc.value.galat]
    assert pesan == [
        "baris 3, kolom U1: nilai '5' harus 1, 2, 3, 4 atau kosong",
        "baris 3, kolom U3: nilai 'x' harus 1, 2, 3, 4 atau kosong",
        "baris 4, kolom U2: nilai '0' harus 1, 2, 3, 4 atau kosong",
    ]
    assert exc.value.galat[0].lokasi.line == 3


def test_it_names_row_column_and_cell_in_xlsx(tmp_path):
    f = _xlsx(tmp_path, [["nama", "U1", "U2", "U3"], ["a", 4, 4, 4], ["b", 4, 4.5, True]])
    with pytest.raises(DatasetInvalid) as exc:
        baca_jawaban(f, KODE)
    g = exc.value.galat
    assert [x.lokasi.cell for x in g] == ["C3", "D3"]
    assert g[0].pesan == "baris 3, kolom U2 (C): nilai 4.5 harus 1, 2, 3, 4 atau kosong"
    assert "sheet 'Sheet', sel C3, baris 3" in str(g[0])


def test_it_names_missing_unsur_columns(tmp_path):
    with pytest.raises(DatasetInvalid, match="kolom unsur tidak ada: U3"):
        baca_jawaban(_csv(tmp_path, "U1,U2\n4,4\n"), KODE)


def test_the_dataset_reader_uses_the_same_reader(tmp_path):
    f = _csv(tmp_path, "U1,U2,U3\n4,,3\n")
    assert baca_responden(f, KODE) == [{"U1": 4, "U2": None, "U3": 3}]

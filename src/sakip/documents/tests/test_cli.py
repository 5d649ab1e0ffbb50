"""`sakip report` from a file, from the database, and for a whole pemda."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sakip.cli.main import main
from sakip.documents import siap
from sakip.documents.tests.conftest import DEMO, teks_docx

ROBATAL = DEMO / "robatal-2020.yaml"


def test_it_writes_a_report_straight_from_a_file(tmp_path):
    out = tmp_path / "lkjip.xlsx"
    assert main(["report", str(ROBATAL), "--format", "xlsx", "--out", str(out)]) == 0
    assert "Capaian 2020" in load_workbook(io.BytesIO(out.read_bytes())).sheetnames


@pytest.mark.parametrize(
    ("pilihan", "ada", "tidak"),
    [
        ([], ["Pernyataan Telah Direviu", "Inspektur Kabupaten Sampang"], ["Catatan Reviu Data"]),
        (["--draf"], ["Catatan Reviu Data", "SISA_BEDA"], ["Pernyataan Telah Direviu"]),
    ],
)
def test_the_final_and_the_draft_from_the_command_line(tmp_path, pilihan, ada, tidak):
    reviu = tmp_path / "reviu.yaml"
    reviu.write_text(
        "format: sakip-reviu/1\npereviu: {jabatan: Inspektur Kabupaten Sampang, nama: A}\n"
        "ditandatangani: true\n",
        encoding="utf-8",
    )
    out = tmp_path / "lkjip.docx"
    args = ["report", str(ROBATAL), "--format", "docx", "--out", str(out), "--reviu", str(reviu)]
    assert main(args + pilihan) == 0
    teks = teks_docx(out.read_bytes())
    assert all(a in teks for a in ada) and not any(t in teks for t in tidak)


def test_a_bad_review_file_stops_the_report_with_its_key(tmp_path, capsys):
    reviu = tmp_path / "reviu.yaml"
    reviu.write_text("format: sakip-reviu/1\nditandatangani: ya\n", encoding="utf-8")
    out = tmp_path / "lkjip.docx"
    args = ["report", str(ROBATAL), "--format", "docx", "--out", str(out), "--reviu", str(reviu)]
    assert main(args) == 1
    assert "ditandatangani" in capsys.readouterr().err and not out.exists()


def test_it_refuses_a_missing_font_before_reading_anything(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(siap, "FONT_DIR", tmp_path)
    siap.path_font.cache_clear()
    try:
        args = ["report", "tidak-ada.yaml", "--format", "pdf", "--out", str(tmp_path / "x")]
        assert main(args) == 2
    finally:
        siap.path_font.cache_clear()
    assert "font" in capsys.readouterr().err


@pytest.mark.django_db
def test_it_writes_a_report_from_the_database_and_a_batch_per_pemda(tmp_path, capsys):
    assert main(["import", str(ROBATAL), str(DEMO / "torjun-2022.yaml")]) == 0
    out = tmp_path / "pk.docx"
    args = [
        "report",
        "--instansi",
        "Kecamatan Robatal",
        "--tahun",
        "2020",
        "--format",
        "docx",
        "--dokumen",
        "pk",
        "--out",
        str(out),
    ]
    assert main(args) == 0
    assert "Pihak Pertama" in teks_docx(out.read_bytes())
    folder = tmp_path / "batch"
    args = [
        "report",
        "--pemda",
        "Kabupaten Sampang",
        "--tahun",
        "2020",
        "--format",
        "xlsx",
        "--out",
        str(folder),
    ]
    assert main(args) == 0
    assert [p.name for p in Path(folder).iterdir()] == ["lkjip-kecamatan-robatal-2020.xlsx"]
    assert main([*args[:4], "1999", *args[5:]]) == 1
    assert "1999" in capsys.readouterr().err

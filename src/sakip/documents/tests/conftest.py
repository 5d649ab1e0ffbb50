"""Documents generated once per session for both shipped datasets; tests
open them as a reader would (python-docx, pdftotext). The PDFs' pages are
rendered to PNG under var/test-artefacts/ for a reviewer to look at."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from docx import Document

from sakip.dataset.baca import baca_dataset
from sakip.documents.buat import Hasil, buat_dokumen

DEMO = Path(__file__).resolve().parents[2] / "demo"
ARTEFAK = Path(__file__).resolve().parents[4] / "var" / "test-artefacts" / "documents"


def teks_docx(isi: bytes) -> str:
    """Every paragraph and every table cell of a DOCX, one per line."""
    doc = Document(io.BytesIO(isi))
    baris = [p.text for p in doc.paragraphs]
    for tabel in doc.tables:
        for row in tabel.rows:
            baris.append(" | ".join(c.text for c in row.cells))
    return "\n".join(baris)


def teks_pdf(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


class Dibuat:
    def __init__(self, nama: str) -> None:
        self.nama = nama
        self.ds = baca_dataset(DEMO / f"{nama}.yaml")
        self._cache: dict[tuple[str, str], Hasil] = {}

    def hasil(self, format: str, dokumen: str = "lkjip") -> Hasil:
        kunci = (format, dokumen)
        if kunci not in self._cache:
            self._cache[kunci] = buat_dokumen(
                self.ds.doc, format=format, dokumen=dokumen, responden=self.ds.responden
            )
            ARTEFAK.mkdir(parents=True, exist_ok=True)
            (ARTEFAK / f"{self.nama}-{dokumen}.{format}").write_bytes(self._cache[kunci].isi)
        return self._cache[kunci]

    def pdf(self, dokumen: str = "lkjip") -> Path:
        self.hasil("pdf", dokumen)
        return ARTEFAK / f"{self.nama}-{dokumen}.pdf"


@pytest.fixture(scope="session")
def robatal() -> Dibuat:
    return Dibuat("robatal-2020")


@pytest.fixture(scope="session")
def torjun() -> Dibuat:
    return Dibuat("torjun-2022")

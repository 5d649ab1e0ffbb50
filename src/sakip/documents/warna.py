"""The colours of the charts, the same in the DOCX and the PDF (hex RGB)."""

from __future__ import annotations

#: The series of a trend chart in order: target, then realisasi.
SERI = ("1F77B4", "FF7F0E")
#: The reference line (100 % or the mean NRR).
REFERENSI = "C0392B"
#: The NRR bars.
BATANG = "2F5D8A"

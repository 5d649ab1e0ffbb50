"""The dataset workbook reader against python-calamine, in the same run.

A generated instansi (40 indicators x 5 years, 300 and 3,000 budget lines;
``generate.py``) is written by the project's own writer (``sakip export
--format xlsx`` writes the same), then read by:

(a) the hand-written reader (``sakip.dataset.xlsx``): the whole ``sakip
    check FILE.xlsx`` command, with the same dataset as YAML beside it (what
    the command costs without the workbook); in process, ``read_workbook``
    (file -> document with every cell's address) and its OOXML cell layer
    alone (``Paket.baris`` over every sheet: the part calamine could replace);
(b) python-calamine: the same cells of every sheet, after the guards every
    calamine read must pass (``sakip.dataset.xlsx.jaga``), with its merged
    ranges; then (b+) plus the one pass calamine cannot spare the reader, the
    style of each cell (its number format carries the decimals of an exact
    number and marks a literal), here a bare regular expression over each
    sheet's XML: a lower bound of what a switch would cost.

It also times importing each reader in a fresh process: the hand-written
one loads openpyxl for a few helpers (formats, dates, column letters).

    python bench/xlsx_baca.py [--baris 300 3000] [--ulang 5] [--out bench/out/xlsx]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import python_calamine

from sakip.dataset.berkas import DEFAULT_MAX_BYTES
from sakip.dataset.dump import dump_yaml
from sakip.dataset.xlsx import read_workbook, write_workbook
from sakip.dataset.xlsx.jaga import periksa_paket
from sakip.dataset.xlsx.jeda import tanpa_gc
from sakip.dataset.xlsx.ooxml import Paket
from sakip.dataset.xlsx.scan import RASIO_TERURAI

sys.path.insert(0, str(Path(__file__).parent))
from generate import dataset  # noqa: E402

#: The dataset reader's own limits, so that the guards refuse what it refuses.
MAKS_TERURAI = DEFAULT_MAX_BYTES * RASIO_TERURAI
MAKS_SEL = 10_000_000
_TAG_SEL = re.compile(rb"<c\s[^>]*>")
_GAYA = re.compile(rb'\ss="([0-9]+)"')


def terbaik(fungsi: Callable[[], object], ulang: int) -> tuple[float, object]:
    """Best wall seconds of ``ulang`` runs (the machine is shared) and the result."""
    detik = []
    hasil: object = None
    for _ in range(ulang):
        t = time.perf_counter()
        hasil = fungsi()
        detik.append(time.perf_counter() - t)
    return min(detik), hasil


def proses(perintah: list[str], ulang: int) -> tuple[float, float]:
    """Best wall seconds and peak memory (MB) of a command in a fresh process."""
    detik, mb = [], []
    for _ in range(ulang):
        t = time.perf_counter()
        p = subprocess.Popen(perintah, stdout=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        detik.append(time.perf_counter() - t)
        mb.append(ru.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) not in (0,):
            raise SystemExit(f"gagal: {' '.join(perintah)}")
    return min(detik), max(mb)


def sel_ooxml(path: Path) -> int:
    """(a) cell layer: every non-empty cell of every sheet, hand-written parser."""
    with tanpa_gc(), zipfile.ZipFile(path) as arsip:
        paket = Paket(arsip)
        return sum(len(c) for lembar in paket.lembar for _, c in paket.baris(lembar))


def baca_ooxml(path: Path) -> int:
    """(a) in process: file -> document and source map (no validation)."""
    doc, _ = read_workbook(path)
    return len(doc)


def sel_calamine(path: Path, *, gaya: bool = False) -> int:
    """(b) the guards, then every non-empty cell of every sheet by calamine
    (and its merged ranges); with ``gaya`` also each cell's style index."""
    aman = periksa_paket(
        path,
        maks_byte=DEFAULT_MAX_BYTES,
        maks_terurai=MAKS_TERURAI,
        maks_sel=MAKS_SEL,
        semua_lembar=True,
    )
    n = 0
    buku = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        for a in aman:
            sheet = buku.get_sheet_by_name(a.lembar.judul)
            n += sum(1 for row in sheet.to_python(skip_empty_area=False) for v in row if v != "")
            sheet.merged_cell_ranges  # noqa: B018 - what the reader refuses
    finally:
        buku.close()
    n_gaya = 0
    if gaya:
        with zipfile.ZipFile(path) as arsip:
            for a in aman:
                tag = _TAG_SEL.findall(arsip.read(a.lembar.path))
                gaya_sel = [m.group(1) if (m := _GAYA.search(t)) else b"0" for t in tag]
                n_gaya += len(gaya_sel)
        # Every non-empty cell has a tag (empty styled cells have one too).
        assert n_gaya >= n, (n_gaya, n)
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baris", type=int, nargs="+", default=[300, 3000])
    ap.add_argument("--ulang", type=int, default=5)
    ap.add_argument("--out", type=Path, default=Path("bench/out/xlsx"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sakip = str(Path(sys.executable).with_name("sakip"))
    py = sys.executable
    t_kosong, _ = proses([py, "-c", "pass"], args.ulang)
    t_ooxml, _ = proses([py, "-c", "import sakip.dataset.xlsx"], args.ulang)
    t_calamine, _ = proses([py, "-c", "import python_calamine"], args.ulang)
    print(f"== impor modul pembaca (proses baru, dikurangi Python kosong {t_kosong:.3f} s)")
    print(f"  sakip.dataset.xlsx (memuat openpyxl)    {max(t_ooxml - t_kosong, 0):6.3f} s")
    print(f"  python_calamine                         {max(t_calamine - t_kosong, 0):6.3f} s")
    for baris in args.baris:
        doc = dataset(1, indikator=40, baris=baris)
        xlsx = args.out / f"instansi-{baris}.xlsx"
        yaml = args.out / f"instansi-{baris}.yaml"
        write_workbook(doc, xlsx)
        yaml.write_text(dump_yaml(doc), encoding="utf-8")
        assert read_workbook(xlsx)[0] == read_workbook(xlsx)[0]
        t_cek, mb_cek = proses([sakip, "check", str(xlsx)], args.ulang)
        t_yaml, _ = proses([sakip, "check", str(yaml)], args.ulang)
        t_baca, _ = terbaik(lambda p=xlsx: baca_ooxml(p), args.ulang)
        t_sel, n_ooxml = terbaik(lambda p=xlsx: sel_ooxml(p), args.ulang)
        t_cal, n_cal = terbaik(lambda p=xlsx: sel_calamine(p), args.ulang)
        t_cal_g, _ = terbaik(lambda p=xlsx: sel_calamine(p, gaya=True), args.ulang)
        assert n_ooxml == n_cal, (n_ooxml, n_cal)
        print(
            f"== 40 indikator x 5 tahun, {baris:,} baris anggaran: {xlsx.stat().st_size:,} byte, "
            f"{n_ooxml:,} sel (terbaik dari {args.ulang})"
        )
        print(f"  (a) sakip check FILE.xlsx (seluruhnya)   {t_cek:6.3f} s  puncak {mb_cek:4.0f} MB")
        print(f"      sakip check FILE.yaml (pembanding)    {t_yaml:6.3f} s")
        print(f"      read_workbook (berkas -> dokumen)     {t_baca:6.3f} s")
        print(f"      lapisan sel OOXML tulisan tangan      {t_sel:6.3f} s")
        print(
            f"  (b) calamine + penjaga, semua sel         {t_cal:6.3f} s"
            f"  = {t_sel / t_cal:4.1f}x lebih cepat dari lapisan sel,"
            f" {t_cal / t_cek:.0%} dari check"
        )
        print(
            f"      (b) + gaya tiap sel (format angka)    {t_cal_g:6.3f} s"
            f"  = {t_sel / t_cal_g:4.1f}x; hemat paling banyak {t_sel - t_cal_g:5.3f} s"
            f" = {(t_sel - t_cal_g) / t_cek:.0%} dari check"
        )


if __name__ == "__main__":
    main()

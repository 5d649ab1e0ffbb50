"""A computed :class:`~sakip.engine.laporan.Laporan` as JSON-ready data and
as plain text, for ``sakip check``.

Numbers in JSON are strings of exact decimals: money to the sen as
computed, percentages rounded half up to two decimals as reports print them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from sakip.engine.angka import bulatkan, format_angka, format_persen, teks_desimal
from sakip.engine.capaian import Capaian
from sakip.engine.efisiensi import RUMUS_BAGI, RUMUS_PENGHEMATAN, RUMUS_SELISIH
from sakip.engine.laporan import Laporan
from sakip.engine.predikat import Skala
from sakip.engine.temuan import kelompok_sebab

TIDAK_TERUKUR = "tidak terukur"


def _nilai(value: object) -> object:
    """A dataset value (number, text, range) as JSON text."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return teks_desimal(value)
    if isinstance(value, list | tuple):
        return [_nilai(v) for v in value]
    return str(value)


def _persen(value: Decimal | None) -> str | None:
    return teks_desimal(bulatkan(value)) if value is not None else None


def _uang(value: Decimal) -> str:
    return teks_desimal(value)


def _capaian(c: Capaian) -> str | None:
    """A percentage, a kualitatif verdict ("tercapai"), or "tidak terukur"."""
    if c.status is not None:
        return c.status
    return _persen(c.nilai) if c.terukur else TIDAK_TERUKUR


def skala_json(skala: Skala) -> dict[str, object]:
    return {"nama": skala.nama, "pita": [p.uraian() for p in skala.pita]}


def laporan_json(laporan: Laporan, doc: Mapping[str, object]) -> dict[str, object]:
    instansi = doc.get("instansi") or {}
    out: dict[str, object] = {
        "instansi": instansi.get("nama"),
        "pemda": (doc.get("pemda") or {}).get("nama"),
        "tahun": laporan.tahun,
        "skala_predikat": skala_json(laporan.aturan.skala),
        "batas_capaian": _nilai(laporan.aturan.batas_capaian),
        "rumus_negatif": laporan.aturan.rumus_negatif,
    }
    out["indikator"] = [
        {
            "kode": b.kode,
            "uraian": b.ref.data.get("uraian"),
            "jenis": b.ref.jenis,
            "induk": b.ref.induk,
            "satuan": b.ref.data.get("satuan"),
            "polaritas": b.ref.data.get("polaritas", "positif"),
            "tahun": b.tahun,
            "target": _nilai(b.target),
            "sumber_target": b.sumber_target,
            "realisasi": _nilai(b.realisasi),
            "sumber_realisasi": b.sumber_realisasi,
            "capaian": _capaian(b.capaian),
            "tercapai": b.capaian.tercapai,
            "predikat": b.predikat,
            "rumus": b.capaian.rumus,
            "perhitungan": b.capaian.perhitungan,
            "keterangan": b.capaian.alasan,
            "perubahan": None
            if b.perubahan is None
            else {
                "tahun_lalu": b.perubahan.tahun_lalu,
                "realisasi_lalu": _nilai(b.perubahan.realisasi_lalu),
                "selisih": _nilai(b.perubahan.selisih),
                "persen": _persen(b.perubahan.persen),
            },
            "target_akhir_renstra": _nilai(b.target_akhir),
            "tingkat_kemajuan": _capaian(b.kemajuan) if b.kemajuan else None,
        }
        for b in laporan.indikator
    ]
    out["sasaran"] = [_agregat(a) for a in laporan.sasaran]
    out["capaian_instansi"] = [_agregat(a) for a in laporan.instansi]
    anggaran = laporan.anggaran
    out["anggaran"] = (
        []
        if anggaran is None
        else [
            {
                "lokasi": n.lokasi,
                "tingkat": n.tingkat,
                "kode": n.kode,
                "uraian": n.uraian,
                "pagu": _uang(n.pagu),
                "realisasi": _uang(n.realisasi),
                "penyerapan": _persen(n.penyerapan),
                "sisa": _uang(n.sisa),
            }
            for n in anggaran.semua()
        ]
    )
    out["anggaran_per_kelas"] = (
        {k: {"pagu": _uang(p), "realisasi": _uang(r)} for k, (p, r) in anggaran.per_kelas.items()}
        if anggaran
        else {}
    )
    out["efisiensi"] = [
        {
            "sasaran": e.sasaran,
            "uraian": e.uraian,
            "tahun": e.tahun,
            "capaian": _persen(e.capaian),
            "pagu": _uang(e.pagu),
            "realisasi": _uang(e.realisasi),
            "penyerapan": _persen(e.penyerapan),
            "selisih": _persen(e.selisih),
            "penghematan": _persen(e.penghematan),
            "program": list(e.program),
            "pagu_bersama": _uang(e.pagu_bersama),
            "tanpa_sasaran": e.tanpa_sasaran,
            "rumus_selisih": RUMUS_SELISIH,
            "rumus_penghematan": RUMUS_PENGHEMATAN,
            "rumus_pembagian": RUMUS_BAGI,
        }
        for e in laporan.efisiensi
    ]
    out["skm"] = [
        {
            "lokasi": s.lokasi,
            "tahun": s.tahun,
            "layanan": s.layanan,
            "responden": s.responden,
            "unsur": [
                {
                    "kode": kode,
                    "uraian": uraian,
                    "jumlah_jawaban": s.jumlah_jawaban.get(kode),
                    "nrr": _nilai(s.nrr.get(kode)),
                }
                for kode, uraian in s.unsur
            ],
            "ikm": _persen(s.ikm.ikm),
            "mutu": s.ikm.mutu.mutu if s.ikm.mutu else None,
            "kinerja": s.ikm.mutu.kinerja if s.ikm.mutu else None,
            "rumus": s.ikm.rumus,
        }
        for s in laporan.skm
    ]
    out["temuan"] = [t.as_dict() for t in laporan.temuan]
    return out


def _agregat(a) -> dict[str, object]:  # noqa: ANN001 - BarisAgregat
    return {
        "kode": a.kode,
        "uraian": a.uraian,
        "tahun": a.tahun,
        "capaian": _persen(a.rata_rata.nilai) if a.rata_rata.nilai is not None else TIDAK_TERUKUR,
        "predikat": a.predikat,
        "jumlah_indikator": a.rata_rata.jumlah,
        "tidak_terukur": a.rata_rata.tidak_terukur,
        "kualitatif": {
            "tercapai": a.rata_rata.tercapai,
            "tidak_tercapai": a.rata_rata.tidak_tercapai,
            "keterangan": a.rata_rata.keterangan,
        }
        if a.rata_rata.keterangan
        else None,
        "rumus": a.rata_rata.rumus,
    }


def laporan_teks(laporan: Laporan, doc: Mapping[str, object], nama_file: str) -> str:
    """A plain-text review an officer can read in a terminal."""
    instansi = (doc.get("instansi") or {}).get("nama", "?")
    baris = [f"== {instansi}, tahun {laporan.tahun} ({nama_file})", ""]
    baris.append(f"Skala predikat: {laporan.aturan.skala.nama}")
    baris.append("")
    baris.append("Pengukuran kinerja")
    for b in laporan.indikator:
        cap = b.capaian.status or format_persen(b.capaian.nilai)
        ket = b.capaian.perhitungan or b.capaian.alasan
        baris.append(
            f"  {b.kode:<10} {b.tahun}  target {_tampil(b.target):>12}  realisasi "
            f"{_tampil(b.realisasi):>12}  capaian {cap:>14}  {b.predikat or '-'}"
        )
        baris.append(f"  {'':<10}       rumus: {b.capaian.rumus}{'; ' + ket if ket else ''}")
        if b.perubahan is not None:
            baris.append(
                f"  {'':<10}       dibanding {b.perubahan.tahun_lalu}: "
                f"{format_angka(b.perubahan.selisih, None)} ({format_persen(b.perubahan.persen)})"
            )
        if b.kemajuan is not None and b.tahun == laporan.tahun:
            baris.append(
                f"  {'':<10}       tingkat kemajuan terhadap target akhir "
                f"{_tampil(b.target_akhir)}: "
                f"{b.kemajuan.status or format_persen(b.kemajuan.nilai)}"
            )
    for a in laporan.sasaran + laporan.instansi:
        if a.tahun == laporan.tahun:
            baris.append(
                f"  capaian {a.kode} {a.tahun}: {format_persen(a.rata_rata.nilai)} "
                f"({a.predikat or '-'}); {a.rata_rata.rumus}"
                + (f"; {a.rata_rata.keterangan}" if a.rata_rata.keterangan else "")
            )
    if laporan.anggaran is not None:
        baris += ["", "Anggaran (pagu / realisasi / penyerapan / sisa)"]
        for n in laporan.anggaran.semua():
            indent = "  " * (n.lokasi.count("/") + 1)
            baris.append(
                f"{indent}{n.lokasi} {n.uraian[:50]}: {format_angka(n.pagu)} / "
                f"{format_angka(n.realisasi)} / {format_persen(n.penyerapan)} / "
                f"{format_angka(n.sisa)}"
            )
    if laporan.efisiensi:
        baris += ["", "Efisiensi (capaian - penyerapan; penghematan bila target tercapai)"]
        baris.append(f"  {RUMUS_BAGI}")
        for e in laporan.efisiensi:
            nama = e.uraian if e.tanpa_sasaran else e.sasaran
            baris.append(
                f"  {nama}: pagu {format_angka(e.pagu)}, capaian {format_persen(e.capaian)}, "
                "penyerapan "
                f"{format_persen(e.penyerapan)}, selisih {format_persen(e.selisih)}, "
                f"penghematan {format_persen(e.penghematan) if e.penghematan is not None else '-'}"
            )
    for s in laporan.skm:
        ikm = format_angka(s.ikm.ikm) if s.ikm.ikm is not None else "-"
        mutu = s.ikm.mutu.mutu if s.ikm.mutu else "-"
        baris.append(f"  SKM {s.tahun} {s.layanan or ''}: IKM {ikm}, mutu {mutu}")
    baris += ["", f"Temuan ({len(laporan.temuan)})"]
    # A finding that follows from another is listed under its root cause.
    for akar, akibat in kelompok_sebab(laporan.temuan):
        baris.append(f"  [{akar.tingkat.value}] {akar.kode} {akar.lokasi}: {akar.pesan}")
        for t in akibat:
            baris.append(f"      -> akibat: [{t.tingkat.value}] {t.kode} {t.lokasi}: {t.pesan}")
    return "\n".join(baris) + "\n"


def _tampil(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, Decimal):
        return format_angka(value, None)
    if isinstance(value, list | tuple):
        return "-".join(_tampil(v) for v in value)
    return str(value)

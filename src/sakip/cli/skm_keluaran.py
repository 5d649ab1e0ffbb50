"""SKM results (:class:`~sakip.engine.skm_hasil.HasilSkm`) as JSON-ready
data and as plain text, for ``sakip skm``.

JSON numbers are strings of exact decimals: NRR and weighted NRR as
computed, the IKM rounded half up to two decimals as reports print it (the
unrounded value is ``ikm_tepat``), the mutu read after that rounding.
"""

from __future__ import annotations

from decimal import Decimal

from sakip.engine.angka import bulatkan, format_angka, teks_desimal
from sakip.engine.skm import HasilIkm
from sakip.engine.skm_hasil import HasilKelompok, HasilSkm, HasilUnsur
from sakip.engine.skm_profil import JUDUL_PROFIL


def _d(value: Decimal | None) -> str | None:
    return teks_desimal(value) if value is not None else None


def _ikm(ikm: HasilIkm) -> dict[str, object]:
    return {
        "ikm": _d(bulatkan(ikm.ikm)) if ikm.ikm is not None else None,
        "ikm_tepat": _d(ikm.ikm),
        "mutu": ikm.mutu.mutu if ikm.mutu else None,
        "kinerja": ikm.mutu.kinerja if ikm.mutu else None,
    }


def _unsur(u: HasilUnsur) -> dict[str, object]:
    return {
        "kode": u.kode,
        "nama": u.nama,
        "jumlah_jawaban": u.jumlah_jawaban,
        "nrr": _d(u.nrr),
        "nrr_tertimbang": _d(u.nrr_tertimbang),
        "mutu": u.mutu.mutu if u.mutu else None,
        "prioritas": u.prioritas,
    }


def _kelompok(k: HasilKelompok) -> dict[str, object]:
    return {
        "nilai": k.nilai,
        "responden": k.responden,
        **_ikm(k.ikm),
        "unsur": [_unsur(u) for u in k.unsur],
    }


def hasil_json(h: HasilSkm) -> dict[str, object]:
    kelompok = {p: [_kelompok(k) for k in ks] for p, ks in h.per_kelompok.items()}
    return {
        "unsur_set": h.unsur_set,
        "responden": h.responden,
        "unsur": [_unsur(u) for u in h.unsur],
        **_ikm(h.ikm),
        "rumus": h.ikm.rumus,
        "prioritas": [u.kode for u in h.prioritas],
        "populasi": h.populasi,
        "sampel_minimum": h.sampel_minimum,
        "sampel_cukup": h.sampel_cukup,
        "per_layanan": kelompok.pop("layanan", []),
        "per_kelompok": kelompok,
    }


def _angka(value: Decimal | None, tempat: int = 2) -> str:
    return format_angka(value, tempat) if value is not None else "-"


def _baris_ikm(label: str, responden: int, ikm: HasilIkm) -> str:
    mutu = f"{ikm.mutu.mutu} ({ikm.mutu.kinerja})" if ikm.mutu else "-"
    return f"  {label:<28} {responden:>9}  IKM {_angka(ikm.ikm):>6}  mutu {mutu}"


def hasil_teks(h: HasilSkm, nama_file: str) -> str:
    """A plain-text summary an officer can read in a terminal."""
    baris = [f"== SKM {nama_file} ({h.unsur_set})", f"Responden: {h.responden}", ""]
    baris.append(f"  {'unsur':<46} {'jawaban':>8} {'NRR':>7} {'NRR x bobot':>12}  mutu")
    for u in h.unsur:
        tanda = "  * prioritas" if u.prioritas else ""
        baris.append(
            f"  {u.kode + ' ' + u.nama[:42]:<46} {u.jumlah_jawaban:>8} {_angka(u.nrr):>7} "
            f"{_angka(u.nrr_tertimbang, 4):>12}  {u.mutu.mutu if u.mutu else '-'}{tanda}"
        )
    baris += [
        "",
        f"IKM {_angka(h.ikm.ikm)}, mutu "
        + (f"{h.ikm.mutu.mutu} ({h.ikm.mutu.kinerja})" if h.ikm.mutu else "-"),
        f"  {h.ikm.rumus}",
    ]
    if h.sampel_minimum is not None:
        cukup = "cukup" if h.sampel_cukup else "BELUM cukup"
        baris.append(
            f"Sampel: {h.responden} responden, minimum Krejcie-Morgan untuk populasi "
            f"{format_angka(Decimal(h.populasi or 0), 0)} adalah {h.sampel_minimum}: {cukup}"
        )
    for p, ks in h.per_kelompok.items():
        baris += ["", f"Per {JUDUL_PROFIL.get(p, p).lower()}"]
        baris += [_baris_ikm(k.nilai[:28], k.responden, k.ikm) for k in ks]
    return "\n".join(baris) + "\n"
